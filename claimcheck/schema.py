"""The pydantic types that flow through the pipeline and make up the JSON report."""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

ClaimKind = Literal["attribution", "quantity", "date", "event"]
ContradictionKind = Literal[
    "quantity", "date", "entity", "attribution", "wording", "polarity", "dispute"
]
CONTRADICTION_KINDS: tuple[str, ...] = (
    "quantity",
    "date",
    "entity",
    "attribution",
    "wording",
    "polarity",
    "dispute",
)
Granularity = Literal["day", "week", "month", "year"]


class Frozen(BaseModel):
    """Base for report values: immutable once built, so a stage cannot edit another's output.
    Numbers are finite: JSON has no infinity, and a report must stay valid JSON."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class Document(Frozen):
    """What the report says of one input article."""

    id: str = Field(description="File name without extension (unique within a scan)")
    path: str
    title: str | None = None
    published: str | None = Field(None, description="ISO date the article states, else null")
    outlet: str | None = None
    byline: str | None = None
    format: str = "txt"
    sha256: str = Field("", description="sha256 of the raw file bytes")
    role: Literal["new", "corpus"] = Field(
        "new", description="'corpus' for articles given with --against: compared with, not checked"
    )


class Article(Document):
    """One input article after ingest: cleaned text plus what it says about itself."""

    text: str = Field(description="Cleaned body text; claim offsets point into it")
    line_map: tuple[tuple[int, int, int], ...] = Field(
        default=(),
        description="(offset in text, line, column) anchors into the original file, ascending",
    )


class Skipped(Frozen):
    """An input that could not be read, with a reason a person can act on."""

    path: str
    reason: str


class Quantity(Frozen):
    text: str
    value: float = Field(description="Plain number: 'one million' = 1000000, '30 percent' = 30")
    unit: str | None = Field(None, description="percent, USD, EUR, share, or the counted noun")
    counted: str | None = Field(None, description="What is counted (lemma): shells, nations")
    low: float | None = Field(None, description="Lower bound of the interval the wording allows")
    high: float | None = Field(None, description="Upper bound of the interval the wording allows")
    qualifier: str | None = Field(None, description="'some', 'just over', 'at least', ...")
    of_whole: float | None = Field(None, description="The whole a share is taken of, if stated")
    time_ref: str | None = Field(None, description="'by March', 'already', 'per month', ...")
    alt_value: float | None = Field(None, description="Same amount restated: '($1.63 billion)'")
    alt_unit: str | None = Field(None, description="Unit of alt_value, e.g. USD")
    other_side: float | None = Field(
        None, description="The smaller side of a tally or score: 36 in '134-to-36' (value is 134)"
    )
    start: int
    end: int


class DateRef(Frozen):
    text: str
    value: str | None = Field(description="Resolved ISO date (start of the period), or null")
    end_value: str | None = Field(None, description="Last day of the period for week/month/year")
    granularity: Granularity | None = None
    reason: str | None = Field(None, description="Why value is null, when it is")
    anchor: str | None = Field(
        None,
        description="For an article that gives no publication date: the story's date (from "
        "its other articles) the value was resolved against",
    )
    start: int
    end: int


class Entity(Frozen):
    text: str
    label: str
    canonical: str
    start: int
    end: int


class Event(Frozen):
    """A predicate of a claim: 'the suit did not mention statistics' -> mention, negated."""

    predicate: str = Field(description="Lemma of the verb")
    negated: bool = False
    subject: str | None = Field(None, description="Lemma of the subject's head")
    object: str | None = Field(None, description="Lemma of the object's or complement's head")
    asserted: bool = Field(
        True, description="Stated as a fact: not a condition, a question or an infinitive"
    )


class Anchor(Frozen):
    """A name hung on a noun: 'the attorney in Brooklyn' -> attorney, in, brooklyn."""

    head: str = Field(description="Lemma of the noun the name is attached to")
    relation: str = Field(description="The preposition, or compound / appos / poss")
    entity: str = Field(description="Canonical name of the entity")


class Frame(Frozen):
    """What comparison needs of a claim's parse (extract/frames.py)."""

    lemmas: str = Field("", description="Content lemmas, sorted, space-separated")
    events: tuple[Event, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    figures: tuple[tuple[int, str], ...] = Field(
        (),
        description="Per figure (its start): lemmas of the words it is a figure of, the verb "
        "that governs it and the nouns its prepositions name ('paid $2 million in taxes' -> "
        "pay tax)",
    )
    dated: tuple[tuple[int, str], ...] = Field(
        (), description="Per date (its start): lemmas of what it dates ('met on Sunday' -> meet)"
    )


class Claim(Frozen):
    id: str = Field(
        description="<doc id>:<start>-<end>, + @<content start> when the sentence holds several "
        "statements; unique in a report"
    )
    doc_id: str
    kind: ClaimKind
    text: str = Field(description="Verbatim cleaned sentence the claim stands in")
    start: int
    end: int
    line: int = 1
    column: int = 1
    content: str | None = Field(None, description="The attributed content, for attributions")
    speaker: str | None = Field(None, description="Canonical speaker name, null if unattributed")
    speaker_mention: str | None = Field(None, description="How the sentence names the speaker")
    cue: str | None = Field(None, description="Reporting verb or phrase: said, according to")
    negated: bool = False
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    entities: tuple[Entity, ...] = ()
    frame: Frame = Field(default_factory=lambda: Frame(), description="Lemmas and predicates")


class Cluster(Frozen):
    id: str
    label: str
    claim_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    corroborated_by: tuple[str, ...] = Field(
        (), description="Documents whose claims agree with the cluster's first claim"
    )


class SideValue(Frozen):
    """One side of a finding: which claim, from where, and what it says, normalised."""

    claim_id: str
    doc_id: str
    sentence: str
    speaker: str | None = None
    value: str = Field(description="The normalised value compared, as text")
    line: int = 1
    column: int = 1


class Contradiction(Frozen):
    id: str = Field(description="Stable fingerprint of the finding (same across runs and orders)")
    kind: ContradictionKind
    claim_ids: tuple[str, ...]
    explanation: str
    confidence: float = Field(
        ge=0.0, le=1.0, description="Share of such findings a careful reader calls right"
    )
    score: float = Field(
        0.0, ge=0.0, le=1.0, description="The judge's evidence score the confidence is fitted on"
    )
    scope: Literal["across", "within"] = Field(
        "across", description="'across' articles, or 'within' one article (two of its sources)"
    )
    values: tuple[SideValue, ...] = ()


class Supersession(Frozen):
    """A later figure that updates an earlier one: reported, but not a contradiction."""

    id: str
    claim_ids: tuple[str, ...]
    explanation: str
    values: tuple[SideValue, ...] = ()


class Story(Frozen):
    """Articles the scan compared with each other: their claims were paired and judged together
    (link/story.py). Every document of a report is in exactly one story."""

    id: str = Field(description="The story's first document id")
    doc_ids: tuple[str, ...] = Field(
        description="Its documents, sorted; one alone shares a story with no other"
    )


class Summary(Frozen):
    documents: int
    skipped: int
    claims: int
    clusters: int
    contradictions: int
    baseline_suppressed: int = 0
    baseline_stale: int = 0


class Report(Frozen):
    tool: str = "claimcheck"
    version: str
    model: str
    summary: Summary
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    claims: tuple[Claim, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    supersessions: tuple[Supersession, ...] = ()
    stories: tuple[Story, ...] = ()


class BaselineEntry(Frozen):
    """A finding accepted as known: matched by its stable fingerprint on later scans."""

    id: str
    kind: ContradictionKind
    description: str = Field(description="Documents involved and the explanation, for people")


class Baseline(Frozen):
    """The findings recorded by `claimcheck baseline write`, sorted by id."""

    tool: str = "claimcheck"
    format: int = 1
    findings: tuple[BaselineEntry, ...] = ()


_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}
# Short string fields whose values recur across claims (names, labels, units, ISO dates).
_REPEATED: dict[type[BaseModel], tuple[str, ...]] = {
    Claim: ("doc_id", "kind", "speaker", "speaker_mention", "cue"),
    Quantity: ("text", "unit", "counted", "qualifier", "time_ref", "alt_unit"),
    DateRef: ("text", "value", "end_value", "granularity", "reason", "anchor"),
    Entity: ("text", "label", "canonical"),
    Frame: (),
    Event: ("predicate", "subject", "object"),
    Anchor: ("head", "relation", "entity"),
}
# Per type, a plain class: the dicts of its instances share one table of keys (PEP 412).
_VALUES: dict[type[BaseModel], type] = {}
M = TypeVar("M", bound=BaseModel)


def compact(claims: list[Claim], strings: dict[Any, Any] | None = None) -> list[Claim]:
    """The same claims, lighter, for a scan that holds hundreds of thousands of them.

    Called with the claims of one article; every value is equal before and after.
    - pydantic keeps a set of the fields given at construction on every instance (728 bytes
      each). claimcheck never dumps with `exclude_unset`, so every instance of a type shares
      one set of all its field names; `model_copy` copies the set first, so it is never changed.
    - Equal values of the fields in `_REPEATED` (a speaker's name, "said", "2024-03-05"), and
      equal predicates and anchors, become one object through `strings`, a pool the caller
      keeps across calls to share them between articles.
    - Within the article, equal parts (a sentence's entities, dates and figures, which each of
      its claims repeats), equal tuples of them, frames and sentences become one object. The
      models are frozen, so an object that several claims hold is never changed through one.
    - Each model's values move to a dict that shares its table of keys with every instance of
      the type, as the dicts of plain objects do (464 -> 296 bytes for a claim).
    Together about 2.7 KB -> 1.7 KB per claim (docs/performance.md); 10,000 articles hold
    345,000 claims.
    """
    pool: dict[Any, Any] = {} if strings is None else strings
    local: dict[Any, Any] = {}
    for claim in claims:
        frame = claim.frame
        kept = local.setdefault(frame, frame)
        if kept is frame:
            parts = {
                "events": tuple(_pooled(e, pool, pool) for e in frame.events),
                "anchors": tuple(_pooled(a, pool, pool) for a in frame.anchors),
            }
            _slim(frame, pool, parts)
        values: dict[str, Any] = {"frame": kept}
        for name in ("quantities", "dates", "entities"):
            pooled = tuple(_pooled(part, pool, local) for part in getattr(claim, name))
            values[name] = local.setdefault(pooled, pooled)
        for name in ("text", "content"):
            value = getattr(claim, name)
            values[name] = value if value is None else local.setdefault(value, value)
        _slim(claim, pool, values)
    return claims


def _pooled(model: M, strings: dict[Any, Any], pool: dict[Any, Any]) -> M:
    """`model`, or the equal one `pool` already holds; a model new to the pool is slimmed."""
    kept: M = pool.setdefault(model, model)
    if kept is model:
        _slim(model, strings, {})
    return kept


def _slim(model: BaseModel, strings: dict[Any, Any], values: dict[str, Any]) -> None:
    """Give `model` the shared field set, pooled repeated strings, `values` in place of its
    own, and a dict of values whose table of keys the type's instances share."""
    kind = type(model)
    shared = _ALL_FIELDS.get(kind) or _ALL_FIELDS.setdefault(kind, set(kind.model_fields))
    object.__setattr__(model, "__pydantic_fields_set__", shared)
    fields = model.__dict__ | values
    for name in _REPEATED[kind]:
        value = fields[name]
        if value is not None:
            fields[name] = strings.setdefault(value, value)
    holder = _VALUES.get(kind) or _VALUES.setdefault(kind, type(f"_{kind.__name__}Values", (), {}))
    record = holder()
    for name, value in fields.items():  # in field order, always: the keys stay shared
        setattr(record, name, value)
    object.__setattr__(model, "__dict__", vars(record))
