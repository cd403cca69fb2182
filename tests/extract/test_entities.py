"""find_entities and canonical: one canonical name per real-world thing."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimcheck.extract.entities import canonical, find_entities


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
