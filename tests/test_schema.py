"""schema.compact: claims share one set of field names per type, and stay correct to copy."""

from __future__ import annotations

from claimcheck.schema import Claim, Entity, compact


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
