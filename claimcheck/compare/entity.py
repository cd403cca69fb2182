"""`entity`: the same role filled by different entities in two versions of one statement."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.align import Diff, fold
from claimcheck.compare.base import finding, same_person, source
from claimcheck.schema import Claim, Contradiction, Entity

# Labels whose swap changes who or where; numbers and dates have comparators of their own.
# Words before an entity below which it stands as the sentence's subject.
SUBJECT_WORDS = 3
ROLE_LABELS = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT"})


def compare(
    a: Claim, b: Claim, diffs: tuple[Diff, ...], similarity: float
) -> Iterator[Contradiction]:
    if (a.speaker or b.speaker) and not same_person(a.speaker, b.speaker):
        return  # different speakers: a formula ('X did not respond'), or an attribution question
    for diff in diffs:
        if not diff.a or not diff.b:
            continue
        for ea in _touching(a, diff.a_span()):
            for eb in _touching(b, diff.b_span()):
                if _is_subject(a, ea) or _is_subject(b, eb):
                    continue  # 'The X campaign did not respond': both can be true
                if ea.label == eb.label and not same_entity(ea, eb):
                    yield finding(
                        "entity",
                        [(a, ea.text), (b, eb.text)],
                        f"{source(a)} names {ea.text} where {source(b)} names {eb.text} "
                        f"in the same statement ({ea.label.lower()} differs).",
                        0.45 + 0.45 * similarity,
                    )


def same_entity(a: Entity, b: Entity) -> bool:
    """Alias-aware: the same canonical name, or names of one person (see same_person)."""
    if fold(a.canonical) == fold(b.canonical):
        return True
    return a.label == "PERSON" and same_person(a.canonical, b.canonical)


def _is_subject(claim: Claim, entity: Entity) -> bool:
    """An entity among the first words is what the sentence is about, not a role in its event:
    two sentences about different subjects can both hold."""
    return len(claim.text[: entity.start - claim.start].split()) < SUBJECT_WORDS


def _touching(claim: Claim, span: tuple[int, int]) -> list[Entity]:
    start, end = span
    return [e for e in claim.entities if e.label in ROLE_LABELS and e.start < end and start < e.end]
