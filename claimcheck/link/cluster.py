"""Claims -> clusters of claims that report the same fact or statement.

Claims are joined by the pairs the index (`pairs.py`) proposes as one fact: every near-copy
pair, and pairs of claims whose features' cosine reaches SAME_FACT. `Links` is the one
union-find of claimcheck: it also joins the documents of one story (`story.py`) and the
findings that share a claim (`judge._merged`).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from typing import Generic, TypeVar

from claimcheck.schema import Claim, Cluster, Contradiction

# Two claims that pairing finds this alike in what they are about state one fact.
SAME_FACT = 0.4

__all__ = ["Cluster", "Links", "cluster_claims"]

Key = TypeVar("Key", str, int)


class Links(Generic[Key]):
    """Items joined by links: a union-find forest that takes the links as they stream past, so
    it grows with the items linked, not with the links (820,000 similar pairs, 50 MB as a list,
    at 10,000 articles). Each set is named by its least item, whatever the order of the links."""

    def __init__(self) -> None:
        self._parent: dict[Key, Key] = {}

    def add(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[Key]]:
        """The items of each set, in the order they were first seen."""
        members: dict[Key, list[Key]] = defaultdict(list)
        for item in self._parent:
            members[self.find(item)].append(item)
        return list(members.values())

    def find(self, x: Key) -> Key:
        """The least item of x's set (x alone when nothing links it)."""
        parent = self._parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x


def cluster_claims(claims: Sequence[Claim], links: Links[str]) -> list[Cluster]:
    """The linked claims as clusters, each spanning at least two documents or speakers."""
    by_id = {c.id: c for c in claims}
    return [_cluster(sorted((by_id[i] for i in ids), key=_order)) for ids in links.groups()]


def _cluster(members: list[Claim]) -> Cluster:
    ids = tuple(c.id for c in members)
    docs = tuple(sorted({c.doc_id for c in members}))
    first = members[0]
    words = first.text.split()
    label = " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
    if first.speaker:
        label = f"{first.speaker}: {label}"
    digest = hashlib.sha1("\n".join(ids).encode()).hexdigest()[:12]
    return Cluster(
        id=f"cl-{digest}", label=label, claim_ids=ids, doc_ids=docs, corroborated_by=docs
    )


def _order(claim: Claim) -> tuple[str, int, str]:
    return (claim.doc_id, claim.start, claim.id)


def mark_disputed(
    clusters: Sequence[Cluster], contradictions: Sequence[Contradiction]
) -> list[Cluster]:
    """A cluster is corroborated only by documents none of whose claims are contradicted there."""
    contested: dict[str, set[str]] = defaultdict(set)
    for item in contradictions:
        for claim_id in item.claim_ids:
            contested[claim_id].update(v.doc_id for v in item.values)
    out = []
    for group in clusters:
        disputed = {doc for claim_id in group.claim_ids for doc in contested.get(claim_id, ())}
        agreeing = tuple(d for d in group.doc_ids if d not in disputed)
        out.append(
            group.model_copy(update={"corroborated_by": agreeing if len(agreeing) > 1 else ()})
        )
    return out
