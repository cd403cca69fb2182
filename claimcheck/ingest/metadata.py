"""What an article states about itself: publication date, title, outlet and byline."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimcheck import lexicon

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|urday|rsday)?\.?,?"
_TIME = (
    r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:utc|gmt|[a-z]{1,2}[sd]?t|[+-]\d{2}:?\d{2}))?)"
)
DATE = (
    rf"(?:{_WEEKDAY}\s*)?(?:"
    r"(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
    rf"|(?P<am>{_MONTH})\s+(?P<ad>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ay>\d{{4}})"
    rf"|(?P<bd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<bm>{_MONTH}),?\s+(?P<by>\d{{4}})"
    r")"
)
DATE_ANON = re.sub(r"\?P<\w+>", "?:", DATE)
DATE_RE = re.compile(rf"(?<![\w-]){DATE}(?![\w-])", re.IGNORECASE)
_SEP = r"[\s/|•·,;–—-]*"
_RELATIVE = (
    r"(?:(?:last\s+)?updated:?\s+(?:\d+|an?|one)\s+\w+\s+ago|\d+\s+min(?:ute)?s?\s+read"
    r"|(?:last\s+)?updated:?\s*(?=$))"
)
_KEY = (
    r"(?:(?:date|dateline|published|posted|updated|last\s+updated|first\s+published)"
    r"(?:\s+on)?:?|on)"
)
DATE_LINE_RE = re.compile(
    rf"(?:{_KEY}\s*)?(?P<date>{DATE}){_SEP}(?:{_TIME})?"
    rf"(?:{_SEP}(?:{_RELATIVE}|(?:{_KEY}\s*)?{DATE_ANON}(?:{_SEP}{_TIME})?))*{_SEP}",
    re.IGNORECASE,
)
RELATIVE_RE = re.compile(rf"{_SEP}{_RELATIVE}{_SEP}", re.IGNORECASE)
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|(?:de|da|del|van|von|der|al|bin|el|la|le)(?=\s))"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
BYLINE_RE = re.compile(
    r"(?i:(?:(?:written|posted|reported|published|story|words|text|compiled|edited)\s+)?"
    rf"(?:by|authors?:))\s+(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
    rf"(?:\s*(?:,|\||•|·|/|–|—|-)\s*(?P<outlet>{_NAME}))?"
    rf"(?:\s*(?:,|\||•|·|/|–|—|-|on)?\s*(?P<date>(?i:{DATE}))(?i:{_SEP}{_TIME})?)?\s*",
)
# "date 2024-03-05 (MENAFN) ...", "PARIS, March 5, 2024 (Reuters) - ...", "(AP) — ..."
DATELINE_RE = re.compile(
    r"\s*(?i:date:?\s+)?"
    r"(?:(?P<place>[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?),?\s+)?"
    rf"(?:(?P<date>(?i:{DATE})),?\s*)?"
    r"\((?P<outlet>[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,3})\)\s*(?:[-–—:]+\s*)?",
)
# "Published March 6, 2024 by Metro Wire": the one who published is the outlet, not the author.
PUBLISHED_BY_RE = re.compile(
    rf"(?i:published(?:\s+on)?:?)\s+(?P<date>(?i:{DATE}))(?i:,?\s*{_TIME})?,?"
    rf"\s+(?i:by)\s+(?P<outlet>{_NAME})\.?",
)
TITLE_SUFFIX_RE = re.compile(
    r"^(?P<title>.{8,}?)\s+[|–—-]\s+(?P<outlet>(?:The\s+)?[A-Z][\w.&'’]*(?:\s+[A-Z&][\w.&'’]*){0,3})$"
)


@dataclass
class Meta:
    """Filled first-come: the earliest statement of each field wins."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    byline: str | None = None

    def offer(
        self,
        *,
        title: str | None = None,
        published: str | None = None,
        outlet: str | None = None,
        byline: str | None = None,
    ) -> None:
        self.title = self.title or _clean(title)
        self.published = self.published or published
        self.outlet = self.outlet or _clean(outlet)
        self.byline = self.byline or _clean(byline)


def parse_date(text: str) -> str | None:
    """The first calendar date written in `text`, as ISO YYYY-MM-DD, else None."""
    for match in DATE_RE.finditer(text):
        iso = _iso(match)
        if iso:
            return iso
    return None


def date_line(line: str) -> str | None:
    """The date of a line that is nothing but a date (with time, 'Updated 8 months ago', ...)."""
    match = DATE_LINE_RE.fullmatch(line)
    return _iso(match) if match else None


def byline(line: str) -> tuple[str, str | None, str | None] | None:
    """(name, outlet, ISO date) of a line that is only a byline, else None."""
    match = BYLINE_RE.fullmatch(line.strip())
    if not match or len(line) > 160:
        return None
    name, outlet = match["name"], match["outlet"]
    head, _, last = name.rpartition(",")
    if head and not outlet and _is_outlet(last):
        name, outlet = head.strip(), last.strip()  # "By Ana Ruiz, Harbor Tribune"
    return name, outlet, _iso(match) if match["date"] else None


def published_by(line: str) -> tuple[str | None, str] | None:
    """(ISO date, outlet) of a line that is only 'Published [on] DATE by OUTLET', else None."""
    match = PUBLISHED_BY_RE.fullmatch(line.strip())
    if not match:
        return None
    return _iso(match), match["outlet"].rstrip(".")


def _is_outlet(name: str) -> bool:
    return any(
        word in lexicon.words("outlet_words") for word in re.findall(r"[a-z]+", name.lower())
    )


def dateline(line: str) -> tuple[int, str | None, str] | None:
    """(length of the prefix, ISO date, outlet) when `line` opens with a news dateline."""
    match = DATELINE_RE.match(line)
    if not match or match.end() >= len(line):
        return None
    # The prose after a dateline opens a sentence; "NATO (North Atlantic) said" is no dateline.
    if not re.match(r"[\"“‘'A-Z0-9]", line[match.end() :]):
        return None
    return match.end(), _iso(match) if match["date"] else None, match["outlet"]


def title_outlet(title: str) -> tuple[str, str | None]:
    """Split 'Headline – Politico' into the headline and the outlet named after it."""
    match = TITLE_SUFFIX_RE.match(title.strip())
    if not match:
        return title.strip(), None
    return match["title"].strip(), match["outlet"]


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    try:
        if groups.get("iy"):
            year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        elif groups.get("ay"):
            year, month, day = int(groups["ay"]), _month(groups["am"]), int(groups["ad"])
        elif groups.get("by"):
            year, month, day = int(groups["by"]), _month(groups["bm"]), int(groups["bd"])
        else:
            return None
        if not 1900 <= year <= 2100:
            return None
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split()).strip(" -–—|:,")
    return value or None
