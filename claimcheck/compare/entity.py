"""`entity`: the same role filled by different entities in two versions of one statement."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.align import Diff, Token, fold
from claimcheck.compare.base import finding, same_person, source
from claimcheck.extract.entities import canonical
from claimcheck.schema import Claim, Contradiction, Entity

# Labels whose swap changes who or where; numbers and dates have comparators of their own.
# The small model often labels one name two ways ('Plains Herald' ORG here, PERSON there), so
# any two of these in the same slot are compared. NAME: a capitalised run the model missed.
ROLE_LABELS = frozenset(
    {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT", "NAME"}
)
# Words before an entity below which it stands as the sentence's subject.
SUBJECT_WORDS = 3


def compare(
    a: Claim, b: Claim, diffs: tuple[Diff, ...], similarity: float
) -> Iterator[Contradiction]:
    if (a.speaker or b.speaker) and not same_person(a.speaker, b.speaker):
        return  # different speakers: a formula ('X did not respond'), or an attribution question
    for diff in diffs:
        if not diff.a or not diff.b:
            continue
        for ea in _names(a, diff.a):
            for eb in _names(b, diff.b):
                if _is_subject(a, ea) or _is_subject(b, eb):
                    continue  # 'The X campaign did not respond': both can be true
                if not same_entity(ea, eb):
                    yield finding(
                        "entity",
                        [(a, ea.text), (b, eb.text)],
                        f"{source(a)} names {ea.text} where {source(b)} names {eb.text} "
                        "in the same statement.",
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


def _names(claim: Claim, words: tuple[Token, ...]) -> list[Entity]:
    """The named entities a changed stretch touches; else its capitalised run, as a NAME."""
    start, end = words[0].start, words[-1].end
    touching = [
        e for e in claim.entities if e.label in ROLE_LABELS and e.start < end and start < e.end
    ]
    if touching:
        return touching
    run = [w for w in words if claim.text[w.start - claim.start].isupper()]
    if not run or len(run) != len(words) or run[0].start == claim.start:
        return []  # lower-case words, or the capital that opens the sentence
    text = claim.text[run[0].start - claim.start : run[-1].end - claim.start]
    return [Entity(text=text, label="NAME", canonical=canonical(text), start=start, end=end)]
