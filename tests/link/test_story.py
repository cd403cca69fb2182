"""link/story.py: which documents tell one story, and every document's story as the report
lists it."""

from __future__ import annotations

from claimcheck.link.story import Stories
from claimcheck.schema import Claim, Entity


def named(doc: str, *names: str) -> Claim:
    """A claim of `doc` that names organisations (the markers a story is told by)."""
    text = " and ".join(names) + " met."
    entities, at = [], 0
    for name in names:
        entities.append(
            Entity(text=name, label="ORG", canonical=name.lower(), start=at, end=at + len(name))
        )
        at += len(name) + len(" and ")
    return Claim(
        id=f"{doc}:0-{len(text)}",
        doc_id=doc,
        kind="event",
        text=text,
        start=0,
        end=len(text),
        entities=tuple(entities),
    )


FOODS = ("Harlow Foods", "Corby Works Council")
BRIDGE = ("Tamsin Bridge Trust", "Exmouth Harbour Board")


def test_every_document_is_in_one_story() -> None:
    claims = [named("b", *FOODS), named("a", *FOODS), named("c", *BRIDGE), named("d", *BRIDGE)]
    stories = Stories(claims)
    assert stories.told(["d", "c", "b", "a", "e"]) == [("a", "b"), ("c", "d"), ("e",)]


def test_a_document_without_claims_joins_the_only_story() -> None:
    stories = Stories([named("b", *FOODS), named("a", *FOODS)])
    assert stories.told(["a", "b", "empty"]) == [("a", "b", "empty")]
    # of a folder of two stories, it is in neither
    alone = Stories([named("a", *FOODS), named("c", *BRIDGE)])
    assert alone.told(["a", "c", "empty"]) == [("a",), ("c",), ("empty",)]
