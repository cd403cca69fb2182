"""A candidate pair's evidence as named comparison levels, weighed by learned log-odds.

The Fellegi-Sunter shape that Splink uses for record linkage: each judge reads a few named
comparisons of a pair (the value relation, the time, the participants, how alike the claims
are, ...), each at one of a few discrete levels. Every level carries a weight, a log-odds learned
by `bench/weights.py` from labelled pairs generated from real coverage and written to
models/judge.json with the bucket edges the levels are read with. The sum of the weights of a
pair's levels and the kind's bias is the log-odds that the pair is a contradiction of that kind;
the finding's confidence is that probability, and its explanation lists the levels that decided
it with their weights, strongest first (Splink's waterfall chart in words).

No number lives in judge code: the edges that turn a measurement into a level, the weights and
the decision threshold are all data in models/judge.json, and the hand-set limits (windows,
cuts, tolerances) with their reasons in models/limits.json.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from claimcheck import lexicon
from claimcheck.schema import ContradictionKind

# A weights file to read instead of the shipped one: validation fits weights without a corpus
# and scans that corpus with them (bench/loco.py). Inherited by every worker process.
WEIGHTS_ENV = "CLAIMCHECK_JUDGE_WEIGHTS"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The levels one candidate pair reached, by comparison name, for one kind of finding."""

    kind: ContradictionKind
    levels: tuple[tuple[str, str], ...]  # (comparison, level), in the judge's order

    def features(self) -> list[str]:
        """What the weights are keyed by: 'comparison=level'."""
        return [f"{name}={level}" for name, level in self.levels]

    def weighed(self) -> list[tuple[str, float]]:
        """Each level with its weight (0 for a level the fitted data never showed)."""
        weights = _kind(self.kind)["weights"]
        return [(f, float(weights.get(f, 0))) for f in self.features()]

    def log_odds(self) -> float:
        return math.fsum([float(_kind(self.kind)["bias"])] + [w for _, w in self.weighed()])

    def probability(self) -> float:
        """P(contradiction) from the levels, to three places."""
        return round(1 / (1 + math.exp(-self.log_odds())), 3)

    def decided(self) -> bool:
        """The evidence reaches the kind's threshold (models/judge.json)."""
        return self.probability() >= float(_kind(self.kind)["threshold"])

    def why(self) -> str:
        """The levels that weigh most, signed: 'value=bound +1.1, tie=none -0.8'."""
        shown = lexicon.count("evidence.shown_levels")
        ranked = sorted(self.weighed(), key=lambda fw: (-abs(fw[1]), fw[0]))[:shown]
        return ", ".join(f"{f} {w:+.1f}" for f, w in ranked if w)


def bucket(name: str, value: float) -> str:
    """The level of a measurement by the edges models/judge.json gives for `name`:
    'similarity' 0.31 with edges [0.15, 0.25, 0.4] is 'b2' (the third bucket)."""
    edges: Sequence[float] = table()["buckets"][name]
    return f"b{bisect.bisect_right(edges, value)}"


def _kind(kind: str) -> Mapping[str, Any]:
    found: Mapping[str, Any] = table()["kinds"][kind]
    return found


@cache
def table() -> Mapping[str, Any]:
    """models/judge.json, or the file `CLAIMCHECK_JUDGE_WEIGHTS` names."""
    override = os.environ.get(WEIGHTS_ENV)
    if override:
        loaded: Mapping[str, Any] = json.loads(Path(override).read_text(encoding="utf-8"))
        return loaded
    return dict(lexicon.table("judge"))


def source_digest() -> str:
    """What the report cache must know of the weights in use: the override's bytes, if any."""
    override = os.environ.get(WEIGHTS_ENV)
    if not override:
        return ""
    return hashlib.sha256(Path(override).read_bytes()).hexdigest()
