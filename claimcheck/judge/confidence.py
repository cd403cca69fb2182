"""A finding's confidence: the judge's evidence score turned into the share of such findings a
careful reader calls right, by a logistic model fitted on the dev sets (`bench/calibrate.py`
writes models/calibration.json; docs/reliability.md says how well it holds on held-out corpora).

The model reads only what every finding has: its kind, whether it is inside one article, and
the judge's score (0..1: base value of the judge plus a share of the pairing cosine or the
alignment similarity). A kind the dev sets hold too few findings of keeps the common weights.
"""

from __future__ import annotations

import math
from functools import cache

from claimcheck import lexicon


@cache
def _model() -> dict[str, float]:
    weights: dict[str, float] = lexicon.table("calibration")["weights"]
    return weights


def features(kind: str, scope: str, score: float) -> dict[str, float]:
    """The model's inputs for one finding (bench/calibrate.py fits on the same)."""
    return {"bias": 1.0, "score": score, f"kind:{kind}": 1.0, f"scope:{scope}": 1.0}


def calibrated(kind: str, scope: str, score: float) -> float:
    """P(right) for a finding of this kind, scope and judge score, to three places."""
    weights = _model()
    z = math.fsum(weights.get(name, 0.0) * x for name, x in features(kind, scope, score).items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)
