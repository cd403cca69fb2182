"""The floor claimcheck is measured against: bare `nlp.pipe` over the same files, same model.

Usage: python bench/baseline.py FOLDER --jobs N  (prints one JSON line: tokens, load_s, parse_s)
Loads the pipeline exactly as claimcheck does (claimcheck.nlp.load: same components enabled)
and parses every .txt file with spaCy's own multiprocessing when N > 1, in batches of the
same size claimcheck uses (spaCy's default of 256 would leave a worker idle on small corpora).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from claimcheck import nlp
from claimcheck.runner import BATCH_SIZE, resolve_jobs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    jobs = resolve_jobs(args.jobs)
    started = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.rglob("*.txt"))]
    pipeline = nlp.load(nlp.resolve_model(None))
    loaded = time.perf_counter()
    tokens = sum(len(doc) for doc in pipeline.pipe(texts, n_process=jobs, batch_size=BATCH_SIZE))
    done = time.perf_counter()
    result = {
        "articles": len(texts),
        "tokens": tokens,
        "load_s": loaded - started,
        "parse_s": done - loaded,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
