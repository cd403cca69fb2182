"""Each comparator on constructed pairs of articles: a conflict it must flag, and a near miss
(an agreement that looks like a conflict) it must leave alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimcheck import judge
from claimcheck.extract.frames import frame
from claimcheck.link.pairs import matches
from claimcheck.link.story import Stories
from claimcheck.schema import Article, Claim, Contradiction

from .build import claim


def findings(
    *claims: Claim, articles: tuple[Article, ...] = (), same_story: bool = True
) -> list[Contradiction]:
    """Contradictions among `claims`; with `same_story`, each document also names the place and
    the organisation of the story (as the rest of a real article would), so they are one story."""
    background = "Floods hit Marrow Valley in May, the Red Cross said."
    named = (("Marrow Valley", "LOC", "Marrow Valley"), ("Red Cross", "ORG", "Red Cross"))
    docs = sorted({c.doc_id for c in claims}) if same_story else []
    context = [claim(doc, background, at=5000, entities=named) for doc in docs]
    everything = [*claims, *context]
    pairs = matches(everything, Stories(everything))
    found, _ = judge.compare_all(everything, pairs, articles)
    return found


def kinds(*claims: Claim) -> list[str]:
    return sorted(c.kind for c in findings(*claims))


SHARES = "The ministry said that of the 2,000 tents promised, {} had arrived in the camps."


def share(doc: str, phrase: str, value: float, low: float, high: float) -> Claim:
    return claim(
        doc,
        SHARES.format(phrase),
        speaker="Maria Lopez",
        quantities=(
            {
                "text": phrase,
                "value": value,
                "unit": "percent",
                "counted": "tent",
                "low": low,
                "high": high,
            },
        ),
    )


ENTITY = "The mayor, Anne Hidalgo, told {} on Friday that the bridge would reopen in May."


def interview(doc: str, outlet: str, canonical: str) -> Claim:
    return claim(
        doc,
        ENTITY.format(outlet),
        speaker="Anne Hidalgo",
        entities=((outlet, "ORG", canonical), ("Anne Hidalgo", "PERSON", "Anne Hidalgo")),
    )


DATED = "Health Minister Jon Berg opened the new children's hospital in Bergen {}, officials said."


def opened(doc: str, phrase: str, iso: str) -> Claim:
    return claim(doc, DATED.format(phrase), dates=((phrase, iso),))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # quantity: 30 percent cannot be 'just over half' of the same tents
        (
            share("a", "30 percent", 30, 30, 30),
            share("b", "just over half", 50, 50.01, 60),
            ["quantity"],
        ),
        # near miss: 'some 55 percent' fits 'just over half'
        (
            share("a", "some 55 percent", 55, 49.5, 60.5),
            share("b", "just over half", 50, 50.01, 60),
            [],
        ),
        # entity: the same interview given to two different broadcasters
        (
            interview("a", "BBC Radio 4", "BBC Radio 4"),
            interview("b", "Sky News", "Sky News"),
            ["entity"],
        ),
        # near miss: an alias of the same broadcaster
        (
            interview("a", "the British Broadcasting Corporation", "BBC"),
            interview("b", "the BBC", "BBC"),
            [],
        ),
        # date: the same opening on two different days
        (
            opened("a", "on March 3", "2024-03-03"),
            opened("b", "on March 10", "2024-03-10"),
            ["date"],
        ),
        # near miss: 'on Sunday' resolved to the same day as 'on March 3'
        (opened("a", "on March 3", "2024-03-03"), opened("b", "on Sunday", "2024-03-03"), []),
    ],
)
def test_conflict_and_near_miss(a: Claim, b: Claim, expected: list[str]) -> None:
    assert kinds(a, b) == expected


def test_wording_of_a_characterised_statement() -> None:
    base = "In her column, Smith called the plan a cynical bid to win {} support before the vote."
    a = claim("a", base.format("regional"), speaker="Jane Smith")
    b = claim("b", base.format("interregional"), speaker="Jane Smith")
    found = findings(a, b)
    assert [f.kind for f in found] == ["wording"]
    assert {v.value for v in found[0].values} == {"regional", "interregional"}


def test_paraphrase_is_not_wording() -> None:
    a = claim(
        "a",
        "The council swiftly dismissed the proposal, Smith said on Monday.",
        speaker="Jane Smith",
    )
    b = claim(
        "b",
        "The council swiftly rejected the proposal, Smith said on Monday.",
        speaker="Jane Smith",
    )
    assert kinds(a, b) == []


def test_quoted_words_that_differ_are_wording() -> None:
    a = claim(
        "a",
        'Smith said the talks had been "very productive" and would resume.',
        speaker="Jane Smith",
    )
    b = claim(
        "b",
        'Smith said the talks had been "rather difficult" and would resume.',
        speaker="Jane Smith",
    )
    assert kinds(a, b) == ["wording"]


def parsed(nlp: Language, c: Claim) -> Claim:
    """The claim with the frame its sentence's parse gives (predicates and their negation)."""
    return c.model_copy(update={"frame": frame(list(nlp(c.text)), c.entities)})


def test_polarity_flip(nlp: Language) -> None:
    a = claim(
        "a",
        "The airline confirmed the flights to Lisbon would resume in June after the strike.",
    )
    b = claim(
        "b",
        "The airline confirmed the flights to Lisbon would not resume in June after the strike.",
    )
    assert kinds(parsed(nlp, a), parsed(nlp, b)) == ["polarity"]


def test_both_negated_is_agreement(nlp: Language) -> None:
    a = claim(
        "a", "The airline said the flights to Lisbon would not resume in June after the strike."
    )
    b = claim(
        "b", "The airline said the flights to Lisbon would not restart in June after the strike."
    )
    assert kinds(parsed(nlp, a), parsed(nlp, b)) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # one negation written two ways
            "Firefighters couldn't reach the upper floors of the mill before dawn.",
            "Firefighters could not reach the upper floors of the mill before dawn.",
        ),
        (
            "The cause of the fire won't be known for several weeks, the chief said.",
            "The cause of the fire was not yet known, the chief said.",
        ),
        (  # 'No.' before a number negates nothing
            "The No. 2 Wildcats beat Linfield 70-58 on Friday night in Dayton.",
            "The second-ranked Wildcats beat Linfield 70-58 on Friday night in Dayton.",
        ),
    ],
)
def test_a_negation_both_versions_hold_is_no_flip(nlp: Language, a: str, b: str) -> None:
    assert "polarity" not in kinds(parsed(nlp, claim("a", a)), parsed(nlp, claim("b", b)))


def test_same_statement_credited_to_two_people() -> None:
    text = (
        "The reservoir will run dry by August unless the city cuts water use by a third, {} said."
    )
    a = claim("a", text.format("Mayor Ed Kowalski"), speaker="Ed Kowalski")
    b = claim("b", text.format("engineer Sara Lind"), speaker="Sara Lind")
    assert "attribution" in kinds(a, b)


def test_same_speaker_spelled_two_ways_is_not_attribution() -> None:
    text = (
        "The reservoir will run dry by August unless the city cuts water use by a third, {} said."
    )
    a = claim("a", text.format("Volodymyr Petrenko"), speaker="Volodymyr Petrenko")
    b = claim("b", text.format("Vladimir Petrenko"), speaker="Vladimir Petrenko")
    assert "attribution" not in kinds(a, b)


def reyes_figure() -> Claim:
    """A governor's figure that the dispute tests reject, or not."""
    return claim(
        "a",
        "Only 40 trucks crossed the border last week, Governor Ana Reyes said.",
        speaker="Ana Reyes",
        quantities=({"text": "40", "value": 40, "unit": "truck", "counted": "truck"},),
    )


def test_explicit_dispute_within_one_article() -> None:
    said = reyes_figure()
    rejected = claim(
        "a",
        "Minister Paul Okafor called Reyes's figures false and said 120 trucks had crossed.",
        speaker="Paul Okafor",
        at=200,
    )
    found = findings(said, rejected)
    assert [f.kind for f in found] == ["dispute"]
    assert set(found[0].claim_ids) == {said.id, rejected.id}


def test_a_dispute_by_two_speakers_reads_as_plural() -> None:
    """'A and B reject X's claim', never 'A, B rejects'."""
    said = reyes_figure()
    okafor = claim(
        "a",
        "Minister Paul Okafor called Reyes's figures false and said 120 trucks had crossed.",
        speaker="Paul Okafor",
        at=200,
    )
    lind = claim(
        "a",
        "Senator Eva Lind called Reyes's figures false on Tuesday.",
        speaker="Eva Lind",
        at=400,
    )
    (found,) = findings(said, okafor, lind)
    assert found.kind == "dispute"
    assert found.explanation.startswith("Eva Lind and Paul Okafor reject Ana Reyes's claim as ")


def homes(doc: str, who: str, n: int, verb: str, time_ref: str) -> Claim:
    """'<who> said <n> homes <verb> rebuilt in the flooded valley towns [by June].'"""
    when = " by June" if time_ref == "by June" else ""
    return claim(
        doc,
        f"{who} said {n} homes {verb} rebuilt in the flooded valley towns{when}.",
        speaker=who.lower(),
        quantities=(
            {"text": str(n), "value": n, "unit": "home", "counted": "home", "time_ref": time_ref},
        ),
    )


def test_series_at_two_times_is_not_a_conflict() -> None:
    a = homes("a", "Officials", 300, "had already been", "already")
    b = homes("b", "The agency", 550, "would be", "by June")
    assert kinds(a, b) == []


def test_same_time_different_figures_conflict() -> None:
    a = homes("a", "Officials", 300, "would be", "by June")
    b = homes("b", "The agency", 550, "would be", "by June")
    found = findings(a, b)
    assert [f.kind for f in found] == ["quantity"]
    assert "300" in found[0].explanation and "550" in found[0].explanation


def test_fingerprint_ignores_offsets_and_order() -> None:
    a = share("a", "30 percent", 30, 30, 30)
    b = share("b", "just over half", 50, 50.01, 60)
    moved = claim(
        "b",
        SHARES.format("just over half"),
        speaker="Maria Lopez",
        at=500,
        quantities=(
            {
                "text": "just over half",
                "value": 50,
                "unit": "percent",
                "counted": "tent",
                "low": 50.01,
                "high": 60,
            },
        ),
    )
    assert [f.id for f in findings(a, b)] == [f.id for f in findings(moved, a)]


def test_later_article_with_update_cue_is_a_supersession() -> None:
    a = claim(
        "a",
        "The death toll from the landslide stood at 12, police said.",
        speaker="police",
        quantities=({"text": "12", "value": 12, "unit": "death", "counted": "death"},),
    )
    b = claim(
        "b",
        "The death toll from the landslide has now risen to 19, police said.",
        speaker="police",
        quantities=({"text": "19", "value": 19, "unit": "death", "counted": "death"},),
    )
    articles = (
        Article(id="a", path="a.txt", text=a.text, published="2024-05-01"),
        Article(id="b", path="b.txt", text=b.text, published="2024-05-03"),
    )
    pairs = matches([a, b], Stories([a, b]))  # nothing named: one story
    found, updates = judge.compare_all([a, b], pairs, articles)
    assert found == []
    assert len(updates) == 1 and "2024-05-03" in updates[0].explanation


def test_one_disagreement_across_three_articles_is_one_finding() -> None:
    found = findings(
        interview("a", "BBC Radio 4", "BBC Radio 4"),
        interview("b", "Sky News", "Sky News"),
        interview("c", "Sky News", "Sky News"),
    )
    assert [f.kind for f in found] == ["entity"]
    assert {v.doc_id for v in found[0].values} == {"a", "b", "c"}
    assert "BBC Radio 4 (a) versus Sky News (b, c)" in found[0].explanation


def test_share_of_a_stated_whole_converts_to_a_figure() -> None:
    whole = claim(
        "a",
        "The agency promised 1,000 tents by June but said just over half would arrive.",
        speaker="the agency",
        quantities=(
            {
                "text": "1,000",
                "value": 1000,
                "unit": "tent",
                "counted": "tent",
                "time_ref": "by June",
            },
            {"text": "just over half", "value": 50, "unit": "percent", "low": 50.01, "high": 60},
        ),
    )
    total = claim(
        "b",
        "The total number of tents delivered to the camps by June would reach some 900, he said.",
        speaker="the mayor",
        quantities=(
            {"text": "some 900", "value": 900, "low": 810, "high": 990, "time_ref": "by June"},
        ),
    )
    found = findings(whole, total)
    assert [f.kind for f in found] == ["quantity"]
    assert "500 to 600" in found[0].explanation


def test_a_formula_with_different_subjects_is_not_an_entity_conflict() -> None:
    text = "The {} did not immediately respond to requests for comment on the new tariffs."
    a = claim(
        "a",
        text.format("Harbor Authority"),
        entities=(("Harbor Authority", "ORG", "Harbor Authority"),),
    )
    b = claim(
        "b",
        text.format("Port Council"),
        entities=(("Port Council", "ORG", "Port Council"),),
    )
    assert kinds(a, b) == []


def test_one_name_written_two_ways_is_not_an_entity_conflict() -> None:
    """Two versions of one sentence that write one name two ways (an acronym, one letter more)
    name one entity."""
    text = "The new browser update will ship to all users in the spring, according to the {}."
    a = claim("a", text.format("NBA"), entities=(("NBA", "ORG", "NBA"),))
    b = claim(
        "b",
        text.format("Northwind Browser Alliance"),
        entities=(("Northwind Browser Alliance", "ORG", "Northwind Browser Alliance"),),
    )
    assert kinds(a, b) == []
    text = "Rescuers tried to carry {} down the glacier, but he died on the way, the guide said."
    a = claim("a", text.format("Joel Marten"), entities=(("Joel Marten", "PERSON", "Joel Marten"),))
    b = claim(
        "b", text.format("Joel Martens"), entities=(("Joel Martens", "PERSON", "Joel Martens"),)
    )
    assert kinds(a, b) == []


def test_an_honorific_alone_names_no_one() -> None:
    text = "The riot squad officers had their guns out in the front yard, {} Tarrant said."
    a = claim("a", text.format("Dennis"))
    b = claim("b", text.format("Mr."))
    assert kinds(a, b) == []


def test_the_capitals_of_a_headline_mark_no_names() -> None:
    a = claim("a", "Scientists Urge Lawmakers To Restore Funding For River Research")
    b = claim("b", "Scientists Urge Lawmakers To Restore Funding For River Surveys")
    assert "entity" not in kinds(a, b)


def test_figures_of_two_unrelated_stories_are_not_compared() -> None:
    text = "Officials said {} homes would be rebuilt in the flooded towns of {} by June."
    a, b = (
        claim(
            doc,
            text.format(n, place),
            speaker=who,
            entities=((place, "GPE", place),),
            quantities=(
                {
                    "text": str(n),
                    "value": n,
                    "unit": "home",
                    "counted": "home",
                    "time_ref": "by June",
                },
            ),
        )
        for doc, n, who, place in (
            ("a", 300, "Ana Ruiz", "Lowmoor"),
            ("b", 550, "Tom Hale", "Ashby"),
        )
    )
    assert findings(a, b, same_story=False) == []


def test_the_same_figure_sentence_about_another_place_is_another_fact() -> None:
    def result(doc: str, place: str, votes: int) -> Claim:
        return claim(
            doc,
            f"The mayor of {place} was re-elected with {votes:,} votes on Sunday.",
            entities=((place, "GPE", place),),
            quantities=(
                {
                    "text": f"{votes:,}",
                    "value": votes,
                    "unit": "vote",
                    "counted": "vote",
                    "time_ref": "on Sunday",
                },
            ),
        )

    assert findings(result("a", "Eastbrook", 37_390), result("b", "Westmarch", 57_470)) == []


def test_an_outlet_naming_itself_is_not_an_entity_conflict() -> None:
    text = "The ministry did not respond to a request for comment from the {} on Monday."
    a = claim(
        "a", text.format("Harbor Tribune"), entities=(("Harbor Tribune", "ORG", "Harbor Tribune"),)
    )
    b = claim(
        "b", text.format("Plains Herald"), entities=(("Plains Herald", "ORG", "Plains Herald"),)
    )
    articles = (
        Article(id="a", path="a.txt", text=a.text, outlet="Harbor Tribune"),
        Article(id="b", path="b.txt", text=b.text, outlet="Plains Herald"),
    )
    assert findings(a, b) != []  # without knowing the outlets, the names differ
    assert findings(a, b, articles=articles) == []


def test_a_denial_that_targets_no_one_is_not_a_dispute() -> None:
    said = reyes_figure()
    denial = claim(
        "a",
        "Minister Paul Okafor said rumours of a border closure were false, as Reyes spoke.",
        speaker="Paul Okafor",
        at=200,
    )
    assert findings(said, denial) == []


def test_a_negated_denial_is_no_dispute() -> None:
    said = reyes_figure()
    conceded = claim(
        "a",
        "Minister Paul Okafor has never disputed Reyes's figures and said crossings had slowed.",
        speaker="Paul Okafor",
        at=200,
    )
    assert findings(said, conceded) == []


@pytest.mark.parametrize(
    ("sentence", "calls"),
    [
        ("The story of the flooded stadium is a hoax, the club said.", True),
        ("The photo came from a fake Harbor City Council account.", True),
        ("It first ran on a satirical web site last spring.", True),
        ("Fans waved fake banknotes outside the stadium.", False),
        ("The story of the flooded stadium is not a hoax, the club said.", False),
    ],
)
def test_a_hoax_word_calls_a_report_false_only_when_said_of_a_claim(
    sentence: str, calls: bool
) -> None:
    assert judge.calls_false(claim("a", sentence)) is calls


def test_one_name_written_two_ways_is_no_swap_when_one_was_resolved_in_full() -> None:
    """Coreference gave one mention its full name ('Rait' -> 'Ivo Rait'); as written, 'Raite'
    and 'Rait' are one name with a letter added."""
    text = "Guides tried to carry {} down the glacier before dark, the ranger said."
    a = claim("a", text.format("Raite"), entities=(("Raite", "PERSON", "Raite"),))
    b = claim("b", text.format("Rait"), entities=(("Rait", "PERSON", "Ivo Rait"),))
    assert "entity" not in kinds(a, b)
