"""bench/limits.py and models/limits.json: the shipped limits are what the script writes, each
with its reason, and each is read by the code."""

from __future__ import annotations

import re

from bench import limits
from claimcheck import lexicon

from ..conftest import ROOT


def test_the_shipped_limits_are_what_the_script_writes() -> None:
    """A limit changes in bench/limits.py and `python bench/limits.py` rewrites the file."""
    assert (ROOT / "models" / "limits.json").read_text(encoding="utf-8") == limits.render()


def test_every_limit_says_why_and_counts_are_whole() -> None:
    for name, entry in lexicon.table("limits")["limits"].items():
        assert entry["why"].strip(), name
        assert isinstance(entry["value"], int | float) and not isinstance(entry["value"], bool)
        assert lexicon.limit(name) == entry["value"]
        if isinstance(entry["value"], int):
            assert lexicon.count(name) == entry["value"]


def test_every_limit_is_read() -> None:
    """No entry outlives its reader: each name is in the code (a near-copy score through
    judge.base.near_copy_score, by its kind)."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "claimcheck").rglob("*.py"))
    for name in lexicon.table("limits")["limits"]:
        kind, limit = name.split(".", 1)
        if re.fullmatch(r"score_(base|base_quoted|slope)", limit):
            assert f'near_copy_score("{kind}"' in source, name
        else:
            assert f'"{name}"' in source, name
