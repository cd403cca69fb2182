"""Runs the spaCy parse and claim extraction over many articles."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck import nlp
from claimcheck.extract import extract_claims
from claimcheck.schema import Article, Claim


def extract_all(
    articles: Sequence[Article], *, model: str, jobs: int = 0, progress: bool = False
) -> list[list[Claim]]:
    """Claims of each article, in the order of `articles`."""
    pipeline = nlp.load(model)
    docs = pipeline.pipe(a.text for a in articles)
    return [extract_claims(doc, article) for doc, article in zip(docs, articles, strict=True)]
