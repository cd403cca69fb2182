"""align: the words of two claims, aligned; spoken and censored spellings are one word."""

from __future__ import annotations

import pytest

from claimcheck.link.align import align
from claimcheck.schema import Claim


def _claim(text: str) -> Claim:
    return Claim(id=f"d:0-{len(text)}", doc_id="d", kind="event", text=text, start=0, end=len(text))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ('"We are gonna win," she said.', '"We are going to win," she said.', True),
        ('"That was f***ing awful," he said.', '"That was fucking awful," he said.', True),
        ('"It is s**t," he said.', '"It is shit," he said.', True),
        ('"We are gonna win," she said.', '"We are going to lose," she said.', False),
    ],
)
def test_spellings_of_one_word_align(a: str, b: str, same: bool) -> None:
    assert (align(_claim(a), _claim(b)).diffs == ()) is same
