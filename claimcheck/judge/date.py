"""`date`: the same event placed on different days once relative dates are resolved."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache

from claimcheck import lexicon
from claimcheck.judge.base import (
    Candidate,
    Context,
    common_levels,
    cues,
    facing,
    finding,
    near_copy_score,
    source,
)
from claimcheck.judge.evidence import Evidence
from claimcheck.link.about import event_name, stem
from claimcheck.link.align import Diff
from claimcheck.link.pairs import Match
from claimcheck.schema import Claim, Contradiction, DateRef

# Relative periods ('this year', 'last week') place a report, not the event it dates.
VAGUE = ("this ", "last ", "next ", "past ", "coming ", "recent")


def compare(
    a: Claim, b: Claim, diffs: tuple[Diff, ...], similarity: float
) -> Iterator[Contradiction]:
    for da, db in facing(a, b, diffs, _touching):
        if not overlaps(da, db):
            yield finding(
                "date",
                [(a, f"{da.text} = {_period(da)}"), (b, f"{db.text} = {_period(db)}")],
                f"{source(a)} dates it {da.text} ({_period(da)}) but {source(b)} "
                f"says {db.text} ({_period(db)}).",
                near_copy_score("date", similarity),
            )


def overlaps(a: DateRef, b: DateRef) -> bool:
    """Periods meet at the coarser granularity: 'last week' holds 'on Friday'."""
    assert a.value is not None and b.value is not None
    return a.value <= (b.end_value or b.value) and b.value <= (a.end_value or a.value)


def _period(date: DateRef) -> str:
    if date.end_value and date.end_value != date.value:
        return f"{date.value}..{date.end_value}"
    return str(date.value)


def _touching(claim: Claim, span: tuple[int, int]) -> list[DateRef]:
    start, end = span
    return [d for d in claim.dates if d.value and d.start < end and start < d.end]


def candidates(match: Match, ctx: Context) -> Iterator[Candidate]:
    """One date each of two claims of different articles that tell one event (a predicate of
    one is a content word of the other: 'sentencing' / 'sentence'; or one named event,
    'served' / 'held the seat'), at a precision both give, each date hung from words of that
    event (the parse ties both to one stem or named event; dates tied to different words, 'a
    poll released Friday' / 'clarified by Saturday', date two things): how the event is shared
    is a level. Dates an article cannot know as past
    (`_unknowable`) date two occasions and are never compared."""
    a, b = match.a, match.b
    if a.doc_id == b.doc_id:
        return
    happened = (a.predicates & b.stems) | (b.predicates & a.stems)
    if not (happened or a.events & b.events):
        return  # no event both tell: nothing to date twice
    event = "named" if a.events & b.events else "predicate"
    for da, db in _dated_alike(a.claim, b.claim, named=bool(match.shares("e:"))):
        if _unknowable(da, db, a.doc_id, b.doc_id, ctx.published):
            continue
        if _bound(da) != _bound(db):
            continue  # 'ran from 2001' (to 2005) / 'ran in 2005': a start against a year
        tied = _ties(a.claim, da) & _ties(b.claim, db)
        if not tied - _saying():
            continue  # different words date two things; a verb of saying, two statements
        levels = (
            ("value", _apart(da, db)),
            ("event", event),
            ("precision", "same" if da.granularity == db.granularity else "mixed"),
            ("anchored", "yes" if da.anchor or db.anchor else "no"),
            *common_levels(match),
        )
        yield Candidate(
            Evidence("date", levels),
            overlaps(da, db),
            ((a.claim, f"{da.text} = {_period(da)}"), (b.claim, f"{db.text} = {_period(db)}")),
            f"{source(a.claim)} dates it {da.text} ({_period(da)}) but {source(b.claim)} "
            f"says {db.text} ({_period(db)}).",
            (da, db),
        )


def _apart(a: DateRef, b: DateRef) -> str:
    """'overlap' for dates that meet, else 'differs': how far apart they are is no level, for
    the reason quantity._value_level gives."""
    return "overlap" if overlaps(a, b) else "differs"


def _dated_alike(a: Claim, b: Claim, *, named: bool) -> Iterator[tuple[DateRef, DateRef]]:
    """The one date of each claim at a precision both give; a claim with two dates of that
    precision says which is which only in its words, so it is left alone. Two claims that
    give one date each, a day and a month, are compared when the parse ties both dates to one
    verb ('the runoff will be held in early July' / 'the runoff will be held on June 25'); a
    year is too often the background of a claim ('elected in 1995') to set against a day.
    With `named` (the claims name a participant in common), a date that the parse ties to the
    verb of a named event (about.event_name) dates that event, whatever its precision or
    wording: 'resigned earlier this month' / 'left the port authority last year'."""
    named_a, named_b = (_named_dates(a), _named_dates(b)) if named else ({}, {})
    for name in sorted(named_a.keys() & named_b.keys()):
        if len(named_a[name]) == 1 and len(named_b[name]) == 1:
            yield named_a[name][0], named_b[name][0]
            return
    firm_a = [d for d in a.dates if d.value and _firm(d)]
    firm_b = [d for d in b.dates if d.value and _firm(d)]
    if len(firm_a) == 1 and len(firm_b) == 1:
        one_a, one_b = firm_a[0], firm_b[0]
        if {one_a.granularity, one_b.granularity} == {"day", "month"}:
            if _ties(a, one_a, verbs=True) & _ties(b, one_b, verbs=True):
                yield one_a, one_b
            return
    for granularity in ("day", "month", "year"):
        da = [d for d in firm_a if d.granularity == granularity]
        db = [d for d in firm_b if d.granularity == granularity]
        if len(da) == 1 and len(db) == 1:
            yield da[0], db[0]


def _named_dates(claim: Claim) -> dict[str, list[DateRef]]:
    """The claim's resolved dates by the named event whose verb they hang from."""
    found: dict[str, list[DateRef]] = {}
    for date in claim.dates:
        if date.value:
            for tied in _ties(claim, date, verbs=True):
                if tied.startswith("="):
                    found.setdefault(tied, []).append(date)
    return found


def _ties(claim: Claim, date: DateRef, *, verbs: bool = False) -> frozenset[str]:
    """Stems of what the parse says the date dates (extract/frames.py), with `verbs` of the
    verb it hangs from only, and the named event such a verb states ('=serve' for 'held the
    seat', about.event_name), so that two wordings of one event are tied alike."""
    for start, words in claim.frame.dated:
        if start == date.start:
            tied = [w for w in words.split() if not verbs or w.startswith("v:")]
            stems = frozenset(stem(w.removeprefix("v:")) for w in tied)
            named = {event_name(e) for e in claim.frame.events if stem(e.predicate) in stems}
            return stems | {f"={name}" for name in named if name}
    return frozenset()


@cache
def _saying() -> frozenset[str]:
    """Stems of the verbs that report a statement ('announced on Friday'): a date tied only to
    one dates the saying, and two people may say things, or one person say things twice, on
    two days."""
    return frozenset(stem(w) for w in lexicon.words("reporting_verbs"))


def _firm(date: DateRef) -> bool:
    return not date.text.lower().startswith(VAGUE)


def _bound(date: DateRef) -> str:
    """The bound a date is given as ('from 1994': 'from'), or ''. A date given as a bound is
    one end of an open stretch: it meets only a date given as the same bound ('served from
    1994' / 'held the seat from 1996'); the bounds are models/compare.json's `date_bounds`."""
    first = date.text.lower().split(maxsplit=1)[0]
    return first if first in cues("date_bounds") else ""


def _unknowable(
    a: DateRef, b: DateRef, doc_a: str, doc_b: str, published: Mapping[str, str | None]
) -> bool:
    """An article cannot report an event after its own publication as past: when one claim's
    date falls after the other article appeared while that article's date is already past, the
    two speak of different occasions (a second meeting, a later hearing)."""
    pub_a, pub_b = published.get(doc_a), published.get(doc_b)
    assert a.value is not None and b.value is not None
    if pub_b and a.value > pub_b and b.value <= pub_b:
        return True
    return bool(pub_a and b.value > pub_a and a.value <= pub_a)
