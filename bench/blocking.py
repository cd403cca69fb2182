"""What each blocking rule costs on a folder: how many candidate pairs it proposes, how many
candidates each judge then compares, and how many findings come out (Splink measures a blocking
rule's cost before using it; a rule that pairs everything is a bug).

    .venv/bin/python bench/blocking.py FOLDER [FOLDER ...] [--cache DIR]

Every pair of the index (`link.pairs.matches`, as a scan runs it) carries the blocking rules
that proposed it (`pairs.RULES`); a pair counts under each of them, and under 'only' when no
other rule proposed it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import CACHE
from claimcheck import judge, pipeline
from claimcheck.link import pairs
from claimcheck.schema import Claim


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
    alone: Counter[str] = Counter()
    compared: Counter[str] = Counter()
    found: Counter[str] = Counter()
    total = 0
    for name in sorted(members):
        story = members[name]
        ctx = judge.context(story, articles)
        for match in pairs.matches(story, stories, judge.calls_false):
            total += 1
            proposed.update(match.rules)
            if len(match.rules) == 1:
                alone.update(match.rules)
            if not (match.weighed and match.level == "claims"):
                continue
            for kind, judged in judge.JUDGES.items():
                for candidate in judged(match, ctx):
                    compared[kind] += 1
                    if not candidate.agree and candidate.evidence.decided():
                        found[kind] += 1
    print(f"{len(articles)} articles, {len(claims)} claims, {len(members)} story groups")
    print(f"pairs proposed: {total}")
    print("| blocking rule | pairs it proposes | only it | share of all pairs |")
    print("| --- | ---: | ---: | ---: |")
    for rule in pairs.RULES:
        n = proposed[rule]
        print(f"| {rule} | {n} | {alone[rule]} | {n / max(total, 1):.2f} |")
    print("| judge | candidates compared | findings |")
    print("| --- | ---: | ---: |")
    for kind in judge.JUDGES:
        print(f"| {kind} | {compared[kind]} | {found[kind]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
