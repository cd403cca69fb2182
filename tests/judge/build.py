"""Builds claims by hand for comparator tests: offsets come from where the phrase stands."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.link.align import function_words
from claimcheck.schema import Claim, DateRef, Entity, Frame, Quantity


def claim(
    doc: str,
    text: str,
    *,
    speaker: str | None = None,
    at: int = 0,
    quantities: tuple[dict[str, Any], ...] = (),
    dates: tuple[tuple[str, str | None], ...] = (),
    entities: tuple[tuple[str, str, str], ...] = (),
) -> Claim:
    """quantities: dicts with 'text' plus Quantity fields; dates: (phrase, ISO or None);
    entities: (phrase, label, canonical). The frame's lemmas are the sentence's lower-cased
    content words (no parse: these tests run without the model)."""

    def span(phrase: str) -> tuple[int, int]:
        start = text.index(phrase)
        return at + start, at + start + len(phrase)

    qs = tuple(Quantity(**q, start=span(q["text"])[0], end=span(q["text"])[1]) for q in quantities)
    ds = tuple(
        DateRef(text=p, value=v, granularity="day", start=span(p)[0], end=span(p)[1])
        for p, v in dates
    )
    es = tuple(
        Entity(text=p, label=label, canonical=canon, start=span(p)[0], end=span(p)[1])
        for p, label, canon in entities
    )
    kind = "attribution" if speaker else ("quantity" if qs else "event")
    return Claim(
        id=f"{doc}:{at}-{at + len(text)}",
        doc_id=doc,
        kind=kind,
        text=text,
        start=at,
        end=at + len(text),
        content=text if speaker else None,
        speaker=speaker,
        quantities=qs,
        dates=ds,
        entities=es,
        frame=Frame(lemmas=" ".join(sorted(_words(text)))),
    )


def _words(text: str) -> set[str]:
    return {
        w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in function_words()
    }
