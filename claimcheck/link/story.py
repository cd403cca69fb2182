"""Which documents report the same story: claims are only compared within one story.

A story is told by who and what it names: its people, organisations and places, its speakers,
its figures and its content words (lemma stems, so 'filed a lawsuit' and 'the suit filed' meet).
Two documents are one story when those markers, weighted by how rare they are in the corpus
(tf-idf), have a cosine of at least STORY_SIMILARITY; documents published within NEAR_DAYS of
each other need only STORY_SIMILARITY_NEAR (a small folder, STORY_SIMILARITY_SMALL), since
outlets cover one event within days and in their own words, and in a large folder documents
published more than FAR_DAYS apart are never one story. Common words and sentence formulas
('did not immediately respond to requests for comment') weigh little, so two unrelated stories
written in the same house style stay apart. Only documents that share a rare marker are ever
compared, so the cost grows with the corpus, not with its square.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

from claimcheck.extract.dates import reanchor
from claimcheck.link.about import stem
from claimcheck.link.align import fold
from claimcheck.link.cluster import Links
from claimcheck.schema import Claim

# The cosine two documents of one story reach. A small folder is usually what the user gave as
# one story, and there rarity weights are coarse (five documents can only weigh a name by how
# many of five name it), so the bar is lower; in a large corpus of many stories written in the
# same style it is higher. Measured on 150 real articles on 50 events (three outlets each,
# dated up to four days apart): with content stems among the markers, same-event pairs reach
# 0.15 or more but one, unrelated pairs stay below 0.3.
STORY_SIMILARITY = 0.3
SMALL_CORPUS = 20
STORY_SIMILARITY_NEAR = 0.15
# A small folder is what the user gave as one story: its documents need share only a little.
# Measured on the FNC-1 dev folders (2-5 articles on one headline): at 0.15, 19 of the 48 with
# a disagreement still had articles kept apart.
STORY_SIMILARITY_SMALL = 0.05
NEAR_DAYS = 4
# Documents of a large folder published this many days apart are two stories, however alike:
# the same company's layoffs in March and in October, one town's floods of two years. Outlets
# cover one event within days (at most four in the 50 events of the real mixed corpus); a
# story followed for months is a series of events, and a small folder is one story whatever
# its dates.
FAR_DAYS = 30
# Content stems this short are too often parts of other words to tell stories apart.
MIN_STEM = 4
STORY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART"})
# Figures below this are too common ('two', '3 percent') to tell stories apart.
MIN_FIGURE = 10
# A marker at most this many documents have is rare enough to propose two of them as one story.
RARE_MARKER_DOCS = 50


class Census:
    """What weighs a document's markers: how many documents of the whole collection hold each
    marker, how many documents there are, and their publication dates. A scan counts them over
    its own claims; a scan against a store (claimcheck.store) over the store and the batch, so
    that the loaded part of the store is grouped as the whole would be."""

    def __init__(
        self,
        frequency: Counter[str],
        total: int,
        published: Mapping[str, str | None] | None = None,
    ) -> None:
        self.frequency = frequency
        self.total = total
        self.dates = _dates(published or {})

    def learn(self, published: Mapping[str, str | None]) -> None:
        """Add the publication dates of more documents."""
        self.dates.update(_dates(published))

    def rare(self, markers: Iterable[str]) -> list[str]:
        """The markers rare enough to propose two documents as one story: names, speakers and
        figures (content stems only weigh: they would propose most pairs of a large corpus)."""
        return [m for m in markers if self.frequency[m] <= RARE_MARKER_DOCS and m[:2] != "w:"]

    def vector(self, markers: Counter[str]) -> dict[str, float]:
        return _unit(markers, self.frequency, self.total)

    def related(self, a: str, va: dict[str, float], b: str, vb: dict[str, float]) -> bool:
        """Whether documents `a` and `b` (their unit vectors `va`, `vb`) tell one story."""
        limit = self._threshold(a, b)
        return limit <= 1.0 and _similarity(va, vb) >= limit

    def may_relate(self, a: str, b: str) -> bool:
        """Whether `a` and `b` are near enough in time to tell one story at all."""
        return self._threshold(a, b) <= 1.0

    def _threshold(self, a: str, b: str) -> float:
        if self.total <= SMALL_CORPUS:
            return STORY_SIMILARITY_SMALL
        days = _days_apart(self.dates.get(a), self.dates.get(b))
        if days is not None and days > FAR_DAYS:
            return math.inf
        if days is not None and days <= NEAR_DAYS:
            return STORY_SIMILARITY_NEAR
        return STORY_SIMILARITY


def document_markers(claims: Iterable[Claim]) -> dict[str, Counter[str]]:
    """Each document's story markers, counted. Each marker is one string object however many
    documents hold it: at 10,000 articles the documents hold three million markers."""
    pool: dict[str, str] = {}
    counts: dict[str, Counter[str]] = {}
    for claim in claims:
        found = (pool.setdefault(m, m) for m in markers(claim))
        counts.setdefault(claim.doc_id, Counter()).update(found)
    return counts


class Stories:
    """Which documents tell one story. Only the related pairs outlive the constructor: the
    documents' marker vectors (about 50 MB at 10,000 articles) are dropped before comparison.

    `census` weighs the markers when the claims are part of a larger collection; by default
    they are weighed over the claims given."""

    def __init__(
        self,
        claims: Sequence[Claim],
        published: Mapping[str, str | None] | None = None,
        *,
        census: Census | None = None,
    ) -> None:
        counts = document_markers(claims)
        if census is None:
            frequency = Counter(marker for markers in counts.values() for marker in markers)
            census = Census(frequency, len(counts), published)
        # Documents that share a rare marker are proposed as one story; a small folder has
        # every pair tried.
        rare = {doc: census.rare(markers) for doc, markers in counts.items()}
        self._docs = sorted(counts)
        # each document's counts give way to its vector as it is made: never both in full
        vectors = {doc: census.vector(counts.pop(doc)) for doc in self._docs}
        self._named = frozenset(doc for doc, vector in vectors.items() if vector)
        postings: dict[str, list[str]] = {}
        for doc in self._docs:
            for marker in rare[doc]:
                postings.setdefault(marker, []).append(doc)
        self._related: set[tuple[str, str]] = set()
        self._groups: dict[str, str] | None = None
        # Each document against the later ones it shares a rare marker with, each pair once
        # (no set of every pair tried: at 10,000 articles that set held millions of pairs).
        for a in self._docs:
            if census.total <= SMALL_CORPUS:
                later = [b for b in self._docs if b > a]
            else:
                later = sorted({b for m in rare[a] for b in postings[m] if b > a})
            for b in later:
                if census.related(a, vectors[a], b, vectors[b]):
                    self._related.add((a, b))

    def related(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if a not in self._named or b not in self._named:
            return True  # a document that names nothing cannot be told apart: compare it
        return ((a, b) if a < b else (b, a)) in self._related

    def groups(self) -> dict[str, str]:
        """Each document's story group: documents linked by a chain of related pairs, named by
        the group's first document id. Worked out once (every story group's pairing asks);
        the mapping is shared, not to be changed."""
        if self._groups is None:
            self._groups = self._linked()
        return self._groups

    def told(self, documents: Iterable[str]) -> list[tuple[str, ...]]:
        """Every one of `documents` in its story, as the report lists them: the documents of
        each story group, sorted, the groups in order of their first document. A document
        without claims is in no group: when the others tell one story it is theirs (nothing
        of it was compared), else it stands alone."""
        group = self.groups()
        listed = sorted(set(documents))
        told = {group[doc] for doc in listed if doc in group}
        only = next(iter(told)) if len(told) == 1 else None
        members: dict[str, list[str]] = {}
        for doc in listed:
            members.setdefault(group.get(doc, only or doc), []).append(doc)
        return sorted(tuple(docs) for docs in members.values())

    def _linked(self) -> dict[str, str]:
        links: Links[str] = Links()
        for a, b in sorted(self._related):
            links.add(a, b)
        return {doc: links.find(doc) for doc in self._docs}


def anchored(
    claims: Sequence[Claim], stories: Stories, published: Mapping[str, str | None]
) -> list[Claim]:
    """Claims of articles that give no publication date, with their relative dates ('last
    month', 'on Friday') resolved against the story's own date: the earliest publication date
    of the articles of its story that have one. An article with no dated story keeps them
    unresolved (compared as unknown)."""
    group = stories.groups()
    earliest: dict[str, dt.date] = {}
    for doc, day in published.items():
        if day:
            key = group.get(doc, doc)
            value = dt.date.fromisoformat(day)
            earliest[key] = min(earliest.get(key, value), value)
    out = []
    for claim in claims:
        anchor = None if published.get(claim.doc_id) else earliest.get(group.get(claim.doc_id, ""))
        unresolved = any(d.value is None for d in claim.dates)
        if anchor is None or not unresolved:
            out.append(claim)
            continue
        dates = tuple(reanchor(d, anchor) for d in claim.dates)
        out.append(claim.model_copy(update={"dates": dates}))
    return out


def _dates(published: Mapping[str, str | None]) -> dict[str, dt.date]:
    out = {}
    for doc, value in published.items():
        if value:
            with contextlib.suppress(ValueError):
                out[doc] = dt.date.fromisoformat(value)
    return out


def _days_apart(a: dt.date | None, b: dt.date | None) -> int | None:
    return abs((a - b).days) if a is not None and b is not None else None


def markers(claim: Claim) -> Iterator[str]:
    """What tells a claim's story: content stems, names, its speaker, figures."""
    yield from content_markers(claim)
    if claim.speaker:
        yield speaker_marker(claim.speaker)


def speaker_marker(speaker: str) -> str:
    return f"s:{fold(speaker)}"


def content_markers(claim: Claim) -> Iterator[str]:
    """The markers of a claim but its speaker's, which depends on the names of the whole scan
    (extract.speakers.unify)."""
    for word in claim.frame.lemmas.split():
        stemmed = stem(word)
        if len(stemmed) >= MIN_STEM:
            yield f"w:{stemmed}"
    for entity in claim.entities:
        if entity.label in STORY_LABELS:
            yield f"e:{fold(entity.canonical)}"
    for quantity in claim.quantities:
        if abs(quantity.value) >= MIN_FIGURE:
            yield f"q:{quantity.value:g}"


def _similarity(va: dict[str, float], vb: dict[str, float]) -> float:
    """Cosine of two unit vectors of markers: over the markers they share only (a C-level set
    intersection; a document holds hundreds of markers and shares few)."""
    shared = va.keys() & vb.keys()
    return math.fsum(map(operator.mul, map(va.__getitem__, shared), map(vb.__getitem__, shared)))


def idf(total: int, count: int) -> float:
    """How rare a marker or feature held by `count` of `total` documents or claims is: the one
    inverse document frequency of stories and pairing (`pairs.py`)."""
    return math.log(1 + total / count)


def _unit(markers: Counter[str], frequency: Counter[str], total: int) -> dict[str, float]:
    weights = {m: (1 + math.log(n)) * idf(total, frequency[m]) for m, n in markers.items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {m: x / norm for m, x in weights.items()}
