"""Claims -> clusters of claims that report the same fact or statement.

Candidates are blocked by pairs of rare content words, so the cost stays near-linear in the
number of claims; each candidate pair is then scored by word alignment.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from claimcheck.link.align import Alignment, align, function_words, tokens
from claimcheck.link.story import Stories
from claimcheck.schema import Claim, Cluster, Contradiction

# How many of a sentence's rarest words make its blocking keys, and how large a block may grow
# before it is too common a pairing to say anything (its members are then not paired through it).
RARE_WORDS = 6
MAX_BLOCK = 40
# A pair is the same statement when this share of their content words align.
SAME_STATEMENT = 0.5
# Two claims that pairing finds this alike in what they are about state one fact.
SAME_FACT = 0.4
PREFILTER = 40.0

__all__ = ["Cluster", "Links", "Pair", "cluster_claims", "similar_pairs"]


@dataclass(frozen=True, slots=True)
class Pair:
    a: Claim
    b: Claim
    alignment: Alignment

    @property
    def similarity(self) -> float:
        return self.alignment.similarity


def similar_pairs(claims: Sequence[Claim], stories: Stories | None = None) -> Iterator[Pair]:
    """Pairs of claims from different documents of one story that state the same thing; the
    pairs of one pair of sentences come one after another.

    Sentences are blocked one story group at a time, so the blocking tables stay as small as a
    story is (a whole-corpus table held five million keys at 10,000 articles). Pairs are
    yielded, not kept: with their alignments, 80,000 pairs of 1,000 articles held 107 MB."""
    units = _sentence_units(claims)
    group = stories.groups() if stories else {}
    by_group: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        by_group[group.get(unit[0].doc_id, "")].append(index)
    for members in (by_group[g] for g in sorted(by_group)):
        # how rare a word is, within the story group: a story's pairs do not depend on the
        # unrelated stories of the folder
        words = [tuple(_content_words(units[i])) for i in members]
        frequency: Counter[str] = Counter(w for unit_words in words for w in unit_words)
        for i, j in _candidates(members, words, frequency):
            a, b = units[i][0], units[j][0]
            if a.doc_id != b.doc_id and (stories is None or stories.related(a.doc_id, b.doc_id)):
                yield from _score(units[i], units[j])


def _candidates(
    indexes: list[int], words: list[tuple[str, ...]], frequency: Counter[str]
) -> list[tuple[int, int]]:
    """Pairs of sentences sharing two of their rarest words, in blocks of at most MAX_BLOCK."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, unit_words in zip(indexes, words, strict=True):
        shared = [w for w in unit_words if frequency[w] > 1]
        rare = sorted(shared, key=lambda w: (frequency[w], w))[:RARE_WORDS]
        for first, second in itertools.combinations(sorted(rare), 2):
            blocks[(first, second)].append(index)
    found: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) <= MAX_BLOCK:
            found.update(itertools.combinations(members, 2))
    return sorted(found)


class Links:
    """Claims joined by similar pairs: a union-find forest that takes the pairs as they stream
    past, so it grows with the claims linked, not with the pairs (820,000 of them, 50 MB as a
    list, at 10,000 articles)."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def add(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        """The ids of each set of linked claims."""
        members: dict[str, list[str]] = defaultdict(list)
        for claim_id in self._parent:
            members[self._find(claim_id)].append(claim_id)
        return list(members.values())

    def _find(self, x: str) -> str:
        parent = self._parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x


def cluster_claims(claims: Sequence[Claim], links: Links) -> list[Cluster]:
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


def _sentence_units(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims grouped by the sentence they stand in (a sentence can hold several attributions)."""
    units: dict[tuple[str, int, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        units[(claim.doc_id, claim.start, claim.end)].append(claim)
    return [units[key] for key in sorted(units)]


def _content_words(unit: list[Claim]) -> set[str]:
    stop = function_words()
    return {t.norm for t in tokens(unit[0]) if len(t.norm) > 2 and t.norm not in stop}


def _score(unit_a: list[Claim], unit_b: list[Claim]) -> list[Pair]:
    a, b = unit_a[0], unit_b[0]
    if fuzz.token_set_ratio(a.text.lower(), b.text.lower()) < PREFILTER:
        return []
    alignment = align(a, b)
    if alignment.similarity < SAME_STATEMENT:
        return []
    return [Pair(ca, cb, alignment) for ca in unit_a for cb in unit_b]


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
