"""Times a cold scan and a rescan of an unchanged corpus, to show what the claim cache saves.

    .venv/bin/python bench/cache_bench.py [--articles 240] [--jobs 0]

Generates news-like articles (invented stories, 6 articles each) from templates into a
temporary folder (nothing from shared/ data),
then runs `claimcheck scan` twice as a subprocess, as CI does, with a fresh cache directory.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimcheck import pipeline

SYLLABLES = ["ka", "lo", "mir", "ven", "dra", "sol", "tek", "bru", "an", "zel", "or", "pim"]
ROLES = ["the mayor", "a police spokesman", "the health minister", "the fire chief", "an envoy"]
NOUNS = ["flood", "strike", "fire", "election", "outbreak", "talks", "collapse", "protest"]
UNITS = ["people", "homes", "workers", "tonnes of grain", "schools", "villages"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
SENTENCES = [
    "{person}, {role}, said {n} {unit} had been affected by the {event} in {place}.",
    "According to {role}, the {event} began on {day} {month} and cost about ${m} million.",
    '"We have never seen anything like this {event}," {person} told reporters in {place}.',
    "Officials in {place} reported that {pct} percent of {unit} were still without power.",
    "{person} denied that the {event} had been caused by {company}, a claim others dispute.",
    "By {month}, more than {n} {unit} had left {place}, {role} said on {day} {month}.",
    "The government will spend ${m} million on repairs after the {event}, {person} announced.",
    "Residents of {place} said the response to the {event} had been slow and badly organised.",
]
PER_STORY = 6


def name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def story(rng: random.Random) -> dict[str, list[str]]:
    """One news story: its own people, places, company and event, shared by a few articles."""
    return {
        "person": [f"{name(rng, 2)} {name(rng, 3)}" for _ in range(3)],
        "place": [name(rng, 3) for _ in range(2)],
        "company": [f"{name(rng, 2)} Holdings"],
        "event": [rng.choice(NOUNS)],
    }


def article(rng: random.Random, facts: dict[str, list[str]], number: int) -> str:
    title = f"{facts['event'][0].capitalize()} in {facts['place'][0]}: report {number}"
    paragraphs = []
    for _ in range(rng.randint(6, 10)):
        sentences = [
            rng.choice(SENTENCES).format(
                **{key: rng.choice(values) for key, values in facts.items()},
                role=rng.choice(ROLES),
                unit=rng.choice(UNITS),
                n=rng.randint(2, 5000),
                m=rng.randint(1, 900),
                pct=rng.randint(1, 99),
                day=rng.randint(1, 28),
                month=rng.choice(MONTHS),
            )
            for _ in range(rng.randint(2, 4))
        ]
        paragraphs.append(" ".join(sentences))
    return f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def timed_scan(corpus: Path, cache: Path, jobs: int) -> float:
    command = [sys.executable, "-m", "claimcheck", "scan", str(corpus), "--cache-dir", str(cache)]
    command += ["--quiet", "--exit-zero", "--jobs", str(jobs)]
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        facts = story(rng)
        for i in range(args.articles):
            facts = story(rng) if i % PER_STORY == 0 else facts
            (corpus / f"article{i:04d}.txt").write_text(article(rng, facts, i), encoding="utf-8")
        words = sum(len(p.read_text().split()) for p in corpus.iterdir())
        cold = timed_scan(corpus, Path(tmp) / "cache", args.jobs)
        warm = timed_scan(corpus, Path(tmp) / "cache", args.jobs)
        # The stage the cache replaces (read + extract), timed in this process.
        options = pipeline.ScanOptions(jobs=args.jobs, cache_dir=str(Path(tmp) / "cache2"))
        stage = []
        for _ in range(2):
            start = time.perf_counter()
            pipeline.load_claims([str(corpus)], options)
            stage.append(time.perf_counter() - start)
    print(f"{args.articles} articles, {words} words, --jobs {args.jobs}")
    print(f"first scan {cold:.1f} s, rescan {warm:.1f} s: {cold / warm:.1f}x faster")
    print(
        f"read + extract stage: first {stage[0]:.1f} s, cached {stage[1]:.2f} s: "
        f"{stage[0] / stage[1]:.0f}x faster"
    )


if __name__ == "__main__":
    main()
