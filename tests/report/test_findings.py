"""How findings name articles: file path plus outlet or title, never a bare document id."""

from __future__ import annotations

import pytest

from claimcheck.report.findings import TITLE_CHARS, name, ordered
from claimcheck.schema import Contradiction, Document, SideValue

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


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        # the first side in a new article leads; the others keep their order
        ({"a": "corpus", "b": "corpus", "c": "new"}, ("c:0-9", "a:0-9", "b:0-9")),
        ({"a": "corpus", "b": "new", "c": "new"}, ("b:0-9", "a:0-9", "c:0-9")),
        ({"a": "new", "b": "corpus", "c": "new"}, ("a:0-9", "b:0-9", "c:0-9")),
        # no side new, or every side new: the finding's own order
        ({"a": "corpus", "b": "corpus", "c": "corpus"}, ("a:0-9", "b:0-9", "c:0-9")),
        ({"a": "new", "b": "new", "c": "new"}, ("a:0-9", "b:0-9", "c:0-9")),
    ],
)
def test_the_primary_side_is_the_first_in_a_new_article(
    roles: dict[str, str], expected: tuple[str, ...]
) -> None:
    sides = tuple(
        SideValue(claim_id=f"{doc}:0-9", doc_id=doc, sentence="It rained.", value="rain")
        for doc in "abc"
    )
    finding = Contradiction(
        id="f",
        kind="quantity",
        claim_ids=tuple(s.claim_id for s in sides),
        explanation="x",
        confidence=0.5,
        values=sides,
    )
    assert ordered(finding, {}, roles) == expected
