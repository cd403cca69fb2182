"""`attribution`: the same statement credited to different speakers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from claimcheck.compare.base import finding, same_person
from claimcheck.schema import Claim, Contradiction

MIN_SIMILARITY = 0.7


def compare(
    a: Claim, b: Claim, similarity: float, speakers: dict[tuple[str, int], Sequence[str]]
) -> Iterator[Contradiction]:
    """`speakers` holds every speaker each sentence credits, so that nested attribution ('Daalder
    wrote that Burkhard asked') is not read as a conflict with an article that names one of them."""
    if similarity < MIN_SIMILARITY or not a.speaker or not b.speaker:
        return
    names_a = speakers.get((a.doc_id, a.start), (a.speaker,))
    names_b = speakers.get((b.doc_id, b.start), (b.speaker,))
    if any(same_person(x, y) for x in names_a for y in names_b):
        return
    yield finding(
        "attribution",
        [(a, a.speaker), (b, b.speaker)],
        f"{a.doc_id} credits this statement to {a.speaker}, {b.doc_id} to {b.speaker}.",
        0.45 + 0.45 * similarity,
    )
