"""Scores claimcheck on the real corpora of ../shared (evaluation only) and prints each scorer's
summary line: basil-planted (perturbed and clean gold), FNC-1 dev clusters, basil-dev and
ecbplus-dev as mixed folders, article/summary pairs of frank-dev and summedits-dev (balanced
accuracy added), PolNeAR dev attributions, and findings per article on PolNeAR.

    .venv/bin/python bench/real_corpora.py [--shared ../shared] [--keep DIR] [--only NAME ...]
                                           [--weights FILE] [--cache]

`--weights FILE` scans with the judges' weights in FILE instead of the shipped ones (the
environment variable CLAIMCHECK_JUDGE_WEIGHTS, which every claimcheck process it starts
inherits): bench/loco.py passes weights fitted without the corpus scored. `--cache` lets scans
use the checkout's claim cache, .claimcheck-cache/ (faster; frank and summedits always scan
without it).

The corpora's texts stay in ../shared; `--keep` writes reports and listings (which quote them)
to a folder outside the repository. Takes about 15 minutes on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import CACHE  # noqa: E402
from claimcheck.judge.evidence import WEIGHTS_ENV  # noqa: E402

CLAIMCHECK = str(ROOT / ".venv" / "bin" / "claimcheck")
NAMES = (
    "planted",
    "clean",
    "fnc1",
    "mixed",
    "ecbplus",
    "frank",
    "summedits",
    "attribution",
    "polnear-findings",
)
# Arguments every scan gets after its folder (`--cache` makes it the checkout's claim cache).
SCAN_ARGS = ["--no-cache"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--keep", help="write reports and listings here (outside the repo)")
    parser.add_argument("--only", nargs="+", choices=NAMES, default=list(NAMES))
    parser.add_argument("--weights", help="judge weights to scan with (default: the shipped ones)")
    parser.add_argument("--cache", action="store_true", help="let scans use the claim cache")
    args = parser.parse_args()
    if args.weights:
        os.environ[WEIGHTS_ENV] = str(Path(args.weights).resolve())
    if args.cache:
        SCAN_ARGS[:] = ["--cache-dir", str(CACHE)]
    shared = Path(args.shared)
    if not (shared / "acceptance").is_dir():
        print(f"{shared}/acceptance not found: nothing to score", file=sys.stderr)
        return 2
    keep = Path(args.keep or tempfile.mkdtemp(prefix="claimcheck-real-"))
    keep.mkdir(parents=True, exist_ok=True)
    for name in args.only:
        started = time.monotonic()
        line = SCORERS[name](shared, keep)
        print(f"{line}  [{time.monotonic() - started:.0f} s]", flush=True)
    print(f"reports in {keep}")
    return 0


def _planted(shared: Path, keep: Path, corpus: str) -> str:
    data = shared / "data" / "basil-planted"
    report = keep / f"basil-{corpus}.json"
    _scan(data / corpus, report)
    gold = data / ("perturbed_gold.json" if corpus == "perturbed" else "clean_gold.json")
    out = _run(
        [sys.executable, str(shared / "acceptance" / "check_report.py"), str(gold), str(report)]
    )
    (keep / f"basil-{corpus}.txt").write_text(out, encoding="utf-8")
    lines = out.splitlines()
    flagged = sum(1 for x in lines if x.startswith("PASS must_flag"))
    must_flag = sum(1 for x in lines if x.startswith(("PASS must_flag", "FAIL must_flag")))
    must_not = sum(1 for x in lines if x.startswith("FAIL must_not_flag"))
    tail = " | ".join(lines[-2:])
    recall = f"must_flag {flagged}/{must_flag} " if must_flag else ""
    return f"basil-planted {corpus}: {recall}must_not failures {must_not} | {tail}"


def _scorer(shared: Path, keep: Path, script: str, name: str, *args: str) -> str:
    """Run one acceptance scorer on claimcheck, keep its output as NAME.txt, and give its
    summary line (the last it prints)."""
    out = _run([sys.executable, str(shared / "acceptance" / script), CLAIMCHECK, *args])
    (keep / f"{name}.txt").write_text(out, encoding="utf-8")
    return out.strip().splitlines()[-1]


def _fnc1(shared: Path, keep: Path) -> str:
    scan_args = ("--scan-args", " ".join(SCAN_ARGS))
    return _scorer(
        shared,
        keep,
        "score_fnc1.py",
        "fnc1",
        "--jobs",
        "2",
        "--keep",
        str(keep / "fnc1"),
        *scan_args,
    )


def _mixed(shared: Path, keep: Path, corpus: str) -> str:
    data = ("--data", str(shared / "data" / corpus), "--name", corpus)
    scan_args = ("--scan-args", " ".join(SCAN_ARGS))
    return _scorer(
        shared, keep, "score_mixed.py", corpus, "--keep", str(keep / corpus), *data, *scan_args
    )


def _summaries(shared: Path, keep: Path, corpus: str) -> str:
    """The scorer's last line, with the balanced accuracy ((any + 1 - false alarms) / 2)."""
    data = ("--data", str(shared / "data" / corpus))
    last = _scorer(
        shared,
        keep,
        "score_summaries.py",
        corpus,
        *data,
        "--jobs",
        "2",
        "--keep",
        str(keep / corpus),
    )
    found = re.search(r"any (\S+) .*false-alarm (\S+)", last)
    if not found:
        return last
    balanced = (float(found.group(1)) + 1 - float(found.group(2))) / 2
    return f"{last} balanced-accuracy {balanced:.2f}"


def _attribution(shared: Path, keep: Path) -> str:
    return _scorer(
        shared, keep, "score_attribution.py", "attribution", "--keep", str(keep / "polnear.json")
    )


def _polnear_findings(shared: Path, keep: Path) -> str:
    report = keep / "polnear-scan.json"
    _scan(shared / "data" / "polnear-dev" / "dev", report)
    data = json.loads(report.read_text(encoding="utf-8"))
    documents, found = len(data["documents"]), len(data["contradictions"])
    per20 = 20 * found / documents if documents else 0.0
    return f"polnear-dev: {found} findings in {documents} articles ({per20:.2f} per 20 articles)"


def _scan(folder: Path, report: Path) -> None:
    result = subprocess.run(
        [CLAIMCHECK, "scan", str(folder), "--json", str(report), "--quiet", *SCAN_ARGS],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"scan of {folder} failed ({result.returncode}): {result.stderr[-400:]}")


def _run(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    return result.stdout + (result.stderr if result.returncode else "")


SCORERS = {
    "planted": lambda shared, keep: _planted(shared, keep, "perturbed"),
    "clean": lambda shared, keep: _planted(shared, keep, "clean"),
    "fnc1": _fnc1,
    "mixed": lambda shared, keep: _mixed(shared, keep, "basil-dev"),
    "ecbplus": lambda shared, keep: _mixed(shared, keep, "ecbplus-dev"),
    "frank": lambda shared, keep: _summaries(shared, keep, "frank-dev"),
    "summedits": lambda shared, keep: _summaries(shared, keep, "summedits-dev"),
    "attribution": _attribution,
    "polnear-findings": _polnear_findings,
}

if __name__ == "__main__":
    raise SystemExit(main())
