"""Leave one corpus out: score each shared corpus with judge weights fitted without it, beside
the shipped weights (fitted on every corpus), and print both summary lines.

    .venv/bin/python bench/loco.py [--shared ../shared] [--keep DIR] [--only CORPUS ...]
                                   [--skip-shipped]

The distance between a corpus's in-fit line and its left-out line is what a corpus nobody
tuned to will show; docs/judging.md records both. Needs the `train` extra (scikit-learn).
Takes about an hour on two cores (frank-dev and summedits-dev scan every cluster afresh).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Each corpus the weights are fitted on, and the bench/real_corpora.py scorers that measure it.
SCORED = {
    "basil-planted": ("planted", "clean"),
    "fnc1-dev": ("fnc1",),
    "basil-dev": ("mixed",),
    "ecbplus-dev": ("ecbplus",),
    "frank-dev": ("frank",),
    "summedits-dev": ("summedits",),
    "polnear-dev": ("polnear-findings",),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument(
        "--keep", help="write weights, reports and listings here (outside the repo)"
    )
    parser.add_argument("--only", nargs="+", choices=sorted(SCORED), default=list(SCORED))
    parser.add_argument("--skip-shipped", action="store_true", help="only the left-out runs")
    args = parser.parse_args()
    keep = Path(args.keep or tempfile.mkdtemp(prefix="claimcheck-loco-"))
    keep.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    for corpus in args.only:
        weights = keep / f"judge-without-{corpus}.json"
        fitted = _run(
            [
                python,
                str(ROOT / "bench" / "weights.py"),
                "--shared",
                args.shared,
                "--leave-out",
                corpus,
                "--out",
                str(weights),
            ]
        )
        print(f"## {corpus}\nfitted without it: {fitted.strip().splitlines()[-1]}", flush=True)
        runs = [("left-out", ["--weights", str(weights)])]
        if not args.skip_shipped:
            runs.insert(0, ("shipped", []))
        for label, extra in runs:
            out = _run(
                [
                    python,
                    str(ROOT / "bench" / "real_corpora.py"),
                    "--shared",
                    args.shared,
                    "--cache",
                    "--keep",
                    str(keep / f"{corpus}-{label}"),
                    "--only",
                    *SCORED[corpus],
                    *extra,
                ]
            )
            for line in out.strip().splitlines()[:-1]:
                print(f"{label}: {line}", flush=True)
    print(f"weights and reports in {keep}")
    return 0


def _run(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if result.returncode:
        raise SystemExit(f"{' '.join(command[:3])} failed: {result.stderr[-600:]}")
    return result.stdout


if __name__ == "__main__":
    raise SystemExit(main())
