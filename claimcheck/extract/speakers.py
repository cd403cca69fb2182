"""Gives the same person one canonical speaker name across all articles of a scan."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from claimcheck.extract.names import first_names_match, fold, name_suffixes
from claimcheck.schema import Claim, compact

_WORD = re.compile(r"[\w'’.-]+")


def unify(claims: Sequence[Claim], canonical: Mapping[str, str] | None = None) -> list[Claim]:
    """Claims with speaker names unified across articles (a renamed claim is compacted again,
    as a copy is not: `schema.compact`). `canonical` is `canonical_names` of the speaker names
    of the whole collection when the claims are part of one (a scan against a store); by
    default, of the claims' own."""
    if canonical is None:
        canonical = canonical_names(Counter(c.speaker for c in claims if c.speaker))
    return [
        compact([c.model_copy(update={"speaker": canonical[c.speaker]})])[0]
        if c.speaker and canonical.get(c.speaker, c.speaker) != c.speaker
        else c
        for c in claims
    ]


def canonical_names(counts: Counter[str]) -> dict[str, str]:
    """Each name as written -> the one form used for its person or organisation.

    Names that differ only in accents, case or a leading "the" are one name; full names with the
    same surname and a compatible first name (Vladimir ~ Volodymyr) are one person; a surname on
    its own goes to the only full name with that surname. The form kept is the most frequent,
    then the longest, then the first in alphabetical order, so the choice does not depend on
    the order of the articles.
    """
    key_of = {name: _key(name) for name in counts}
    groups: dict[str, list[str]] = defaultdict(list)
    written: Counter[str] = Counter()  # how often each key is written, in all its spellings
    for name, key in key_of.items():
        groups[key].append(name)
        written[key] += counts[name]
    by_surname: dict[str, list[list[str]]] = defaultdict(list)
    singles: list[str] = []
    for key in sorted(groups):
        words = key.split()
        if len(words) <= 1:  # a surname alone, or nothing left ("@", an emoji, a quote mark)
            singles.append(key)
            continue
        people = by_surname[words[-1]]
        for person in people:
            if first_names_match(person[0].split()[0], words[0]):
                person.append(key)
                break
        else:
            people.append([key])
    clusters: list[list[str]] = [p for people in by_surname.values() for p in people]
    for key in singles:
        people = by_surname.get(key, [])
        if len(people) == 1:
            people[0].append(key)
        else:
            clusters.append([key])
    out: dict[str, str] = {}
    for cluster in clusters:
        variants = [name for key in cluster for name in groups[key]]
        full = [v for v in variants if len(key_of[v].split()) > 1] or variants
        best = max(full, key=lambda v: (written[key_of[v]], len(v), _neg(v)))
        spelled = max(groups[key_of[best]], key=lambda v: (counts[v], _neg(v)))
        for name in variants:
            out[name] = spelled
    return out


def surname(name: str) -> str:
    """What `canonical_names` groups a name by: no name is unified with a name of another
    surname, so the names of one surname can be unified apart from all others."""
    words = _key(name).split()
    return words[-1] if words else ""


def _key(name: str) -> str:
    words = _WORD.findall(fold(name))
    if words and words[0] == "the":
        words = words[1:]
    words = [w.strip(".'’") for w in words if w.strip(".'’")]
    while len(words) > 2 and words[-1] in name_suffixes():
        words = words[:-1]  # "John G. Roberts Jr." is John Roberts
    return " ".join(words)


def _neg(text: str) -> tuple[int, ...]:
    """Sorts the alphabetically first string highest, for a deterministic max()."""
    return tuple(-ord(c) for c in text)
