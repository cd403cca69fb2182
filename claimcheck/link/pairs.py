"""What each claim is about -> candidate pairs of claims, across articles, that may state one fact.

The indexer of record linkage: claims are blocked by what they are about (content stems,
participants, measures; never numbers, or a changed figure would never meet the figure it
contradicts), one story group at a time, and each claim keeps its TOP_K best candidates by
tf-idf cosine over those features. A feature held by more than MAX_POSTING claims of a group
is too common to propose a pair ('e:white house' in every sentence of a White House story):
it still weighs in the cosine of pairs that other features propose. The cost is linear in the
claims times the posting lists they touch; no story is ever compared all-pairs.

Weights are computed within the story group, so which pairs a story gets does not depend on
the unrelated stories that share the folder.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from claimcheck.link.about import About, about, same_person
from claimcheck.link.story import Stories
from claimcheck.schema import Claim

TOP_K = 10
# Candidates inside the claim's own article (another person it quotes), kept apart so that they
# never crowd out the other articles.
TOP_K_WITHIN = 5
MAX_POSTING = 80
# Below this cosine two claims share too little to be about one thing.
MIN_SIMILARITY = 0.1


@dataclass(frozen=True, slots=True)
class Match:
    """Two claims of different articles that may be about the same thing."""

    a: About
    b: About
    similarity: float  # tf-idf cosine of their features, 0..1
    shared: frozenset[str]  # the features they share
    # 'claims': a and b are about one thing; 'documents': a calls false a report of the story b
    # tells (a denial names no fact of its own: 'the story is a hoax'), b is b's article's
    # claim most about what a's article says
    level: str = "claims"

    def shares(self, prefix: str) -> frozenset[str]:
        return frozenset(f for f in self.shared if f.startswith(prefix))


def matches(
    claims: Sequence[Claim], stories: Stories, denial: Callable[[Claim], bool] | None = None
) -> Iterator[Match]:
    """Candidate pairs, one story group after another, in a stable order. What a claim is
    about is worked out for one group at a time, so only one group's is held at once.

    With `denial` (a claim that calls a report false, defined by the dispute judge), each
    article's first such claim is also paired, at the level of documents, with the claim of
    every other article of its story that is most about what the denying article says."""
    group = stories.groups()
    by_group: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: c.id):
        by_group[group.get(claim.doc_id, "")].append(claim)
    for name in sorted(by_group):
        members = by_group[name]
        if len({c.doc_id for c in members}) > 1:
            space = _Space([about(c) for c in members])
            yield from _within(space, stories)
            if denial is not None:
                yield from _denied(space, stories, denial)


class _Space:
    """One story group's claims as tf-idf vectors of their features, weighted within the
    group: computed once, read by both pairing rules."""

    def __init__(self, members: Sequence[About]) -> None:
        self.members = members
        self.features = [m.features() for m in members]
        self.docs = [m.doc_id for m in members]
        frequency = Counter(f for fs in self.features for f in fs)
        # squared tf-idf weights: the dot product of two binary vectors sums them
        self.squared = {f: math.log(1 + len(members) / n) ** 2 for f, n in frequency.items()}
        self.norms = [self.norm(fs) for fs in self.features]

    def norm(self, features: frozenset[str]) -> float:
        return math.sqrt(self.dot(features)) or 1.0

    def dot(self, shared: frozenset[str]) -> float:
        """The dot product over shared features (math.fsum: independent of set order)."""
        return math.fsum(map(self.squared.__getitem__, shared))


def _denied(space: _Space, stories: Stories, denial: Callable[[Claim], bool]) -> Iterator[Match]:
    """Each article's first denial against the claim of each other article of the story that
    shares most with the denying article as a whole (tf-idf cosine over the group)."""
    members, features = space.members, space.features
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        by_doc[m.doc_id].append(i)
    for doc in sorted(by_doc):
        denials = [i for i in by_doc[doc] if denial(members[i].claim)]
        if not denials:
            continue
        first = min(denials, key=lambda i: (members[i].claim.start, members[i].claim.id))
        told = frozenset().union(*(features[i] for i in by_doc[doc]))
        told_norm = space.norm(told)
        for other in sorted(by_doc):
            if other == doc or not stories.related(doc, other):
                continue
            scored = []
            for j in by_doc[other]:
                shared = features[j] & told
                score = space.dot(shared) / (space.norms[j] * told_norm)
                scored.append((-score, members[j].claim.start, j, shared))
            if scored:
                negative, _, j, shared = min(scored, key=lambda x: x[:3])
                yield Match(members[first], members[j], -negative, shared, "documents")


def _two_speakers(a: About, b: About) -> bool:
    """Two people one article quotes."""
    return bool(a.speaker and b.speaker) and not same_person(a.speaker, b.speaker)


def _within(space: _Space, stories: Stories) -> Iterator[Match]:
    """Each claim's best candidates among the claims of other sources (two articles, or two
    people one article quotes) that share a feature of a posting list short enough to say
    something."""
    members, features, norms, docs = space.members, space.features, space.norms, space.docs
    postings: dict[str, list[int]] = defaultdict(list)
    for i, fs in enumerate(features):
        for f in fs:
            postings[f].append(i)
    chosen: dict[tuple[int, int], float] = {}
    for i, fs in enumerate(features):
        doc = docs[i]
        proposed: set[int] = set()
        for f in fs:
            posting = postings[f]
            if len(posting) <= MAX_POSTING:
                proposed.update(posting)
        proposed.discard(i)
        scored = []
        for j in proposed:
            other = docs[j]
            if other == doc:
                if not _two_speakers(members[i], members[j]):
                    continue
            elif not stories.related(doc, other):
                continue
            score = space.dot(fs & features[j]) / (norms[i] * norms[j])
            if score >= MIN_SIMILARITY:
                scored.append((-score, members[j].claim.id, j))
        ranked = sorted(scored)
        across = [x for x in ranked if docs[x[2]] != doc][:TOP_K]
        within = [x for x in ranked if docs[x[2]] == doc][:TOP_K_WITHIN]
        for negative, _, j in across + within:
            chosen[(min(i, j), max(i, j))] = -negative
    for (i, j), score in sorted(chosen.items()):
        yield Match(members[i], members[j], score, features[i] & features[j])
