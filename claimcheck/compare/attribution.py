"""`attribution`: the same statement credited to different speakers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from claimcheck.compare.base import finding, same_person
from claimcheck.schema import Claim, Contradiction

MIN_SIMILARITY = 0.7
# A statement needs this many words to be worth crediting ('did not respond' is not one).
MIN_CONTENT_WORDS = 6


def compare(
    a: Claim, b: Claim, similarity: float, speakers: dict[tuple[str, int], Sequence[str]]
) -> Iterator[Contradiction]:
    """`speakers` holds every speaker each sentence credits, so that nested attribution ('Daalder
    wrote that Burkhard asked') is not read as a conflict with an article that names one of them."""
    if similarity < MIN_SIMILARITY or not (_statement(a) and _statement(b)):
        return
    names_a = speakers.get((a.doc_id, a.start), (a.speaker,))
    names_b = speakers.get((b.doc_id, b.start), (b.speaker,))
    if any(same_person(x, y) for x in names_a for y in names_b):
        return
    assert a.speaker and b.speaker
    yield finding(
        "attribution",
        [(a, a.speaker), (b, b.speaker)],
        f"{a.doc_id} credits this statement to {a.speaker}, {b.doc_id} to {b.speaker}.",
        0.45 + 0.45 * similarity,
    )


def _statement(claim: Claim) -> bool:
    content = claim.content or ""
    return bool(claim.speaker) and not claim.negated and len(content.split()) >= MIN_CONTENT_WORDS
