"""find_quantities: value, unit, counted noun, qualifier bounds, whole and time reference."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from claimcheck.extract.quantities import find_quantities

pytestmark = pytest.mark.model

INF = None  # an open bound

# sentence -> (text, value, unit, counted, low, high) of every quantity, in order
CASES: list[tuple[str, list[tuple[Any, ...]]]] = [
    (
        "The ministry ordered one million 155mm artillery shells from abroad.",
        [("one million", 1e6, "shell", "shell", 1e6, 1e6)],
    ),
    (
        "Congress has stalled the $60 billion aid package for weeks.",
        [("$60 billion", 60e9, "USD", "USD", 60e9, 60e9)],
    ),
    (
        "Turnout fell to 30 percent in the capital.",
        [("30 percent", 30, "percent", None, 30, 30)],
    ),
    ("Prices rose 4.5% last year.", [("4.5%", 4.5, "percent", None, 4.5, 4.5)]),
    (
        "Only 12 per cent of the ballots were spoiled.",
        [("12 per cent", 12, "percent", "ballot", 12, 12)],
    ),
    (
        "Delegates from 147 nations attended the summit in Geneva.",
        [("147", 147, "nation", "nation", 147, 147)],
    ),
    (
        "The plant produced 550,000 rounds for the army.",
        [("550,000", 550000, "round", "round", 550000, 550000)],
    ),
    (
        "Police said some 900,000 people marched in the capital.",
        [("some 900,000", 900000, "people", "people", 810000, 990000)],
    ),
    (
        "The strike lasted nearly a month before talks resumed.",
        [("nearly a month", 1, "month", "month", 0.9, 1)],
    ),
    (
        "More than 300 migrants were rescued off the coast.",
        [("More than 300", 300, "migrant", "migrant", 300, INF)],
    ),
    (
        "The new rules could affect up to 5,000 workers.",
        [("up to 5,000", 5000, "worker", "worker", INF, 5000)],
    ),
    (
        "At least 12 civilians were killed in the shelling.",
        [("At least 12", 12, "civilian", "civilian", 12, INF)],
    ),
    (
        "Fewer than 20 boats reached the island.",
        [("Fewer than 20", 20, "boat", "boat", INF, 20)],
    ),
    (
        "The survey found that just over half of the voters backed the plan.",
        [("just over half", 50, "percent", "voter", 50, 60)],
    ),
    (
        "Roughly two-thirds of the members voted in favour.",
        [("Roughly two-thirds", 66.7, "percent", "member", 60.03, 73.37)],
    ),
    (
        "A quarter of the budget goes to defence.",
        [("A quarter", 25, "percent", "budget", 25, 25)],
    ),
    (
        "A third of the staff were laid off.",
        [("A third", 33.3, "percent", "staff", 33.3, 33.3)],
    ),
    (
        "A dozen journalists were detained at the border.",
        [("A dozen", 12, "journalist", "journalist", 12, 12)],
    ),
    (
        "Hundreds of protesters gathered outside parliament.",
        [("Hundreds", 200, "protester", "protester", 200, INF)],
    ),
    (
        "The company paid £2bn for twenty-five stores.",
        [
            ("£2bn", 2e9, "GBP", "GBP", 2e9, 2e9),
            ("twenty-five", 25, "store", "store", 25, 25),
        ],
    ),
    (
        "Officials expect about 3.5 million tourists this summer.",
        [("about 3.5 million", 3.5e6, "tourist", "tourist", 3.15e6, 3.85e6)],
    ),
    (
        "The fund lent 40 million euros to farmers.",
        [("40 million euros", 40e6, "EUR", "EUR", 40e6, 40e6)],
    ),
    (
        "Almost 2,000 troops crossed the river.",
        [("Almost 2,000", 2000, "troop", "troop", 1800, 2000)],
    ),
    (
        "The town lies 40 km from the border.",
        [("40", 40, "kilometre", "km", 40, 40)],
    ),
    (
        "Half a million people fled the region.",
        [("Half a million", 500000, "people", "people", 500000, 500000)],
    ),
    # Not quantities: models, ids, dates, years, times, pronouns, ordinals, phone numbers.
    ("An F-16 and two Su-27 jets flew over the G7 summit.", [("two", 2, "jet", "jet", 2, 2)]),
    ("The COVID-19 rules ended in 2022.", []),
    ("The vote took place on March 4 at 12:44 local time.", []),
    ("The first one was better, and one of the aides agreed.", []),
    ("She called +44 20 7946 0958 and (202) 555-0143 after Flight 370 vanished.", []),
    ("The third Diplomacy Forum opened in Antalya.", []),
    ("He was born on 4 March 1961 in Lyon.", []),
    ("Growth in the second half of the year slowed.", []),
    (
        "Half the cabinet resigned.",
        [("Half", 50, "percent", "cabinet", 50, 50)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_quantities(nlp: Language, sentence: str, expected: list[tuple[Any, ...]]) -> None:
    found = list(find_quantities(nlp(sentence)))
    got = [(q.text, q.value, q.unit, q.counted, q.low, q.high) for q in found]
    assert len(got) == len(expected), got
    for (text, value, unit, counted, low, high), exp in zip(got, expected, strict=True):
        assert text == exp[0]
        assert value == pytest.approx(exp[1])
        assert unit == exp[2]
        assert counted == exp[3]
        assert low == (None if exp[4] is None else pytest.approx(exp[4]))
        assert high == (None if exp[5] is None else pytest.approx(exp[5]))
    for q in found:
        assert sentence[q.start : q.end] == q.text


def test_restated_amount_is_one_quantity(nlp: Language) -> None:
    doc = nlp("The bloc sends €1.5 billion ($1.63 billion) per month to Kyiv.")
    (q,) = find_quantities(doc)
    assert (q.value, q.unit, q.alt_value, q.alt_unit) == (1.5e9, "EUR", 1.63e9, "USD")
    assert q.time_ref == "per month"


@pytest.mark.parametrize(
    ("sentence", "whole", "counted"),
    [
        ("Just over half of one million shells will arrive.", 1e6, "shell"),
        ("Of the 2,000 staff hired, only 30 percent stayed.", 2000, "staff"),
        ("Turnout reached 30 percent of the 400 voters.", 400, "voter"),
        ("The firm promised 8,000 laptops, but just over half the amount came.", 8000, "laptop"),
    ],
)
def test_share_of_whole(nlp: Language, sentence: str, whole: float, counted: str) -> None:
    shares = [q for q in find_quantities(nlp(sentence)) if q.unit == "percent"]
    assert [(q.of_whole, q.counted) for q in shares] == [(whole, counted)]


@pytest.mark.parametrize(
    ("sentence", "times"),
    [
        (
            "The agency has already delivered 300,000 doses, he said, adding that by June "
            "that number was to rise to 550,000 doses.",
            ["already", "by June"],
        ),
        ("The city will spend 5 million dollars a year on parks.", ["a year"]),
        ("Exports grew 12 percent last year.", ["last year"]),
        ("The fleet has 40 ships.", [None]),
        (
            "Last week, the mayor said the city would miss the target of 20,000 tablets that "
            "it was expected to receive by June.",
            ["by June"],
        ),
    ],
)
def test_time_ref(nlp: Language, sentence: str, times: list[str | None]) -> None:
    assert [q.time_ref for q in find_quantities(nlp(sentence))] == times


def test_hyphenated_fraction(nlp: Language) -> None:
    doc = nlp("Prices rose by a-half in the capital last year, the bureau said.")
    assert [q.value for q in find_quantities(doc)] == [50.0]
