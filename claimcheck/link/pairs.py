"""Claims -> the one index of candidate pairs of claims that may state one fact.

The indexer of record linkage, one story group at a time (weights and rarity are counted within
the group, so which pairs a story gets does not depend on the unrelated stories of the folder).
Its blocking rules are data (RULES), and every pair carries the rules that proposed it:

- the feature rules (STEM, PARTICIPANT, MEASURE, PARTICIPANT_MEASURE, OFFICE): two claims share
  a feature of what they are about (`About.features`; never numbers, or a changed figure would
  never meet the figure it contradicts). A feature held by more than MAX_POSTING claims of a
  group is too common to propose a pair ('e:white house' in every sentence of a White House
  story): it still weighs in the cosine of pairs other features propose. Each claim keeps its
  TOP_K best candidates by tf-idf cosine. The cost is linear in the claims times the posting
  lists they touch; no story is ever compared all-pairs.
- NEAR_COPY: two sentences share two of their rarest words, and their words then align (two
  versions of one wire sentence, where the word-level diff says which slot changed).
- DENIAL: an article's first claim that calls a report false, against the claim of each other
  article of the story most about what the denying article says (a pair at the level of
  documents).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from claimcheck.link.about import About, about, same_person
from claimcheck.link.align import Alignment, align, function_words, tokens
from claimcheck.link.story import Stories, idf
from claimcheck.schema import Claim

# The blocking rules. The feature rules block on one kind of feature of `About.features`.
STEM = "stem"  # a content stem: 'sentenc'
PARTICIPANT = "participant"  # 'e:<participant>'
MEASURE = "measure"  # 'm:<measure>'
PARTICIPANT_MEASURE = "participant-measure"  # 'm:<measure>|<participant>'
OFFICE = "office"  # 'x:<name tied to an office>'
FEATURE_RULES = (STEM, PARTICIPANT, MEASURE, PARTICIPANT_MEASURE, OFFICE)
NEAR_COPY = "near-copy"
DENIAL = "denial"
RULES = (*FEATURE_RULES, NEAR_COPY, DENIAL)

TOP_K = 10
# Candidates inside the claim's own article (another person it quotes), kept apart so that they
# never crowd out the other articles.
TOP_K_WITHIN = 5
MAX_POSTING = 80
# Below this cosine two claims share too little to be about one thing.
MIN_SIMILARITY = 0.1
# The near-copy rule: how many of a sentence's rarest words make its blocking keys, and how
# large a block may grow before it is too common a pairing to say anything (its members are
# then not paired through it).
RARE_WORDS = 6
MAX_BLOCK = 40
# Two sentences this alike (rapidfuzz token set ratio) are aligned; they are two versions of one
# sentence when this share of their content words align.
PREFILTER = 40.0
SAME_STATEMENT = 0.5


@dataclass(frozen=True, slots=True)
class Match:
    """Two claims that may be about the same thing, and the rules that proposed them."""

    a: About
    b: About
    similarity: float  # tf-idf cosine of their features, 0..1
    shared: frozenset[str]  # the features they share
    # 'claims': a and b are about one thing; 'documents': a calls false a report of the story b
    # tells (a denial names no fact of its own: 'the story is a hoax'), b is b's article's
    # claim most about what a's article says
    level: str = "claims"
    rules: frozenset[str] = frozenset()  # the blocking rules that proposed the pair
    alignment: Alignment | None = None  # the word alignment of a near-copy pair's sentences

    def shares(self, prefix: str) -> frozenset[str]:
        return frozenset(f for f in self.shared if f.startswith(prefix))

    @property
    def weighed(self) -> bool:
        """Proposed by a rule other than NEAR_COPY: a pair the judges weigh. A pair only the
        near-copy rule proposes goes to the comparators of two versions of one sentence alone."""
        return bool(self.rules - {NEAR_COPY})

    def order(self) -> tuple[bool, str, str, str, str]:
        """The index's order of pairs: claims before documents, then by document and claim id."""
        a, b = self.a.claim, self.b.claim
        return (self.level != "claims", a.doc_id, a.id, b.doc_id, b.id)


def feature_rule(feature: str) -> str:
    """The feature rule that blocks on `feature`."""
    if feature.startswith("m:"):
        return PARTICIPANT_MEASURE if "|" in feature else MEASURE
    if feature.startswith("e:"):
        return PARTICIPANT
    if feature.startswith("x:"):
        return OFFICE
    return STEM


def matches(
    claims: Sequence[Claim],
    stories: Stories,
    denial: Callable[[Claim], bool] | None = None,
    *,
    rules: Collection[str] = RULES,
) -> Iterator[Match]:
    """Candidate pairs, one story group after another, each once, in a stable order: first the
    near-copy pairs (the pairs of one pair of sentences one after another, sentences in
    document order), then the other pairs of claims in `Match.order`, then the denials. What a
    claim is about is worked out for one group at a time, so only one group's is held at once.

    `rules` are the blocking rules to run; DENIAL runs only with `denial` (a claim that calls a
    report false, defined by the dispute judge)."""
    group = stories.groups()
    by_group: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_group[group.get(claim.doc_id, "")].append(claim)
    for name in sorted(by_group):
        told = by_group[name]
        if len({c.doc_id for c in told}) > 1:
            space = _Space(told, rules)
            yield from _claim_pairs(space, told, stories, rules)
            if denial is not None and DENIAL in rules:
                yield from _denied(space, stories, denial)


class _Space:
    """One story group's claims as tf-idf vectors of their features, weighted within the
    group: computed once, read by every rule."""

    def __init__(self, claims: Sequence[Claim], rules: Collection[str]) -> None:
        self.members = [about(c) for c in sorted(claims, key=lambda c: (c.doc_id, c.id))]
        self.index = {m.claim.id: i for i, m in enumerate(self.members)}
        self.features = [m.features() for m in self.members]
        self.docs = [m.doc_id for m in self.members]
        frequency = Counter(f for fs in self.features for f in fs)
        # squared tf-idf weights: the dot product of two binary vectors sums them
        self.squared = {f: idf(len(self.members), n) ** 2 for f, n in frequency.items()}
        self.norms = [self.norm(fs) for fs in self.features]
        # the features that propose pairs: of a rule that runs, in a posting list short enough
        # to say something
        self.proposing = frozenset(
            f for f, n in frequency.items() if n <= MAX_POSTING and feature_rule(f) in rules
        )

    def norm(self, features: frozenset[str]) -> float:
        return math.sqrt(self.dot(features)) or 1.0

    def dot(self, shared: frozenset[str]) -> float:
        """The dot product over shared features (math.fsum: independent of set order)."""
        return math.fsum(map(self.squared.__getitem__, shared))

    def cosine(self, i: int, j: int) -> float:
        return self.dot(self.features[i] & self.features[j]) / (self.norms[i] * self.norms[j])

    def match(
        self, i: int, j: int, cosine: float | None, alignment: Alignment | None = None
    ) -> Match:
        """Members i and j as a pair; `cosine` when the feature rules chose it, `alignment`
        when the near-copy rule did."""
        shared = self.features[i] & self.features[j]
        rules = set() if cosine is None else {feature_rule(f) for f in shared & self.proposing}
        if alignment is not None:
            rules.add(NEAR_COPY)
        similarity = self.cosine(i, j) if cosine is None else cosine
        return Match(
            self.members[i],
            self.members[j],
            similarity,
            shared,
            "claims",
            frozenset(rules),
            alignment,
        )


def _claim_pairs(
    space: _Space, claims: Sequence[Claim], stories: Stories, rules: Collection[str]
) -> Iterator[Match]:
    """The near-copy pairs, each with the feature rules that also chose it, then the pairs only
    the feature rules chose."""
    chosen = _chosen(space, stories)
    if NEAR_COPY in rules:
        for unit_a, unit_b, alignment in _near_copies(claims, stories):
            for ca in unit_a:
                for cb in unit_b:
                    # sentences in document order: i < j
                    i, j = space.index[ca.id], space.index[cb.id]
                    yield space.match(i, j, chosen.pop((i, j), None), alignment)
    for (i, j), score in sorted(chosen.items()):
        yield space.match(i, j, score)


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
                yield Match(
                    members[first], members[j], -negative, shared, "documents", frozenset({DENIAL})
                )


def _two_speakers(a: About, b: About) -> bool:
    """Two people one article quotes."""
    return bool(a.speaker and b.speaker) and not same_person(a.speaker, b.speaker)


def _chosen(space: _Space, stories: Stories) -> dict[tuple[int, int], float]:
    """The feature rules: each claim's best candidates among the claims of other sources (two
    articles, or two people one article quotes) that share a proposing feature, by cosine."""
    members, features, norms, docs = space.members, space.features, space.norms, space.docs
    postings: dict[str, list[int]] = defaultdict(list)
    for i, fs in enumerate(features):
        for f in fs & space.proposing:
            postings[f].append(i)
    chosen: dict[tuple[int, int], float] = {}
    for i, fs in enumerate(features):
        doc = docs[i]
        proposed: set[int] = set()
        for f in fs & space.proposing:
            proposed.update(postings[f])
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
    return chosen


def _near_copies(
    claims: Sequence[Claim], stories: Stories
) -> Iterator[tuple[list[Claim], list[Claim], Alignment]]:
    """The near-copy rule: pairs of sentences of different related documents that share two of
    their rarest words (rarity counted within the group) and whose words align, each with the
    claims each sentence holds (a sentence can hold several attributions) and the alignment.
    Yielded, not kept: with their alignments, 80,000 pairs of 1,000 articles held 107 MB."""
    units = _sentence_units(claims)
    words = [tuple(_content_words(unit)) for unit in units]
    frequency: Counter[str] = Counter(w for unit_words in words for w in unit_words)
    for i, j in _candidates(words, frequency):
        a, b = units[i][0], units[j][0]
        if a.doc_id != b.doc_id and stories.related(a.doc_id, b.doc_id):
            alignment = _aligned(a, b)
            if alignment is not None:
                yield units[i], units[j], alignment


def _candidates(words: list[tuple[str, ...]], frequency: Counter[str]) -> list[tuple[int, int]]:
    """Pairs of sentences sharing two of their rarest words, in blocks of at most MAX_BLOCK."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, unit_words in enumerate(words):
        shared = [w for w in unit_words if frequency[w] > 1]
        rare = sorted(shared, key=lambda w: (frequency[w], w))[:RARE_WORDS]
        for first, second in itertools.combinations(sorted(rare), 2):
            blocks[(first, second)].append(index)
    found: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) <= MAX_BLOCK:
            found.update(itertools.combinations(members, 2))
    return sorted(found)


def _sentence_units(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims grouped by the sentence they stand in, sentences in document order."""
    units: dict[tuple[str, int, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        units[(claim.doc_id, claim.start, claim.end)].append(claim)
    return [units[key] for key in sorted(units)]


def _content_words(unit: list[Claim]) -> set[str]:
    stop = function_words()
    return {t.norm for t in tokens(unit[0]) if len(t.norm) > 2 and t.norm not in stop}


def _aligned(a: Claim, b: Claim) -> Alignment | None:
    """The alignment of two versions of one sentence, or None when they are not that alike."""
    if fuzz.token_set_ratio(a.text.lower(), b.text.lower()) < PREFILTER:
        return None
    alignment = align(a, b)
    return alignment if alignment.similarity >= SAME_STATEMENT else None
