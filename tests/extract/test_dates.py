"""find_dates: absolute and relative dates resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from claimcheck.extract.dates import NO_PUBLISHED, find_dates

pytestmark = pytest.mark.model

MON = dt.date(2024, 3, 4)  # a Monday
TUE = dt.date(2024, 3, 5)
JAN2 = dt.date(2024, 1, 2)
LATE_JAN = dt.date(2013, 1, 30)

# (publication date, sentence) -> [(text, value, end_value, granularity)]
CASES: list[tuple[dt.date | None, str, list[tuple[str, str | None, str | None, str]]]] = [
    (MON, "On Sunday, the minister resigned.", [("On Sunday", "2024-03-03", None, "day")]),
    (TUE, "The report was published on Monday.", [("on Monday", "2024-03-04", None, "day")]),
    (MON, "The talks ended on Monday without a deal.", [("on Monday", "2024-03-04", None, "day")]),
    (
        MON,
        "She told a radio station last Friday that she would stay.",
        [("last Friday", "2024-03-01", None, "day")],
    ),
    (
        MON,
        "The leaders will meet on Thursday in Rome.",
        [("on Thursday", "2024-03-07", None, "day")],
    ),
    (MON, "Voting starts next Monday.", [("next Monday", "2024-03-11", None, "day")]),
    (TUE, "Rescuers found two survivors yesterday.", [("yesterday", "2024-03-04", None, "day")]),
    (TUE, "The court rules today.", [("today", "2024-03-05", None, "day")]),
    (TUE, "The strike began last week.", [("last week", "2024-02-26", "2024-03-03", "week")]),
    (TUE, "Prices climbed this week.", [("this week", "2024-03-04", "2024-03-10", "week")]),
    (TUE, "Sales fell last month.", [("last month", "2024-02-01", "2024-02-29", "month")]),
    (
        TUE,
        "He resigned earlier this month.",
        [("earlier this month", "2024-03-01", "2024-03-31", "month")],
    ),
    (
        TUE,
        "Fighting intensified in late February.",
        [("in late February", "2024-02-01", "2024-02-29", "month")],
    ),
    (TUE, "The plant closed in November.", [("in November", "2023-11-01", "2023-11-30", "month")]),
    (TUE, "The plant will reopen in June.", [("in June", "2024-06-01", "2024-06-30", "month")]),
    (TUE, "Inflation peaked last year.", [("last year", "2023-01-01", "2023-12-31", "year")]),
    (
        TUE,
        "Unemployment fell earlier this year.",
        [("earlier this year", "2024-01-01", "2024-12-31", "year")],
    ),
    (TUE, "The ceasefire was signed on March 3.", [("on March 3", "2024-03-03", None, "day")]),
    (TUE, "The op-ed was published March 4.", [("March 4", "2024-03-04", None, "day")]),
    (
        TUE,
        "The treaty was signed on 4 March 2021.",
        [("on 4 March 2021", "2021-03-04", None, "day")],
    ),
    (TUE, "It expired on March 4, 2020.", [("on March 4, 2020", "2020-03-04", None, "day")]),
    (TUE, "The filing is dated 2023-11-30.", [("2023-11-30", "2023-11-30", None, "day")]),
    (JAN2, "The vote took place on December 30.", [("on December 30", "2023-12-30", None, "day")]),
    (TUE, "The dam was built in 1961.", [("in 1961", "1961-01-01", "1961-12-31", "year")]),
    (
        TUE,
        "The envoy arrived three weeks ago.",
        [("three weeks ago", "2024-02-12", "2024-02-18", "week")],
    ),
    # Without a publication date relative dates stay unresolved.
    (None, "On Sunday, the minister resigned.", [("On Sunday", None, None, "day")]),
    (None, "The ceasefire was signed on March 3.", [("on March 3", None, None, "day")]),
    (
        None,
        "The treaty was signed on 4 March 2021.",
        [("on 4 March 2021", "2021-03-04", None, "day")],
    ),
    # A day without a year takes the year the tense makes sense of.
    (
        LATE_JAN,
        "The primary will be held on April 30.",
        [("on April 30", "2013-04-30", None, "day")],
    ),
    (
        LATE_JAN,
        "He said the vote would take place on April 30.",
        [("on April 30", "2013-04-30", None, "day")],
    ),
    (LATE_JAN, "The runoff is on April 30.", [("on April 30", "2013-04-30", None, "day")]),
    (LATE_JAN, "The council met on December 20.", [("on December 20", "2012-12-20", None, "day")]),
    (LATE_JAN, "Ballots were counted on April 30.", [("on April 30", "2012-04-30", None, "day")]),
    (
        LATE_JAN,
        "The hearing would have been held on April 30.",
        [("on April 30", "2012-04-30", None, "day")],
    ),
    (
        LATE_JAN,
        "Voters return to the polls on December 20.",
        [("on December 20", "2012-12-20", None, "day")],
    ),
    (LATE_JAN, "The plant reopens in June.", [("in June", "2013-06-01", "2013-06-30", "month")]),
    # Not dates: durations, names, verbs and nouns that look like months.
    (TUE, "The siege lasted for months and then several weeks.", []),
    (TUE, "Theresa May said voters may march on the capital.", []),
    (TUE, "The March on Washington drew a large crowd.", []),
    (TUE, "She is 54 and has lived in Lyon for nearly a month.", []),
]


@pytest.mark.parametrize(("published", "sentence", "expected"), CASES)
def test_dates(
    nlp: Language,
    published: dt.date | None,
    sentence: str,
    expected: list[tuple[str, str | None, str | None, str]],
) -> None:
    found = list(find_dates(nlp(sentence), published=published))
    assert [(d.text, d.value, d.end_value, d.granularity) for d in found] == expected
    for d in found:
        assert sentence[d.start : d.end] == d.text
        assert (d.value is None) == (d.reason is not None)


def test_reason_names_the_missing_publication_date(nlp: Language) -> None:
    (found,) = find_dates(nlp("Talks resumed yesterday."), published=None)
    assert found.reason == NO_PUBLISHED
