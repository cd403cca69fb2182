"""Scores claimcheck on the real corpora of ../shared (evaluation only) and prints each scorer's
summary line: basil-planted (perturbed and clean gold), FNC-1 dev clusters, basil-dev as one
mixed folder, PolNeAR dev attributions, and findings per article on PolNeAR.

    .venv/bin/python bench/real_corpora.py [--shared ../shared] [--keep DIR] [--only NAME ...]

The corpora's texts stay in ../shared; `--keep` writes reports and listings (which quote them)
to a folder outside the repository. Takes about 15 minutes on two cores.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIMCHECK = str(ROOT / ".venv" / "bin" / "claimcheck")
NAMES = ("planted", "clean", "fnc1", "mixed", "attribution", "polnear-findings")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--keep", help="write reports and listings here (outside the repo)")
    parser.add_argument("--only", nargs="+", choices=NAMES, default=list(NAMES))
    args = parser.parse_args()
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


def _fnc1(shared: Path, keep: Path) -> str:
    out = _run(
        [
            sys.executable,
            str(shared / "acceptance" / "score_fnc1.py"),
            CLAIMCHECK,
            "--jobs",
            "2",
            "--keep",
            str(keep / "fnc1"),
        ]
    )
    (keep / "fnc1.txt").write_text(out, encoding="utf-8")
    return out.strip().splitlines()[-1]


def _mixed(shared: Path, keep: Path) -> str:
    script = shared / "acceptance" / "score_mixed.py"
    out = _run([sys.executable, str(script), CLAIMCHECK, "--keep", str(keep / "mixed")])
    (keep / "mixed.txt").write_text(out, encoding="utf-8")
    return out.strip().splitlines()[-1]


def _attribution(shared: Path, keep: Path) -> str:
    script = shared / "acceptance" / "score_attribution.py"
    out = _run([sys.executable, str(script), CLAIMCHECK, "--keep", str(keep / "polnear.json")])
    (keep / "attribution.txt").write_text(out, encoding="utf-8")
    return out.strip().splitlines()[-1]


def _polnear_findings(shared: Path, keep: Path) -> str:
    report = keep / "polnear-scan.json"
    _scan(shared / "data" / "polnear-dev" / "dev", report)
    data = json.loads(report.read_text(encoding="utf-8"))
    documents, found = len(data["documents"]), len(data["contradictions"])
    per20 = 20 * found / documents if documents else 0.0
    return f"polnear-dev: {found} findings in {documents} articles ({per20:.2f} per 20 articles)"


def _scan(folder: Path, report: Path) -> None:
    result = subprocess.run(
        [CLAIMCHECK, "scan", str(folder), "--json", str(report), "--quiet", "--no-cache"],
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
    "mixed": _mixed,
    "attribution": _attribution,
    "polnear-findings": _polnear_findings,
}

if __name__ == "__main__":
    raise SystemExit(main())
