"""Which documents report the same story: figures are only compared within one story.

Two documents are one story when their content words weighted by rarity (tf-idf) have a cosine
of at least STORY_SIMILARITY, or when they hold at least LINKS_FOR_STORY near-identical sentences
(one shared sentence can be boilerplate: "did not immediately respond to requests for comment").
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from claimcheck.align import function_words, tokens
from claimcheck.schema import Claim

STORY_SIMILARITY = 0.1
LINKS_FOR_STORY = 2


class Stories:
    def __init__(self, claims: Sequence[Claim], linked: Iterable[tuple[str, str]] = ()) -> None:
        """`linked`: one (doc, doc) entry per similar sentence pair between two documents."""
        counts: dict[str, Counter[str]] = {}
        stop = function_words()
        for claim in claims:
            words = counts.setdefault(claim.doc_id, Counter())
            words.update(t.norm for t in tokens(claim) if len(t.norm) > 3 and t.norm not in stop)
        frequency = Counter(word for words in counts.values() for word in words)
        total = len(counts)
        self._vectors = {doc: _unit(words, frequency, total) for doc, words in counts.items()}
        links = Counter(tuple(sorted(pair)) for pair in linked)
        self._linked = {pair for pair, n in links.items() if n >= LINKS_FOR_STORY}
        self._known: dict[tuple[str, str], bool] = {}

    def related(self, a: str, b: str) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in self._known:
            self._known[key] = key in self._linked or self.similarity(a, b) >= STORY_SIMILARITY
        return self._known[key]

    def similarity(self, a: str, b: str) -> float:
        va, vb = self._vectors.get(a, {}), self._vectors.get(b, {})
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(weight * vb.get(word, 0.0) for word, weight in va.items())


def _unit(words: Counter[str], frequency: Counter[str], total: int) -> dict[str, float]:
    weights = {w: (1 + math.log(n)) * math.log(1 + total / frequency[w]) for w, n in words.items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {w: x / norm for w, x in weights.items()}
