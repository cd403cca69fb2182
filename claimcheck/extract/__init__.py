"""spaCy Doc -> claims: one claim per attributed statement, else one per sentence."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span

from claimcheck.extract.attribution import Attribution, find_attributions
from claimcheck.extract.dates import find_dates
from claimcheck.extract.entities import find_entities
from claimcheck.extract.frames import frame
from claimcheck.extract.quantities import find_quantities
from claimcheck.schema import Article, Claim, ClaimKind, DateRef, Entity, Quantity

Item = TypeVar("Item", Quantity, DateRef, Entity)
T = TypeVar("T")


def extract_claims(doc: Doc, article: Article) -> list[Claim]:
    """All claims of one article, in text order."""
    published = dt.date.fromisoformat(article.published) if article.published else None
    attributions = _ByOffset(list(find_attributions(doc)), lambda a: a.content_start)
    quantities = _ByOffset(list(find_quantities(doc)), lambda q: q.start)
    dates = _ByOffset(list(find_dates(doc, published=published)), lambda d: d.start)
    entities = _ByOffset(list(find_entities(doc)), lambda e: e.start)
    text = doc.text  # Doc.text joins every token again on each access: read it once
    offsets = [anchor[0] for anchor in article.line_map]
    claims: list[Claim] = []
    for sent in doc.sents:
        if not _is_claim_sentence(sent):
            continue
        start, end = _trimmed(sent)
        line, column = position(article, start, offsets)
        base = {
            "doc_id": article.id,
            "text": text[start:end],
            "start": start,
            "end": end,
            "line": line,
            "column": column,
            "quantities": _within(quantities, start, end),
            "dates": _within(dates, start, end),
            "entities": _within(entities, start, end),
        }
        said = _statements([a for a in attributions.between(start, end) if a.content_start < end])
        base["frame"] = frame(sent, base["entities"], base["quantities"], base["dates"])  # type: ignore[arg-type]
        if not said:
            claims.append(Claim(id=f"{article.id}:{start}-{end}", kind=_kind(base), **base))
        for attribution in said:
            claims.append(
                _attributed(article.id, base, attribution, doc, text, several=len(said) > 1)
            )
    return claims


def position(
    article: Article, offset: int, anchor_offsets: Sequence[int] | None = None
) -> tuple[int, int]:
    """1-based line and column in the original file of an offset into the cleaned text."""
    anchors = article.line_map
    if not anchors:
        line = article.text.count("\n", 0, offset) + 1
        return line, offset - (article.text.rfind("\n", 0, offset) + 1) + 1
    if anchor_offsets is None:
        anchor_offsets = [a[0] for a in anchors]
    i = max(bisect.bisect_right(anchor_offsets, offset) - 1, 0)
    anchor_offset, line, column = anchors[i]
    return line, column + max(offset - anchor_offset, 0)


def _attributed(
    doc_id: str, base: dict[str, object], said: Attribution, doc: Doc, text: str, *, several: bool
) -> Claim:
    start, end = base["start"], base["end"]
    suffix = f"@{said.content_start}" if several else ""
    extra: dict[str, object] = {}
    if isinstance(start, int) and isinstance(end, int) and said.content_end > end:
        # a quotation running on over several sentences: the claim covers all of them
        end = _sentence_end(doc, said.content_end)
        extra |= {"end": end, "text": text[start:end]}
    return Claim.model_validate(
        {
            **base,
            **extra,
            "id": f"{doc_id}:{start}-{end}{suffix}",
            "kind": "attribution",
            "content": text[said.content_start : said.content_end],
            "speaker": said.speaker,
            "speaker_mention": said.mention,
            "cue": said.cue,
            "negated": said.negated,
        }
    )


def _statements(said: list[Attribution]) -> list[Attribution]:
    """One attribution per content start. A claim's id is its sentence's offsets plus that
    start, so two attributions from one start would give two claims one id, which the report
    contract forbids. Two cues whose content starts at one offset report one statement (a
    quote between "she said" and "Ruiz said", a clause between an inserted and a trailing
    "he said"): the first kept is the shortest, as find_attributions orders them."""
    kept: dict[int, Attribution] = {}
    for attribution in said:
        kept.setdefault(attribution.content_start, attribution)
    return list(kept.values())


def _sentence_end(doc: Doc, offset: int) -> int:
    """End (trailing space trimmed) of the sentence holding the character before `offset`."""
    span = doc.char_span(offset - 1, offset, alignment_mode="expand")
    if span is None or not len(span):
        return offset
    return max(_trimmed(span[0].sent)[1], offset)


def _kind(base: dict[str, object]) -> ClaimKind:
    if base["quantities"]:
        return "quantity"
    if base["dates"]:
        return "date"
    return "event"


def _within(items: _ByOffset[Item], start: int, end: int) -> tuple[Item, ...]:
    return tuple(item for item in items.between(start, end) if item.end <= end)


class _ByOffset(Generic[T]):
    """Items looked up by an offset, so that each sentence finds its own without a scan of
    all of them: a scan per sentence made a 5 MB article (50,000 sentences) take hours."""

    def __init__(self, items: list[T], offset: Callable[[T], int]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: offset(items[i]))
        self._offsets = [offset(items[i]) for i in self._order]

    def between(self, start: int, end: int) -> list[T]:
        """The items whose offset is in [start, end], in their original order."""
        lo = bisect.bisect_left(self._offsets, start)
        hi = bisect.bisect_right(self._offsets, end)
        return [self._items[i] for i in sorted(self._order[lo:hi])]


def _trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())


def _is_claim_sentence(sent: Span) -> bool:
    """A claim needs a verb: headings, captions and list items without one are not claims."""
    return any(tok.pos_ in ("VERB", "AUX") for tok in sent)
