"""Clustering: near-copy sentences across documents become clusters through streamed links."""

from __future__ import annotations

from claimcheck.link import cluster
from claimcheck.link.pairs import matches
from claimcheck.link.story import Stories
from claimcheck.schema import Claim

from ..judge.build import claim

RESCUE = "Rescue teams pulled 14 survivors from the collapsed Harbor Street building on Tuesday."
BUDGET = "The city council approved a new budget for the district's schools after a long debate."


def _linked(claims: list[Claim]) -> cluster.Links[str]:
    links: cluster.Links[str] = cluster.Links()
    for pair in matches(claims, Stories(claims)):
        if pair.alignment is not None:
            links.add(pair.a.claim.id, pair.b.claim.id)
    return links


def test_links_join_chains_and_keep_apart_what_no_pair_joins() -> None:
    links: cluster.Links[str] = cluster.Links()
    links.add("a:1", "b:1")
    links.add("c:1", "b:1")
    links.add("d:1", "e:1")
    assert sorted(sorted(g) for g in links.groups()) == [["a:1", "b:1", "c:1"], ["d:1", "e:1"]]


def test_one_sentence_in_three_outlets_is_one_cluster_and_a_lone_one_is_none() -> None:
    claims = [claim(doc, RESCUE) for doc in ("a", "b", "c")] + [claim("d", BUDGET)]
    clusters = cluster.cluster_claims(claims, _linked(claims))
    assert [c.doc_ids for c in clusters] == [("a", "b", "c")]
    assert set(clusters[0].claim_ids) == {c.id for c in claims[:3]}
