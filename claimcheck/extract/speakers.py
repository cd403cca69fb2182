"""Gives the same person one canonical speaker name across all articles of a scan."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.schema import Claim


def unify(claims: Sequence[Claim]) -> list[Claim]:
    """Claims with speaker names unified across articles."""
    return list(claims)
