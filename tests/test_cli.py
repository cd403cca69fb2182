"""CLI behaviour through typer's CliRunner: exit codes, outputs, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import SEEDS

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
    assert "install" in result.output


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
