"""Benchmarks and the judges' fitting scripts, run from the checkout (`python bench/NAME.py`)."""

from pathlib import Path

# The checkout's own claim cache (gitignored; `make clean` removes it), which the bench scripts
# share: weights.py keeps its generated rows there too, so a refit or a rescan reads them back.
CACHE = Path(__file__).resolve().parent.parent / ".claimcheck-cache"
