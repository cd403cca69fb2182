"""`attribution`: the same statement credited to different speakers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from rapidfuzz.distance import Indel

from claimcheck import lexicon
from claimcheck.judge.base import (
    Candidate,
    Context,
    common_levels,
    finding,
    named_person,
    near_copy_score,
)
from claimcheck.judge.evidence import Evidence, bucket
from claimcheck.link.about import same_person
from claimcheck.link.align import fold, function_words, tokens
from claimcheck.link.pairs import Match
from claimcheck.schema import Claim, Contradiction


def compare(
    a: Claim, b: Claim, similarity: float, speakers: Mapping[tuple[str, int], Sequence[str]]
) -> Iterator[Contradiction]:
    """`speakers` holds every speaker each sentence credits, so that nested attribution ('Daalder
    wrote that Burkhard asked') is not read as a conflict with an article that names one of them."""
    alike = similarity >= lexicon.limit("attribution.min_similarity")
    if not (alike and _statement(a) and _statement(b)):
        return
    assert a.speaker and b.speaker
    if not _two_people(a, b, speakers):
        return
    yield finding(
        "attribution",
        [(a, a.speaker), (b, b.speaker)],
        f"{a.doc_id} credits this statement to {a.speaker}, {b.doc_id} to {b.speaker}.",
        near_copy_score("attribution", similarity),
    )


def _statement(claim: Claim) -> bool:
    content = claim.content or ""
    return (
        bool(claim.speaker)
        and not claim.negated
        and len(content.split()) >= lexicon.count("attribution.min_content_words")
    )


def candidates(match: Match, ctx: Context) -> Iterator[Candidate]:
    """The same quoted words in two attributed claims of different articles: a run of a few words
    inside quotation marks in both, some of them content words (how many of each:
    models/limits.json). Credited to one person, the claims agree. Credited to two, both must be
    people the sentences name in their own words (a document, 'the statement', is its author's
    voice, an office's line is repeated by many mouths, and '..., he said' credits whoever
    coreference chose, which no reader can check in the sentence); whether a sentence names the
    other speaker too, and the quote's length, are levels."""
    a, b = match.a.claim, match.b.claim
    if a.doc_id == b.doc_id or not (a.speaker and b.speaker) or a.negated or b.negated:
        return
    quoted = _shared_quote(a, b)  # first: most claims quote nothing, and this is cheap then
    if quoted is None:
        return
    names_a = ctx.speakers.get((a.doc_id, a.start), (a.speaker,))
    names_b = ctx.speakers.get((b.doc_id, b.start), (b.speaker,))
    same = any(same_person(x, y) for x in names_a for y in names_b)
    if not same and not (named_person(a) and named_person(b)):
        return  # a speaker the sentence does not name is our inference, not the outlet's words
    levels = (
        ("quote", bucket("quote_words", len(quoted.split()))),
        ("names_other", "yes" if _names_other(a, b) or _names_other(b, a) else "no"),
        *common_levels(match),
    )
    yield Candidate(
        Evidence("attribution", levels),
        same,
        ((a, a.speaker), (b, b.speaker)),
        f'{a.doc_id} credits the words "{quoted}" to {a.speaker}, {b.doc_id} to {b.speaker}.',
        (a.speaker, b.speaker),
    )


def _shared_quote(a: Claim, b: Claim) -> str | None:
    """The longest run of quoted words the two claims share, if long enough to be one quote."""
    qa = [t for t in tokens(a) if t.quoted]
    qb = [t for t in tokens(b) if t.quoted]
    shortest = lexicon.count("attribution.min_quote_words")
    if len(qa) < shortest or len(qb) < shortest:
        return None
    best = None
    for op in Indel.opcodes([t.norm for t in qa], [t.norm for t in qb]):
        if op.tag == "equal" and (best is None or op.src_end - op.src_start > best[1] - best[0]):
            best = (op.src_start, op.src_end)
    if best is None:
        return None
    run = qa[best[0] : best[1]]
    content = [t for t in run if t.norm not in function_words()]
    if len(run) < shortest or len(content) < lexicon.count("attribution.min_quote_content"):
        return None
    return a.text[run[0].start - a.start : run[-1].end - a.start]


def _two_people(a: Claim, b: Claim, speakers: Mapping[tuple[str, int], Sequence[str]]) -> bool:
    """The two claims credit two different people the sentences name: not a document, an office
    or an organisation (their line is repeated by many mouths), not one person spelled two
    ways, not a sentence that names the other speaker too ('That group, Mr. Lee said, ...')."""
    if not (named_person(a) and named_person(b)):
        return False
    names_a = speakers.get((a.doc_id, a.start), (a.speaker,))
    names_b = speakers.get((b.doc_id, b.start), (b.speaker,))
    if any(same_person(x, y) for x in names_a for y in names_b):
        return False
    return not (_names_other(a, b) or _names_other(b, a))


def _names_other(a: Claim, b: Claim) -> bool:
    """b's sentence names a's speaker: it may credit a after all, in a clause of its own."""
    assert a.speaker
    surname = fold(a.speaker).split()[-1]
    return surname in {t.norm for t in tokens(b)}
