"""Doc -> entities with one canonical name per real-world thing (aliases in models/)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from claimcheck import lexicon
from claimcheck.schema import Entity

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def find_entities(doc: Doc) -> Iterator[Entity]:
    """Named entities of the Doc, in text order, with canonical names.

    A surname-only PERSON mention ("Macron") takes the canonical name of the full name it
    shortens: the latest one before it in the article, else the only one after it.
    """
    spans = [span for ent in doc.ents if (span := _trimmed(ent)) is not None]
    full_names: dict[str, list[tuple[int, str]]] = {}
    for span in spans:
        if span.label_ == "PERSON" and len(span) > 1:
            name = canonical(span.text, "PERSON")
            full_names.setdefault(name.split()[-1], []).append((span.start_char, name))
    for span in spans:
        label = span.label_
        name = canonical(span.text, label)
        if len(span) == 1 and label in ("PERSON", "ORG", "NORP", "GPE") and name in full_names:
            label, name = "PERSON", _full_name(full_names[name], span.start_char) or name
        yield Entity(
            text=span.text, label=label, canonical=name, start=span.start_char, end=span.end_char
        )


def canonical(name: str, label: str = "") -> str:
    """Lower case, no accents, no dots, no leading 'the' or trailing "'s", aliases applied."""
    text = canonical_key(re.sub(r"['\u2019]s?$", "", name.strip()))
    if label == "PERSON":
        words = text.split()
        while len(words) > 1 and words[0] in _titles():
            words = words[1:]
        text = " ".join(words)
    return _aliases().get(text, text)


def _trimmed(ent: Span) -> Span | None:
    """The entity without a leading title or 'the', a trailing possessive, or a line break."""
    if ent.label_ not in LABELS or "\n" in ent.text:
        return None
    start, end = ent.start, ent.end
    titles = _titles()
    if ent.label_ == "PERSON":
        while end - start > 1 and ent.doc[start].lower_.rstrip(".") in titles:
            start += 1
    while end - start > 1 and ent.doc[start].lower_ == "the":
        start += 1
    while end - start > 1 and ent.doc[end - 1].lower_ in ("'s", "’s", "'"):
        end -= 1
    return Span(ent.doc, start, end, label=ent.label_)


def _full_name(candidates: list[tuple[int, str]], at: int) -> str | None:
    before = [name for start, name in candidates if start < at]
    if before:
        return before[-1]
    distinct = {name for _, name in candidates}
    return distinct.pop() if len(distinct) == 1 else None


@functools.cache
def _titles() -> frozenset[str]:
    """Titles trimmed off names: ours plus the attribution stage's list, so both agree."""
    return lexicon.words("titles") | lexicon.words("person_titles")


@functools.cache
def _aliases() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for name, others in lexicon.table("aliases").items():
        if name.startswith("_"):
            continue
        for other in others:
            mapping[canonical_key(other)] = name
    return mapping


def canonical_key(text: str) -> str:
    """The normalised form aliases are looked up by (same steps as canonical, no aliases)."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\s+", " ", text.replace(".", "")).strip()
    return re.sub(r"^the ", "", text)
