"""Clustering: similar sentences across documents become clusters through streamed links."""

from __future__ import annotations

from claimcheck.link import cluster
from claimcheck.schema import Claim

from ..judge.build import claim

RESCUE = "Rescue teams pulled 14 survivors from the collapsed Harbor Street building on Tuesday."
BUDGET = "The city council approved a new budget for the district's schools after a long debate."


def _linked(claims: list[Claim]) -> cluster.Links:
    links = cluster.Links()
    for pair in cluster.similar_pairs(claims):
        links.add(pair.a.id, pair.b.id)
    return links


def test_links_join_chains_and_keep_apart_what_no_pair_joins() -> None:
    links = cluster.Links()
    links.add("a:1", "b:1")
    links.add("c:1", "b:1")
    links.add("d:1", "e:1")
    assert sorted(sorted(g) for g in links.groups()) == [["a:1", "b:1", "c:1"], ["d:1", "e:1"]]


def test_one_sentence_in_three_outlets_is_one_cluster_and_a_lone_one_is_none() -> None:
    claims = [claim(doc, RESCUE) for doc in ("a", "b", "c")] + [claim("d", BUDGET)]
    clusters = cluster.cluster_claims(claims, _linked(claims))
    assert [c.doc_ids for c in clusters] == [("a", "b", "c")]
    assert set(clusters[0].claim_ids) == {c.id for c in claims[:3]}


def test_the_pairs_of_one_pair_of_sentences_come_one_after_another() -> None:
    quoted = claim("a", RESCUE, speaker="Ana Ruiz")
    both = [quoted, quoted.model_copy(update={"id": quoted.id + ":2", "speaker": "Li Wei"})]
    later = [claim(doc, BUDGET, at=200) for doc in ("a", "b")]
    claims = [*both, claim("b", RESCUE), *later]
    sentences = [
        (p.a.doc_id, p.a.start, p.b.doc_id, p.b.start) for p in cluster.similar_pairs(claims)
    ]
    runs = [s for i, s in enumerate(sentences) if i == 0 or sentences[i - 1] != s]
    assert len(sentences) == 3 and len(runs) == len(set(sentences)) == 2
