"""speakers.unify: one canonical speaker name per person across the articles of a scan."""

from __future__ import annotations

from collections import Counter

import pytest

from claimcheck.extract.speakers import canonical_names, unify
from claimcheck.schema import Claim


def _claim(doc: str, speaker: str | None, start: int = 0) -> Claim:
    return Claim(
        id=f"{doc}:{start}-{start + 5}",
        doc_id=doc,
        kind="attribution" if speaker else "event",
        text="Words.",
        start=start,
        end=start + 5,
        speaker=speaker,
    )


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # transliteration variants of one person, the more frequent form wins
        (["Volodymyr Zelensky", "Volodymyr Zelensky", "Vladimir Zelensky"], "Volodymyr Zelensky"),
        # accents do not make a second person; the more frequent spelling wins
        (["Stéphane Séjourné", "Stephane Sejourne", "Stéphane Séjourné"], "Stéphane Séjourné"),
        # a surname alone goes to the only full name with that surname
        (["Kaja Kallas", "Kallas", "Kallas"], "Kaja Kallas"),
        # an initial matches the first name
        (["J. Smithers", "Jonah Smithers", "Jonah Smithers"], "Jonah Smithers"),
        # a generational suffix does not make a second person
        (["John G. Roberts Jr.", "John Roberts", "John G. Roberts Jr."], "John G. Roberts Jr."),
        # organisations with and without "the"
        (["the Kremlin", "Kremlin", "Kremlin"], "Kremlin"),
    ],
)
def test_variants_share_one_name(names: list[str], expected: str) -> None:
    canonical = canonical_names(Counter(names))
    assert {canonical[name] for name in names} == {expected}


def test_different_first_names_stay_apart() -> None:
    canonical = canonical_names(Counter(["Hillary Clinton", "Bill Clinton"]))
    assert canonical["Hillary Clinton"] == "Hillary Clinton"
    assert canonical["Bill Clinton"] == "Bill Clinton"


def test_ambiguous_surname_is_left_alone() -> None:
    canonical = canonical_names(Counter(["Hillary Clinton", "Bill Clinton", "Clinton"]))
    assert canonical["Clinton"] == "Clinton"


def test_ties_are_broken_the_same_way_in_any_order() -> None:
    names = ["Ana Lopez", "Ana López"]
    assert canonical_names(Counter(names)) == canonical_names(Counter(reversed(names)))


def test_unify_rewrites_speakers_and_keeps_the_rest() -> None:
    claims = [
        _claim("a", "Vladimir Zelensky"),
        _claim("b", "Volodymyr Zelensky"),
        _claim("b", "Zelensky", 10),
        _claim("c", "Volodymyr Zelensky"),
        _claim("c", None, 20),
    ]
    out = unify(claims)
    assert [c.speaker for c in out] == ["Volodymyr Zelensky"] * 4 + [None]
    assert [c.id for c in out] == [c.id for c in claims]
    assert out[4] is claims[4]
