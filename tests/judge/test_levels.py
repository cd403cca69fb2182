"""The comparison levels each judge reads of a pair, and how weights turn levels into a finding.

Claims are built by hand (tests/judge/build.py) from sentences of our own, so each level is
checked without the model; the weights come from a small table written here, not the shipped
one, so these tests do not move when the weights are refitted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck import judge
from claimcheck.judge import attribution, date, entity, evidence, polarity, quantity
from claimcheck.judge.evidence import Evidence
from claimcheck.link.about import about
from claimcheck.link.pairs import Match
from claimcheck.schema import Anchor, Claim, Event

from .build import claim

EDGES = {
    "similarity": [0.1, 0.2, 0.3, 0.45, 0.6],
    "quote_words": [5, 8],
    "aligned": [0.2, 0.35, 0.5, 0.7],
}


@pytest.fixture(autouse=True)
def weights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A weights table of our own: a bias of -1, a figure given as a bound +2, an untied one
    -0.5."""
    kinds = {
        kind: {"bias": -1.0, "threshold": 0.5, "weights": {}}
        for kind in ("quantity", "date", "entity", "polarity", "attribution")
    }
    kinds["quantity"]["weights"] = {"value=bound": 2.0, "tie=none": -0.5}
    path = tmp_path / "judge.json"
    path.write_text(json.dumps({"buckets": EDGES, "kinds": kinds}), encoding="utf-8")
    monkeypatch.setenv(evidence.WEIGHTS_ENV, str(path))
    evidence.table.cache_clear()
    yield path
    evidence.table.cache_clear()


def pair(a: Claim, b: Claim, similarity: float = 0.5) -> Match:
    x, y = about(a), about(b)
    return Match(x, y, similarity, x.features() & y.features())


def levels(kind_judge: object, a: Claim, b: Claim, similarity: float = 0.5) -> list[dict[str, str]]:
    ctx = judge.context([a, b], ())
    found = list(kind_judge(pair(a, b, similarity), ctx))  # type: ignore[operator]
    return [dict(c.evidence.levels) | {"agree": str(c.agree)} for c in found]


def test_bucket_reads_the_edges_of_the_table() -> None:
    assert evidence.bucket("similarity", 0.05) == "b0"
    assert evidence.bucket("similarity", 0.25) == "b2"
    assert evidence.bucket("similarity", 0.9) == "b5"
    assert evidence.bucket("aligned", 0.7) == "b4"


def test_probability_is_the_logistic_of_the_summed_weights() -> None:
    found = Evidence("quantity", (("value", "bound"), ("tie", "none"), ("scope", "across")))
    assert found.log_odds() == pytest.approx(0.5)
    assert found.probability() == pytest.approx(0.622, abs=0.001)
    assert found.decided()
    # the levels that decided, strongest first; a level without weight is not named
    assert found.why() == "value=bound +2.0, tie=none -0.5"
    assert not Evidence("quantity", (("tie", "none"),)).decided()


LIBRARY_A = "The council approved {} for the new public library on Elm Street."
LIBRARY_B = "Council members voted to spend {} on the new public library on Elm Street."


def money(doc: str, sentence: str, phrase: str, value: float) -> Claim:
    return claim(
        doc,
        sentence.format(phrase),
        quantities=({"text": phrase, "value": value, "unit": "USD"},),
    )


def test_quantity_levels_of_two_sums_for_one_library() -> None:
    a = money("a", LIBRARY_A, "$84 million", 84e6)
    b = money("b", LIBRARY_B, "$48 million", 48e6)
    (found,) = levels(quantity.candidates, a, b)
    assert found["agree"] == "False"
    assert found["value"] == "differs"
    assert found["measure"] == "money"
    assert found["time"] == "none"
    assert found["scope"] == "across"
    assert found["similarity"] == "b4"


def test_quantity_the_same_sum_rounded_agrees() -> None:
    a = money("a", LIBRARY_A, "$84 million", 84e6)
    b = money("b", LIBRARY_B, "$84.2 million", 84.2e6)
    (found,) = levels(quantity.candidates, a, b)
    assert found["agree"] == "True"


def test_quantity_counts_of_one_counted_noun_stay_candidates() -> None:
    """'the loss of 130 jobs' / 'cut 310 jobs': the counted noun names what is counted."""
    a = claim(
        "a",
        "The mill will shut its doors next month, with the loss of 130 jobs.",
        quantities=({"text": "130 jobs", "value": 130, "unit": "job", "counted": "job"},),
    )
    b = claim(
        "b",
        "Owners plan to cut 310 jobs when production ends.",
        quantities=({"text": "310 jobs", "value": 310, "unit": "job", "counted": "job"},),
    )
    (found,) = levels(quantity.candidates, a, b)
    assert found["tie"] == "none"


def test_quantity_figures_that_share_only_their_unit_are_no_candidate() -> None:
    """A unit is no measure: 'a two-day visit' and 'nine days of protests' count days of two
    things, and nothing else ties the figures."""
    a = claim(
        "a",
        "The minister began a two-day visit to the flooded towns.",
        quantities=({"text": "two-day", "value": 2, "unit": "day"},),
    )
    b = claim(
        "b",
        "Residents have held nine days of protests over the slow cleanup.",
        quantities=({"text": "nine days", "value": 9, "unit": "day"},),
    )
    assert levels(quantity.candidates, a, b) == []


def test_quantity_a_claim_that_states_both_sums_is_no_candidate() -> None:
    """A sentence that gives the other article's sum beside its own tells two sums (a whole and
    a part), not one sum two ways."""
    a = money("a", LIBRARY_A, "$84 million", 84e6)
    both = (
        "Council members voted to spend $84 million on the new public library on Elm Street, "
        "$12 million of it on books."
    )
    b = claim(
        "b",
        both,
        quantities=(
            {"text": "$84 million", "value": 84e6, "unit": "USD"},
            {"text": "$12 million", "value": 12e6, "unit": "USD"},
        ),
    )
    found = levels(quantity.candidates, a, b)
    assert [f["agree"] for f in found] == ["True"]  # the $84 million of each; never $84 / $12


def test_quantity_figures_of_two_measures_are_never_compared() -> None:
    a = money("a", LIBRARY_A, "$84 million", 84e6)
    b = claim(
        "b",
        "The new public library on Elm Street will hold 48,000 books.",
        quantities=({"text": "48,000 books", "value": 48000, "counted": "book"},),
    )
    assert levels(quantity.candidates, a, b) == []


def trial(doc: str, sentence: str, phrase: str, day: str) -> Claim:
    """A claim that a trial opens on a day: 'open' is the event both sentences tell."""
    opens = Event(predicate="open", subject="trial")
    made = with_event(claim(doc, sentence, dates=((phrase, day),)), opens)
    # the parse hangs the date from the verb (extract/frames.py)
    dated = tuple((d.start, "v:open") for d in made.dates)
    return made.model_copy(update={"frame": made.frame.model_copy(update={"dated": dated})})


def test_date_of_a_trial_and_of_a_fundraiser_is_no_candidate() -> None:
    """Dates the parse hangs from different words date two things, whatever else the claims
    share: 'opens on June 3' / 'a fundraiser on June 10' of one trial's story."""
    a = trial("a", "The bribery trial of Carla Benn will open on June 3.", "June 3", "2024-06-03")
    b = trial(
        "b", "Carla Benn's bribery trial held a fundraiser on June 10.", "June 10", "2024-06-10"
    )
    b = b.model_copy(
        update={
            "frame": b.frame.model_copy(
                update={"dated": ((b.dates[0].start, "fundraiser v:hold"),)}
            )
        }
    )
    assert levels(date.candidates, a, b) == []


def announced(doc: str, sentence: str, phrase: str, day: str) -> Claim:
    """A claim that the court announced, on a day, that the trial opens: the parse hangs the
    date from the verb of saying."""
    made = with_event(
        claim(doc, sentence, dates=((phrase, day),)),
        Event(predicate="announce", subject="court", object="open"),
    )
    dated = tuple((d.start, "v:announce") for d in made.dates)
    return made.model_copy(update={"frame": made.frame.model_copy(update={"dated": dated})})


def test_dates_of_two_announcements_are_no_candidate() -> None:
    """'The court announced on June 3 that ...' / 'announced on June 10 that ...': two
    statements, each on its day, whatever they announce."""
    a = announced(
        "a", "The court announced on June 3 that the Benn trial would open.", "June 3", "2024-06-03"
    )
    b = announced(
        "b",
        "The court announced on June 10 that the Benn trial would open.",
        "June 10",
        "2024-06-10",
    )
    assert levels(date.candidates, a, b) == []


def test_a_date_given_as_a_bound_meets_only_the_same_bound() -> None:
    """'Opened after June 3' says the trial opened some day later than June 3; 'from June 3'
    and 'from June 5' give two starts."""
    a = trial("a", "The bribery trial of Carla Benn opened on June 10.", "June 10", "2024-06-10")
    b = trial("b", "Carla Benn's bribery trial opened after June 3.", "after June 3", "2024-06-03")
    assert levels(date.candidates, a, b) == []
    c = trial("c", "Carla Benn's bribery trial was open from June 5.", "from June 5", "2024-06-05")
    d = trial("d", "The trial of Carla Benn was open from June 3.", "from June 3", "2024-06-03")
    (found,) = levels(date.candidates, c, d)  # two starts of one trial: comparable
    assert found["value"] == "differs"


def test_date_levels_of_one_trial_dated_a_month_apart() -> None:
    a = trial("a", "The bribery trial of Carla Benn will open on June 3.", "June 3", "2024-06-03")
    b = trial("b", "Carla Benn's bribery trial opens on July 3.", "July 3", "2024-07-03")
    (found,) = levels(date.candidates, a, b)
    assert found["agree"] == "False"
    assert found["value"] == "differs"
    assert found["precision"] == "same"
    assert found["anchored"] == "no"


def test_date_of_claims_that_tell_no_common_event_is_no_candidate() -> None:
    a = trial("a", "The bribery trial of Carla Benn will open on June 3.", "June 3", "2024-06-03")
    b = claim("b", "Carla Benn held a fundraiser on June 10.", dates=(("June 10", "2024-06-10"),))
    assert levels(date.candidates, a, b) == []


def test_date_levels_of_the_same_day_agree_and_two_days_apart_differ() -> None:
    a = trial("a", "The bribery trial of Carla Benn will open on June 3.", "June 3", "2024-06-03")
    b = trial("b", "Carla Benn's bribery trial opens on Monday.", "Monday", "2024-06-03")
    c = trial("c", "Carla Benn's bribery trial opens on Wednesday.", "Wednesday", "2024-06-05")
    (found,) = levels(date.candidates, a, b)
    assert found["agree"] == "True"
    assert found["value"] == "overlap"
    (found,) = levels(date.candidates, a, c)
    assert found["value"] == "differs"


def with_event(c: Claim, event: Event) -> Claim:
    return c.model_copy(update={"frame": c.frame.model_copy(update={"events": (event,)})})


def test_polarity_levels_of_a_finding_and_its_denial() -> None:
    found_it = Event(predicate="find", subject="audit", object="evidence")
    a = with_event(claim("a", "The audit found evidence of fraud in the grant program."), found_it)
    b = with_event(
        claim(
            "b",
            "The audit did not find evidence of fraud, the agency's director said.",
            speaker="Lena Ortiz",
        ),
        found_it.model_copy(update={"negated": True}),
    )
    (found,) = levels(polarity.candidates, a, b)
    assert found["agree"] == "False"
    assert found["shape"] == "object"
    assert found["attributed"] == "one"
    assert found["speakers"] == "one"


def test_polarity_of_two_affirmations_agrees() -> None:
    found_it = Event(predicate="find", subject="audit", object="evidence")
    a = with_event(claim("a", "The audit found evidence of fraud in the grant program."), found_it)
    b = with_event(claim("b", "Auditors found evidence of fraud in the program."), found_it)
    (found,) = levels(polarity.candidates, a, b)
    assert found["agree"] == "True"


def test_polarity_of_a_predicate_not_stated_as_fact_is_no_candidate() -> None:
    """'If the audit does not find evidence, ...' states no finding to deny."""
    found_it = Event(predicate="find", subject="audit", object="evidence")
    a = with_event(claim("a", "The audit found evidence of fraud in the grant program."), found_it)
    b = with_event(
        claim("b", "If the audit does not find evidence of fraud, the grant will be renewed."),
        found_it.model_copy(update={"negated": True, "asserted": False}),
    )
    assert levels(polarity.candidates, a, b) == []


def test_polarity_of_one_predicate_said_of_two_subjects_is_no_candidate() -> None:
    """'A rival never went to law school' and 'Ms. Vance went to law school' negate one
    predicate of two people: both can be true."""
    went = Event(predicate="go", subject="rival", object="school")
    a = with_event(claim("a", "Her rival never went to law school, the ad says."), went)
    b = with_event(
        claim("b", "Vance went to law school in Ohio before she ran for the seat."),
        went.model_copy(update={"subject": "vance", "negated": False}),
    )
    a = with_event(a, went.model_copy(update={"negated": True}))
    assert levels(polarity.candidates, a, b) == []


def test_polarity_of_a_subject_that_is_the_other_clause_s_object_is_a_candidate() -> None:
    """'The union has not changed its position' / 'the union's position had changed': the
    position takes part in both clauses, so they tell one predication."""
    a = with_event(
        claim("a", "The union has not changed its position on the contract."),
        Event(predicate="change", negated=True, subject="union", object="position"),
    )
    b = with_event(
        claim("b", "The union's position on the contract had changed, its leader said."),
        Event(predicate="change", subject="position", object="contract"),
    )
    (found,) = levels(polarity.candidates, a, b)
    assert found["agree"] == "False"


def attorney(doc: str, sentence: str, place: str) -> Claim:
    c = claim(doc, sentence, entities=((place, "GPE", place),))
    anchor = Anchor(head="attorney", relation="in", entity=place)
    return c.model_copy(update={"frame": c.frame.model_copy(update={"anchors": (anchor,)})})


def test_entity_levels_of_one_office_in_two_places() -> None:
    a = attorney("a", "The district attorney in Queens is investigating the fire.", "Queens")
    b = attorney("b", "The district attorney in Brooklyn is investigating the fire.", "Brooklyn")
    (found,) = levels(entity.candidates, a, b)
    assert found["agree"] == "False"
    assert found["name"] == "place"
    assert found["head"] == "office"  # an attorney is an office (models/compare.json)
    assert found["relation"] == "same"


def test_entity_a_claim_that_names_both_places_is_no_swap() -> None:
    a = attorney("a", "The district attorney in Queens is investigating the fire.", "Queens")
    b = attorney(
        "b",
        "The district attorney in Brooklyn, not Queens, is investigating the fire.",
        "Brooklyn",
    )
    assert levels(entity.candidates, a, b) == []


QUOTE = '"We will not accept a contract that cuts the pensions of our drivers," {} said.'


def test_attribution_levels_of_one_quote_credited_to_two_people() -> None:
    a = claim("a", QUOTE.format("Marta Iles"), speaker="Marta Iles")
    b = claim("b", QUOTE.format("Tom Radley"), speaker="Tom Radley")
    (found,) = levels(attribution.candidates, a, b)
    assert found["agree"] == "False"
    assert found["quote"] == "b2"  # eight words and more
    assert found["speakers"] == "two"


def test_attribution_one_person_spelled_two_ways_agrees() -> None:
    a = claim("a", QUOTE.format("Marta Iles"), speaker="Marta Iles")
    b = claim("b", QUOTE.format("Ms. Iles"), speaker="Iles")
    (found,) = levels(attribution.candidates, a, b)
    assert found["agree"] == "True"


def test_attribution_a_speaker_found_through_a_pronoun_is_no_candidate() -> None:
    """'... , he said.': the name came from coreference, which the sentence cannot check; the
    sentences themselves credit no two people."""
    a = claim("a", QUOTE.format("he"), speaker="Tom Radley")
    b = claim("b", QUOTE.format("Marta Iles"), speaker="Marta Iles")
    assert levels(attribution.candidates, a, b) == []


def test_a_decided_candidate_explains_itself_with_its_levels() -> None:
    a = money("a", LIBRARY_A, "$84 million", 84e6)
    b = money("b", LIBRARY_B, "$70 million", 70e6)
    # two plain figures: only the bias weighs here, P 0.27, under the threshold
    assert list(judge.judged(pair(a, b), judge.context([a, b], ()))) == []
    b = claim(
        "b",
        LIBRARY_B.format("at least $90 million"),
        quantities=({"text": "at least $90 million", "value": 90e6, "unit": "USD", "low": 90e6},),
    )
    (found,) = judge.judged(pair(a, b), judge.context([a, b], ()))
    assert found.kind == "quantity"
    assert found.confidence == pytest.approx(0.731, abs=0.001)
    assert "Evidence: value=bound +2.0." in found.explanation
    assert found.confidence == found.score
