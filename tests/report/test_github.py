"""GitHub Actions workflow commands: one escaped ::warning per contradiction."""

from __future__ import annotations

import pytest

from claimcheck.report import github
from claimcheck.schema import Report, Skipped


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("50%", "50%25", "50%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_escaping(text: str, data: str, prop: str) -> None:
    assert github.escape_data(text) == data
    assert github.escape_property(text) == prop


def test_one_warning_per_contradiction_at_the_first_claim(report: Report) -> None:
    lines = github.render(report).splitlines()
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(warnings) == 2
    first = warnings[0]
    assert first.startswith(
        "::warning file=articles/alpha.txt,line=3,col=5,title=claimcheck quantity::"
    )
    message = first.split("::", 2)[2]
    assert message.startswith("alpha says 40 people were hurt, beta says 400 (50%25, 100%25 off)")
    assert "%0Abeta:7:1 400 people" in message
    assert "\n" not in first


def test_newlines_in_explanations_are_escaped(report: Report) -> None:
    second = next(line for line in github.render(report).splitlines() if "claimcheck date" in line)
    assert "a date: with, commas%0Aand a new line" in second
    assert second.startswith("::warning file=articles/beta news.md,line=9,col=2,")


def test_property_values_with_commas_and_colons_are_escaped(report: Report) -> None:
    odd = report.model_copy(
        update={"skipped": (Skipped(path="C:/in,put.txt", reason="not UTF-8, re-save"),)}
    )
    line = github.render(odd).splitlines()[-2]
    assert (
        line
        == "::warning file=C%3A/in%2Cput.txt,title=claimcheck skipped input::not UTF-8, re-save"
    )


def test_summary_is_plain_text_last(report: Report) -> None:
    last = github.render(report).splitlines()[-1]
    assert last.startswith("claimcheck: 2 documents, 3 claims")
    assert not last.startswith("::")


def test_no_findings_prints_only_the_summary(report: Report) -> None:
    empty = report.model_copy(update={"contradictions": ()})
    assert github.render(empty).count("\n") == 1
