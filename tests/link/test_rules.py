"""The blocking rules of the one pair index (`link/pairs.py`) on hand-built claims: each rule
proposes the pairs it should and labels them, and a feature too common to say anything
proposes nothing. (The scans of test_pairs.py check the pairs' findings with the model.)"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from claimcheck import judge
from claimcheck.link import pairs
from claimcheck.link.story import Stories
from claimcheck.schema import Anchor, Claim

from ..judge.build import claim

RESCUE = "Rescue teams pulled {} survivors from the collapsed Harbor Street building on Tuesday."
BUDGET = "The city council approved a new budget for the district's schools after a long debate."
USD = {"unit": "USD", "counted": None}


def between(found: list[pairs.Match], a: Claim, b: Claim) -> list[pairs.Match]:
    return [m for m in found if {m.a.claim.id, m.b.claim.id} == {a.id, b.id}]


def index(*claims: Claim) -> list[pairs.Match]:
    everything = list(claims)
    return list(pairs.matches(everything, Stories(everything), judge.calls_false))


def proposed(*claims: Claim) -> list[pairs.Match]:
    """The index's pairs when each document also names the place of the story (as the rest of
    a real article would), so that its documents are one story."""
    valley = (("Marrow Valley", "LOC", "Marrow Valley"),)
    docs = sorted({c.doc_id for c in claims})
    return index(
        *claims, *(claim(d, "Floods hit Marrow Valley.", at=50_000, entities=valley) for d in docs)
    )


def with_office(c: Claim, head: str, name: str) -> Claim:
    anchors = (Anchor(head=head, relation="office", entity=name),)
    return c.model_copy(update={"frame": c.frame.model_copy(update={"anchors": anchors})})


FEATURE_RULES: list[Any] = [
    pytest.param(
        pairs.STEM,
        claim("a", "Divers recovered wreckage."),
        claim("b", "Wreckage drifted ashore."),
        id="stem",
    ),
    pytest.param(
        pairs.PARTICIPANT,
        claim(
            "a",
            "Mira Solvik opened the new clinic.",
            entities=(("Mira Solvik", "PERSON", "Mira Solvik"),),
        ),
        claim(
            "b",
            "Crowds cheered for Mira Solvik at noon.",
            entities=(("Mira Solvik", "PERSON", "Mira Solvik"),),
        ),
        id="participant",
    ),
    pytest.param(
        pairs.MEASURE,
        claim(
            "a",
            "The council approved $84 million for roads.",
            quantities=({"text": "$84 million", "value": 84e6, **USD},),
        ),
        claim(
            "b",
            "Builders were promised $48 million last spring.",
            quantities=({"text": "$48 million", "value": 48e6, **USD},),
        ),
        id="measure",
    ),
    pytest.param(
        pairs.PARTICIPANT_MEASURE,
        claim(
            "a",
            "Orland County approved $84 million for roads.",
            quantities=({"text": "$84 million", "value": 84e6, **USD},),
            entities=(("Orland County", "GPE", "Orland County"),),
        ),
        claim(
            "b",
            "Builders in Orland County were promised $48 million.",
            quantities=({"text": "$48 million", "value": 48e6, **USD},),
            entities=(("Orland County", "GPE", "Orland County"),),
        ),
        id="participant-measure",
    ),
    pytest.param(
        pairs.OFFICE,
        with_office(claim("a", "The governor signed."), "governor", "Ada Brill"),
        with_office(claim("b", "Ada Brill vetoed it."), "governor", "Ada Brill"),
        id="office",
    ),
]


@pytest.mark.parametrize(("rule", "a", "b"), FEATURE_RULES)
def test_each_feature_rule_proposes_the_pairs_that_share_its_feature(
    rule: str, a: Claim, b: Claim
) -> None:
    (match,) = between(proposed(a, b), a, b)
    assert rule in match.rules
    assert match.weighed and match.level == "claims"


def test_a_near_copy_is_proposed_once_labelled_as_such_with_its_alignment() -> None:
    a, b = claim("a", RESCUE.format(14)), claim("b", RESCUE.format(41))
    (match,) = between(proposed(a, b), a, b)
    assert pairs.NEAR_COPY in match.rules
    assert match.alignment is not None
    assert match.alignment.similarity >= pairs.SAME_STATEMENT
    assert [(d.a[0].norm, d.b[0].norm) for d in match.alignment.diffs] == [("14", "41")]
    # the same words are also what the claims are about: one pair, carrying both rules
    assert pairs.STEM in match.rules


def test_sentences_that_share_words_but_do_not_align_are_no_near_copy() -> None:
    a = claim("a", "Rescue teams searched the collapsed building on Harbor Street all night.")
    b = claim("b", "Harbor Street shops reopened on Tuesday after the building was cleared.")
    for match in between(proposed(a, b), a, b):
        assert pairs.NEAR_COPY not in match.rules and match.alignment is None


def test_the_pairs_of_one_pair_of_sentences_come_one_after_another() -> None:
    quoted = claim("a", RESCUE.format(14), speaker="Ana Ruiz")
    both = [quoted, quoted.model_copy(update={"id": quoted.id + ":2", "speaker": "Li Wei"})]
    later = [claim(doc, BUDGET, at=200) for doc in ("a", "b")]
    near = [m for m in index(*both, claim("b", RESCUE.format(14)), *later) if m.alignment]
    sentences = [(m.a.doc_id, m.a.claim.start, m.b.doc_id, m.b.claim.start) for m in near]
    runs = [s for i, s in enumerate(sentences) if i == 0 or sentences[i - 1] != s]
    assert len(sentences) == 3 and len(runs) == len(set(sentences)) == 2


def _made_up_words() -> list[str]:
    """Words no other claim holds (consonant-vowel patterns no stemming shortens)."""
    return [
        "".join(p) for p in itertools.product("bdgkmnprtv", "aiou", "bdgkmnprtv", "aou", "kmnt")
    ]


def test_a_pair_that_shares_only_a_too_common_feature_is_not_proposed() -> None:
    words = iter(_made_up_words())
    city = (("Harbor City", "GPE", "Harbor City"),)
    # more than MAX_POSTING claims of the story name Harbor City, each with words of its own
    crowd = [
        claim(doc, f"Harbor City {next(words)} {next(words)}.", at=100 * n, entities=city)
        for n in range(pairs.MAX_POSTING // 2 + 1)
        for doc in ("a", "b")
    ]
    assert len(crowd) > pairs.MAX_POSTING
    # two claims alike in all they are about, but all of it too common to propose a pair
    a, b = (claim(doc, "Harbor City.", at=10_000, entities=city) for doc in ("a", "b"))
    # two that also share a rare name: it proposes them, and Harbor City weighs in their cosine
    named = (*city, ("Mira Solvik", "PERSON", "Mira Solvik"))
    c = claim("a", "Harbor City thanked Mira Solvik.", at=20_000, entities=named)
    d = claim("b", "Mira Solvik left Harbor City.", at=20_000, entities=named)
    found = proposed(*crowd, a, b, c, d)
    assert not between(found, a, b)
    (match,) = between(found, c, d)
    assert "e:harbor city" in match.shared
    assert match.rules == {pairs.PARTICIPANT, pairs.STEM}


def test_a_denial_is_proposed_against_the_story_it_denies_at_the_level_of_documents() -> None:
    river = (("Elm River", "LOC", "Elm River"),)
    denial = claim("a", "The story of a shark in the Elm River is a hoax.", entities=river)
    stated = claim("b", "A shark was seen swimming in the Elm River on Sunday.", entities=river)
    documents = [m for m in index(denial, stated) if m.level == "documents"]
    assert [(m.a.claim.id, m.b.claim.id, m.rules) for m in documents] == [
        (denial.id, stated.id, frozenset({pairs.DENIAL}))
    ]


def test_rules_left_out_propose_nothing() -> None:
    a, b = claim("a", RESCUE.format(14)), claim("b", RESCUE.format(41))
    stories = Stories([a, b])
    (match,) = pairs.matches([a, b], stories, rules=pairs.FEATURE_RULES)
    assert pairs.NEAR_COPY not in match.rules and match.alignment is None
    (only,) = pairs.matches([a, b], stories, rules=(pairs.NEAR_COPY,))
    assert only.rules == {pairs.NEAR_COPY} and not only.weighed
