"""A cheap English check: the share of common English function words among a text's words."""

from __future__ import annotations

import re

from claimcheck import lexicon

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 40
MIN_SHARE = 0.10  # English news runs at 35-45% with this list; French or German at 0-5%
SAMPLE_CHARS = 5_000


def is_english(text: str) -> bool:
    """True unless a text of MIN_WORDS+ words has under MIN_SHARE English function words."""
    words = WORD_RE.findall(text[:SAMPLE_CHARS])
    if len(words) < MIN_WORDS:
        return True
    common = lexicon.words("english_function_words")
    hits = sum(1 for word in words if word.lower() in common)
    return hits >= MIN_SHARE * len(words)
