"""Person names: the key they are compared by, first names that can be one, and surnames."""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Abbreviations one name is written with ('E. Main St.' / 'East Main Street', 'Mt Cook').
ABBREVIATIONS = {
    "e": "east",
    "w": "west",
    "n": "north",
    "s": "south",
    "st": "street",
    "ave": "avenue",
    "blvd": "boulevard",
    "rd": "road",
    "mt": "mount",
    "ft": "fort",
    "dept": "department",
    "co": "company",
    "corp": "corporation",
    "univ": "university",
    "natl": "national",
    "intl": "international",
}
# Words an acronym skips ('Department of Justice' -> DOJ).
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "&"})
# A name this long or longer may lose or gain one letter and stay one name ('Rait' / 'Raite');
# a changed letter makes another name ('Rome' / 'Nome').
TYPO_LENGTH = 4


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


def expanded(name: str) -> str:
    """A folded name with its abbreviated words written out: 'mt cook' -> 'mount cook'."""
    return " ".join(ABBREVIATIONS.get(w.rstrip("."), w) for w in name.split())


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
        initials = "".join(w[0] for w in long if w not in ACRONYM_SKIPS)
        if len(initials) > 1 and initials.startswith(short[0]):
            return True
    shortest = min(len(plain_a), len(plain_b))
    return shortest >= TYPO_LENGTH and Indel.distance(plain_a, plain_b) <= 1
