"""CI's clean-folder job: claimcheck installed and used as a user reads it, outside the checkout.

In a temporary folder, with nothing but this repository and the package registry:

1. a copy of the checkout (its files as on disk, committed once) tagged v<version>, as a
   release tags main: what `git+URL@v<version>` and pre-commit's `rev:` fetch;
2. the README's recipes ("Installing it elsewhere") run as written, each in bash, with only
   the repository's URL swapped for that copy: the wheel built in the copy, and the git URL in
   an empty folder; each install then scans the seeds from another folder (exit 1, nothing
   skipped, the same JSON report as the checkout's own `python -m claimcheck`);
3. docs/examples/github-workflow.yml's install, list and scan steps, as written, in a sample
   repository of our own made-up articles (a corpus, then a commit adding a new article);
4. docs/ci.md's .pre-commit-config.yaml (`rev:` as written) with pre-commit installed from the
   registry, in another sample repository.

Run by .ci/run after `make test`, with the development environment's Python (for PyYAML):
`.venv/bin/python .ci/clean_folder.py [--keep]`. Exit 0 when every step did what the docs say.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WORKFLOW = ROOT / "docs" / "examples" / "github-workflow.yml"
CI_DOC = ROOT / "docs" / "ci.md"
# Where the docs install claimcheck from; swapped for the local copy.
UPSTREAM = "https://github.com/claimcheck/claimcheck"

# Our own made-up articles: a corpus of two, then a new article that gives another figure.
CORPUS = {
    "wire.txt": "Harbor fire\n\nFire chief Ana Ruiz said 40 people were evacuated on Monday.\n",
    "daily.txt": "Blaze at the harbor\n\nThe city said the warehouse had been empty since 2019.\n",
}
NEW = {
    "blog.md": "# Harbor fire\n\nFire chief Ana Ruiz said 400 people were evacuated on Monday.\n"
}

# Commits in the temporary repositories, whatever the machine's git config.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "claimcheck ci",
    "GIT_AUTHOR_EMAIL": "ci@example.invalid",
    "GIT_COMMITTER_NAME": "claimcheck ci",
    "GIT_COMMITTER_EMAIL": "ci@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


class Failed(Exception):
    """A step did not do what the docs say."""


def user_env(**extra: str) -> dict[str, str]:
    """The environment a user's shell has: no virtual environment active, no PYTHONPATH that
    would let the checkout shadow the installed package."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    if "VIRTUAL_ENV" in os.environ:
        active = str(Path(os.environ["VIRTUAL_ENV"]) / "bin")
        env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != active)
    return {**env, **extra}


def run(
    command: Sequence[str | Path],
    cwd: Path,
    *,
    env: dict[str, str] | None = None,
    expect: int | None = 0,
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=env if env is not None else user_env(),
        capture_output=True,
        text=True,
    )
    if expect is not None and done.returncode != expect:
        raise Failed(
            f"`{' '.join(map(str, command))}` in {cwd} exited {done.returncode}, not {expect}\n"
            f"--- stdout (end)\n{done.stdout[-4000:]}\n--- stderr (end)\n{done.stderr[-4000:]}"
        )
    return done


def git(cwd: Path, *args: str) -> str:
    return run(["git", *args], cwd, env=user_env(**GIT_ENV)).stdout.strip()


def bash(script: str, cwd: Path, env: dict[str, str], expect: int | None = 0) -> Any:
    """A script as a `shell: bash` step of GitHub Actions runs it."""
    path = cwd.parent / "step.sh"
    path.write_text(script, encoding="utf-8")
    return run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", path], cwd, env=env, expect=expect
    )


def version() -> str:
    text = (ROOT / "claimcheck" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    assert found, "no __version__ in claimcheck/__init__.py"
    return found[1]


def source_copy(dest: Path) -> Path:
    """The checkout's files as on disk (uncommitted edits included, ignored files left out) in
    a new repository at `dest`, committed once: what a user's clone fetches. The packaging
    tests' `source_repo` fixture (tests/conftest.py) makes its repository with this too."""
    dest.mkdir(parents=True, exist_ok=True)
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "claimcheck as on disk")
    return dest


def release_copy(dest: Path, tag: str) -> Path:
    """`source_copy`, tagged as a release."""
    git(source_copy(dest), "tag", "-a", tag, "-m", f"claimcheck {tag}")
    return dest


def readme_recipes(tag: str) -> tuple[str, str]:
    """The README's two install recipes, as bash scripts: (from the git URL, from a wheel)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Installing it elsewhere", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"((?:^    \S.*\n)+)", section, flags=re.MULTILINE)
    recipes = ["".join(line[4:] + "\n" for line in b.splitlines()) for b in blocks]
    recipes = [r for r in recipes if r.startswith("python3 -m venv ")]
    (from_git,) = [r for r in recipes if f"{UPSTREAM}@" in r]
    (from_wheel,) = [r for r in recipes if "python -m build" in r]
    pinned = re.findall(re.escape(UPSTREAM) + r"@([^\"\s]+)", from_git)
    if pinned != [tag]:
        raise Failed(f"the README installs {pinned}, not the package's version {tag}")
    return from_git, from_wheel


def installed_env(folder: Path) -> Path:
    """The virtual environment a recipe made in `folder` (its `python3 -m venv NAME`)."""
    (venv,) = [p for p in folder.iterdir() if (p / "pyvenv.cfg").is_file()]
    return venv


def scan_seeds(
    claimcheck: Sequence[str | Path],
    seeds: Path,
    elsewhere: Path,
    env: dict[str, str] | None = None,
) -> str:
    """Scan the seeds from another folder: exit 1 (findings), nothing skipped; the JSON report."""
    command = [*claimcheck, "scan", seeds, "--json", "-", "--no-cache", "--jobs", "2"]
    done = run(command, elsewhere, env=env, expect=1)
    report = json.loads(done.stdout)
    if report["skipped"] or not report["contradictions"]:
        raise Failed(
            f"seeds: skipped {report['skipped']}, {len(report['contradictions'])} findings"
        )
    return done.stdout


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def workflow_steps(venv: Path, source: Path, tag: str, work: Path) -> None:
    """The workflow's install, list and scan steps as written, in a repository whose second
    commit adds an article that contradicts the corpus, the runner's Python being `venv`."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = {
        s["name"].split()[0]: s for s in workflow["jobs"]["claimcheck"]["steps"] if "name" in s
    }
    repo = work / "newsroom"
    write(repo / "corpus", CORPUS)
    write(repo / "new", {"README.txt": "Articles waiting for review.\n"})
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "corpus")
    base = git(repo, "rev-parse", "HEAD")
    write(repo / "new", NEW)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a new article")
    url = workflow["env"]["CLAIMCHECK"]
    if url != f"git+{UPSTREAM}@{tag}":
        raise Failed(f"the workflow installs {url}, not the package's version {tag}")
    runner_temp = work / "runner-temp"
    runner_temp.mkdir()
    summary = work / "step-summary.md"
    env = user_env(
        **{
            **{k: str(v) for k, v in workflow["env"].items()},
            "CLAIMCHECK": url.replace(UPSTREAM, source.as_uri()),
            "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
            "RUNNER_TEMP": str(runner_temp),
            "GITHUB_STEP_SUMMARY": str(summary),
            "BASE": base,
        }
    )
    bash(steps["Install"]["run"], repo, env)
    bash(steps["List"]["run"], repo, env)
    listed = (runner_temp / "claimcheck-articles.txt").read_text()
    if listed != "new/blog.md\n":
        raise Failed(f"the workflow listed {listed!r} as changed articles, not new/blog.md")
    scan = bash(steps["Scan"]["run"], repo, env, expect=1)
    annotations = [x for x in scan.stdout.splitlines() if x.startswith("::")]
    if not annotations or not all(" file=new/blog.md," in x for x in annotations):
        raise Failed(f"the workflow's annotations: {scan.stdout}")
    sarif = json.loads((repo / "claimcheck.sarif").read_text())
    if not sarif["runs"][0]["results"] or not summary.read_text().startswith("# claimcheck"):
        raise Failed("the workflow wrote no SARIF result or no job summary")
    # A push that changes no article scans nothing and passes.
    env["BASE"] = git(repo, "rev-parse", "HEAD")
    bash(steps["List"]["run"], repo, env)
    bash(steps["Scan"]["run"], repo, env, expect=0)


def pre_commit_hook(source: Path, work: Path) -> None:
    """docs/ci.md's .pre-commit-config.yaml, `repo:` swapped for the local copy, `rev:` as
    written, run by pre-commit from the registry in a repository of articles and other files."""
    tools = work / "tools-env"
    run(["python3", "-m", "venv", tools], work)
    run([tools / "bin" / "python", "-m", "pip", "install", "--quiet", "pre-commit"], work)
    (block,) = re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), re.DOTALL)
    config = yaml.safe_load(block)
    if config["repos"][0]["repo"] != UPSTREAM:
        raise Failed(f"docs/ci.md's hook comes from {config['repos'][0]['repo']}")
    config["repos"][0]["repo"] = str(source)
    repo = work / "desk"
    write(repo / "articles", {**CORPUS, **NEW})
    write(repo, {"README.md": "# Our desk\n\nFire chief Ana Ruiz said 4 people left.\n"})
    write(repo / "tools", {"check.py": "print('not an article')\n"})
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    env = user_env(PRE_COMMIT_HOME=str(work / "pre-commit-home"))
    pre_commit = [tools / "bin" / "pre-commit", "run", "--color", "never"]
    everything = run([*pre_commit, "--all-files"], repo, env=env, expect=1)
    lines = everything.stdout.splitlines()
    if not any(re.match(r"claimcheck\.+Failed", x) for x in lines) or not any(
        re.match(r"articles/blog\.md:3:1: quantity \d\.\d\d ", x) for x in lines
    ):
        raise Failed(f"pre-commit's output:\n{everything.stdout}")
    if "3 documents" not in everything.stdout:  # the articles, not README.md or check.py
        raise Failed(f"pre-commit scanned other files:\n{everything.stdout}")
    code_only = run([*pre_commit, "--files", "tools/check.py", "README.md"], repo, env=env)
    if not re.search(r"claimcheck\.+\(no files to check\)Skipped", code_only.stdout):
        raise Failed(f"pre-commit on no article:\n{code_only.stdout}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    keep = parser.parse_args().keep
    tag = f"v{version()}"
    work = Path(tempfile.mkdtemp(prefix="claimcheck-clean-folder-"))
    python = run(["python3", "--version"], work).stdout.strip()
    print(f"clean folder: {work} ({python}, claimcheck {tag})", flush=True)
    started = time.monotonic()

    def step(name: str, action: Callable[[], object]) -> Any:
        start = time.monotonic()
        result = action()
        print(f"clean folder: {name} ok in {time.monotonic() - start:.0f} s", flush=True)
        return result

    try:
        from_git, from_wheel = readme_recipes(tag)
        source = step(
            f"copy of the checkout, tagged {tag}", partial(release_copy, work / "claimcheck", tag)
        )
        elsewhere = work / "elsewhere"
        elsewhere.mkdir()
        seeds = source / "seeds"
        # The checkout's own report (this Python, the checkout first on its path), from the
        # same folder, for the installs to match.
        checkout = user_env(PYTHONPATH=str(ROOT))
        expected = step(
            "seeds scanned by the checkout",
            partial(scan_seeds, [sys.executable, "-m", "claimcheck"], seeds, elsewhere, checkout),
        )
        installs = {"wheel": (from_wheel, source), "git URL": (from_git, work / "user")}
        venvs = {}
        for name, (recipe, cwd) in installs.items():
            cwd.mkdir(exist_ok=True)
            recipe = recipe.replace(UPSTREAM, source.as_uri())
            step(f"README recipe, {name}", partial(bash, recipe, cwd, user_env()))
            venvs[name] = venv = installed_env(cwd)
            pip = run([venv / "bin" / "python", "-m", "pip", "--version"], work).stdout.split()[1]
            report = step(
                f"seeds scanned by the {name} install (pip {pip})",
                partial(scan_seeds, [venv / "bin" / "claimcheck"], seeds, elsewhere),
            )
            if report != expected:
                raise Failed(f"the {name} install reports the seeds otherwise than the checkout")
        step("GitHub workflow steps", partial(workflow_steps, venvs["git URL"], source, tag, work))
        step("pre-commit hook", partial(pre_commit_hook, source, work))
        print(f"clean folder: all ok in {time.monotonic() - started:.0f} s", flush=True)
    except Failed as failed:
        print(f"clean folder: FAILED: {failed}", file=sys.stderr)
        return 1
    finally:
        if not keep:  # three environments with spaCy and pre-commit's: thousands of files
            step("temporary folder removed", partial(shutil.rmtree, work, ignore_errors=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
