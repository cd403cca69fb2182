"""Metadata the article states about itself: dates, bylines, datelines, title outlets."""

from __future__ import annotations

import pytest

from claimcheck.ingest import metadata
from claimcheck.ingest.clean import clean


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("date 2024-03-05", "2024-03-05"),
        ("4 Mar, 2024 12:44 / Updated 8 months ago", "2024-03-04"),
        ("Published: March 5, 2024", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("Sept. 12, 2016", "2016-09-12"),
        ("Tuesday, March 5, 2024 at 10:00 AM EST", "2024-03-05"),
        ("Posted on 2023/11/30", "2023-11-30"),
        ("February 30, 2024", None),
        ("Updated 8 months ago", None),
        ("The vote was held on March 4, 2024 in the capital.", None),
    ],
)
def test_date_line(line: str, iso: str | None) -> None:
    assert metadata.date_line(line) == iso


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Written by Angela Moss on March 5, 2024", ("Angela Moss", None, "2024-03-05")),
        ("By Piet de Vries", ("Piet de Vries", None, None)),
        ("By Ann Lee and Bo Chan | The Courier", ("Ann Lee and Bo Chan", "The Courier", None)),
        ("By the end of March, prices had doubled.", None),
        ("By Rosa Quint, Harbor Tribune", ("Rosa Quint", "Harbor Tribune", None)),
        ("By Ana Ruiz, Tom Hale", ("Ana Ruiz, Tom Hale", None, None)),
        ("By Ana Ruiz, Evening Standard-Gazette", ("Ana Ruiz", "Evening Standard-Gazette", None)),
        ("By John Smith, Staff Writer", ("John Smith, Staff Writer", None, None)),
    ],
)
def test_byline(line: str, expected: tuple[str, str | None, str | None] | None) -> None:
    assert metadata.byline(line) == expected


@pytest.mark.parametrize(
    ("line", "date", "outlet", "rest"),
    [
        ("date 2023-06-01 (NEWSWIRE) The port reopened.", "2023-06-01", "NEWSWIRE", "The port"),
        ("OSLO (Reuters) - The port reopened.", None, "Reuters", "The port"),
        ("LIMA, June 1, 2023 (AP) — Rain fell.", "2023-06-01", "AP", "Rain fell"),
    ],
)
def test_dateline(line: str, date: str | None, outlet: str, rest: str) -> None:
    found = metadata.dateline(line)
    assert found is not None
    width, got_date, got_outlet = found
    assert (got_date, got_outlet) == (date, outlet)
    assert line[width:].startswith(rest)


@pytest.mark.parametrize("line", ["Smith (D) said it would pass.", "The UN (United Nations) met."])
def test_not_a_dateline(line: str) -> None:
    assert metadata.dateline(line) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Port reopens after storm – Politico", ("Port reopens after storm", "Politico")),
        ("Port reopens | The Harbour Times", ("Port reopens", "The Harbour Times")),
        ("Port reopens - and ships wait", ("Port reopens - and ships wait", None)),
    ],
)
def test_title_outlet(title: str, expected: tuple[str, str | None]) -> None:
    assert metadata.title_outlet(title) == expected


ARTICLE_WITH_DATE_IN_BODY = """Harbour reopens after storm

The harbour reopened on March 4, 2024, the port authority said on Monday, after a storm had
closed it for three days and stranded dozens of ships and their crews in the outer roads.
"""


def test_date_in_body_sentence_is_not_the_publication_date() -> None:
    cleaned = clean(ARTICLE_WITH_DATE_IN_BODY)
    assert cleaned.meta.published is None
    assert cleaned.meta.title == "Harbour reopens after storm"


def test_header_date_line_is_read_and_removed_but_sentence_stays() -> None:
    raw = (
        "Harbour reopens – The Courier\n\n4 Jun, 2023 09:10 / Updated 2 months ago\n"
        "The port is open again.\n"
    )
    cleaned = clean(raw)
    assert (cleaned.meta.published, cleaned.meta.outlet) == ("2023-06-04", "The Courier")
    assert cleaned.text == "Harbour reopens\n\nThe port is open again."


def test_dateline_prefix_is_removed_from_the_first_paragraph() -> None:
    raw = " date 2023-06-01 (NEWSWIRE) In a quiet vote, the council passed the harbour plan."
    cleaned = clean(raw)
    assert cleaned.meta.published == "2023-06-01"
    assert cleaned.meta.outlet == "NEWSWIRE"
    assert cleaned.text.startswith("In a quiet vote, the council")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published March 6, 2024 by Metro Wire", ("2024-03-06", "Metro Wire")),
        ("Published on March 6, 2024 by Metro Wire", ("2024-03-06", "Metro Wire")),
        (
            "published on 6 March 2024, 09:15 by The Harbour Courier.",
            ("2024-03-06", "The Harbour Courier"),
        ),
        ("Published March 6, 2024", None),
        ("Published by Metro Wire", None),
        ("Published March 6, 2024 by Metro Wire, which owns the port.", None),
    ],
)
def test_published_by(line: str, expected: tuple[str, str] | None) -> None:
    assert metadata.published_by(line) == expected


@pytest.mark.parametrize(
    "statement",
    [
        "*Published March 6, 2024 by Metro Wire*",
        "_Published on March 6, 2024 by Metro Wire_",
        "Published on March 6, 2024 by Metro Wire",
    ],
)
def test_published_by_line_names_outlet_and_date_over_the_headline_suffix(
    statement: str,
) -> None:
    raw = f"# Council approves budget - Politico\n\n{statement}\n\nThe council voted on Tuesday.\n"
    cleaned = clean(raw)
    assert (cleaned.meta.outlet, cleaned.meta.published) == ("Metro Wire", "2024-03-06")
    assert cleaned.meta.title == "Council approves budget"
    assert cleaned.text == "Council approves budget\n\nThe council voted on Tuesday."


def test_dateline_outlet_beats_the_headline_suffix() -> None:
    raw = "Port reopens after storm - Politico\n\nOSLO (Reuters) - The port reopened on Monday.\n"
    assert clean(raw).meta.outlet == "Reuters"


def test_headline_suffix_does_not_override_the_outlet_already_known() -> None:
    meta = metadata.Meta(outlet="Metro Wire")
    assert (
        clean("Port reopens after storm - Politico\n\nThe port reopened.", meta=meta).meta.outlet
        == "Metro Wire"
    )
