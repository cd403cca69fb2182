"""Confidence is fitted: bench/calibrate.py fits the logistic model judge/confidence.py reads."""

from __future__ import annotations

import math

import pytest

from bench.calibrate import fit, predict
from claimcheck.judge.confidence import calibrated


def test_the_fit_learns_which_findings_are_right() -> None:
    # quantity findings with a high score are right, with a low score wrong; dates always right
    examples = [("quantity", "across", 0.9, 1, "x")] * 60
    examples += [("quantity", "across", 0.3, 0, "x")] * 60
    examples += [("date", "across", 0.5, 1, "x")] * 10
    weights = fit(examples)
    assert weights["score"] > 0
    assert predict(weights, "quantity", "across", 0.9) > 0.7
    assert predict(weights, "quantity", "across", 0.3) < 0.3
    assert predict(weights, "date", "across", 0.5) > predict(weights, "quantity", "across", 0.5)
    assert fit(list(reversed(examples))) == weights  # Newton's method: no order, no seed


def test_a_kind_with_too_few_findings_gets_the_common_weights() -> None:
    examples = [("quantity", "across", 0.8, 1, "x"), ("quantity", "across", 0.2, 0, "x")] * 10
    examples += [("wording", "across", 0.5, 1, "x")]
    assert "kind:wording" not in fit(examples)


@pytest.mark.parametrize("kind", ["quantity", "date", "dispute", "wording"])
def test_shipped_confidence_is_a_probability_rising_with_the_score(kind: str) -> None:
    values = [calibrated(kind, "across", score / 10) for score in range(11)]
    assert all(0.0 < v < 1.0 for v in values)
    assert values == sorted(values)
    assert not math.isclose(values[0], values[-1])
