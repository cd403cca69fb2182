"""Baselines: record findings by fingerprint, then fail only on new ones; --fail-on kinds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import baseline, pipeline
from claimcheck.cli import app
from claimcheck.errors import BadBaseline
from claimcheck.schema import Report

from .report.sample import make_report

runner = CliRunner()


@pytest.fixture
def fake_scan(monkeypatch: pytest.MonkeyPatch) -> Report:
    """The CLI scans the hand-built report, so these tests need no model."""
    report = make_report()
    monkeypatch.setattr(pipeline, "scan", lambda paths, options: report)
    return report


def test_entries_are_sorted_by_id_with_docs_and_explanation() -> None:
    recorded = baseline.from_report(make_report())
    assert [e.id for e in recorded.findings] == ["d-9a0b", "q-1f2e"]
    assert recorded.findings[1].description.startswith("alpha, beta: alpha says 40 people")
    assert recorded.findings[0].description == "beta: a date: with, commas\nand a new line"


def test_render_is_deterministic_and_round_trips(tmp_path: Path) -> None:
    report = make_report()
    reordered = report.model_copy(update={"contradictions": report.contradictions[::-1]})
    text = baseline.render(baseline.from_report(report))
    assert text == baseline.render(baseline.from_report(reordered))
    path = tmp_path / "b.json"
    path.write_text(text)
    assert baseline.load(str(path)) == baseline.from_report(report)


def test_apply_suppresses_known_and_counts_stale() -> None:
    report = make_report()
    known = baseline.from_report(report)
    gone = known.findings[0].model_copy(update={"id": "no-longer-found"})
    partial = known.model_copy(update={"findings": (gone, known.findings[1])})
    result = baseline.apply(report, partial)
    assert [c.id for c in result.contradictions] == ["d-9a0b"]
    assert result.summary.contradictions == 1
    assert result.summary.baseline_suppressed == 1
    assert result.summary.baseline_stale == 1


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (None, "no such file"),
        ("{not json", "not a claimcheck baseline"),
        ('{"findings": 3}', "findings"),
    ],
)
def test_bad_baseline_files_name_the_file(tmp_path: Path, content: str | None, why: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(BadBaseline, match=why) as err:
        baseline.load(str(path))
    assert str(path) in str(err.value)


def test_cli_write_then_scan_passes(tmp_path: Path, fake_scan: Report) -> None:
    out = tmp_path / "claimcheck-baseline.json"
    written = runner.invoke(app, ["baseline", "write", "news/", "-o", str(out)])
    assert written.exit_code == 0, written.output
    assert [f["id"] for f in json.loads(out.read_text())["findings"]] == ["d-9a0b", "q-1f2e"]
    scanned = runner.invoke(
        app, ["scan", "news/", "--baseline", str(out), "-q", "--no-cache"], env={"COLUMNS": "200"}
    )
    assert scanned.exit_code == 0, scanned.output
    assert "0 contradictions" in scanned.output
    assert "(2 in baseline, 0 baseline entries gone)" in scanned.output


def test_cli_fails_on_findings_not_in_baseline(tmp_path: Path, fake_scan: Report) -> None:
    out = tmp_path / "b.json"
    only_date = baseline.from_report(fake_scan)
    only_date = only_date.model_copy(update={"findings": only_date.findings[:1]})
    out.write_text(baseline.render(only_date))
    result = runner.invoke(app, ["scan", "x", "--baseline", str(out), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [c["id"] for c in report["contradictions"]] == ["q-1f2e"]
    assert report["summary"]["baseline_suppressed"] == 1


def test_cli_malformed_baseline_is_one_line_exit_2(tmp_path: Path, fake_scan: Report) -> None:
    bad = tmp_path / "b.json"
    bad.write_text("[]")
    result = runner.invoke(app, ["scan", "x", "--baseline", str(bad)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert str(bad) in result.output


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([], 1),
        (["--fail-on", "quantity"], 1),
        (["--fail-on", "date"], 1),
        (["--fail-on", "entity,polarity"], 0),
        (["--fail-on", "date", "--min-confidence", "0.5"], 0),
        (["--min-confidence", "0.95"], 0),
        (["--exit-zero"], 0),
    ],
)
def test_fail_on_and_min_confidence_choose_the_exit(
    fake_scan: Report, args: list[str], code: int
) -> None:
    assert runner.invoke(app, ["scan", "x", "-q", *args]).exit_code == code


def test_unknown_fail_on_kind_lists_the_valid_ones(fake_scan: Report) -> None:
    result = runner.invoke(app, ["scan", "x", "--fail-on", "quantity,numbers"])
    assert result.exit_code == 2
    assert "'numbers'" in result.output
    assert "quantity, date, entity, attribution, wording, polarity, dispute" in result.output


def test_help_documents_the_ci_options() -> None:
    text = runner.invoke(app, ["scan", "--help"], terminal_width=200).output
    for option in ("--fail-on", "--baseline", "--against", "--cache-dir", "--no-cache", "--sarif"):
        assert option in text
