"""Scores a report against a gold file (the format of shared/acceptance/seeds_gold.json):
precision and recall per contradiction kind, so users who label their corpora get our yardstick.

A gold item is found when one reported contradiction holds two distinct claims, one matching each
side (same document, claim text containing the side's phrase, compared lower-cased with quotes
straightened, backslashes dropped and white space collapsed). A reported contradiction is a true
positive when it finds a flag item (must, should or stretch), a false positive when it covers a
must-not item of its kind, and unlabelled otherwise (strict precision counts those as wrong).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from claimcheck.errors import ClaimcheckError
from claimcheck.schema import CONTRADICTION_KINDS

FLAG_TIERS = ("must_flag", "should_flag", "stretch_flag")
_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "\u00a0": " "}
)

Json = dict[str, Any]


@dataclass
class KindScore:
    true_positive: int = 0
    false_positive: int = 0
    unlabelled: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float | None:
        judged = self.true_positive + self.false_positive
        return self.true_positive / judged if judged else None

    @property
    def strict_precision(self) -> float | None:
        total = self.true_positive + self.false_positive + self.unlabelled
        return self.true_positive / total if total else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None


@dataclass
class Evaluation:
    kinds: dict[str, KindScore] = field(default_factory=dict)
    items: list[tuple[str, str, bool]] = field(default_factory=list)  # (tier, id, ok)

    def kind(self, name: str) -> KindScore:
        return self.kinds.setdefault(name, KindScore())


def norm(text: object) -> str:
    cleaned = (text if isinstance(text, str) else "").translate(_QUOTES).replace("\\", "")
    return re.sub(r"\s+", " ", cleaned).strip().lower()


def evaluate(report: Json, gold: Json) -> Evaluation:
    """Per-kind precision and recall of `report` against `gold`, and each gold item's outcome."""
    if not isinstance(report.get("contradictions"), list) or not isinstance(gold, dict):
        raise ClaimcheckError(
            "the report has no contradictions[] list; pass a claimcheck JSON report"
        )
    claims = {c.get("id"): c for c in report.get("claims", []) if isinstance(c, dict)}
    found = [c for c in report["contradictions"] if isinstance(c, dict)]
    result = Evaluation()
    hits: Counter[int] = Counter()
    for tier in FLAG_TIERS:
        for item in gold.get(tier, []):
            covering = [i for i, c in enumerate(found) if _covers(c, claims, item["sides"])]
            kind = item.get("kind") or (found[covering[0]].get("kind") if covering else "unknown")
            score = result.kind(str(kind))
            score.gold += 1
            score.found += bool(covering)
            hits.update(covering)
            result.items.append((tier, item["id"], bool(covering)))
    wrong: set[int] = set()
    for item in gold.get("must_not_flag", []):
        kinds = item.get("kinds", "any")
        bad = [
            i
            for i, c in enumerate(found)
            if (kinds == "any" or c.get("kind") in kinds) and _covers(c, claims, item["sides"])
        ]
        wrong.update(bad)
        result.items.append(("must_not_flag", item["id"], not bad))
    for i, contradiction in enumerate(found):
        score = result.kind(str(contradiction.get("kind")))
        if i in hits:
            score.true_positive += 1
        elif i in wrong:
            score.false_positive += 1
        else:
            score.unlabelled += 1
    return result


def _claim_matches(claim: Json, side: list[Json]) -> bool:
    text = norm(claim.get("text"))
    return any(claim.get("doc_id") == alt["doc"] and norm(alt["contains"]) in text for alt in side)


def _covers(contradiction: Json, claims: dict[Any, Json], sides: list[list[Json]]) -> bool:
    members = [claims[c] for c in contradiction.get("claim_ids", []) if c in claims]
    return any(
        _claim_matches(a, sides[0])
        and any(b is not a and _claim_matches(b, sides[1]) for b in members)
        for a in members
    )


def ordered_kinds(result: Evaluation) -> list[str]:
    known = [k for k in CONTRADICTION_KINDS if k in result.kinds]
    return known + sorted(k for k in result.kinds if k not in CONTRADICTION_KINDS)
