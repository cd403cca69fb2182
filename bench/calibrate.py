"""Fit the confidence model (models/calibration.json) on the dev sets' findings, and print how
well it holds on a corpus it was not fitted on.

    python bench/calibrate.py --fnc1 KEEP_DIR --basil-clean C.json --basil-perturbed P.json
                              [--seeds S.json] [--shared ../shared] [--write]

KEEP_DIR holds the per-cluster reports `score_fnc1.py --keep` writes; the basil and seed reports
are `claimcheck scan ... --json` of basil-planted `clean/`, `perturbed/` and `seeds/`.

Each finding gets a label from the gold the corpus ships, never from reading it here:
- fnc1-dev: right when its claims come from a body that agrees with the headline and one that
  disagrees; wrong when they come only from agreeing or only from disagreeing bodies (every
  finding of a consistent cluster); findings that involve only 'discuss' bodies are left out;
- basil-planted: right when it covers a must_flag, should_flag or stretch_flag item, wrong when
  it covers a must_not_flag item or none (the gold lists the real disagreements of these
  articles); a finding of `perturbed/` that `clean/` has too is counted once;
- seeds: right when it covers a gold item, else left out.

The model is logistic over the judge's score, the kind and the scope (judge/confidence.py),
with an L2 penalty; it is fitted by Newton's method, so the same reports give the same weights.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.judge.confidence import features

PENALTY = 1.0
# A kind with fewer labelled findings than this gets no weight of its own.
MIN_KIND = 5
BANDS = ((0.8, 1.01), (0.6, 0.8), (0.0, 0.6))

Example = tuple[str, str, float, int, str, float]  # kind, scope, score, label, corpus, confidence


def _norm(text: str | None) -> str:
    return " ".join((text or "").replace("\u2019", "'").replace("\u201c", '"').split()).lower()


def _covers(finding: dict[str, Any], claims: dict[str, Any], sides: list[Any]) -> bool:
    members = [claims[c] for c in finding["claim_ids"] if c in claims]

    def stands(claim: dict[str, Any], side: list[dict[str, str]]) -> bool:
        text = _norm(claim["text"])
        return any(claim["doc_id"] == alt["doc"] and _norm(alt["contains"]) in text for alt in side)

    return any(
        stands(a, sides[0]) and stands(b, sides[1]) and a["id"] != b["id"]
        for a in members
        for b in members
    )


def _basil(report: dict[str, Any], gold: dict[str, Any], skip: set[str]) -> list[Example]:
    claims = {c["id"]: c for c in report["claims"]}
    right_items = [
        item
        for key in ("must_flag", "should_flag", "stretch_flag")
        for item in gold.get(key, [])
        if isinstance(item, dict) and "sides" in item
    ]
    out = []
    for f in report["contradictions"]:
        if f["id"] in skip:
            continue
        right = any(_covers(f, claims, item["sides"]) for item in right_items)
        out.append(
            (f["kind"], f["scope"], f["score"], int(right), "basil-planted", f["confidence"])
        )
    return out


def _fnc1(keep: Path, manifest: dict[str, Any]) -> list[Example]:
    out = []
    for name, info in sorted(manifest["clusters"].items()):
        path = keep / f"{name}.json"
        if not path.exists():
            continue
        report = json.loads(path.read_text(encoding="utf-8"))
        claims = {c["id"]: c for c in report["claims"]}
        for f in report["contradictions"]:
            stances = {info["bodies"].get(claims[c]["doc_id"], "?") for c in f["claim_ids"]}
            if {"agree", "disagree"} <= stances:
                label = 1
            elif stances & {"agree", "disagree"}:
                label = 0
            else:
                continue
            out.append((f["kind"], f["scope"], f["score"], label, "fnc1-dev", f["confidence"]))
    return out


def _seeds(report: dict[str, Any], gold: dict[str, Any]) -> list[Example]:
    claims = {c["id"]: c for c in report["claims"]}
    items = [
        item
        for value in gold.values()
        if isinstance(value, list)
        for item in value
        if isinstance(item, dict) and "sides" in item
    ]
    return [
        (f["kind"], f["scope"], f["score"], 1, "seeds", f["confidence"])
        for f in report["contradictions"]
        if any(_covers(f, claims, item["sides"]) for item in items)
    ]


def fit(examples: list[Example]) -> dict[str, float]:
    """L2-penalised logistic regression by Newton's method (a few dozen weights at most)."""
    counts: dict[str, int] = defaultdict(int)
    for kind, *_ in examples:
        counts[kind] += 1
    rows = []
    for kind, scope, score, label, *_ in examples:
        x = features(kind if counts[kind] >= MIN_KIND else "", scope, score)
        rows.append(({k: v for k, v in x.items() if k != "kind:"}, label))
    names = sorted({k for x, _ in rows for k in x})
    w = dict.fromkeys(names, 0.0)
    for _ in range(50):
        grad = {k: PENALTY * w[k] if k != "bias" else 0.0 for k in names}
        hess = [[0.0] * len(names) for _ in names]
        for i, k in enumerate(names):
            hess[i][i] = PENALTY if k != "bias" else 1e-6
        for x, y in rows:
            p = 1.0 / (1.0 + math.exp(-math.fsum(w[k] * v for k, v in x.items())))
            for i, ki in enumerate(names):
                xi = x.get(ki, 0.0)
                if not xi:
                    continue
                grad[ki] += (p - y) * xi
                for j, kj in enumerate(names):
                    hess[i][j] += p * (1 - p) * xi * x.get(kj, 0.0)
        step = _solve(hess, [grad[k] for k in names])
        for k, s in zip(names, step, strict=True):
            w[k] -= s
        if max(abs(s) for s in step) < 1e-9:
            break
    return {k: round(v, 4) for k, v in w.items()}


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(c + 1, n):
            factor = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= factor * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def predict(w: dict[str, float], kind: str, scope: str, score: float) -> float:
    z = math.fsum(w.get(k, 0.0) * v for k, v in features(kind, scope, score).items())
    return 1.0 / (1.0 + math.exp(-z))


def table(rows: list[tuple[float, int]]) -> list[str]:
    out = ["| confidence | findings | right | right share |", "| --- | ---: | ---: | ---: |"]
    for low, high in BANDS:
        band = [y for p, y in rows if low <= p < high]
        share = f"{sum(band) / len(band):.2f}" if band else "-"
        label = f">= {low}" if high > 1 else f"{low} to {high}"
        out.append(f"| {label} | {len(band)} | {sum(band)} | {share} |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fnc1", type=Path, required=True)
    parser.add_argument("--basil-clean", type=Path, required=True)
    parser.add_argument("--basil-perturbed", type=Path, required=True)
    parser.add_argument("--seeds", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--write", action="store_true", help="write models/calibration.json")
    parser.add_argument(
        "--reliability",
        action="store_true",
        help="only print how often findings are right by the confidence the reports give "
        "(the judges' evidence probability), per corpus: no fit",
    )
    args = parser.parse_args()
    load = lambda p: json.loads(Path(p).read_text(encoding="utf-8"))  # noqa: E731
    data = args.shared / "data" / "basil-planted"
    clean = load(args.basil_clean)
    examples = _basil(clean, load(data / "clean_gold.json"), set())
    seen = {f["id"] for f in clean["contradictions"]}
    examples += _basil(load(args.basil_perturbed), load(data / "perturbed_gold.json"), seen)
    examples += _fnc1(args.fnc1, load(args.shared / "data" / "fnc1-dev" / "manifest.json"))
    if args.seeds:
        examples += _seeds(load(args.seeds), load(args.shared / "acceptance" / "seeds_gold.json"))
    corpora = sorted({e[4] for e in examples})
    sizes = {c: sum(e[4] == c for e in examples) for c in corpora}
    print(f"{len(examples)} labelled findings:", sizes)
    print("right by kind:", _by_kind(examples))
    if args.reliability:
        for corpus in corpora:
            print(f"\n{corpus}, by the reports' confidence:")
            print("\n".join(table([(e[5], e[3]) for e in examples if e[4] == corpus])))
        return
    weights = fit(examples)
    print("weights:", json.dumps(weights, sort_keys=True))
    print("\nIn sample (all corpora, raw score as confidence, then fitted):")
    print("\n".join(table([(e[2], e[3]) for e in examples])))
    print()
    print("\n".join(table([(predict(weights, e[0], e[1], e[2]), e[3]) for e in examples])))
    for held in ("fnc1-dev", "basil-planted"):
        train = [e for e in examples if e[4] != held]
        test = [e for e in examples if e[4] == held]
        if not train or not test:
            continue
        w = fit(train)
        print(f"\nHeld out {held} (fitted on the others):")
        print("\n".join(table([(predict(w, e[0], e[1], e[2]), e[3]) for e in test])))
    if args.write:
        path = Path(__file__).resolve().parent.parent / "models" / "calibration.json"
        about = "Logistic model of P(a careful reader calls the finding right); bench/calibrate.py"
        path.write_text(
            json.dumps({"about": about, "weights": weights}, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        print(f"\nwrote {path}")


def _by_kind(examples: list[Example]) -> dict[str, str]:
    kinds: dict[str, list[int]] = defaultdict(list)
    for kind, _, _, label, *_ in examples:
        kinds[kind].append(label)
    return {k: f"{sum(v)}/{len(v)}" for k, v in sorted(kinds.items())}


if __name__ == "__main__":
    main()
