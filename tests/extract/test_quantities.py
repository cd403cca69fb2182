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
    (  # a currency symbol that ends in a letter, as Australian and British papers write it
        "The council approved a $US60 million loan and $A2 billion in grants.",
        [
            ("$US60 million", 60e6, "USD", "USD", 60e6, 60e6),
            ("$A2 billion", 2e9, "AUD", "AUD", 2e9, 2e9),
        ],
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


def test_a_conversion_after_a_lettered_symbol_is_the_same_amount(nlp: Language) -> None:
    doc = nlp("Damage to the hall was put at $US2 million ($A3.1 million) on Friday.")
    (q,) = find_quantities(doc)
    assert (q.value, q.unit, q.alt_value, q.alt_unit) == (2e6, "USD", 3.1e6, "AUD")


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


# Numbers that are not counts, ranges, tallies and counted nouns:
# sentence -> (text, value, unit, counted, low, high, other_side) of every quantity, in order
FIGURES: list[tuple[str, list[tuple[Any, ...]]]] = [
    # an age apposition is an age of whom it names, never a count of what follows
    (
        "Maria Ortega, 41, drove about 20 children to safety.",
        [
            ("41", 41, "age", "age of ortega", 41, 41, None),
            ("about 20", 20, "child", "child", 18, 22, None),
        ],
    ),
    ("Tomas Rye (29) was released on bail.", [("29", 29, "age", "age of rye", 29, 29, None)]),
    (
        "A 57-year-old farmer was rescued from the flood.",
        [("57-year-old", 57, "age", "age of farmer", 57, 57, None)],
    ),
    (  # tokenized text spaces its hyphens: still an age, of whom it names
        "A 57 - year - old farmer was rescued from the flood.",
        [("57 - year - old", 57, "age", "age of farmer", 57, 57, None)],
    ),
    ("The mayor, aged 63, opened the bridge.", [("63", 63, "age", "age of mayor", 63, 63, None)]),
    (
        "Volunteers aged 18 to 25 can apply.",
        [("18 to 25", 18, "age", "age of volunteer", 18, 25, None)],
    ),
    # near-misses: a list of numbers after a noun, a count after a name
    (
        "The school has 12 classes, 3, 4 and 5 of them new.",
        [
            ("12", 12, "class", "class", 12, 12, None),
            ("3", 3, None, None, 3, 3, None),
            ("4", 4, None, None, 4, 4, None),
            ("5", 5, None, None, 5, 5, None),
        ],
    ),
    # a number in a title is part of the name
    ("Critics praised Toy Island 3 at the festival.", []),
    ("They watched Home Alone 2 with four cousins.", [("four", 4, "cousin", "cousin", 4, 4, None)]),
    # tallies: both sides, the larger first, with the unit 'tally'
    (
        "The council approved the budget 134-to-36 on Monday.",
        [("134-to-36", 134, "tally", None, 134, 134, 36)],
    ),
    (
        "The justices issued a 7-2 ruling in the water case.",
        [("7-2", 7, "tally", None, 7, 7, 2)],
    ),
    ("The assembly voted 52 to 48 to adjourn.", [("52 to 48", 52, "tally", None, 52, 52, 48)]),
    ("The visitors lost 1-3 after extra time.", [("1-3", 1, None, None, 1, 3, None)]),
    # "seven-count" and "seven counts" count counts
    (
        "Prosecutors filed a seven-count indictment.",
        [("seven", 7, "count", "count", 7, 7, None)],
    ),
    (
        "He was charged with seven counts of fraud.",
        [("seven", 7, "count", "count", 7, 7, None)],
    ),
    ("A 12-member jury heard the case.", [("12", 12, "member", "member", 12, 12, None)]),
    ("The 24-hour strike closed the port.", [("24", 24, "hour", "hour", 24, 24, None)]),
    # a bare number of people: headlines and casualty verbs
    ("Blast kills 9, police say", [("9", 9, "people", "people", 9, 9, None)]),
    (
        "Officials said 14 were injured in the crash.",
        [("14", 14, "people", "people", 14, 14, None)],
    ),
    ("The quake left at least 30 dead.", [("at least 30", 30, "people", "people", 30, INF, None)]),
    ("The index rose 12, traders said.", [("12", 12, None, None, 12, 12, None)]),
    # ranges are one interval
    (
        "Tickets cost between $40 and $90 each.",
        [("between $40 and $90", 40, "USD", "USD", 40, 90, None)],
    ),
    ("Repairs will cost $3,000-$8,000.", [("$3,000-$8,000", 3000, "USD", "USD", 3000, 8000, None)]),
    ("Between 6 and 9 boats sank.", [("Between 6 and 9", 6, "boat", "boat", 6, 9, None)]),
    (
        "Some 20 to 30 hikers were stranded.",
        [("Some 20 to 30", 20, "hiker", "hiker", 18, 33, None)],
    ),
    ("Crews cleared 5-8 roads overnight.", [("5-8", 5, "road", "road", 5, 8, None)]),
    (
        "The plan would hire 2 to 3 million workers.",
        [("2 to 3 million", 2e6, "worker", "worker", 2e6, 3e6, None)],
    ),
    ("Fees rose 4%-6% this year.", [("4%-6%", 4, "percent", None, 4, 6, None)]),
    ("Trainees need a 30- to 50-hour course.", [("30- to 50", 30, "hour", "hour", 30, 50, None)]),
    # near-misses: a change is two figures; years, seasons, ids and phones are no ranges
    (
        "Rents rose from 900 to 1,200 euros.",
        [
            ("900", 900, None, None, 900, 900, None),
            ("1,200 euros", 1200, "EUR", "EUR", 1200, 1200, None),
        ],
    ),
    ("The drought lasted from 2010-2014 in the valley.", []),
    ("The 2019-20 season ended early.", []),
    ("The ruling in case No. 21-476 stands.", []),
    ("Call 555-0199 for details.", []),
    # what is counted: the role a relative clause names
    (
        "The chain has 280 women who serve as branch managers.",
        [("280", 280, "branch manager", "branch manager", 280, 280, None)],
    ),
    (
        "The firm employs 90 people who are software engineers.",
        [("90", 90, "software engineer", "software engineer", 90, 90, None)],
    ),
    ("The city hired 40 nurses who work nights.", [("40", 40, "nurse", "nurse", 40, 40, None)]),
    # "two quarters" of a year is a duration; of a budget, a share
    (
        "Sales fell for two quarters of the year.",
        [("two quarters", 2, "quarter", "quarter", 2, 2, None)],
    ),
    (
        "The economy shrank for three quarters in a row.",
        [("three quarters", 3, "quarter", "quarter", 3, 3, None)],
    ),
    (
        "Three quarters of the grant went to schools.",
        [("Three quarters", 75, "percent", "grant", 75, 75, None)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURES)
def test_figures(nlp: Language, sentence: str, expected: list[tuple[Any, ...]]) -> None:
    found = list(find_quantities(nlp(sentence)))
    got = [(q.text, q.value, q.unit, q.counted, q.low, q.high, q.other_side) for q in found]
    assert len(got) == len(expected), got
    for item, exp in zip(got, expected, strict=True):
        assert item[0] == exp[0], got
        assert item[1] == pytest.approx(exp[1]), got
        assert item[2:4] == exp[2:4], got
        for value, wanted in zip(item[4:], exp[4:], strict=True):
            assert value == (None if wanted is None else pytest.approx(wanted)), got
    for q in found:
        assert sentence[q.start : q.end] == q.text
