"""A hand-built Report with two findings, for renderer and CI tests (no model needed)."""

from __future__ import annotations

from claimcheck.schema import Claim, Contradiction, Document, Report, SideValue, Story, Summary


def against_corpus(report: Report, *corpus: str) -> Report:
    """`report` as `scan NEW --against CORPUS` writes it: the documents `corpus` names are
    the corpus, compared with but not checked."""
    docs = tuple(
        d.model_copy(update={"role": "corpus"}) if d.id in corpus else d for d in report.documents
    )
    return report.model_copy(update={"documents": docs})


def make_report(*, doc_dir: str = "articles") -> Report:
    documents = (
        Document(id="alpha", path=f"{doc_dir}/alpha.txt"),
        Document(id="beta", path=f"{doc_dir}/beta news.md", format="md", outlet="Harbour Gazette"),
    )
    claims = (
        Claim(
            id="alpha:0-40",
            doc_id="alpha",
            kind="quantity",
            text="Police said 40 people were hurt.",
            start=0,
            end=40,
            line=3,
            column=5,
        ),
        Claim(
            id="beta:10-50",
            doc_id="beta",
            kind="quantity",
            text="Officials said 400 people were hurt.",
            start=10,
            end=50,
            line=7,
            column=1,
        ),
        Claim(
            id="beta:60-90",
            doc_id="beta",
            kind="date",
            text="It happened on Monday.",
            start=60,
            end=90,
            line=9,
            column=2,
        ),
    )
    findings = (
        Contradiction(
            id="q-1f2e",
            kind="quantity",
            claim_ids=("alpha:0-40", "beta:10-50"),
            explanation="alpha says 40 people were hurt, beta says 400 (50%, 100% off)",
            confidence=0.9,
            values=(
                SideValue(
                    claim_id="alpha:0-40",
                    doc_id="alpha",
                    sentence=claims[0].text,
                    speaker="Police",
                    value="40 people",
                    line=3,
                    column=5,
                ),
                SideValue(
                    claim_id="beta:10-50",
                    doc_id="beta",
                    sentence=claims[1].text,
                    value="400 people",
                    line=7,
                    column=1,
                ),
            ),
        ),
        Contradiction(
            id="d-9a0b",
            kind="date",
            claim_ids=("beta:60-90",),
            explanation="a date: with, commas\nand a new line",
            confidence=0.3,
        ),
    )
    return Report(
        version="0.0.test",
        model="en_core_web_sm@3.8.0",
        summary=Summary(documents=2, skipped=0, claims=3, clusters=0, contradictions=2),
        documents=documents,
        claims=claims,
        contradictions=findings,
        stories=(Story(id="alpha", doc_ids=("alpha", "beta")),),
    )
