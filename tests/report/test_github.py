"""GitHub Actions workflow commands: one escaped annotation per contradiction, at its level."""

from __future__ import annotations

import json

import pytest

from claimcheck.report import github, sarif
from claimcheck.schema import Report, Skipped

from .sample import against_corpus


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


def test_one_annotation_per_contradiction_at_the_first_claim(report: Report) -> None:
    lines = github.render(report).splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == 2
    first = annotations[0]
    assert first.startswith(
        "::error file=articles/alpha.txt,line=3,col=5,title=claimcheck quantity::"
    )
    message = first.split("::", 2)[2]
    assert message.startswith("alpha says 40 people were hurt, beta says 400 (50%25, 100%25 off)")
    # each side by its file path and, where the article names it, its outlet
    assert "%0Aarticles/alpha.txt:3:5 40 people (Police)%0A" in message
    assert "%0Aarticles/beta news.md:7:1 (Harbour Gazette) 400 people%0A" in message
    assert "\n" not in first


def test_the_annotation_names_the_new_article_not_the_corpus(report: Report) -> None:
    """alpha, the finding's first side, is the corpus: the annotation goes on beta."""
    first = github.render(against_corpus(report, "alpha")).splitlines()[0]
    assert first.startswith(
        "::error file=articles/beta news.md,line=7,col=1,title=claimcheck quantity::"
    )
    assert "%0Aarticles/alpha.txt:3:5 40 people (Police)%0A" in first


@pytest.mark.parametrize(
    ("confidence", "command"), [(0.95, "error"), (0.8, "error"), (0.6, "warning"), (0.2, "notice")]
)
def test_annotation_level_is_the_sarif_level(
    report: Report, confidence: float, command: str
) -> None:
    finding = report.contradictions[0].model_copy(update={"confidence": confidence})
    one = report.model_copy(update={"contradictions": (finding,)})
    annotation = github.render(one).splitlines()[0]
    assert annotation.startswith(f"::{command} ")
    (result,) = json.loads(sarif.render(one))["runs"][0]["results"]
    assert github.COMMANDS[result["level"]] == command


def test_newlines_in_explanations_are_escaped(report: Report) -> None:
    second = next(line for line in github.render(report).splitlines() if "claimcheck date" in line)
    assert "a date: with, commas%0Aand a new line" in second
    assert second.startswith("::notice file=articles/beta news.md,line=9,col=2,")


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
