"""find_entities and canonical: one canonical name per real-world thing."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimcheck.extract.entities import canonical, canonical_word, find_entities


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("U.S.", "GPE", "united states"),
        ("USA", "GPE", "united states"),
        ("America", "GPE", "united states"),
        ("the United States", "GPE", "united states"),
        ("U.K.", "GPE", "united kingdom"),
        ("Britain", "GPE", "united kingdom"),
        ("EU", "ORG", "european union"),
        ("the European Union's", "ORG", "european union"),
        ("U.N.", "ORG", "united nations"),
        ("Kiev", "GPE", "kyiv"),
        ("Zürich", "GPE", "zurich"),
        ("President Emmanuel Macron", "PERSON", "emmanuel macron"),
        ("Radio France Internationale", "ORG", "radio france internationale"),
        ("Radio France Inter", "ORG", "radio france inter"),
        ("RFI", "ORG", "radio france internationale"),
        # spacing and punctuation variants of one name
        ("La Guardia", "FAC", "laguardia"),
        ("LaGuardia", "FAC", "laguardia"),
        ("al Qaeda", "ORG", "alqaeda"),
        ("al-Qaeda", "ORG", "alqaeda"),
        ("Bill de Blasio", "PERSON", "bill deblasio"),
        ("De la Rosa", "PERSON", "delarosa"),
        ("Al Ruiz", "PERSON", "al ruiz"),  # a first name, not a particle
        ("Van Lee", "PERSON", "van lee"),
        # demonyms name their country
        ("American", "NORP", "united states"),
        ("British", "NORP", "united kingdom"),
        ("Ukrainian", "NORP", "ukraine"),
        ("Brazilian", "NORP", "brazil"),
        ("Democrats", "NORP", "democrats"),  # a party, not a country
        # AP state abbreviations of a place
        ("Ark.", "GPE", "arkansas"),
        ("Calif.", "GPE", "california"),
        ("N.Y.", "GPE", "new york"),
        ("Hope, Ark.", "GPE", "hope, arkansas"),
        ("Ark.", "ORG", "ark"),  # only a place is read as a state
    ],
)
def test_canonical(name: str, label: str, expected: str) -> None:
    assert canonical(name, label) == expected


# sentence -> [(text, label, canonical)] for the entities named
CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "Chancellor Angela Merkel met reporters in Berlin, and Merkel said little.",
        [
            ("Angela Merkel", "PERSON", "angela merkel"),
            ("Berlin", "GPE", "berlin"),
            ("Merkel", "PERSON", "angela merkel"),
        ],
    ),
    (
        "The Kremlin rejected the report, Reuters said.",
        [("Kremlin", "ORG", "kremlin"), ("Reuters", "ORG", "reuters")],
    ),
    (
        "She told Politico and Radio France Internationale that talks in Kiev would wait.",
        [
            ("Politico", "ORG", "politico"),
            ("Radio France Internationale", "ORG", "radio france internationale"),
            ("Kiev", "GPE", "kyiv"),
        ],
    ),
    ("The cabinet met for three hours and said nothing.", []),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_entities(nlp: Language, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    found = list(find_entities(nlp(sentence)))
    assert [(e.text, e.label, e.canonical) for e in found] == expected
    for e in found:
        assert sentence[e.start : e.end] == e.text


@pytest.mark.model
def test_distinct_broadcasters_stay_distinct(nlp: Language) -> None:
    doc = nlp("He spoke to Radio France Inter, not Radio France Internationale.")
    names = {e.canonical for e in find_entities(doc) if e.label == "ORG"}
    assert names == {"radio france inter", "radio france internationale"}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("gonna", "going to"),
        ("Wanna", "want to"),
        ("f***", "fuck"),
        ("f---", "fuck"),
        ("f**king", "fucking"),
        ("s**t", "shit"),
        ("bull****", "bullshit"),
        ("d***", "d***"),  # fits 'damn' and 'dick': left as written
        ("going", "going"),
        ("gone", "gone"),
    ],
)
def test_canonical_word(word: str, expected: str) -> None:
    assert canonical_word(word) == expected


# sentence -> the canonical names of the places it names
STATES: list[tuple[str, list[str]]] = [
    ("She grew up in Hope, Ark., and moved away.", ["hope", "arkansas"]),
    ("She grew up in Hope, Arkansas, and moved away.", ["hope", "arkansas"]),
    ("The firm is based in Austin, TX, and Denver.", ["austin", "texas", "denver"]),
    ("The Dodgers won in LA on Sunday.", ["la"]),  # no place before it: Los Angeles stays
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), STATES)
def test_state_abbreviations(nlp: Language, sentence: str, expected: list[str]) -> None:
    places = [e.canonical for e in find_entities(nlp(sentence)) if e.label == "GPE"]
    assert places == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "pair",
    [
        ("An American drone strike hit the convoy.", "A US drone strike hit the convoy."),
        ("The jet landed at La Guardia.", "The jet landed at LaGuardia."),
    ],
)
def test_two_spellings_are_one_entity(nlp: Language, pair: tuple[str, str]) -> None:
    names = [{e.canonical for e in find_entities(nlp(s)) if e.label != "PERSON"} for s in pair]
    assert names[0] == names[1] != set()
