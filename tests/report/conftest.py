"""Fixtures for the renderer tests."""

from __future__ import annotations

import pytest

from claimcheck.schema import Report

from .sample import make_report


@pytest.fixture
def report() -> Report:
    return make_report()
