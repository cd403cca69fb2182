"""Markdown for a job summary or PR comment: one section per finding, tables escaped."""

from __future__ import annotations

from claimcheck.report import markdown
from claimcheck.schema import Report, Summary


def test_sections_per_finding_with_sources(report: Report) -> None:
    text = markdown.render(report)
    assert text.startswith("# claimcheck report\n")
    assert "## 1. quantity (confidence 0.90) `q-1f2e`" in text
    assert "## 2. date (confidence 0.30) `d-9a0b`" in text
    assert (
        "| articles/alpha.txt:3:5 | 40 people (Police) | Police said 40 people were hurt. |" in text
    )
    assert "| articles/beta news.md:7:1 (Harbour Gazette) | 400 people |" in text


def test_pipes_in_cells_are_escaped(report: Report) -> None:
    finding = report.contradictions[0]
    side = finding.values[0].model_copy(update={"sentence": "a | b\nc"})
    changed = finding.model_copy(update={"values": (side,)})
    text = markdown.render(report.model_copy(update={"contradictions": (changed,)}))
    assert "| a \\| b c |" in text


def test_baseline_counts_appear_in_the_summary(report: Report) -> None:
    summary = Summary(
        documents=2,
        skipped=0,
        claims=3,
        clusters=0,
        contradictions=0,
        baseline_suppressed=2,
        baseline_stale=1,
    )
    text = markdown.render(report.model_copy(update={"contradictions": (), "summary": summary}))
    assert "(2 in baseline, 1 baseline entry gone)" in text
    assert "## 1." not in text


def test_counts_of_one_are_singular(report: Report) -> None:
    summary = Summary(documents=1, skipped=1, claims=1, clusters=1, contradictions=1)
    text = markdown.render(report.model_copy(update={"summary": summary}))
    assert "**1 document, 1 claim, 1 cluster, 1 contradiction, 1 skipped**" in text
