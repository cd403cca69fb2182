"""Speakers on real-prose shapes: who is credited, on news-style sentences written for these
tests (beliefs and plans as cues, documents and their authors, pets, gendered pronouns,
appositions, transcripts). Each table pairs cases with near-misses that must stay as they are."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimcheck.extract.coref import speaks
from tests.extract.test_attribution import assert_attributions

pytestmark = pytest.mark.model

Expected = list[tuple[str, str, str]]  # (speaker, fragment of the content, cue)

# Beliefs, findings, plans and positions: cues only with the complement they take.
STANCES: list[tuple[str, Expected]] = [
    ("Mayor Ines Moreau believes the tunnel will open next spring.",
     [("Ines Moreau", "the tunnel will open next spring", "believe")]),
    ("A Gallup poll shows that most drivers support the toll.",
     [("Gallup", "most drivers support the toll", "show")]),
    ("The Harbor Authority wants to double the ferry fleet by 2030.",
     [("Harbor Authority", "to double the ferry fleet", "want")]),
    ("Coach Elena Ruiz plans to rest her captain on Sunday.",
     [("Elena Ruiz", "to rest her captain on Sunday", "plan")]),
    ("Investigators with the Civil Aviation Board found that the pilot had ignored an alarm.",
     [("Investigators", "the pilot had ignored an alarm", "find")]),
    ("Governor Linda Carver opposes the pipeline.",
     [("Linda Carver", "the pipeline", "oppose")]),
    ("The Teachers Union rejected the offer on Friday.",
     [("Teachers Union", "the offer", "reject")]),
    ("Senator Grace Ito refused to answer questions about the loan.",
     [("Grace Ito", "to answer questions about the loan", "refuse")]),
    ("Dr. Omar Haddad cited a 2019 study of river pollution.",
     [("Omar Haddad", "a 2019 study of river pollution", "cite")]),
    # near-misses: no complement of the kind the verb needs, a passive, a stance inside speech
    ("Rescuers found a body in the river.", []),
    ("Mayor Ines Moreau is expected to win the vote.", []),
    ("Investors who want a refund must apply by May.", []),
    ("The sale shows how hard the winter was.", []),
    ("Ines Moreau said she wants to run again.",
     [("Ines Moreau", "she wants to run again", "say")]),
]  # fmt: skip

# Documents speak for their author, else as written; a thing or a pet is never a speaker.
DOCUMENTS: list[tuple[str, Expected]] = [
    ("\"We will appeal,\" said the statement from the club's lawyer, Paul Grant.",
     [("Paul Grant", "We will appeal", "say")]),
    ("\"We will appeal,\" said the statement from the club's lawyer, Paul Grant. "
     "\"The fine is unfair,\" the statement said.",
     [("Paul Grant", "We will appeal", "say"), ("Paul Grant", "The fine is unfair", "say")]),
    ("The central bank's report warned that housing prices could fall.",
     [("central bank", "housing prices could fall", "warn")]),
    ("A Northbank survey found that half of tenants had missed a payment.",
     [("Northbank", "half of tenants had missed a payment", "find")]),
    # a document with no author named speaks as written; the article itself never does
    ("The statement said the factory would close.",
     [("statement", "the factory would close", "say")]),
    ("The article says the mayor resigned.", []),
    ("A new study shows that coffee is harmless.",
     [("new study", "coffee is harmless", "show")]),
    ("Private information suggests the deal was signed.", []),
    ("The accompanying list of fees shows that he earned millions.", []),
    ("Thousands of lawsuits claim the drug caused harm.", []),
]  # fmt: skip

# Pronouns: "she" never goes to a man named just before, "he" never to a pet.
PRONOUNS: list[tuple[str, Expected]] = [
    ("Paul Grant and Maria Lopez met the reporters. \"It is over,\" she said.",
     [("Maria Lopez", "It is over", "say")]),
    ("Maria Lopez and Paul Grant met the reporters. \"It is over,\" he said.",
     [("Paul Grant", "It is over", "say")]),
    ("Mr. Okafor spoke to the council. Then Ms. Adeyemi took questions. "
     "\"We are ready,\" he added.",
     [("Okafor", "We are ready", "add")]),
    ("The spokeswoman, Dana Wells, met Tom Baker. \"No comment,\" she said.",
     [("Dana Wells", "No comment", "say")]),
    ("Paul Grant met the reporters. \"It is over,\" she said.", []),
    ("Max the terrier was pulled from the flood on Sunday. \"He was shaking,\" he said.", []),
    ("Dan Pike searched for hours. His dog, Rex, was found alive. \"He was shaking,\" he said.",
     [("Dan Pike", "He was shaking", "say")]),
    ("Apex Corp. reported higher sales. It said demand had recovered.",
     [("Apex Corp.", "higher sales", "report"), ("Apex Corp.", "demand had recovered", "say")]),
    ("Rex, a male terrier crossbreed, was found tied to a fence. Inspector Mark Lowe said Rex "
     "had been sold online. He said: \"This was a cruel act.\"",
     [("Mark Lowe", "Rex had been sold online", "say"),
      ("Mark Lowe", "This was a cruel act", "say")]),
    ("Ana Ortiz visited the plant. It said demand had recovered.", []),
    ("\"I know what Mr. Baker is going through,\" she said.", []),
]  # fmt: skip

# Appositions, titles and names: the person the article names, not the role or its owner.
APPOSITIONS: list[tuple[str, Expected]] = [
    ("Shelter spokesman, Dana Ruiz, said the dogs were healthy.",
     [("Dana Ruiz", "the dogs were healthy", "say")]),
    ("After the ruling, Mr. Ito's lawyer, Ana Ruiz, said her client was relieved.",
     [("Ana Ruiz", "her client was relieved", "say")]),
    ("The mayor's spokeswoman, Ines Vidal, said the roads would reopen.",
     [("Ines Vidal", "the roads would reopen", "say")]),
    ("Depressed Lee Chen told the court he could not sleep.",
     [("Lee Chen", "he could not sleep", "tell")]),
    ("The tabloid quoted a local man, Ravi Nair, as saying that no one helped.",
     [("Ravi Nair", "no one helped", "say")]),
    ("Carlos Ortiz Jr. took over the bakery in 2019. Mr. Ortiz said sales had doubled.",
     [("Carlos Ortiz Jr.", "sales had doubled", "say")]),
    ("Rep. Tom Cole, the committee chairman, opened the hearing. "
     "Later the committee chairman said the vote would be delayed.",
     [("Tom Cole", "the vote would be delayed", "say")]),
    ("In a statement, one of the family's lawyers, Justin Webb, said the video was clear.",
     [("Justin Webb", "the video was clear", "say")]),
    # near-misses: a role that belongs to someone is not that someone
    ("A spokesman for the special counsel's office said the review was over.",
     [("spokesman for the special counsel's office", "the review was over", "say")]),
    ("One senior official said the talks had stalled.",
     [("senior official", "the talks had stalled", "say")]),
    ("Mr. Ito's lawyer said the case was closed.",
     [("Mr. Ito's lawyer", "the case was closed", "say")]),
]  # fmt: skip

# Labels: a transcript's speaker tags and a quotation signed with a dash.
LABELS: list[tuple[str, Expected]] = [
    ("Host Dana Blake interviewed Governor Tom Reyes on Sunday.\n\n"
     "BLAKE: Will you run again?\n\nREYES: I have not decided.",
     [("Dana Blake", "Will you run again?", ":"), ("Tom Reyes", "I have not decided.", ":")]),
    ("\u201cThe new park changed our street.\u201d \u2015 Maria Lopez\n\n"
     "\u201cWe finally have a place to play.\u201d \u2015 Ahmed Karim",
     [("Maria Lopez", "The new park changed our street.", "\u2015"),
      ("Ahmed Karim", "We finally have a place to play.", "\u2015")]),
    # near-misses: a label that is not a name the article knows
    ("Host Dana Blake interviewed Governor Tom Reyes.\n\nNOTE: The interview was edited.", []),
    ("Warning: the bridge is closed.", []),
    ("Mayor Ana Ruiz opened the bridge.\n\nPhoto: The bridge at dawn.", []),
    # an animal word that names an outlet stays a speaker
    ("Fox reported that the talks had failed.", [("Fox", "the talks had failed", "report")]),
]  # fmt: skip

CASES = STANCES + DOCUMENTS + PRONOUNS + APPOSITIONS + LABELS


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_speakers(nlp: Language, text: str, expected: Expected) -> None:
    assert_attributions(nlp, text, expected)


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("resident", True),
        ("regulator", True),
        ("police", True),
        ("airline", True),
        ("historian", True),
        ("list", False),
        ("number", False),
        ("terrier", False),
        ("information", False),
        ("career", False),
    ],
)
def test_speaking_nouns(noun: str, expected: bool) -> None:
    assert speaks(noun) is expected
