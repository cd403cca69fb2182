"""`polarity`: one source affirms what another negates, in otherwise the same statement."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.align import Diff
from claimcheck.compare.base import finding, negation_words, source
from claimcheck.schema import Claim, Contradiction

# Below this share of aligned words, a negation may belong to a different statement.
MIN_SIMILARITY = 0.65
# A negation counts only in a short changed stretch ('would resume' / 'would not resume'); one
# inside a long stretch that only one side has belongs to other words.
MAX_FLIP_WORDS = 3


def compare(
    a: Claim, b: Claim, diffs: tuple[Diff, ...], similarity: float
) -> Iterator[Contradiction]:
    if similarity < MIN_SIMILARITY:
        return
    negations = negation_words()
    flips = []
    for diff in diffs:
        neg_a = [t for t in diff.a if t.norm in negations]
        neg_b = [t for t in diff.b if t.norm in negations]
        if bool(neg_a) != bool(neg_b) and max(len(diff.a), len(diff.b)) <= MAX_FLIP_WORDS:
            flips.append((diff, neg_a or neg_b))
        elif bool(neg_a) != bool(neg_b):
            return  # a negation in a long rewrite: not a clean flip
    if len(flips) != 1:  # two flips cancel out or signal a rewrite, not a denial
        return
    diff, _ = flips[0]
    negative, positive = (a, b) if any(t.norm in negations for t in diff.a) else (b, a)
    yield finding(
        "polarity",
        [(positive, "affirms"), (negative, "negates")],
        f"{source(negative)} negates what {source(positive)} affirms in the same statement.",
        0.4 + 0.5 * similarity,
    )
