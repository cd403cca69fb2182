"""Exit 1 when a claimcheck JSON report holds two claims with one id (the report contract
says claim ids are unique; baselines and clusters refer to claims by id); prints each
repeated id and how often. Used by `make corpora`."""

import json
import sys
from collections import Counter

with open(sys.argv[1], encoding="utf-8") as report:
    counts = Counter(claim["id"] for claim in json.load(report)["claims"])
repeated = sorted((claim_id, n) for claim_id, n in counts.items() if n > 1)
for claim_id, n in repeated:
    print(f"{claim_id}: {n} claims")
sys.exit(1 if repeated else 0)
