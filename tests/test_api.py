"""claimcheck.scan: the command line's scan as one Python call, used as a notebook would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimcheck
from claimcheck.cli import app
from claimcheck.report import json as json_report

pytestmark = pytest.mark.model

ARTICLES = {
    "harbor.txt": "The Millbrook council approved $84 million for the new public library on "
    "Elm Street on Monday, after a long debate.\n",
    "valley.txt": "Millbrook council members voted on Monday to spend $48 million on the new "
    "public library on Elm Street.\n",
}


def folder(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_scan_returns_the_report_the_command_line_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = folder(tmp_path / "in")
    report = claimcheck.scan(articles, jobs=1)
    assert [d.id for d in report.documents] == ["harbor", "valley"]
    assert report.claims and all(c.doc_id in ("harbor", "valley") for c in report.claims)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "cli.json"
    result = CliRunner().invoke(
        app, ["scan", "in", "--json", str(out), "--no-cache", "-j", "1", "--quiet", "--exit-zero"]
    )
    assert result.exit_code == 0, result.output
    # paths in a report are relative to where it runs: compare from the same folder
    assert json_report.render(claimcheck.scan("in", jobs=1)) == out.read_text(encoding="utf-8")
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["documents"] == 2


def test_scan_takes_a_list_of_files_and_rejects_an_unknown_option(tmp_path: Path) -> None:
    articles = folder(tmp_path)
    report = claimcheck.scan([articles / "harbor.txt", str(articles / "valley.txt")], jobs=1)
    assert report.summary.documents == 2
    with pytest.raises(TypeError):
        claimcheck.scan(articles, job=1)
