"""How findings name articles: file path plus outlet or title, never a bare document id."""

from __future__ import annotations

import pytest

from claimcheck.report.findings import TITLE_CHARS, clip, closed, count, name, ordered
from claimcheck.schema import Contradiction, Document, SideValue

QUOTED = "Harbour chief on the new fees: “we will not charge fishing boats a single cent more”"
LONG = "Council approves harbour budget after a night of debate over fees, fleets and courts"


@pytest.mark.parametrize(
    ("outlet", "title", "expected"),
    [
        ("Harbour Gazette", "Budget passes", "news/a.txt (Harbour Gazette)"),
        (None, "Budget passes", 'news/a.txt ("Budget passes")'),
        (None, LONG, f'news/a.txt ("{LONG[: TITLE_CHARS - 1]}…")'),
        (None, None, "news/a.txt"),
        # a cut inside a quotation closes it after the ellipsis
        (None, QUOTED, f'news/a.txt ("{QUOTED[: TITLE_CHARS - 1]}…”")'),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said “we will ...", "She said “we will ...”"),
        ('She said "we will ...', 'She said "we will ..."'),
        ("He wrote “the ‘plan’ is ...", "He wrote “the ‘plan’ is ...”"),
        ("He wrote “the ‘plan is ...", "He wrote “the ‘plan is ...’”"),
        ("« Non », dit-il ; « jamais ...", "« Non », dit-il ; « jamais ...»"),
        # closed quotations, apostrophes and the ASCII apostrophe stay as they are
        ("She said “no” twice ...", "She said “no” twice ..."),
        ('He said "no" ...', 'He said "no" ...'),
        ("The mayor’s plan ...", "The mayor’s plan ..."),
        ("The 'plan ...", "The 'plan ..."),
    ],
)
def test_closed(text: str, expected: str) -> None:
    assert closed(text) == expected


def test_clip_cuts_with_an_ellipsis_and_closes_quotations() -> None:
    assert clip("“One two three four”", 10) == "“One two …”"
    assert len(clip("One two three four five", 10)) == 10


@pytest.mark.parametrize(
    ("number", "noun", "plural", "expected"),
    [
        (0, "finding", None, "0 findings"),
        (1, "finding", None, "1 finding"),
        (2, "finding", None, "2 findings"),
        (1, "baseline entry", "baseline entries", "1 baseline entry"),
        (3, "baseline entry", "baseline entries", "3 baseline entries"),
    ],
)
def test_count(number: int, noun: str, plural: str | None, expected: str) -> None:
    assert count(number, noun, plural) == expected
