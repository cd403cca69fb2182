"""Times `scan` of one folder with the local engine and with the dask engine, alternated.

    .venv/bin/python bench/engine.py [--folder DIR] [--jobs 2] [--rounds 3]

The folder defaults to ../shared/data/basil-dev/articles (150 articles), read in place: only
times, peak memory and whether the two reports are the same bytes are printed. Each scan is a
fresh process with no claim cache; peak memory is the largest sampled sum of RSS (and PSS) over
the scan and all its descendants (bench/measure.py), which with the dask engine counts the
LocalCluster's scheduler, nannies and workers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import Measured, run  # noqa: E402

ENGINES = ("local", "dask")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--folder", type=Path, default=ROOT.parent / "shared" / "data" / "basil-dev" / "articles"
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    measured: dict[str, list[Measured]] = {engine: [] for engine in ENGINES}
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-engine-") as work:
        for round_ in range(args.rounds):
            reports = {}
            for engine in ENGINES:
                reports[engine] = Path(work) / f"{engine}-{round_}.json"
                done = _scan(args.folder, engine, args.jobs, reports[engine])
                measured[engine].append(done)
                print(
                    f"round {round_ + 1} {engine}: {done.seconds:.1f} s, "
                    f"peak RSS {done.peak_rss_mb:.0f} MB (PSS {done.peak_pss_mb:.0f} MB)",
                    flush=True,
                )
            same = reports["local"].read_bytes() == reports["dask"].read_bytes()
            print(f"round {round_ + 1}: reports {'identical' if same else 'DIFFER'}", flush=True)
    print("\n| engine | " + " | ".join(f"round {i + 1}" for i in range(args.rounds)), end="")
    print(" | median | peak RSS (PSS) |")
    print("| --- |" + " ---: |" * (args.rounds + 2))
    for engine, runs in measured.items():
        times = " | ".join(f"{m.seconds:.1f} s" for m in runs)
        median = statistics.median(m.seconds for m in runs)
        rss = max(m.peak_rss_mb for m in runs)
        pss = max(m.peak_pss_mb for m in runs)
        print(f"| {engine} | {times} | {median:.1f} s | {rss:.0f} MB ({pss:.0f} MB) |")


def _scan(folder: Path, engine: str, jobs: int, report: Path) -> Measured:
    command = [sys.executable, "-m", "claimcheck", "scan", str(folder), "--no-cache", "-q"]
    command += ["--exit-zero", "--jobs", str(jobs), "--engine", engine, "--json", str(report)]
    done = run(command)
    if done.returncode != 0:
        raise SystemExit(f"scan --engine {engine} exited {done.returncode}: {done.stderr}")
    return done


if __name__ == "__main__":
    main()
