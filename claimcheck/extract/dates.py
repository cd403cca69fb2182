"""Doc -> dates, relative ones resolved against the article's publication date.

Resolution rules (all relative to the publication date P):
- a bare weekday ("on Sunday") is the latest such day on or before P, or the next one on or
  after P when its clause is in the future tense ("will meet on Friday");
- "last Friday" is the latest Friday strictly before P, "next Friday" the first strictly after;
- a day or month without a year is the latest one on or before P (a day may run
  GRACE_DAYS past P) when its clause is in the past tense, the next one on or after P when it
  is in the future tense ("will", "would", "is due to"), and the one nearest to P when the
  tense says neither ("the primary is on April 30", a headline);
- "last week" / "this month" / "earlier this year" are whole periods (Monday..Sunday weeks);
- "N days/weeks/months/years ago" with a stated N resolves to that day, week, month or year.
Vague durations ("for months", "several weeks ago") are not dates and are skipped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Literal

from spacy.tokens import Doc, Token

from claimcheck.schema import DateRef, Granularity

GRACE_DAYS = 3
NO_PUBLISHED = "article has no publication date"
NO_YEAR = "no year stated and article has no publication date"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9}
MONTH_ABBR |= {"Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
SMALL_NUMBERS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Words in the clause that put a date in the future ("will meet on Friday", "would be held").
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
FUTURE_VERBS = frozenset({"plan", "schedule", "due", "expect", "set", "intend", "going"})
Period = tuple[dt.date, dt.date | None, Granularity]
Tense = Literal["past", "future", "unknown"]


def find_dates(doc: Doc, *, published: dt.date | None) -> Iterator[DateRef]:
    """Dates mentioned in the Doc, in text order, each with its granularity."""
    for match in _matches(doc):
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        if not _is_date(groups):
            continue
        tense = _tense(doc, match.start(), match.end())
        try:
            resolved = _resolve(groups, published, tense=tense)
        except ValueError:
            resolved = "no such day in the calendar"
        if isinstance(resolved, str):
            yield DateRef(
                text=match.group(0),
                value=None,
                granularity=_granularity(groups),
                reason=resolved,
                start=match.start(),
                end=match.end(),
            )
            continue
        first, last, granularity = resolved
        yield DateRef(
            text=match.group(0),
            value=first.isoformat(),
            end_value=last.isoformat() if last else None,
            granularity=granularity,
            start=match.start(),
            end=match.end(),
        )


def reanchor(date: DateRef, published: dt.date) -> DateRef:
    """A date the article could not resolve for want of a publication date, resolved against
    `published` (the story's own date, from the other articles that pin it). The tense of its
    clause is no longer known, so a weekday is the last one on or before that date."""
    if date.value is not None or date.reason not in (NO_PUBLISHED, NO_YEAR):
        return date
    match = _pattern().fullmatch(date.text)
    if match is None:
        return date
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    try:
        resolved = _resolve(groups, published, tense="unknown")
    except (ValueError, OverflowError):
        return date
    if isinstance(resolved, str):
        return date
    first, last, granularity = resolved
    return date.model_copy(
        update={
            "value": first.isoformat(),
            "end_value": last.isoformat() if last else None,
            "granularity": granularity,
            "reason": None,
            "anchor": published.isoformat(),
        }
    )


def _matches(doc: Doc) -> Iterator[re.Match[str]]:
    """Date matches in text order. The pattern is tried only a few tokens before a trigger word
    (a month, a weekday, 'yesterday', 'week', 'ago', a number), never at every character."""
    text, pattern, triggers = doc.text, _pattern(), _triggers()
    done = 0
    for tok in doc:
        if tok.idx < done or not (tok.lower_ in triggers or tok.text[:1].isdigit()):
            continue
        for j in range(max(0, tok.i - 3), tok.i + 1):
            start = doc[j].idx
            if start < done:
                continue
            match = pattern.match(text, start)
            if match and match.end() > tok.idx:
                done = match.end()
                yield match
                break


@functools.cache
def _triggers() -> frozenset[str]:
    words = [*MONTHS, *MONTH_ABBR, *WEEKDAYS, "yesterday", "today", "tonight", "tomorrow"]
    words += ["week", "weekend", "month", "year", "ago"]
    return frozenset(w.lower() for w in words) | frozenset(f"{a.lower()}." for a in MONTH_ABBR)


def _is_date(g: dict[str, str]) -> bool:
    """Bare month names need a preposition, a modifier or a year ('in May', not 'Theresa May')."""
    if "m4" in g:
        return any(k in g for k in ("prep4", "part", "y4", "rel4"))
    return True


def _resolve(g: dict[str, str], published: dt.date | None, *, tense: Tense) -> Period | str:
    if "iy" in g:
        return dt.date(int(g["iy"]), int(g["im"]), int(g["id"])), None, "day"
    if "d1" in g or "d2" in g:
        month = _month(g.get("m1") or g["m3"])
        day = int(g.get("d1") or g["d2"])
        stated = g.get("y1") or g.get("y3")
        if stated:
            return dt.date(int(stated), month, day), None, "day"
        if published is None:
            return NO_YEAR
        return _day_without_year(published, month, day, tense=tense), None, "day"
    if "m4" in g:
        return _month_period(g, published, tense=tense)
    if "y5" in g:
        year = int(g["y5"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if published is None:
        return NO_PUBLISHED
    if "wd" in g:
        return _weekday(g, published, future=tense == "future"), None, "day"
    if "rw" in g:
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["rw"].lower()]
        return published + dt.timedelta(days=shift), None, "day"
    if "rpu" in g:
        return _relative_period(g["rp"].lower().split()[0], g["rpu"].lower(), published)
    return _ago(g, published)


def _day_without_year(published: dt.date, month: int, day: int, *, tense: Tense) -> dt.date:
    candidate = dt.date(published.year, month, day)
    if tense == "future":
        return candidate.replace(year=published.year + 1) if candidate < published else candidate
    if tense == "past":
        late = candidate > published + dt.timedelta(days=GRACE_DAYS)
        return candidate.replace(year=published.year - 1) if late else candidate
    years = (published.year - 1, published.year, published.year + 1)
    days = [d for y in years if (d := _valid_date(y, month, day)) is not None]
    return min(days, key=lambda d: (abs((d - published).days), d))


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None when that year has none (February 29 outside a leap year)."""
    return dt.date(year, month, day) if day <= calendar.monthrange(year, month)[1] else None


def _month_period(g: dict[str, str], published: dt.date | None, *, tense: Tense) -> Period | str:
    month = _month(g["m4"])
    if "y4" in g:
        year = int(g["y4"])
    elif published is None:
        return NO_YEAR
    else:
        year = published.year
        rel = g.get("rel4", "").lower()
        later = month > published.month
        if rel == "last":
            year -= 0 if month < published.month else 1
        elif rel == "next":
            year += 0 if later else 1
        elif rel != "this":
            if tense == "future" and month < published.month:
                year += 1
            elif tense == "past" and later:
                year -= 1
            elif tense == "unknown" and abs(month - published.month) > 6:
                year += 1 if month < published.month else -1
    return _month_bounds(year, month)


def _weekday(g: dict[str, str], published: dt.date, *, future: bool) -> dt.date:
    wanted = WEEKDAYS.index(g["wd"])
    today = published.weekday()
    rel = g.get("wrel", "").lower()
    if rel == "last" or rel == "past":
        return published - dt.timedelta(days=(today - wanted) % 7 or 7)
    if rel == "next":
        return published + dt.timedelta(days=(wanted - today) % 7 or 7)
    if rel == "this":
        return published + dt.timedelta(days=wanted - today)
    if future:
        return published + dt.timedelta(days=(wanted - today) % 7)
    return published - dt.timedelta(days=(today - wanted) % 7)


def _relative_period(rel: str, unit: str, published: dt.date) -> Period:
    step = {"last": -1, "next": 1}.get(rel, 0)  # this, earlier this, later this: 0
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        if unit == "weekend":
            if rel == "last" and published.weekday() >= 5:
                monday += dt.timedelta(weeks=1)
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
        return monday, monday + dt.timedelta(days=6), "week"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return _month_bounds(index // 12, index % 12 + 1)
    year = published.year + step
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _ago(g: dict[str, str], published: dt.date) -> Period:
    raw = g["agon"].lower()
    n = SMALL_NUMBERS[raw] if raw in SMALL_NUMBERS else int(raw)
    unit = g["agou"].lower()
    try:
        if unit == "day":
            return published - dt.timedelta(days=n), None, "day"
        if unit == "week":
            then = published - dt.timedelta(weeks=n)
            monday = then - dt.timedelta(days=then.weekday())
            return monday, monday + dt.timedelta(days=6), "week"
        if unit == "month":
            index = published.year * 12 + published.month - 1 - n
            return _month_bounds(index // 12, index % 12 + 1)
        year = published.year - n
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    except OverflowError:  # far before year 1: reported as find_dates reports a ValueError
        raise ValueError(f"{n} {unit}s ago is outside the calendar") from None


def _month_bounds(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last), "month"


def _granularity(g: dict[str, str]) -> Granularity:
    if "m4" in g or g.get("rpu", "").lower() == "month" or g.get("agou", "").lower() == "month":
        return "month"
    if "y5" in g or g.get("rpu", "").lower() == "year" or g.get("agou", "").lower() == "year":
        return "year"
    if g.get("rpu", "").lower() in ("week", "weekend") or g.get("agou", "").lower() == "week":
        return "week"
    return "day"


def _month(name: str) -> int:
    name = name.rstrip(".")
    if name in MONTHS:
        return MONTHS.index(name) + 1
    return MONTH_ABBR[name]


def _tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the clause holding the date: 'will meet on Friday', 'would be held' and
    'plans to vote' are future; 'met', 'was held' and 'has said' are past; 'is on', 'meets' and
    a clause without a verb say neither."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "unknown"
    verb: Token = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if verb.lemma_.lower() in FUTURE_VERBS:
            return "future"
        if any(c.lower_ in FUTURE_AUX for c in auxes):
            # 'would have been held' looks back, not forward
            return "past" if any(c.lemma_ == "have" for c in auxes) else "future"
        if verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" or c.lemma_ == "have" for c in auxes):
            return "past"
        if verb.dep_ not in ("xcomp", "aux", "auxpass") or verb.head.i == verb.i:
            break
        verb = verb.head
    return "unknown"


@functools.cache
def _pattern() -> re.Pattern[str]:
    full = "|".join(MONTHS)
    month = rf"(?:{full}|(?:{'|'.join(MONTH_ABBR)})\.?)"
    year = r"(?:1[89]|20)\d\d"
    weekday = "|".join(WEEKDAYS)
    prep = r"\b(?i:on|in|since|by|until|till|from|through|before|after|during|as of|of|at)"
    alternatives = [
        rf"\b(?P<iy>{year})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b",
        rf"(?:{prep}\s+)?\b(?P<m1>{month})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:.]\d)"
        rf"(?:,?\s+(?P<y1>{year})\b)?",
        rf"(?:{prep}\s+)?(?:the\s+)?\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<m3>{month})(?![\w])(?:,?\s+(?P<y3>{year})\b)?",
        rf"(?:(?P<prep4>{prep})\s+)?(?:(?P<rel4>(?i:last|next|this))\s+)?"
        rf"(?:(?P<part>(?i:early|mid|late|earlier|later|the end of|end of))[\s-]+)?"
        rf"\b(?P<m4>{full})\b(?:,?\s+(?P<y4>{year})\b)?",
        rf"(?:(?:{prep})\s+|(?P<wrel>(?i:last|this|next|past))\s+)?"
        rf"\b(?P<wd>{weekday})\b(?!s\b)",
        r"\b(?P<rw>(?i:yesterday|today|tonight|tomorrow))\b",
        r"\b(?P<rp>(?i:(?:earlier|later) this|last|this|next))\s+"
        r"(?P<rpu>(?i:week|weekend|month|year))\b",
        rf"\b(?i:in|since|by|until|during|from|through|before|after|of|early|late)\s+"
        rf"(?P<y5>{year})\b(?![-/]\d)",
        rf"\b(?P<agon>\d+|(?i:{'|'.join(SMALL_NUMBERS)}))\s+"
        r"(?P<agou>(?i:day|week|month|year))s?\s+(?i:ago)\b",
    ]
    # Every alternative starts a word; the shared \b spares the engine all other positions.
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")
