"""One name written two ways, and two names: names.one_name on names of our own."""

from __future__ import annotations

import pytest

from claimcheck.extract.names import one_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("tko", "tkos"),  # a plural 's'
        ("lake vale", "lakevale"),  # spacing
        ("mt hollis", "north mount hollis"),  # an abbreviation, and one name's words in the other
        ("ie", "internet explorer"),  # an acronym
        ("nfa", "national forestry agency"),
        ("ddr", "department of digital records"),  # 'of' has no letter in an acronym
        ("kowalczyk", "kowalczk"),  # one letter apart
    ],
)
def test_one_name_written_two_ways(a: str, b: str) -> None:
    assert one_name(a, b)
    assert one_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("radio lumen inter", "radio lumen internationale"),  # 'inter' is no word of the other
        ("ohio", "iowa"),
        ("rome", "nome"),  # a changed letter makes another name
        ("harbor tribune", "harbor times"),
        ("nfa", "national park service"),
    ],
)
def test_two_names(a: str, b: str) -> None:
    assert not one_name(a, b)
