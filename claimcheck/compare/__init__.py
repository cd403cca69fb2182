"""Claims and clusters -> contradictions, one comparator module per kind."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.schema import Article, Claim, Cluster, Contradiction, Supersession

__all__ = ["Contradiction", "Supersession", "compare_all"]


def compare_all(
    claims: Sequence[Claim], clusters: Sequence[Cluster], articles: Sequence[Article]
) -> tuple[list[Contradiction], list[Supersession]]:
    return [], []
