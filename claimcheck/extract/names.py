"""Person names: the key they are compared by, first names that can be one, and surnames."""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz

NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def surname_words(words: list[str]) -> list[str]:
    """The name without a generational suffix: 'Carlos Ortiz Jr.' is filed under Ortiz."""
    while len(words) > 1 and words[-1].lower().strip(",") in NAME_SUFFIXES:
        words = words[:-1]
    return words


def fold(text: str) -> str:
    """Lower case without accents: the key names are compared by."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def first_names_match(a: str, b: str) -> bool:
    """'Vladimir' ~ 'Volodymyr', 'J.' ~ 'John', 'Stephane' ~ 'Stéphane'; not 'Bill' ~ 'Hillary'."""
    a, b = fold(a).rstrip("."), fold(b).rstrip(".")
    if not a or not b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1 or a.startswith(b) or b.startswith(a):
        return True
    return fuzz.ratio(a, b) >= 50
