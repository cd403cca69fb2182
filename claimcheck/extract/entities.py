"""Doc -> entities with one canonical name per real-world thing (aliases in models/)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span

from claimcheck import lexicon
from claimcheck.schema import Entity

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
# Particles that, opening a person's name, are a first name: "Al Ruiz", "Van Lee".
FIRST_NAME_PARTICLES = frozenset({"al", "van", "del", "el", "mac"})
# A censored word: visible letters around a mask ('f***', 's**t', 'f---ing', 'f—').
_MASKED = re.compile(r"([^\W\d_]*)(\*+|-{2,}|[—–])([^\W\d_]*)")


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
        state = _state(span)
        if state is not None:
            label, name = "GPE", state
        elif " " not in name and label in ("PERSON", "ORG", "NORP", "GPE") and name in full_names:
            label, name = "PERSON", _full_name(full_names[name], span.start_char) or name
        yield Entity(
            text=span.text, label=label, canonical=name, start=span.start_char, end=span.end_char
        )


def canonical(name: str, label: str = "") -> str:
    """Lower case, no accents, no dots, no leading 'the' or trailing "'s", name particles joined
    ('La Guardia' = 'LaGuardia'), aliases applied (demonyms name their country; a place's AP
    state abbreviation, 'Ark.', its state)."""
    name = name.strip()
    if label == "GPE":
        place, comma, state = name.rpartition(", ")
        if state in _states()["ap"]:
            state = _states()["ap"][state]
            return f"{canonical(place, label)}, {state}" if comma else state
    text = canonical_key(re.sub(r"['\u2019]s?$", "", name), person=label == "PERSON")
    if label == "PERSON":
        words = text.split()
        while len(words) > 1 and words[0] in _titles():
            words = words[1:]
        text = " ".join(words)
    return _aliases().get(text, text)


@functools.lru_cache(maxsize=1 << 16)
def canonical_word(word: str) -> str:
    """One spelling of a word that is spoken or censored several ways: 'gonna' -> 'going to',
    'f***' and 'f---' -> 'fuck' (when the visible letters fit one word of the list)."""
    folded = word.lower().translate(_APOSTROPHES)
    spoken: dict[str, str] = _variants()["spoken"]
    if folded in spoken:
        return spoken[folded]
    masked = _MASKED.fullmatch(folded)
    if masked is None or not masked.group(1):
        return word
    head, mask, tail = masked.groups()
    fits = [
        w
        for w in _variants()["censorable"]
        if w.startswith(head)
        and w.endswith(tail)
        and (len(w) == len(folded) if mask[0] in "*-" else len(w) > len(head) + len(tail))
    ]
    return fits[0] if len(fits) == 1 else word


def _state(span: Span) -> str | None:
    """A state after a place, 'Hope, Ark.' or 'Austin, TX': AP forms and postal codes."""
    doc, text = span.doc, span.text
    if span.start < 2 or doc[span.start - 1].text != "," or not doc[span.start - 2].is_title:
        return None
    states = _states()
    return states["ap"].get(text) or states["postal"].get(text)


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
def _states() -> dict[str, dict[str, str]]:
    """'ap': AP abbreviation -> state, 'postal': postal code -> state."""
    ap: dict[str, str] = {}
    postal: dict[str, str] = {}
    for name, forms in lexicon.table("us_states").items():
        if not name.startswith("_"):
            ap.update((form, name) for form in forms["ap"])
            postal[forms["postal"]] = name
    return {"ap": ap, "postal": postal}


@functools.cache
def _variants() -> dict[str, Any]:
    table: dict[str, Any] = lexicon.table("word_variants")
    return table


@functools.cache
def _aliases() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for name, others in lexicon.table("aliases").items():
        if name.startswith("_"):
            continue
        for other in others:
            mapping[canonical_key(other)] = name
    return mapping


def canonical_key(text: str, *, person: bool = False) -> str:
    """The normalised form aliases are looked up by (same steps as canonical, no aliases).
    A name particle joins the word after it ('la guardia' -> 'laguardia', 'de la rosa' ->
    'delarosa'), except one that opens a person's name as a first name ('Al Ruiz', 'Van Lee')."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\s+", " ", text.replace(".", "")).strip()
    words = re.sub(r"^the ", "", text).split(" ")
    particles = lexicon.words("name_particles")
    out: list[str] = []
    joining = False
    for word in words:
        word = canonical_word(word)
        lead, hyphen, rest = word.partition("-")
        if hyphen and rest and lead in particles:
            word = lead + rest  # "al-qaeda" = "al qaeda"
        if joining:
            out[-1] += word
        else:
            out.append(word)
        first_name = person and len(out) == 1 and word in FIRST_NAME_PARTICLES
        joining = word in particles and not first_name
    return " ".join(out)
