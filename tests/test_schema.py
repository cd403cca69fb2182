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
