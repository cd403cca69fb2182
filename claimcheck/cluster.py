"""Claims -> clusters of claims that report the same fact or statement."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.schema import Claim, Cluster

__all__ = ["Cluster", "cluster_claims"]


def cluster_claims(claims: Sequence[Claim]) -> list[Cluster]:
    return []
