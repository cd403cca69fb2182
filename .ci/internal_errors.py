"""Exit 1 when a claimcheck JSON report skipped an input for an internal error (a crash that
isolation caught); prints where and why. Used by `make corpora`."""

import json
import sys

with open(sys.argv[1], encoding="utf-8") as report:
    crashed = [s for s in json.load(report)["skipped"] if "internal error in" in s["reason"]]
for skip in crashed:
    print(f"{skip['path']}: {skip['reason']}")
sys.exit(1 if crashed else 0)
