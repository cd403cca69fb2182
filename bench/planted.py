"""Score a scan of a generated corpus against its manifest: how many planted contradictions were
found, and where the other findings come from.

    python bench/planted.py REPORT.json CORPUS.manifest.json

A planted contradiction counts as found when a finding holds the odd article and another article
of the same story. Other findings are split into those within one story (the generated text may
still disagree by chance) and those across stories (always wrong).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any


def score(report: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    planted = {p["doc_id"]: p for p in manifest["planted"]}
    found: set[str] = set()
    tally: Counter[str] = Counter()
    for finding in report["contradictions"]:
        docs = {v["doc_id"] for v in finding["values"]}
        stories = {doc.split("_")[0] for doc in docs}
        if len(stories) > 1:
            tally["across stories"] += 1
        elif docs & set(planted) and len(docs) > 1:
            tally["planted"] += 1
            found |= docs & set(planted)
        else:
            tally["within a story, not planted"] += 1
    by_kind = Counter(planted[d]["kind"] for d in found)
    return {
        "planted": len(planted),
        "found": len(found),
        "recall": round(len(found) / len(planted), 3) if planted else None,
        "found_by_kind": dict(sorted(by_kind.items())),
        "planted_by_kind": dict(sorted(Counter(p["kind"] for p in planted.values()).items())),
        "findings": dict(sorted(tally.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("manifest", type=Path)
    args = parser.parse_args()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    print(json.dumps(score(report, manifest), indent=1))


if __name__ == "__main__":
    main()
