"""Word-level alignment of two claims: where two near-identical sentences differ."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from claimcheck import lexicon
from claimcheck.extract.entities import canonical_word
from claimcheck.schema import Claim

# A censored word ('f***', 's**t', 'f---ing') is one word, so that it can match its spelling.
_WORD = re.compile(
    r"[^\W\d_]+(?:\*+[^\W\d_]*)+|[^\W\d_]-{2,}[^\W\d_]*|[^\W_]+(?:[-'’.][^\W_]+)*|\$|€|£|%",
    re.UNICODE,
)
_QUOTES = '"“”‘’«»'
_QUOTE = re.compile(f"[{_QUOTES}]")


@dataclass(frozen=True, slots=True)
class Token:
    norm: str  # lower-case, accents stripped, hyphens and dots removed
    start: int  # character offsets into the claim's document
    end: int
    quoted: bool  # inside quotation marks in the sentence


@dataclass(frozen=True, slots=True)
class Diff:
    """One block where the two sentences differ: tokens of a replaced by tokens of b."""

    a: tuple[Token, ...]
    b: tuple[Token, ...]

    def a_span(self) -> tuple[int, int]:
        return (self.a[0].start, self.a[-1].end) if self.a else (-1, -1)

    def b_span(self) -> tuple[int, int]:
        return (self.b[0].start, self.b[-1].end) if self.b else (-1, -1)


@dataclass(frozen=True, slots=True)
class Alignment:
    similarity: float  # share of tokens in matching blocks, 0..1
    diffs: tuple[Diff, ...]


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accents stripped, hyphens and dots dropped: 'De-mining' -> 'demining'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("-", "").replace(".", "").replace("’", "'")


@functools.cache
def function_words() -> frozenset[str]:
    return frozenset(lexicon.table("compare")["function_words"])


def tokens(claim: Claim) -> tuple[Token, ...]:
    """The claim's words with document offsets, each marked when it stands inside quotes."""
    return _tokens(claim.text, claim.start)


@functools.lru_cache(maxsize=1 << 15)  # bounded: a 10,000-article scan has 300,000 sentences
def _tokens(text: str, offset: int) -> tuple[Token, ...]:
    quoted_spans = _quoted_spans(text) if _QUOTE.search(text) else []
    out = []
    for match in _WORD.finditer(text):
        inside = any(s <= match.start() < e for s, e in quoted_spans)
        # 'gonna' aligns with 'going to', 'f***' with the word it hides: one spelling each
        for word in canonical_word(match.group()).split():
            out.append(Token(fold(word), offset + match.start(), offset + match.end(), inside))
    return tuple(out)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    opening = -1
    for mark in _QUOTE.finditer(text):
        i, char = mark.start(), mark.group()
        if (
            char in "’'"
            and 0 < i < len(text) - 1
            and text[i - 1].isalpha()
            and text[i + 1].isalpha()
        ):
            continue  # an apostrophe, not a quote
        if opening < 0:
            opening = i
        else:
            spans.append((opening, i))
            opening = -1
    return spans


def align(a: Claim, b: Claim) -> Alignment:
    """Align the words of two claims (longest common subsequence); similarity counts content
    words only. Adjacent deletions and insertions form one block, as a replacement."""
    ta, tb = tokens(a), tokens(b)
    stop = function_words()
    diffs: list[Diff] = []
    same = 0
    i0 = j0 = 0  # start of the pending block of differences
    for op in Indel.opcodes([t.norm for t in ta], [t.norm for t in tb]):
        if op.tag != "equal":
            continue
        if (i0, j0) != (op.src_start, op.dest_start):
            diffs.append(Diff(ta[i0 : op.src_start], tb[j0 : op.dest_start]))
        same += sum(1 for t in ta[op.src_start : op.src_end] if t.norm not in stop)
        i0, j0 = op.src_end, op.dest_end
    if (i0, j0) != (len(ta), len(tb)):
        diffs.append(Diff(ta[i0:], tb[j0:]))
    content = sum(1 for t in ta if t.norm not in stop) + sum(1 for t in tb if t.norm not in stop)
    similarity = 2 * same / content if content else 0.0
    return Alignment(similarity, tuple(diffs))
