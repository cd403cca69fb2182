"""Report -> one self-contained HTML page: per story, its outlets side by side, the facts they
share, and where they contradict each other, each finding's evidence a click away.

The page is built from the Report alone, never the NLP side: its stories (the articles the scan
compared with each other), their documents (the columns), clusters (the rows) and corroboration,
and its findings.
Everything an article wrote is escaped by Jinja2's autoescaping; the style sheet and script are
the package's own files, inlined, so the page needs no network and works opened from disk.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup

from claimcheck.report.findings import closed, count
from claimcheck.report.terminal import summary_line
from claimcheck.schema import (
    CONTRADICTION_KINDS,
    Claim,
    Cluster,
    Contradiction,
    DateRef,
    Document,
    Entity,
    Quantity,
    Report,
    SideValue,
    Supersession,
)

State = Literal["contradicts", "corroborates", "reports", "absent"]
# What a cell says, in words: the page never tells a state by its colour alone.
STATES: dict[str, str] = {
    "contradicts": "contradicts",
    "corroborates": "corroborates",
    "reports": "reports it, uncorroborated",
    "absent": "does not mention",
}
# A quoted word in a normalised value: "rejects it: 'false'" -> false.
_QUOTED = re.compile(r"'([^']+)'")

Piece = tuple[str, bool]  # a run of a sentence, and whether it is the value that differs


@dataclass(frozen=True)
class Side:
    """One side of a finding as the page shows it."""

    value: SideValue
    outlet: str
    path: str
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Finding:
    item: Contradiction
    sides: tuple[Side, ...]
    docs: frozenset[str]  # the documents it is about: its sides', else its claims'
    outlets: tuple[str, ...]  # the names of those documents, sorted (the outlet filter)

    @property
    def anchor(self) -> str:
        return f"f-{self.item.id}"


@dataclass(frozen=True)
class Mark:
    """A finding in one cell: the outlet is a side of it, and gives `value`."""

    finding: Finding
    value: str


@dataclass(frozen=True)
class Cell:
    state: State
    # What the cell says when every finding in it is filtered out of view.
    fallback: State
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]
    # A finding about no fact several outlets share is a row of its own.
    finding: Finding | None = None


@dataclass(frozen=True)
class Outlet:
    doc: Document
    name: str
    claims: int
    shared: int  # rows it reports
    corroborates: int
    across: int  # findings between it and another article that it is a side of
    within: int  # findings between two sources its own article quotes


@dataclass(frozen=True)
class Story:
    number: int
    title: str
    outlets: tuple[Outlet, ...]
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...]
    updates: tuple[Supersession, ...]

    @property
    def empty(self) -> bool:
        """No finding: hidden until the reader asks for such stories (the page's toggle)."""
        return not self.findings


def render(report: Report) -> str:
    """The page: the same report gives the same bytes."""
    stories, alone, stray = _stories(report)
    # every outlet of the page, for its outlet filter: a finding or story names its outlets by
    # their number in this list
    outlets = sorted(
        {doc.outlet or doc.id for doc in report.documents}
        | {name for story in stories for finding in story.findings for name in finding.outlets}
        | {name for finding in stray for name in finding.outlets}
    )
    kinds = [
        (kind, sum(c.kind == kind for c in report.contradictions)) for kind in CONTRADICTION_KINDS
    ]
    return _template().render(
        report=report,
        summary=summary_line(report),
        stories=stories,
        empty=sum(story.empty for story in stories),
        alone=alone,
        stray=stray,
        kinds=kinds,
        outlets=outlets,
        outlet_number={name: i for i, name in enumerate(outlets)},
        states=STATES,
        count=count,
        style=Markup(_asset("report.css")),
        script=Markup(_asset("report.js")),
    )


def _stories(report: Report) -> tuple[list[Story], list[Document], list[Finding]]:
    """The stories with something to compare, the documents that stand alone, and the findings
    on no document of the report (none, in a report claimcheck wrote)."""
    claims = {claim.id: claim for claim in report.claims}
    names = {doc.id: doc.outlet or doc.id for doc in report.documents}
    paths = {doc.id: doc.path for doc in report.documents}
    findings = [_finding(item, claims, names, paths) for item in report.contradictions]
    # each document's story, named by its first document; one no story lists stands alone
    story_of = {doc: story.id for story in report.stories for doc in story.doc_ids}
    for doc in report.documents:
        story_of.setdefault(doc.id, doc.id)
    docs: dict[str, list[Document]] = defaultdict(list)
    for doc in report.documents:
        docs[story_of[doc.id]].append(doc)
    clusters: dict[str, list[Cluster]] = defaultdict(list)
    for group in report.clusters:
        if group.doc_ids and group.doc_ids[0] in story_of:
            clusters[story_of[group.doc_ids[0]]].append(group)
    told: dict[str, list[Finding]] = defaultdict(list)
    stray = []
    for finding in findings:
        known = sorted(finding.docs & story_of.keys())
        if known:
            told[story_of[known[0]]].append(finding)
        else:
            stray.append(finding)
    updates: dict[str, list[Supersession]] = defaultdict(list)
    for update in report.supersessions:
        known = sorted({v.doc_id for v in update.values} & story_of.keys())
        if known:
            updates[story_of[known[0]]].append(update)
    counts = Counter(claim.doc_id for claim in report.claims)
    stories: list[Story] = []
    alone: list[Document] = []
    for key in sorted(docs):
        if len(docs[key]) < 2 and not told[key]:
            alone.extend(docs[key])
            continue
        stories.append(
            _story(len(stories) + 1, docs[key], clusters[key], told[key], counts, updates[key])
        )
    return stories, alone, stray


def _story(
    number: int,
    docs: Sequence[Document],
    clusters: Sequence[Cluster],
    findings: Sequence[Finding],
    counts: Counter[str],
    updates: Sequence[Supersession],
) -> Story:
    holding: dict[str, list[str]] = defaultdict(list)  # claim id -> the clusters it is in
    for group in clusters:
        for claim_id in group.claim_ids:
            holding[claim_id].append(group.id)
    on_cluster: dict[str, list[Finding]] = defaultdict(list)
    loose: list[Finding] = []
    for finding in findings:
        touched = dict.fromkeys(c for i in finding.item.claim_ids for c in holding.get(i, ()))
        for cluster_id in touched:
            on_cluster[cluster_id].append(finding)
        if not touched:
            loose.append(finding)
    ordered = sorted(clusters, key=lambda c: (-len(c.doc_ids), c.claim_ids[0]))
    rows = [_cluster_row(c, docs, on_cluster[c.id]) for c in ordered]
    rows += [_finding_row(f, docs) for f in loose]
    outlets = tuple(
        Outlet(
            doc=doc,
            name=doc.outlet or doc.id,
            claims=counts[doc.id],
            shared=sum(row.cells[i].fallback != "absent" for row in rows if row.finding is None),
            corroborates=sum(doc.id in c.corroborated_by for c in clusters),
            across=sum(f.item.scope == "across" and _party(f, doc.id) for f in findings),
            within=sum(f.item.scope == "within" and _party(f, doc.id) for f in findings),
        )
        for i, doc in enumerate(docs)
    )
    title = next((doc.title for doc in docs if doc.title), f"Story {number}")
    return Story(number, title, outlets, tuple(rows), tuple(findings), tuple(updates))


def _cluster_row(cluster: Cluster, docs: Sequence[Document], findings: Sequence[Finding]) -> Row:
    cells = []
    for doc in docs:
        if doc.id in cluster.corroborated_by:
            fallback: State = "corroborates"
        elif doc.id in cluster.doc_ids:
            fallback = "reports"
        else:
            fallback = "absent"
        cells.append(_cell(doc.id, fallback, findings))
    return Row(label=_label(cluster), cells=tuple(cells))


def _label(cluster: Cluster) -> str:
    """The cluster's label, with the quotations closed that its cut (link/cluster.py: the first
    words and ' ...') left open."""
    return closed(cluster.label) if cluster.label.endswith("...") else cluster.label


def _finding_row(finding: Finding, docs: Sequence[Document]) -> Row:
    cells = [
        _cell(doc.id, "reports" if _party(finding, doc.id) else "absent", [finding]) for doc in docs
    ]
    return Row(label=finding.item.explanation, cells=tuple(cells), finding=finding)


def _cell(doc_id: str, fallback: State, findings: Iterable[Finding]) -> Cell:
    marks = tuple(
        Mark(finding, _gives(finding, doc_id)) for finding in findings if _party(finding, doc_id)
    )
    return Cell(state="contradicts" if marks else fallback, fallback=fallback, marks=marks)


def _gives(finding: Finding, doc_id: str) -> str:
    """What the outlet's sides of a finding say, as its sentences word it ('just over half',
    not '50..60 percent of shell'); within one article, each with the source it quotes."""
    within = finding.item.scope == "within"
    said = []
    for side in finding.sides:
        value = side.value
        if value.doc_id == doc_id:
            worded = value.value.split(" = ", 1)[0]
            said.append(f"{value.speaker}: {worded}" if within and value.speaker else worded)
    return (" vs " if within else " / ").join(dict.fromkeys(said))


def _party(finding: Finding, doc_id: str) -> bool:
    return doc_id in finding.docs


def _finding(
    item: Contradiction, claims: dict[str, Claim], names: dict[str, str], paths: dict[str, str]
) -> Finding:
    sides = tuple(
        Side(
            value=value,
            outlet=names.get(value.doc_id, value.doc_id),
            path=paths.get(value.doc_id, value.doc_id),
            pieces=highlighted(value, claims.get(value.claim_id)),
        )
        for value in item.values
    )
    docs = {value.doc_id for value in item.values} or {
        claims[claim_id].doc_id for claim_id in item.claim_ids if claim_id in claims
    }
    outlets = tuple(sorted({names.get(doc, doc) for doc in docs}))
    return Finding(item=item, sides=sides, docs=frozenset(docs), outlets=outlets)


def highlighted(side: SideValue, claim: Claim | None) -> tuple[Piece, ...]:
    """The sentence of `side` in pieces, the words its normalised value was read from marked:
    the figure or date of '30 percent = 30 percent of shell', the word of "rejects it: 'false'",
    the name as the sentence gives it. A value the sentence does not spell ('affirms') marks
    nothing."""
    sentence = side.sentence
    span = _span(sentence, _wordings(side, claim), claim)
    if span is None:
        return ((sentence, False),)
    start, end = span
    pieces = ((sentence[:start], False), (sentence[start:end], True), (sentence[end:], False))
    return tuple(piece for piece in pieces if piece[0])


def _wordings(side: SideValue, claim: Claim | None) -> list[str]:
    """How the sentence may spell the value, most exact first."""
    value = side.value
    found = [value.split(" = ", 1)[0]] if " = " in value else []
    found += _QUOTED.findall(value)
    found.append(value)
    if claim is not None and claim.speaker_mention and value == claim.speaker:
        found.append(claim.speaker_mention)
    return [text for text in found if text.strip()]


def _span(sentence: str, wordings: Sequence[str], claim: Claim | None) -> tuple[int, int] | None:
    """Where the first wording that occurs stands in `sentence`: at the offset extraction
    recorded for it when the claim holds one, else as a whole word, ignoring case."""
    for text in wordings:
        if claim is not None and claim.text == sentence:
            parts: list[Quantity | DateRef | Entity] = [
                *claim.quantities,
                *claim.dates,
                *claim.entities,
            ]
            for part in parts:
                at = part.start - claim.start
                if part.text == text and sentence[at : at + len(text)] == text:
                    return at, at + len(text)
        match = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", sentence, re.IGNORECASE)
        if match:
            return match.span()
    return None


@cache
def _template() -> Template:
    env = Environment(
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.from_string(_asset("report.html.j2"))


def _asset(name: str) -> str:
    return resources.files("claimcheck.report").joinpath("templates", name).read_text("utf-8")
