"""How findings name articles: file path plus outlet or title, never a bare document id."""

from __future__ import annotations

import pytest

from claimcheck.report.findings import TITLE_CHARS, name
from claimcheck.schema import Document

LONG = "Council approves harbour budget after a night of debate over fees, fleets and courts"


@pytest.mark.parametrize(
    ("outlet", "title", "expected"),
    [
        ("Harbour Gazette", "Budget passes", "news/a.txt (Harbour Gazette)"),
        (None, "Budget passes", 'news/a.txt ("Budget passes")'),
        (None, LONG, f'news/a.txt ("{LONG[: TITLE_CHARS - 1]}…")'),
        (None, None, "news/a.txt"),
        ("", "", "news/a.txt"),
    ],
)
def test_name(outlet: str | None, title: str | None, expected: str) -> None:
    doc = Document(id="a", path="news/a.txt", outlet=outlet, title=title)
    assert name(doc) == expected
