"""Shared fixtures: the statistical pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimcheck import nlp as nlp_module

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return nlp_module.load(None)
