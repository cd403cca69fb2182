"""What every comparator shares: building a finding with its evidence and a stable fingerprint."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from claimcheck import lexicon
from claimcheck.judge.confidence import calibrated
from claimcheck.judge.evidence import Evidence, bucket
from claimcheck.link.about import same_person
from claimcheck.link.align import Diff, align, fold, tokens
from claimcheck.link.pairs import Match
from claimcheck.schema import Claim, Contradiction, ContradictionKind, SideValue

T = TypeVar("T")


def side(claim: Claim, value: str) -> SideValue:
    return SideValue(
        claim_id=claim.id,
        doc_id=claim.doc_id,
        sentence=claim.text,
        speaker=claim.speaker,
        value=value,
        line=claim.line,
        column=claim.column,
    )


@dataclass(frozen=True, slots=True)
class Context:
    """What judges read beside the pair itself, built once per story group."""

    published: Mapping[str, str | None]  # document id -> its publication date
    owners: Mapping[tuple[str, int], str]  # (document, figure start) -> the claim it belongs to
    speakers: Mapping[tuple[str, int], Sequence[str]]  # every speaker each sentence credits
    figures: Callable[[Claim], Sequence[Any]]  # a claim's comparable figures (quantity.Figures)


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two things one judge compared in a pair of claims, with the evidence it read.

    `agree` marks values that agree (the same figure, overlapping dates, one name): never a
    finding, and the seed of a generated contradiction when one side is changed
    (bench/weights.py). `subjects` are the compared items of each side (a Quantity, a DateRef,
    an Anchor, an Event, a speaker), which generation changes."""

    evidence: Evidence
    agree: bool
    sides: tuple[tuple[Claim, str], tuple[Claim, str]]
    explanation: str
    subjects: tuple[Any, Any]

    def finding(self) -> Contradiction:
        """The contradiction, its confidence the evidence's probability, its explanation the
        judge's sentence and the levels that decided it."""
        p = self.evidence.probability()
        why = self.evidence.why()
        text = f"{self.explanation} Evidence: {why}." if why else self.explanation
        return from_sides(
            self.evidence.kind, [side(c, v) for c, v in self.sides], text, p, confidence=p
        )


def near_copy_score(kind: str, similarity: float, *, quoted: bool = False) -> float:
    """The score of a near-copy comparator's finding (two versions of one sentence): its base,
    surer for words both sides quote, plus a share of the versions' alignment similarity
    (models/limits.json); judge/confidence.py calibrates it."""
    base = lexicon.limit(f"{kind}.score_base_quoted" if quoted else f"{kind}.score_base")
    return base + lexicon.limit(f"{kind}.score_slope") * similarity


def finding(
    kind: ContradictionKind,
    sides: Sequence[tuple[Claim, str]],
    explanation: str,
    confidence: float,
) -> Contradiction:
    """A contradiction whose id depends only on what is claimed where, never on offsets or order."""
    return from_sides(kind, [side(c, v) for c, v in sides], explanation, confidence)


def from_sides(
    kind: ContradictionKind,
    sides: Sequence[SideValue],
    explanation: str,
    score: float,
    *,
    confidence: float | None = None,
) -> Contradiction:
    """`confidence` is the evidence's probability where levels were weighed; else the judge's
    score is calibrated (judge/confidence.py)."""
    values = sorted({(v.claim_id, v.doc_id, v.value): v for v in sides}.values(), key=_side_key)
    basis = "\n".join(sorted(f"{v.doc_id}|{fold(v.value)}|{v.speaker or ''}" for v in values))
    digest = hashlib.sha1(f"{kind}\n{basis}".encode()).hexdigest()[:16]
    score = round(min(max(score, 0), 1), 3)
    scope = "across" if len({v.doc_id for v in values}) > 1 else "within"
    return Contradiction(
        id=f"{kind}-{digest}",
        kind=kind,
        claim_ids=tuple(v.claim_id for v in values),
        explanation=explanation,
        confidence=calibrated(kind, scope, score) if confidence is None else confidence,
        score=score,
        scope=scope,
        values=tuple(values),
    )


def facing(
    a: Claim,
    b: Claim,
    diffs: Sequence[Diff],
    items: Callable[[Claim, tuple[int, int]], Sequence[T]],
) -> Iterator[tuple[T, T]]:
    """Pairs of items (dates, figures) that stand in the same changed stretch of two aligned
    versions of one sentence: what one version says where the other says something else."""
    for diff in diffs:
        if diff.a and diff.b:
            for x in items(a, diff.a_span()):
                for y in items(b, diff.b_span()):
                    yield x, y


def _side_key(value: SideValue) -> tuple[str, str, str]:
    return (value.doc_id, value.claim_id, value.value)


def source(claim: Claim) -> str:
    """How an explanation names where a claim comes from: 'doc (Speaker)'."""
    return f"{claim.doc_id} ({claim.speaker})" if claim.speaker else claim.doc_id


@cache
def cues(name: str) -> tuple[str, ...]:
    """A cue list from models/compare.json, longest first so phrases win over their words."""
    entries: list[str] = lexicon.table("compare")[name]
    return tuple(sorted(entries, key=lambda e: (-len(e), e)))


def document_speaker(speaker: str) -> bool:
    """'statement', 'the report', 'a Facebook post': a text standing for its author."""
    words = fold(speaker).split()
    nouns = lexicon.words("source_nouns")
    return bool(words) and (words[-1] in nouns or words[-1].removesuffix("s") in nouns)


def named_person(claim: Claim) -> bool:
    """The speaker is a person the sentence names, in its own words: a PERSON entity, or a name
    of capitalised words the model did not label that is no organisation or place of the
    sentence. A speaker found through a pronoun ('he said') is not named."""
    assert claim.speaker
    folded = fold(claim.speaker)
    surname = folded.split()[-1]
    if surname not in {t.norm.removesuffix("'s") for t in tokens(claim)}:
        return False  # 'he said': the name came from coreference, which this sentence cannot check
    labels = {fold(e.canonical): e.label for e in claim.entities}
    if any(label == "PERSON" and name.split()[-1:] == [surname] for name, label in labels.items()):
        return True
    words = claim.speaker.split()
    return (
        len(words) >= lexicon.count("base.name_words")
        and all(w[:1].isupper() for w in words)
        and folded not in labels
        and not document_speaker(claim.speaker)
    )


@cache
def offices() -> dict[str, str]:
    """Titles that are one office ('Rep.', 'congressman' -> representative)."""
    table: dict[str, str] = lexicon.table("compare")["offices"]
    return table


def hedged(claim: Claim) -> bool:
    """The claim passes a rumour on rather than stating it: 'reportedly', 'a post claims'."""
    return _hedge_pattern().search(fold(claim.text)) is not None


@cache
def _hedge_pattern() -> re.Pattern[str]:
    """Every hedge cue as a whole word or phrase, in one pattern compiled once (a pattern per
    cue and claim was a fifth of judging time)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(cue) for cue in cues("hedges")) + r")\b")


@cache
def negation_words() -> frozenset[str]:
    return frozenset(cues("negation"))


def common_levels(match: Match) -> tuple[tuple[str, str], ...]:
    """The levels every judge reads of a pair: how alike the claims are in what they are about
    (pairing's tf-idf cosine, in 'similarity' buckets) and in their words (the share of content
    words that align, 'aligned' buckets: a near-copy tells one statement), whether they name the
    same participants, who speaks in each, and whether they come from one article (two people
    it quotes) or two. Two sentences of one article are two sentences by construction, never
    one statement retold, so their wording reads 'within', not a bucket."""
    if _LAST_LEVELS and _LAST_LEVELS[0][0] is match:
        return _LAST_LEVELS[0][1]  # the judges of one pair ask one after another
    a, b = match.a, match.b
    within = a.doc_id == b.doc_id
    levels = (
        ("similarity", bucket("similarity", match.similarity)),
        ("wording", "within" if within else bucket("aligned", align(a.claim, b.claim).similarity)),
        ("participants", _overlap(a.participants, b.participants)),
        ("speakers", _speakers(a.speaker, b.speaker)),
        ("scope", "within" if within else "across"),
    )
    _LAST_LEVELS[:] = [(match, levels)]  # holds the match, so its identity is not reused
    return levels


# The last pair's common levels: every judge of the registry reads them, and the word
# alignment they need was a tenth of judging time when each judge aligned the pair again.
_LAST_LEVELS: list[tuple[Match, tuple[tuple[str, str], ...]]] = []


def _overlap(x: frozenset[str], y: frozenset[str]) -> str:
    if not x or not y:
        return "one" if x or y else "unknown"
    if x == y:
        return "same"
    return "overlap" if x & y else "disjoint"


def _speakers(a: str | None, b: str | None) -> str:
    if a and b:
        return "same" if same_person(a, b) else "two"
    return "one" if a or b else "none"
