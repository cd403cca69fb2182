"""Claim ids are unique within a report, on sentences written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language

import claimcheck.extract as extract
from claimcheck.extract import extract_claims
from claimcheck.extract.attribution import Attribution
from claimcheck.schema import Article, Claim

pytestmark = pytest.mark.model

# An inserted and a trailing "he said" around one clause: both cues took content from its
# start, and the two claims shared the id <doc>:<start>-<end>@<content start>.
TWICE_SAID = [
    "Paul Grant owns a shop. Last spring, he said, the inspectors came twice and closed the "
    "kitchen for a week, he said.",
    "Ruth Abel chairs the ferry board. On Friday, she said, the morning boat left an hour late "
    "because the harbour crane broke down, she said.",
    "Lena Berg is a nurse. In March, she said, the ward ran out of gloves for three days, "
    "she said.",
]


def _claims(nlp: Language, text: str) -> list[Claim]:
    return extract_claims(nlp(text), Article(id="a", path="a.txt", text=text))


def _repeated(ids: list[str]) -> list[str]:
    return [i for i, n in Counter(ids).items() if n > 1]


@pytest.mark.parametrize("text", TWICE_SAID)
def test_one_statement_said_with_two_cues_is_one_claim(nlp: Language, text: str) -> None:
    claims = _claims(nlp, text)
    assert _repeated([c.id for c in claims]) == []
    said = [c for c in claims if c.kind == "attribution"]
    assert len(said) == 1
    # the shorter content, without the trailing cue; one claim, so its id needs no suffix
    assert said[0].content is not None and not said[0].content.endswith("said")
    assert said[0].id == f"a:{said[0].start}-{said[0].end}"


def test_two_cues_taking_one_quote_give_one_claim(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "..., she said at noon. "..." Lind said" read as one sentence, both cues taking the
    # quote: how the parser splits it varies, so the attributions are given here
    text = 'The gates were shut, she said at noon. "We waited and waited," Lind said.'
    quote = text.index("We"), text.index(',"')
    found = [
        Attribution("Marta Lind", "she", "say", *quote, cue_at=text.index("said")),
        Attribution("Marta Lind", "Lind", "say", *quote, cue_at=text.rindex("said")),
    ]
    monkeypatch.setattr(extract, "find_attributions", lambda doc: iter(found))
    doc = nlp.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i == 0
        token.pos_ = "VERB" if token.text == "said" else "X"
    claims = extract_claims(doc, Article(id="a", path="a.txt", text=text))
    assert [(c.id, c.speaker_mention) for c in claims] == [(f"a:0-{len(text)}", "she")]


def test_ids_are_unique_and_stable_on_an_article_of_many_cues(nlp: Language) -> None:
    text = " ".join(
        [
            *TWICE_SAID,
            "Mayor Ida Holm said the bridge would reopen in May, and her deputy said it would "
            'not. "We are ready," Holm said. "The money is there." The council, she added, '
            "had approved 12 million euros, according to the minutes.",
        ]
    )
    first = [c.id for c in _claims(nlp, text)]
    assert _repeated(first) == []
    assert [c.id for c in _claims(nlp, text)] == first
