"""find_attributions: who said what, on news-style sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimcheck.extract.attribution import Attribution, find_attributions

pytestmark = pytest.mark.model

# text -> expected attributions (speaker, fragment of the content, cue), in text order;
# the speaker is the full name the article gives, whatever the sentence calls them.
CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    # a participle after a comma goes on with the reporting verb before it
    ("Critics say the plan contradicts earlier remarks by mayor Ida Holm, who said in May that "
     "the tunnel would open in 2026, explaining that only half the funds had been raised.",
     [("Critics", "the plan contradicts", "say"), ("Ida Holm", "the tunnel would open", "say"),
      ("Ida Holm", "only half the funds had been raised", "explain")]),
    # reporting verbs with a clausal complement
    ("Health Minister Ana Duarte said on Tuesday that the clinics would reopen next month.",
     [("Ana Duarte", "the clinics would reopen", "say")]),
    ("Port director Jonas Weber warned that shipping delays would worsen.",
     [("Jonas Weber", "shipping delays would worsen", "warn")]),
    ("Reuters reported that the factory had been shut.",
     [("Reuters", "the factory had been shut", "report")]),
    ("The company denied that it had dumped waste in the river.",
     [("company", "dumped waste in the river", "deny")]),
    ("Economist Rafael Duarte argued that interest rates should fall.",
     [("Rafael Duarte", "interest rates should fall", "argue")]),
    ("Coach Elena Ruiz stressed that the squad was exhausted.",
     [("Elena Ruiz", "the squad was exhausted", "stress")]),
    ("The Kremlin said the talks were useful.",
     [("Kremlin", "the talks were useful", "say")]),
    ("Farmers told officials they were losing money.",
     [("Farmers", "they were losing money", "tell")]),
    ("The regulator claimed the merger would raise prices.",
     [("regulator", "the merger would raise prices", "claim")]),
    ("Opposition leader Marta Kovac insisted the vote had been rigged.",
     [("Marta Kovac", "the vote had been rigged", "insist")]),
    ("Chef Paolo Ricci explained that the menu changes every week.",
     [("Paolo Ricci", "the menu changes every week", "explain")]),
    ("The unions noted that wages had not kept up with inflation.",
     [("unions", "wages had not kept up", "note")]),
    ("Senator Grace Ito declared that the bill was dead.",
     [("Grace Ito", "the bill was dead", "declare")]),
    ("The auditor stated that the accounts were in order.",
     [("auditor", "the accounts were in order", "state")]),
    ("Professor Lena Berg posited that the virus had mutated twice.",
     [("Lena Berg", "the virus had mutated twice", "posit")]),
    ("The airline urged passengers to arrive early.",
     [("airline", "passengers to arrive early", "urge")]),
    # labels: verbs that report only with a complement
    ("Critics dubbed the project \"a bridge to nowhere.\"",
     [("Critics", "a bridge to nowhere", "dub")]),
    ("The senator slammed the proposal as \"a giveaway to banks.\"",
     [("senator", "a giveaway to banks", "slam")]),
    ("Historian Omar Haddad called the treaty a historic mistake.",
     [("Omar Haddad", "a historic mistake", "call")]),
    # direct quotes before the verb, and the verb inside the sentence
    ("\"We will not raise taxes this year,\" Finance Minister Karl Lindqvist told reporters.",
     [("Karl Lindqvist", "We will not raise taxes this year", "tell")]),
    ("\"The river is rising fast,\" said Mayor Ines Moreau.",
     [("Ines Moreau", "The river is rising fast", "say")]),
    ("The bridge, engineer Maria Okafor reportedly said, could collapse within a decade.",
     [("Maria Okafor", "could collapse within a decade", "say")]),
    ("\u201cThe results speak for themselves,\u201d the chief executive, Hana Sato, wrote.",
     [("Hana Sato", "The results speak for themselves", "write")]),
    # according to, per, a text that speaks for its author
    ("According to the Lagos Herald, the airport will close for two weeks.",
     [("Lagos Herald", "the airport will close for two weeks", "according to")]),
    ("The plan is doomed, according to analysts at Northbank.",
     [("analysts", "The plan is doomed", "according to")]),
    ("Per Okafor, the repairs will cost 40 million euros.",
     [("Okafor", "the repairs will cost 40 million euros", "per")]),
    ("The central bank's report noted that inflation had slowed.",
     [("central bank", "inflation had slowed", "note")]),
    ("In a statement, the Ministry of Defense of Norway said two drones were shot down.",
     [("Ministry of Defense of Norway", "two drones were shot down", "say")]),
    ("In his column, economist Rafael Duarte argued that rates should fall.",
     [("Rafael Duarte", "rates should fall", "argue")]),
    ("Union leader Pia Holm was quoted as saying the strike would last a week.",
     [("Pia Holm", "the strike would last a week", "say")]),
    # relative clauses, participles, conjoined verbs: the speaker is up the tree
    ("The coach, Elena Ruiz, who wrote in her column that the team was exhausted, resigned.",
     [("Elena Ruiz", "the team was exhausted", "write")]),
    ("Foreign Minister Ivan Petrov tried to calm markets, telling the BBC that the debt was safe.",
     [("Ivan Petrov", "the debt was safe", "tell")]),
    ("The mayor of Leeds, Sam Patel, said the roads were clear, adding that buses would run.",
     [("Sam Patel", "the roads were clear", "say"), ("Sam Patel", "buses would run", "add")]),
    # headline form
    ("Border guards seize record haul of cocaine, police chief says",
     [("police chief", "Border guards seize record haul", "say")]),
    # what a statement reports someone else to say is part of that statement
    ("Elena Ruiz wrote that the captain asked the board to delay the vote.",
     [("Elena Ruiz", "the captain asked the board", "write")]),
    # titles and appositions give way to the name
    ("The governor of the state, Linda Carver, declared a state of emergency.",
     [("Linda Carver", "a state of emergency", "declare")]),
    ("Kremlin spokesman Yuri Antonov said the report was false.",
     [("Yuri Antonov", "the report was false", "say")]),
    # pronouns, nominal mentions and surnames resolve to the person named earlier
    ("Mayor Tom Okoro spoke at the dock. He insisted that no workers had been harmed.",
     [("Tom Okoro", "no workers had been harmed", "insist")]),
    ("Tom Okoro opened the session. Okoro said the budget was balanced.",
     [("Tom Okoro", "the budget was balanced", "say")]),
    ("Linda Carver declared a state of emergency. The governor stressed that schools would open.",
     [("Linda Carver", "a state of emergency", "declare"),
      ("Linda Carver", "schools would open", "stress")]),
    ("Pia Holm, the union leader, explained that wages had fallen. "
     "\"Our members cannot pay rent,\" she added.",
     [("Pia Holm", "wages had fallen", "explain"),
      ("Pia Holm", "Our members cannot pay rent", "add")]),
    ("Le Figaro reported that the strike would end. The paper said talks had resumed.",
     [("Le Figaro", "the strike would end", "report"), ("Le Figaro", "talks had resumed", "say")]),
    # a quotation of several sentences is one statement
    ("\"Prices have doubled. Families are struggling,\" Holm said.",
     [("Holm", "Prices have doubled. Families are struggling", "say")]),
    ("\"We are ready,\" the striker Leo Brandt said. \"We have trained all summer.\"",
     [("Leo Brandt", "We are ready,\" the striker Leo Brandt said. \"We have trained", "say")]),
    ("Holm said the union was ready.\n\"We will strike until the company listens.\"",
     [("Holm", "the union was ready", "say"), ("Holm", "We will strike until", "say")]),
    # nothing is attributed
    ("The minister's plane landed.", []),
    ("Said Ahmed won the race.", []),
    ("The so-called deal collapsed on Friday.", []),
    ("He was told to leave the building.", []),
    ("The weather was mild and the harvest was good.", []),
    ("The police called the suspect's family on Sunday.", []),
    ("The price per barrel rose to 90 dollars.", []),
    ("Researchers will present the findings at a conference in May.", []),
    ("\"I said no,\" is the title of her new album.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_attributions(nlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert_attributions(nlp, text, expected)


def assert_attributions(nlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    """The attributions of `text` are `expected`: speakers and cues in order, and each content
    holding its expected fragment."""
    doc = nlp(text)
    found = [
        (a.speaker, doc.text[a.content_start : a.content_end], a.cue)
        for a in find_attributions(doc)
    ]
    assert [(s, c) for s, _, c in found] == [(s, c) for s, _, c in expected]
    for (_, content, _), (_, fragment, _) in zip(found, expected, strict=True):
        assert fragment in content


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The minister did not say when the talks would resume.", True),
        ("The minister never said that the talks had failed.", True),
        ("The minister said that the talks had failed.", False),
    ],
)
def test_negation(nlp: Language, text: str, negated: bool) -> None:
    [said] = find_attributions(nlp(text))
    assert said.negated is negated
    assert said.cue == "say"


def test_mention_is_how_the_sentence_names_the_speaker(nlp: Language) -> None:
    doc = nlp("Kremlin spokesman Yuri Antonov spoke first. He said the report was false.")
    said = list(find_attributions(doc))
    assert [(a.speaker, a.mention) for a in said] == [("Yuri Antonov", "He")]


def test_offsets_point_into_the_text(nlp: Language) -> None:
    doc = nlp("Farmers told officials they were losing money.")
    [said] = find_attributions(doc)
    assert isinstance(said, Attribution)
    assert doc.text[said.content_start : said.content_end] == "they were losing money"
