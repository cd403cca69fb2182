"""The README and the CLI stay in step: every command and option it documents exists."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _help(*command: str) -> str:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    return result.output


def test_every_documented_command_exists() -> None:
    documented = set(re.findall(r"`claimcheck (\w+)", README))
    listed = _help()
    for command in documented:
        assert command in listed, command


def test_every_documented_scan_option_exists() -> None:
    table = README.split("`scan` options:", 1)[1].split("### Exit codes", 1)[0]
    options = set(re.findall(r"(--[a-z][a-z-]+)", table))
    assert len(options) > 10
    available = _help("scan")
    for option in options:
        assert option in available, option


def test_exit_codes_match_the_help() -> None:
    for code in ("0", "1", "2"):
        assert f"| {code} |" in README
    assert "Exit codes" in _help("scan")


def test_set_up_commands_come_first() -> None:
    assert README.index("make run") < README.index("## Commands")
    assert README.index("make test") < README.index("## Commands")
