"""bench/weights.py: how a seed becomes a generated contradiction, and how the threshold is
chosen. Sentences are our own; claims are built by hand (tests/judge/build.py)."""

from __future__ import annotations

import random

from bench import weights
from claimcheck import judge, lexicon
from claimcheck.link.about import about
from claimcheck.link.pairs import Match
from claimcheck.schema import DateRef, Event
from tests.judge.build import claim

SUM = "The county paid {} for the new bridge over the Tamber river."
SUM_OTHER = "The new bridge over the Tamber river cost the county {}, its budget shows."


def money(doc: str, sentence: str, phrase: str, value: float) -> object:
    return claim(
        doc, sentence.format(phrase), quantities=({"text": phrase, "value": value, "unit": "USD"},)
    )


def test_youden_takes_the_threshold_that_best_separates() -> None:
    assert weights._youden([0.9, 0.8, 0.6, 0.5, 0.3], [1, 1, 0, 0, 0]) == 0.8
    # 0.8 finds 2 of 3 and no natural pair, 0.4 finds 3 of 3 and 1 of 3 natural: a tie, the
    # higher threshold wins
    assert weights._youden([0.9, 0.8, 0.7, 0.4, 0.3, 0.2], [1, 1, 0, 1, 0, 0]) == 0.8


def test_a_shifted_month_stays_a_whole_month() -> None:
    may = DateRef(
        text="in May",
        value="2024-05-01",
        end_value="2024-05-31",
        granularity="month",
        start=0,
        end=6,
    )
    moved = weights._shifted(may, 2)
    assert (moved.value, moved.end_value) == ("2024-07-01", "2024-07-31")
    year = DateRef(
        text="in 2036",
        value="2036-01-01",
        end_value="2036-12-31",
        granularity="year",
        start=0,
        end=7,
    )
    assert weights._shifted(year, -1).value == "2035-01-01"
    assert weights._shifted(year, -1).end_value == "2035-12-31"


def test_a_seed_figure_takes_another_figure_of_the_story_in_its_own_words() -> None:
    a = money("a", SUM, "$750,000", 750_000)
    b = money("b", SUM_OTHER, "$750,000", 750_000)
    other = money("c", "The old bridge was repaired for {} in 2019.", "$570,000", 570_000)
    pool = weights._Pool([a, b, other])
    match = Match(about(a), about(b), 0.5, about(a).features() & about(b).features())
    ctx = judge.context([a, b], ())
    (seed,) = judge.JUDGES["quantity"](match, ctx)
    assert seed.agree
    changed = weights._changed("quantity", match, seed, ctx, pool)
    assert changed is not None and not changed.agree
    texts = {side.text for side, _ in changed.sides}
    assert any("$570,000" in t for t in texts)  # the sentence says what the value now is
    assert any("$750,000" in t for t in texts)


def test_a_flipped_predication_is_a_candidate_denial() -> None:
    built = Event(predicate="approve", subject="council", object="budget")
    a = claim("a", "The council approved the budget on Monday.")
    b = claim("b", "On Monday the council approved its budget.")
    a, b = (
        c.model_copy(update={"frame": c.frame.model_copy(update={"events": (built,)})})
        for c in (a, b)
    )
    match = Match(about(a), about(b), 0.5, about(a).features() & about(b).features())
    ctx = judge.context([a, b], ())
    (seed,) = judge.JUDGES["polarity"](match, ctx)
    assert seed.agree
    changed = weights._changed("polarity", match, seed, ctx, weights._Pool([a, b]))
    assert changed is not None and not changed.agree


def test_changes_are_the_same_on_every_run() -> None:
    a = money("a", SUM, "$750,000", 750_000)
    q = a.quantities[0]
    first = weights._new_figure(a, q, weights._Pool([a]), random.Random("x"))
    second = weights._new_figure(a, q, weights._Pool([a]), random.Random("x"))
    assert first == second and first is not None
    assert first[1].value != 750_000


def test_the_shipped_weights_hold_what_the_writer_writes() -> None:
    """models/judge.json has every key bench/weights.py writes, MIN_AUC among them (added by
    hand without a refit): the shipped file and the script agree on its shape and limits."""
    shipped = lexicon.table("judge")
    again = weights.written(
        shipped["kinds"], shipped["held_out_stories"], shipped["fitted_on"], shipped["left_out"]
    )
    assert again == shipped
    assert shipped["min_auc"] == weights.MIN_AUC
