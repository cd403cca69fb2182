"""`polarity`: one source affirms what another negates, in otherwise the same statement."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck import lexicon
from claimcheck.judge.base import (
    Candidate,
    Context,
    common_levels,
    finding,
    hedged,
    near_copy_score,
    negation_words,
    source,
)
from claimcheck.judge.evidence import Evidence
from claimcheck.link.about import stem
from claimcheck.link.align import Diff
from claimcheck.link.pairs import Match
from claimcheck.schema import Claim, Contradiction, Event

# Arguments that name no one in particular: a predicate on them says nothing of one fact.
VAGUE_ARGUMENTS = frozenset(
    {"it", "that", "this", "what", "which", "who", "thing", "one", "i", "you", "he", "she"}
    | {"we", "they", "me", "him", "her", "us", "them", "something", "anything", "nothing"}
)


def compare(
    a: Claim, b: Claim, diffs: tuple[Diff, ...], similarity: float
) -> Iterator[Contradiction]:
    if similarity < lexicon.limit("polarity.min_similarity"):
        return
    negations = negation_words()
    flips = []
    longest = lexicon.count("polarity.max_flip_words")
    for diff in diffs:
        neg_a = [t for t in diff.a if t.norm in negations]
        neg_b = [t for t in diff.b if t.norm in negations]
        if bool(neg_a) != bool(neg_b) and max(len(diff.a), len(diff.b)) <= longest:
            flips.append((diff, neg_a or neg_b))
        elif bool(neg_a) != bool(neg_b):
            return  # a negation in a long rewrite: not a clean flip
    if len(flips) != 1:  # two flips cancel out or signal a rewrite, not a denial
        return
    if not _flipped_predicate(a, b):
        return  # 'couldn't' / 'could not', 'No. 2', a 'No.' of its own: no predicate flips
    diff, _ = flips[0]
    negative, positive = (a, b) if any(t.norm in negations for t in diff.a) else (b, a)
    yield finding(
        "polarity",
        [(positive, "affirms"), (negative, "negates")],
        f"{source(negative)} negates what {source(positive)} affirms in the same statement.",
        near_copy_score("polarity", similarity),
    )


def candidates(match: Match, ctx: Context) -> Iterator[Candidate]:
    """The same predication in two claims of different articles: the same predicate on a
    shared object ('understand' / 'not understand the mistrust'), or the same subject and
    object ('the suit contains statistics' / 'the suit did not mention statistics'). Negated
    in one claim only, it is a candidate denial; whether either claim is someone's statement
    rather than the outlet's, and how alike the claims are, are levels."""
    a, b = match.a.claim, match.b.claim
    if a.doc_id == b.doc_id:
        return
    said = None  # the levels of the pair, read once it has a candidate
    for ea in a.frame.events:
        for eb in b.frame.events:
            if not (ea.asserted and eb.asserted):
                continue  # a condition, a question or an infinitive states no fact to deny
            shape = _same_predication(ea, eb)
            if shape is None:
                continue
            negative, positive = (a, b) if ea.negated else (b, a)
            event = ea if ea.negated else eb
            if said is None:
                said = (
                    ("attributed", _attributed(a, b)),
                    ("hedged", "yes" if hedged(a) or hedged(b) else "no"),
                    *common_levels(match),
                )
            levels = (("shape", shape), *said)
            yield Candidate(
                Evidence("polarity", levels),
                ea.negated == eb.negated,
                ((positive, "affirms"), (negative, "negates")),
                f"{source(negative)} says '{event.predicate}' did not happen where "
                f"{source(positive)} says it did.",
                (ea, eb),
            )


def _flipped_predicate(a: Claim, b: Claim) -> bool:
    """The parse shows the flip: a predicate both sentences state as fact, negated in one
    only. A negation written two ways ('hadn't' / 'had not', 'won't be known' / 'not yet
    known') negates the same predicate on both sides."""
    pa, pb = _polarities(a), _polarities(b)
    return any(len(pa[p]) == len(pb[p]) == 1 and pa[p] != pb[p] for p in pa.keys() & pb.keys())


def _polarities(claim: Claim) -> dict[str, set[bool]]:
    """Each predicate the claim states as fact, and whether it is negated."""
    found: dict[str, set[bool]] = {}
    for event in claim.frame.events:
        if event.asserted:
            found.setdefault(event.predicate, set()).add(event.negated)
    return found


def _attributed(a: Claim, b: Claim) -> str:
    """Whether each claim is someone's statement: a reported claim can be false in a true
    article."""
    count = bool(a.speaker) + bool(b.speaker)
    return ("neither", "one", "both")[count]


def _same_predication(a: Event, b: Event) -> str | None:
    """'object': one predicate on a shared object, said of one subject or of a subject only one
    clause names; 'arguments': the same subject and object under two predicates; None: two
    different predications."""
    args_a = {stem(x) for x in (a.subject, a.object) if x and x not in VAGUE_ARGUMENTS}
    args_b = {stem(x) for x in (b.subject, b.object) if x and x not in VAGUE_ARGUMENTS}
    if stem(a.predicate) == stem(b.predicate):
        objects = {stem(x) for x in (a.object, b.object) if x and x not in VAGUE_ARGUMENTS}
        if _other_subjects(a, b, args_a, args_b):
            return None  # 'a farmer never went to law school' / 'Braley went to law school'
        return "object" if a.object and b.object and args_a & args_b & objects else None
    both = a.subject and a.object and b.subject and b.object
    return "arguments" if both and len(args_a) == 2 and args_a == args_b else None


def _other_subjects(a: Event, b: Event, args_a: set[str], args_b: set[str]) -> bool:
    """Each clause says it of someone or something specific, and neither of them takes part in
    the other clause ('AARP has not changed its position' / 'its position had changed' share
    the position)."""
    if not (a.subject and b.subject) or {a.subject, b.subject} & VAGUE_ARGUMENTS:
        return False
    return stem(a.subject) not in args_b and stem(b.subject) not in args_a
