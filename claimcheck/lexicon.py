"""Loads the word lists and tables the project ships under models/ (one place for all of them).

models/ is installed as the package data `claimcheck.models`, so the assets are found through
importlib.resources wherever claimcheck is installed (a wheel, an sdist, an editable checkout).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

MODELS: Traversable = resources.files("claimcheck.models")


def assets() -> list[Traversable]:
    """Every asset file under models/, sorted by name (the package's own __init__.py aside)."""
    return sorted(
        (entry for entry in MODELS.iterdir() if entry.is_file() and not entry.name.startswith("_")),
        key=lambda entry: entry.name,
    )


@functools.cache
def words(name: str) -> frozenset[str]:
    """A word list: models/<name>.txt, one entry per line, '#' starts a comment, lower-cased."""
    entries = set()
    for line in (MODELS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(entry)
    return frozenset(entries)


@functools.cache
def table(name: str) -> Any:
    """A JSON table: models/<name>.json."""
    return json.loads((MODELS / f"{name}.json").read_text(encoding="utf-8"))


@functools.cache
def limit(name: str) -> float:
    """A hand-set level, threshold, tolerance or score of the judges: models/limits.json, where
    each entry says why it holds (bench/limits.py writes it)."""
    value: float = table("limits")["limits"][name]["value"]
    return value


def count(name: str) -> int:
    """A limit that counts (words, letters, levels): a whole number of models/limits.json."""
    value = limit(name)
    if not isinstance(value, int):
        raise TypeError(f"models/limits.json: {name} counts, so it is a whole number, not {value}")
    return value
