"""Doc -> quotations: the spans inside quotation marks, and the marks, dashes and paragraphs."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Doc, Token

QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''", "„", "«", "»"})
OPENERS = frozenset({"“", "``", "„", "«"})
CLOSERS = frozenset({"”", "»"})
DASHES = frozenset({"―", "—", "–", "--"})


def find_quotes(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the quotations (inside the marks); a paragraph end closes a quote."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for tok in doc:
        new_paragraph = tok.i > 0 and "\n" in doc[tok.i - 1].whitespace_ + doc[tok.i - 1].text
        if new_paragraph and open_at >= 0:
            end = _paragraph_end(doc, tok)
            if end > open_at:
                spans.append((open_at, end))
            open_at = -1
        text = tok.text if mark_of(tok) == tok.text else tok.text[0]
        if text not in QUOTE_MARKS:
            continue
        starts_paragraph = tok.i == 0 or new_paragraph or doc[tok.i - 1].is_space
        if open_at < 0 and (text not in CLOSERS or starts_paragraph):  # '”We will ...' too
            open_at = tok.idx + len(text)
        elif open_at >= 0 and text not in OPENERS:
            if tok.idx > open_at:
                spans.append((open_at, tok.idx))
            open_at = -1
    if open_at >= 0:
        end = len(doc.text.rstrip())
        if end > open_at:
            spans.append((open_at, end))
    return spans


def _paragraph_end(doc: Doc, tok: Token) -> int:
    i = tok.i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i].idx + len(doc[i]) if i >= 0 else 0


def quote_at(offset: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    i = bisect.bisect_right(quotes, (offset, 1 << 62)) - 1
    if i >= 0 and quotes[i][0] <= offset <= quotes[i][1]:
        return quotes[i]
    return None


def inside_quote(offset: int, quotes: list[tuple[int, int]]) -> bool:
    q = quote_at(offset, quotes)
    return q is not None and q[0] < offset < q[1]


def mark_of(tok: Token) -> str:
    """A dash the tokenizer glued to the closing quotation mark before it ('”―') is a dash."""
    text = tok.text
    return text[1:] if len(text) > 1 and text[0] in QUOTE_MARKS and text[1:] in DASHES else text


def find_paragraphs(doc: Doc) -> Iterator[tuple[int, int]]:
    """(first, last) token index of each paragraph, blank tokens left out."""
    first = None
    for tok in doc:
        if tok.is_space:
            continue
        if first is None:
            first = tok.i
        if "\n" in tok.whitespace_ or tok.i + 1 == len(doc) or "\n" in doc[tok.i + 1].text:
            yield first, tok.i
            first = None
