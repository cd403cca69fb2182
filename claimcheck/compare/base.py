"""What every comparator shares: building a finding with its evidence and a stable fingerprint."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import TypeVar

from claimcheck import lexicon
from claimcheck.align import Diff, fold
from claimcheck.compare.confidence import calibrated
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


def finding(
    kind: ContradictionKind,
    sides: Sequence[tuple[Claim, str]],
    explanation: str,
    confidence: float,
) -> Contradiction:
    """A contradiction whose id depends only on what is claimed where, never on offsets or order."""
    return from_sides(kind, [side(c, v) for c, v in sides], explanation, confidence)


def from_sides(
    kind: ContradictionKind, sides: Sequence[SideValue], explanation: str, confidence: float
) -> Contradiction:
    values = sorted({(v.claim_id, v.doc_id, v.value): v for v in sides}.values(), key=_side_key)
    basis = "\n".join(sorted(f"{v.doc_id}|{fold(v.value)}|{v.speaker or ''}" for v in values))
    digest = hashlib.sha1(f"{kind}\n{basis}".encode()).hexdigest()[:16]
    score = round(min(max(confidence, 0.0), 1.0), 3)
    scope = "across" if len({v.doc_id for v in values}) > 1 else "within"
    return Contradiction(
        id=f"{kind}-{digest}",
        kind=kind,
        claim_ids=tuple(v.claim_id for v in values),
        explanation=explanation,
        confidence=calibrated(kind, scope, score),
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
    """The speaker is a person the sentence names: a PERSON entity, or a name of capitalised
    words the model did not label that is no organisation or place of the sentence."""
    assert claim.speaker
    folded = fold(claim.speaker)
    surname = folded.split()[-1]
    labels = {fold(e.canonical): e.label for e in claim.entities}
    if any(label == "PERSON" and name.split()[-1:] == [surname] for name, label in labels.items()):
        return True
    words = claim.speaker.split()
    return (
        len(words) >= 2
        and all(w[:1].isupper() for w in words)
        and folded not in labels
        and not document_speaker(claim.speaker)
    )


@cache
def offices() -> dict[str, str]:
    """Titles that are one office ('Rep.', 'congressman' -> representative)."""
    table: dict[str, str] = lexicon.table("compare")["offices"]
    return table


def negation_words() -> frozenset[str]:
    return frozenset(cues("negation"))
