"""schema.compact: claims share one set of field names per type, and stay correct to copy."""

from __future__ import annotations

from typing import Any, Literal

from claimcheck.schema import Claim, Entity, Event, Frame, compact


def _claim(n: int) -> Claim:
    entity = Entity(text="Oslo", label="GPE", canonical="oslo", start=0, end=4)
    return Claim(
        id=f"a:{n}",
        doc_id="a",
        kind="event",
        text="Oslo voted.",
        start=0,
        end=11,
        entities=(entity,),
    )


def test_claims_share_one_field_set_and_copies_do_not_touch_it() -> None:
    first, second = compact([_claim(1), _claim(2)])
    shared = first.__pydantic_fields_set__
    assert shared is second.__pydantic_fields_set__
    assert first.entities[0].__pydantic_fields_set__ is second.entities[0].__pydantic_fields_set__
    changed = first.model_copy(update={"speaker": "Ana Ruiz"})
    assert changed.speaker == "Ana Ruiz" and first.speaker is None
    assert shared == set(Claim.model_fields)
    assert first.model_dump() == _claim(1).model_dump()


def _spoken(n: int) -> Claim:
    """A claim whose speaker and entity strings are new objects, as parsing makes them."""
    name = "".join(["Ana ", "Ruiz"])
    entity = Entity(text=name[:], label="".join("PERSON"), canonical=name.lower(), start=0, end=8)
    return Claim(
        id=f"a:{n}",
        doc_id="a",
        kind="attribution",
        text=f"Ana Ruiz said {n} people came.",
        start=0,
        end=30,
        speaker="".join(["Ana ", "Ruiz"]),
        cue="".join("said"),
        entities=(entity,),
    )


def test_a_pool_makes_equal_names_one_object_across_calls_without_changing_values() -> None:
    strings: dict[str, str] = {}
    first, second = compact([_spoken(1)], strings)[0], compact([_spoken(2)], strings)[0]
    assert _spoken(1).speaker is not _spoken(2).speaker
    assert first.speaker is second.speaker and first.cue is second.cue
    assert first.entities[0].label is second.entities[0].label
    assert first.entities[0].text is first.speaker
    assert first.model_dump() == _spoken(1).model_dump()
    assert first.text != second.text


def _sentence_claims() -> list[Claim]:
    """Two claims of one sentence, each holding its own equal copy of the sentence's parts."""
    sentence = "Mayor Ana Ruiz said 40 homes in Oslo flooded on Friday."

    def claim(kind: Literal["attribution", "quantity"], start: int) -> Claim:
        return Claim(
            id=f"a:{start}",
            doc_id="a",
            kind=kind,
            text="".join(sentence),
            start=start,
            end=len(sentence),
            entities=(
                Entity(text="Ana Ruiz", label="PERSON", canonical="ana ruiz", start=6, end=14),
                Entity(text="Oslo", label="GPE", canonical="oslo", start=32, end=36),
            ),
            frame=Frame(lemmas="flood home", events=(Event(predicate="flood", subject="home"),)),
        )

    return [claim("attribution", 0), claim("quantity", 20)]


def test_equal_parts_of_one_article_become_one_object_and_stay_correct_to_copy() -> None:
    before = [c.model_dump() for c in _sentence_claims()]
    first, second = compact(_sentence_claims())
    assert first.entities is second.entities and first.frame is second.frame
    assert first.text is second.text
    assert [c.model_dump() for c in (first, second)] == before
    assert first.model_dump_json() == _sentence_claims()[0].model_dump_json()
    moved = first.model_copy(update={"entities": first.entities[:1]})
    assert len(moved.entities) == 1 and len(second.entities) == 2
    assert hash(first) == hash(_sentence_claims()[0]) and first == _sentence_claims()[0]


def test_predicates_are_shared_across_articles_but_offsets_are_not() -> None:
    strings: dict[Any, Any] = {}
    first = compact(_sentence_claims(), strings)[0]
    second = compact(_sentence_claims(), strings)[0]
    assert first.frame.events[0] is second.frame.events[0]
    assert first.entities[0] == second.entities[0] and first.entities[0] is not second.entities[0]
