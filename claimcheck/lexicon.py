"""Loads the word lists and tables the project ships under models/ (one place for all of them)."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

MODELS_DIR = Path(
    os.environ.get("CLAIMCHECK_MODELS", Path(__file__).resolve().parent.parent / "models")
)


@functools.cache
def words(name: str) -> frozenset[str]:
    """A word list: models/<name>.txt, one entry per line, '#' starts a comment, lower-cased."""
    entries = set()
    for line in (MODELS_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(entry)
    return frozenset(entries)


@functools.cache
def table(name: str) -> Any:
    """A JSON table: models/<name>.json."""
    return json.loads((MODELS_DIR / f"{name}.json").read_text(encoding="utf-8"))
