"""What a clause states as fact (extract/frames.py), on sentences of our own: the polarity judge
compares only predicates stated as fact, with the negation where the sentence means it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimcheck.extract.frames import frame


def events(nlp: Language, sentence: str) -> dict[str, tuple[bool, bool]]:
    """predicate -> (negated, asserted)."""
    return {e.predicate: (e.negated, e.asserted) for e in frame(list(nlp(sentence)), []).events}


@pytest.mark.parametrize(
    "sentence",
    [
        "I didn't think the council was listening to the farmers.",
        "I think the council wasn't listening to the farmers.",
    ],
)
def test_a_neg_raising_verb_passes_its_negation_to_its_complement(
    nlp: Language, sentence: str
) -> None:
    found = events(nlp, sentence)
    assert found["think"] == (False, True)
    assert found["listen"] == (True, True)


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        ("If the board does not approve the budget, the library will close.", "approve"),
        ("Will the board approve the budget?", "approve"),
        ("The mayor is in talks to lead the new inquiry.", "lead"),
        ("To close the bridge now would cut the town in half, she said.", "close"),
    ],
)
def test_a_condition_a_question_or_an_infinitive_states_no_fact(
    nlp: Language, sentence: str, predicate: str
) -> None:
    assert events(nlp, sentence)[predicate][1] is False


def test_a_plain_statement_and_its_denial_are_both_stated_as_fact(nlp: Language) -> None:
    assert events(nlp, "The mayor will lead the new inquiry.")["lead"] == (False, True)
    assert events(nlp, "The mayor will not lead the new inquiry.")["lead"] == (True, True)


def test_the_infinitive_of_an_implicative_verb_happened_or_did_not(nlp: Language) -> None:
    assert events(nlp, "The coach failed to win a single game.")["win"] == (True, True)
    assert events(nlp, "The ferry managed to dock despite the storm.")["dock"] == (False, True)


def test_not_only_negates_nothing(nlp: Language) -> None:
    found = events(nlp, "The coast guard not only rescued the crew but towed the boat to port.")
    assert found["rescue"] == (False, True)


def test_an_argument_set_apart_by_unlike_is_no_object(nlp: Language) -> None:
    (booked,) = frame(
        list(nlp("Unlike the two tenors, Marsh is not booked for the second tour.")), []
    ).events
    assert (booked.subject, booked.object) == ("marsh", "tour")
