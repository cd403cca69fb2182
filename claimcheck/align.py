"""Word-level alignment of two claims: where two near-identical sentences differ."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from claimcheck import lexicon
from claimcheck.schema import Claim

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|\$|€|£|%", re.UNICODE)
_QUOTES = '"“”‘’«»'


@dataclass(frozen=True)
class Token:
    norm: str  # lower-case, accents stripped, hyphens and dots removed
    start: int  # character offsets into the claim's document
    end: int
    quoted: bool  # inside quotation marks in the sentence


@dataclass(frozen=True)
class Diff:
    """One block where the two sentences differ: tokens of a replaced by tokens of b."""

    a: tuple[Token, ...]
    b: tuple[Token, ...]

    def a_span(self) -> tuple[int, int]:
        return (self.a[0].start, self.a[-1].end) if self.a else (-1, -1)

    def b_span(self) -> tuple[int, int]:
        return (self.b[0].start, self.b[-1].end) if self.b else (-1, -1)


@dataclass(frozen=True)
class Alignment:
    similarity: float  # share of tokens in matching blocks, 0..1
    diffs: tuple[Diff, ...]


def fold(text: str) -> str:
    """Lower-case, accents stripped, hyphens and dots dropped: 'De-mining' -> 'demining'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("-", "").replace(".", "").replace("’", "'")


@cache
def function_words() -> frozenset[str]:
    return frozenset(lexicon.table("compare")["function_words"])


def tokens(claim: Claim) -> tuple[Token, ...]:
    """The claim's words with document offsets, each marked when it stands inside quotes."""
    return _tokens(claim.text, claim.start)


@cache
def _tokens(text: str, offset: int) -> tuple[Token, ...]:
    quoted_spans = _quoted_spans(text)
    out = []
    for match in _WORD.finditer(text):
        inside = any(s <= match.start() < e for s, e in quoted_spans)
        out.append(Token(fold(match.group()), offset + match.start(), offset + match.end(), inside))
    return tuple(out)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    opening = -1
    for i, char in enumerate(text):
        if char not in _QUOTES:
            continue
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
    """Align the words of two claims; similarity counts content words only."""
    ta, tb = tokens(a), tokens(b)
    matcher = difflib.SequenceMatcher(
        None, [t.norm for t in ta], [t.norm for t in tb], autojunk=False
    )
    diffs: list[Diff] = []
    same = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            same += sum(1 for t in ta[i1:i2] if t.norm not in function_words())
        else:
            diffs.append(Diff(ta[i1:i2], tb[j1:j2]))
    content = sum(1 for t in ta if t.norm not in function_words()) + sum(
        1 for t in tb if t.norm not in function_words()
    )
    similarity = 2 * same / content if content else 0.0
    return Alignment(similarity, tuple(diffs))
