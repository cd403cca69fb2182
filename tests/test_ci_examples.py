"""The documented CI set-ups run: the GitHub workflow's and the pre-commit hook's commands."""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "docs" / "examples" / "github-workflow.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
CI_DOC = ROOT / "docs" / "ci.md"
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())

# Made-up articles: two sources in the corpus, one new article that disagrees on a figure.
CORPUS = {
    "wire.txt": "Harbor fire\n\nFire chief Ana Ruiz said 40 people were evacuated on Monday.\n",
    "daily.txt": "Blaze at the harbor\n\nThe city said the warehouse had been empty since 2019.\n",
}
NEW = {
    "blog.md": "# Harbor fire\n\nFire chief Ana Ruiz said 400 people were evacuated on Monday.\n",
}

runner = CliRunner()
pytestmark = pytest.mark.model


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for folder, files in (("corpus", CORPUS), ("new", NEW)):
        (tmp_path / folder).mkdir()
        for name, text in files.items():
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _claimcheck_lines(text: str) -> list[list[str]]:
    """Each `claimcheck ...` command in a shell snippet, environment variables expanded."""
    return [
        shlex.split(os.path.expandvars(line.strip()))[1:]
        for line in text.splitlines()
        if line.strip().startswith("claimcheck ")
    ]


def _invoke(args: list[str]) -> int:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), f"{args}: {result.output}"
    assert "Traceback" not in result.output
    return result.exit_code


def test_workflow_steps_are_what_docs_say() -> None:
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["claimcheck"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/cache" in uses
    assert "github/codeql-action/upload-sarif" in uses
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".claimcheck-cache"
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["if"] == "always()"
    (scan,) = [c for s in steps for c in _claimcheck_lines(s.get("run", ""))]
    assert scan[:4] == ["scan", "new/", "--against", "corpus/"]
    assert upload["with"]["sarif_file"] == scan[scan.index("--sarif") + 1]


def test_workflow_commands_run_on_a_small_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = repo / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code = "\n".join(line for line in CI_DOC.read_text().splitlines() if line.startswith("    "))
    (write,) = [c for c in _claimcheck_lines(code) if c[:2] == ["baseline", "write"]]
    assert _invoke(write) == 0
    baseline = json.loads((repo / "claimcheck-baseline.json").read_text())
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["claimcheck"]["steps"]
    (scan,) = [c for s in steps for c in _claimcheck_lines(s.get("run", ""))]
    # Everything found is in the baseline just written, so the gate passes.
    assert _invoke(scan) == 0
    log = json.loads((repo / "claimcheck.sarif").read_text())
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []
    text = summary.read_text()
    assert text.startswith("# claimcheck report")
    assert f"({len(baseline['findings'])} in baseline, 0 baseline entries gone)" in text


def test_workflow_annotations_point_into_new_articles(repo: Path) -> None:
    result = runner.invoke(app, ["scan", "new/", "--against", "corpus/", "--format", "github"])
    assert result.exit_code in (0, 1)
    for line in result.stdout.splitlines():
        if line.startswith("::warning"):
            assert re.match(r"::warning file=[^,]+,line=\d+,col=\d+,title=claimcheck \w+::", line)
    report = json.loads(
        runner.invoke(app, ["scan", "new/", "--against", "corpus/", "--json", "-"]).stdout
    )
    roles = {d["path"]: d["role"] for d in report["documents"]}
    assert roles == {
        "corpus/daily.txt": "corpus",
        "corpus/wire.txt": "corpus",
        "new/blog.md": "new",
    }
    new_claims = {c["id"] for c in report["claims"] if c["doc_id"] == "blog"}
    assert all(new_claims.intersection(c["claim_ids"]) for c in report["contradictions"])


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text())
    assert hook["id"] == "claimcheck"
    assert hook["entry"] == "claimcheck scan"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["text", "markdown", "html", "json"]
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is True


def test_pre_commit_hook_runs_on_staged_files(repo: Path) -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text())
    entry = shlex.split(hook["entry"])
    assert entry[0] == "claimcheck"
    files = sorted(str(p.relative_to(repo)) for p in repo.rglob("*.*"))
    _invoke([*entry[1:], *hook.get("args", []), *files])
