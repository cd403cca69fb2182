"""What every renderer says alike of a finding: its rule texts, its severity level and how it
names the articles involved (file path and outlet or title, never a bare document id)."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.schema import Claim, Contradiction, Document, Report, SideValue

# A title longer than this is cut (with an ellipsis) where a finding names its article.
TITLE_CHARS = 60
# Opening quotation mark -> its closing mark, for closing what a cut left open. The ASCII
# apostrophe is left alone: in news text it is far more often an apostrophe than a quote.
QUOTES = {'"': '"', "“": "”", "‘": "’", "«": "»", "‹": "›"}


@dataclass(frozen=True)
class Rule:
    short: str  # one line: what the finding means
    full: str  # what claimcheck compared to find it
    help: str  # what a person does with it


RULES: dict[str, Rule] = {
    "quantity": Rule(
        "Sources report different figures for the same quantity.",
        "Two claims about the same thing give figures that cannot both hold: values compare "
        "as intervals ('some 900,000' fits 900,000), and figures at different times "
        "('300,000 already', '550,000 by March') are a series, not a conflict.",
        "Check both figures against the primary source; one outlet may have a typo, an outdated "
        "count or a different scope (e.g. injured versus hospitalised).",
    ),
    "date": Rule(
        "Sources give different dates for the same event.",
        "Two claims date the same event on different days once relative dates ('last "
        "Friday', 'on Sunday') are resolved against each article's own publication date.",
        "Check which date the event happened on; relative dates such as 'last Friday' are a "
        "common source of slips.",
    ),
    "entity": Rule(
        "Sources name a different person, place or organisation for the same fact.",
        "Two claims of the same statement name different people, places or organisations "
        "in the same place; known aliases (Kyiv/Kiev, 'US'/'American') count as one name.",
        "Check which name is right; the other outlet may have confused two similar names.",
    ),
    "attribution": Rule(
        "Sources attribute the same statement to different speakers.",
        "Two sources carry the same statement but credit it to different speakers.",
        "Check who actually said it, in the original recording or transcript if there is one.",
    ),
    "wording": Rule(
        "Sources quote the same speaker with materially different words.",
        "One quoted or characterised statement of a speaker is reported with different key "
        "words in two sources.",
        "Compare both quotations with the original; one may be a paraphrase presented as a "
        "quote, or a translation.",
    ),
    "polarity": Rule(
        "One source affirms what another denies.",
        "Two claims of the same statement differ in negation: one affirms what the other negates.",
        "Check which version the primary source supports.",
    ),
    "dispute": Rule(
        "A source reports that a party disputes another source's claim.",
        "A speaker calls another source's claim false or says it does not correspond to reality.",
        "Read both sides: the dispute may be the story itself rather than a reporting error.",
    ),
}


def rule(kind: str) -> Rule:
    return RULES.get(kind, Rule(f"{kind} contradiction", f"{kind} contradiction", ""))


def level(confidence: float) -> str:
    """The one severity of a finding, from its confidence: error from 0.8, warning from 0.5,
    note below (SARIF's levels; GitHub annotations map them to error, warning, notice)."""
    if confidence >= 0.8:
        return "error"
    return "warning" if confidence >= 0.5 else "note"


def document_names(report: Report) -> dict[str, str]:
    """Document id -> how a finding names it: `path (outlet)`, `path ("title")` or `path`."""
    return {doc.id: name(doc) for doc in report.documents}


def name(doc: Document) -> str:
    known = source(doc)
    return f"{doc.path} ({known})" if known else doc.path


def source(doc: Document) -> str:
    """The article's outlet, else its title in quotes (cut to TITLE_CHARS), else ''."""
    if doc.outlet:
        return doc.outlet
    if doc.title:
        title = doc.title if len(doc.title) <= TITLE_CHARS else clip(doc.title, TITLE_CHARS)
        return f'"{title}"'
    return ""


def clip(text: str, chars: int) -> str:
    """`text` cut to `chars` characters, the last an ellipsis, and the quotations the cut
    left open closed after it: 'Ana said “we will …”', never 'Ana said “we will …'."""
    return closed(text[: chars - 1] + "…")


def closed(text: str) -> str:
    """`text` with a closing mark added, innermost first, for each quotation it opens and does
    not close (a sentence shortened for a label)."""
    waiting: list[str] = []  # closing marks of the open quotations, innermost last
    for char in text:
        if waiting and char == waiting[-1]:
            waiting.pop()
        elif char in QUOTES:
            waiting.append(QUOTES[char])
    return text + "".join(reversed(waiting))


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 finding', '2 findings', '0 findings'; `plural` for a noun not made with -s
    ('entry', 'entries')."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def roles(report: Report) -> dict[str, str]:
    """Document id -> its role: 'new' (checked) or 'corpus' (given with --against)."""
    return {doc.id: doc.role for doc in report.documents}


def ordered(
    finding: Contradiction, claims: dict[str, Claim], roles: dict[str, str]
) -> tuple[str, ...]:
    """The finding's claim ids, its primary side first and the others in their order.

    The primary is the first side whose article is new: a CI run is about the new articles,
    so a finding between a new article and the corpus is shown at the new one. When no side
    or every side is new, the first side stays the primary."""
    ids = finding.claim_ids
    sides = {v.claim_id: v for v in finding.values}
    new = [roles.get(_doc_id(i, claims, sides)) == "new" for i in ids]
    if all(new) or not any(new):
        return ids
    first = new.index(True)
    return (ids[first], *ids[:first], *ids[first + 1 :])


def _doc_id(claim_id: str, claims: dict[str, Claim], sides: dict[str, SideValue]) -> str:
    where = claims.get(claim_id) or sides.get(claim_id)
    return where.doc_id if where else ""


def anchor(
    finding: Contradiction, claims: dict[str, Claim], roles: dict[str, str]
) -> Claim | SideValue | None:
    """Where a finding is shown: its primary claim (`ordered`), or that claim's side when the
    claim itself is not in the report."""
    ids = ordered(finding, claims, roles)
    first = ids[0] if ids else ""
    side = next((v for v in finding.values if v.claim_id == first), None)
    return claims.get(first) or side
