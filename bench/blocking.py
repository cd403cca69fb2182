"""What each blocking rule costs on a folder: how many candidate pairs it proposes, how many
candidates each judge then compares, and how many findings come out (Splink measures a blocking
rule's cost before using it; a rule that pairs everything is a bug).

    .venv/bin/python bench/blocking.py FOLDER [FOLDER ...] [--cache DIR]

A pair of `link.pairs.matches` is counted under every feature kind it shares: content stems,
participants (`e:`), measures (`m:`), a measure of a participant (`m:...|...`) and a name tied
to an office (`x:`); one pair can count under several. The near-copy path
(`link.cluster.similar_pairs`: two rare words, then word alignment) is counted on its own.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import CACHE
from claimcheck import judge, pipeline
from claimcheck.link import cluster
from claimcheck.link.pairs import matches
from claimcheck.schema import Claim


def rule(feature: str) -> str:
    if feature.startswith("m:"):
        return "measure of a participant" if "|" in feature else "measure"
    if feature.startswith("e:"):
        return "participant"
    if feature.startswith("x:"):
        return "name tied to an office"
    return "content stem"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--cache", default=str(CACHE))
    args = parser.parse_args()
    options = pipeline.ScanOptions(cache_dir=args.cache, jobs=2)
    articles, _, extracted, _ = pipeline.load_claims(args.folders, options)
    claims, stories = pipeline._storied(articles, extracted)
    group = stories.groups()
    members: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        members[group.get(claim.doc_id, claim.doc_id)].append(claim)
    proposed: Counter[str] = Counter()
    compared: Counter[str] = Counter()
    found: Counter[str] = Counter()
    pairs = near = 0
    for name in sorted(members):
        story = members[name]
        ctx = judge.context(story, articles)
        for match in matches(story, stories):
            pairs += 1
            for kind in {rule(f) for f in match.shared}:
                proposed[kind] += 1
            for kind, judged in judge.JUDGES.items():
                for candidate in judged(match, ctx):
                    compared[kind] += 1
                    if not candidate.agree and candidate.evidence.decided():
                        found[kind] += 1
        near += sum(1 for _ in cluster.similar_pairs(story, stories))
    print(f"{len(articles)} articles, {len(claims)} claims, {len(members)} story groups")
    print(f"pairs proposed by matches: {pairs}; by the near-copy path: {near}")
    print("| blocking rule | pairs sharing it | share |")
    print("| --- | ---: | ---: |")
    for kind, n in proposed.most_common():
        print(f"| {kind} | {n} | {n / max(pairs, 1):.2f} |")
    print("| judge | candidates compared | findings |")
    print("| --- | ---: | ---: |")
    for kind in judge.JUDGES:
        print(f"| {kind} | {compared[kind]} | {found[kind]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
