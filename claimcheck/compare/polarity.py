"""`polarity`: one source affirms what another negates, in otherwise the same statement."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.about import same_person, stem
from claimcheck.align import Diff
from claimcheck.compare.base import finding, negation_words, source
from claimcheck.pairs import Match
from claimcheck.schema import Claim, Contradiction, Event

# Below this share of aligned words, a negation may belong to a different statement.
MIN_SIMILARITY = 0.65
# A negation counts only in a short changed stretch ('would resume' / 'would not resume'); one
# inside a long stretch that only one side has belongs to other words.
MAX_FLIP_WORDS = 3
# Two claims about one thing, by pairing's cosine, before their predicates are compared.
ABOUT_SIMILARITY = 0.15
OTHER_SOURCE_SIMILARITY = 0.25
# Arguments that name no one in particular: a predicate on them says nothing of one fact.
VAGUE_ARGUMENTS = frozenset(
    {"it", "that", "this", "what", "which", "who", "thing", "one", "i", "you", "he", "she"}
    | {"we", "they", "me", "him", "her", "us", "them", "something", "anything", "nothing"}
)


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


def judge(match: Match) -> Iterator[Contradiction]:
    """One source says a thing happens and the other that it does not: the same predicate on
    a shared argument ('understand' / 'not understand the mistrust'), or the same subject and
    object ('the suit contains statistics' / 'the suit did not mention statistics'), negated
    in one claim only."""
    a, b = match.a.claim, match.b.claim
    if match.similarity < ABOUT_SIMILARITY or a.doc_id == b.doc_id:
        return
    two_people = bool(a.speaker and b.speaker) and not same_person(a.speaker, b.speaker)
    if two_people and match.similarity < OTHER_SOURCE_SIMILARITY:
        return  # two people: the same predicate may be about two things
    for ea in a.frame.events:
        for eb in b.frame.events:
            if ea.negated != eb.negated and _same_predication(ea, eb):
                negative, positive = (a, b) if ea.negated else (b, a)
                event = ea if ea.negated else eb
                yield finding(
                    "polarity",
                    [(positive, "affirms"), (negative, "negates")],
                    f"{source(negative)} says '{event.predicate}' did not happen where "
                    f"{source(positive)} says it did.",
                    0.45 + 0.35 * min(match.similarity * 1.5, 1.0),
                )
                return


def _same_predication(a: Event, b: Event) -> bool:
    args_a = {stem(x) for x in (a.subject, a.object) if x and x not in VAGUE_ARGUMENTS}
    args_b = {stem(x) for x in (b.subject, b.object) if x and x not in VAGUE_ARGUMENTS}
    if stem(a.predicate) == stem(b.predicate):
        objects = {stem(x) for x in (a.object, b.object) if x and x not in VAGUE_ARGUMENTS}
        return bool(a.object and b.object and args_a & args_b & objects)
    both = a.subject and a.object and b.subject and b.object
    return bool(both) and len(args_a) == 2 and args_a == args_b
