"""--format concise (one line per finding, as ruff prints them) and --statistics."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.report import concise
from claimcheck.schema import Report, Skipped

from ..conftest import ROOT
from ..test_config import ARTICLES
from .sample import against_corpus

runner = CliRunner()

LINE = re.compile(r"(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<kind>[a-z]+) (?P<conf>\d\.\d\d) ")


def test_one_line_per_finding_at_its_first_claim(report: Report) -> None:
    lines = concise.render(report).splitlines()
    assert len(lines) == len(report.contradictions) + 1
    first, second, summary = lines
    assert first == (
        "articles/alpha.txt:3:5: quantity 0.90 alpha says 40 people were hurt, beta says 400 "
        "(50%, 100% off) (see articles/beta news.md:7:1)"
    )
    # a new line inside an explanation never splits a finding over two lines
    assert second == "articles/beta news.md:9:2: date 0.30 a date: with, commas and a new line"
    assert summary.startswith("2 documents, 3 claims")
    for line in (first, second):
        match = LINE.match(line)
        assert match is not None
        assert match["path"].startswith("articles/")


def test_a_finding_is_listed_at_its_new_article(report: Report) -> None:
    first = concise.render(against_corpus(report, "alpha")).splitlines()[0]
    assert first.startswith("articles/beta news.md:7:1: quantity 0.90 ")
    assert first.endswith("(see articles/alpha.txt:3:5)")


def test_skipped_inputs_are_lines_too(report: Report) -> None:
    odd = report.model_copy(update={"skipped": (Skipped(path="in/x.txt", reason="not UTF-8"),)})
    assert "in/x.txt: skipped: not UTF-8" in concise.render(odd).splitlines()


def test_statistics_count_each_kind_most_first(report: Report) -> None:
    twice = report.contradictions[0].model_copy(update={"id": "q-2"})
    more = report.model_copy(update={"contradictions": (*report.contradictions, twice)})
    assert concise.statistics(more).splitlines() == [
        "2  quantity  Sources report different figures for the same quantity.",
        "1  date      Sources give different dates for the same event.",
        "Found 3 contradictions.",
    ]


def test_statistics_of_one(report: Report) -> None:
    one = report.model_copy(update={"contradictions": report.contradictions[:1]})
    assert concise.statistics(one).splitlines()[-1] == "Found 1 contradiction."


def test_statistics_of_nothing(report: Report) -> None:
    empty = report.model_copy(update={"contradictions": ()})
    assert concise.statistics(empty) == "Found 0 contradictions.\n"


@pytest.mark.model
def test_scan_prints_concise_and_statistics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["scan", ".", "--no-cache", "--format", "concise"])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert re.match(r"courier\.md:3:1: quantity 0\.\d\d ", first), first
    assert first.endswith("(see ledger.txt:3:1)")
    result = runner.invoke(app, ["scan", ".", "--no-cache", "--statistics"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("1  quantity  ")


@pytest.mark.model
def test_readme_shows_the_real_concise_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("`claimcheck scan seeds/ --format concise`, whole):\n\n```\n", 1)[1]
    result = runner.invoke(app, ["scan", "seeds/", "--format", "concise", "--no-cache", "-j", "1"])
    assert result.exit_code == 1
    assert shown.split("```", 1)[0] == result.stdout
