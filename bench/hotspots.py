"""Profile `pipeline.scan` in-process and list where the time goes outside spaCy.

    python bench/hotspots.py bench/out/corpus-1000 [--jobs 2] [--top 25] [--cache-dir DIR]

With --jobs > 1 the parse and extraction run in workers, so the profile shows what the main
process does: pooling overhead, speaker unification, clustering, comparison, the report.
With --jobs 1 extraction shows up too (spaCy's own functions are listed separately).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck import pipeline

NOT_OURS = ("spacy", "thinc", "cymem", "preshed", "srsly", "numpy", "{method", "<built-in")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--cache-dir", help="claim cache to read (profiles the stages after it)")
    args = parser.parse_args()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    report = pipeline.scan(
        [args.folder], pipeline.ScanOptions(jobs=args.jobs, cache_dir=args.cache_dir)
    )
    profiler.disable()
    print(f"scan: {time.perf_counter() - started:.1f} s; {report.summary}")
    stats = pstats.Stats(profiler)
    for order, title in (("cumulative", "cumulative (claimcheck)"), ("tottime", "own time")):
        buffer = io.StringIO()
        stats.stream = buffer  # type: ignore[attr-defined]
        stats.sort_stats(order).print_stats(args.top * 8)
        print(f"\n== top by {title} ==")
        shown = 0
        for line in buffer.getvalue().splitlines():
            if not line.strip() or not line.strip()[0].isdigit():
                continue
            if order == "cumulative" and "claimcheck" not in line:
                continue
            if order == "tottime" and any(word in line for word in NOT_OURS):
                continue
            print(line)
            shown += 1
            if shown >= args.top:
                break


if __name__ == "__main__":
    main()
