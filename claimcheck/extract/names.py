"""Person names: the key they are compared by, first names that can be one, and surnames."""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from claimcheck import lexicon


def name_suffixes() -> frozenset[str]:
    """Generational suffixes ('jr.', 'iii'): models/name_suffixes.txt."""
    return lexicon.words("name_suffixes")


def surname_words(words: list[str]) -> list[str]:
    """The name without a generational suffix: 'Carlos Ortiz Jr.' is filed under Ortiz."""
    while len(words) > 1 and words[-1].lower().strip(",") in name_suffixes():
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
    return fuzz.ratio(a, b) >= lexicon.limit("names.first_names_alike")


def expanded(name: str) -> str:
    """A folded name with its abbreviated words written out: 'mt cook' -> 'mount cook'."""
    abbreviations: dict[str, str] = lexicon.table("abbreviations")["words"]
    return " ".join(abbreviations.get(w.rstrip("."), w) for w in name.split())


def one_name(a: str, b: str) -> bool:
    """Two folded names that write one name two ways: the same letters without spaces or a
    plural 's' ('KOs' / 'KO'), one name's words all in the other's ('Mt Cook' / 'Aoraki Mount
    Cook'), an acronym of the other's first words ('IE' / 'Internet Explorer', 'MVP' / 'Most
    Valuable Player Award') or one letter added ('Rait' / 'Raite'). 'Radio France Inter' and
    'Radio France Internationale' are two names: 'inter' is no word of the other."""
    a, b = expanded(a), expanded(b)
    plain_a, plain_b = a.replace(" ", "").removesuffix("s"), b.replace(" ", "").removesuffix("s")
    if plain_a == plain_b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    if short and set(short) <= set(long):
        return True
    if len(short) == 1 and len(short[0]) > 1:
        skipped = lexicon.words("acronym_skips")
        initials = "".join(w[0] for w in long if w not in skipped)
        if len(initials) > 1 and initials.startswith(short[0]):
            return True
    shortest = min(len(plain_a), len(plain_b))
    return shortest >= lexicon.count("names.typo_length") and Indel.distance(plain_a, plain_b) <= 1
