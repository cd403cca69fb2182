"""Speaker mentions -> one full name per person within an article (a small salience resolver).

Pronouns go to the most recent person who spoke or was a subject; "the commissioner" to the
person earlier given that title; "Breton" to the full name used elsewhere in the article; "the
paper" to the last news organisation quoted.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimcheck import lexicon
from claimcheck.extract.names import first_names_match, fold, surname_words

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
# Subjects that never name a speaker.
EMPTY = frozenset(
    {"i", "we", "you", "this", "that", "these", "those", "one", "some", "many", "others",
     "who", "which", "what", "all", "both", "each", "none", "nobody", "everyone", "someone",
     "anyone", "something", "anything", "everything", "nothing", "there", "us", "me", "itself",
     "here", "few", "most", "several", "any", "another", "other"}
)  # fmt: skip
TITLE_POS = ("NOUN", "PROPN", "ADJ")
ORGS = ("ORG", "GPE", "NORP", "FAC")
# How far back (in tokens) a pronoun or a bare "the official" may reach for its person.
REACH = 400
PHRASE_STOP = ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "prep")


@dataclass(frozen=True)
class _Person:
    at: int  # token index of the mention
    name: str


class Mentions:
    """Resolves the token that names a speaker to a canonical name, reading the article once."""

    def __init__(self, doc: Doc, quotes: Sequence[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self._quotes = sorted(quotes)
        self._titles = lexicon.words("person_titles")
        self._full: dict[str, list[_Person]] = {}  # surname key -> full names, in text order
        self._titled: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
        self._subjects: list[_Person] = []  # persons as subjects, in text order
        self._spoken: list[tuple[int, str, bool]] = []  # (token, speaker, is person)
        self._persons: set[str] = set()
        self._people: list[_Person] = []  # every person named, in text order
        self._gender: dict[str, str | None] = {}  # name -> "male", "female" or None (unsure)
        self._nominals: dict[str, str] = {}
        self._bare: set[str] = set()  # speakers left as written, not named by the article
        self._authors: dict[str, list[tuple[int, str]]] = {}  # document noun -> its authors
        self._documents: set[str] = set()  # documents speaking with no author named
        self._organisations: list[_Person] = []  # organisations as subjects, in text order
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._read_person(ent)
            elif ent.label_ in ORGS and ent.root.dep_ == "nsubj":
                name = _org_name(ent)
                if name and not _inside(ent.start_char, self._quotes):
                    self._organisations.append(_Person(ent.root.i, name))
        self._subject_at = [p.at for p in self._subjects]
        self._people_at = [p.at for p in self._people]
        self._plurals = [  # plural nouns as subjects, in text order: what "they" may be
            t.i
            for t in doc
            if t.dep_ == "nsubj"
            and t.tag_ in ("NNS", "NNPS")
            and not _inside(t.idx, self._quotes)
            and not _reported(t)
        ]

    # -------------------------------------------------------------- reading the article

    def _read_person(self, ent: Span) -> None:
        words = self._name_words(ent)
        if not words:
            return
        titles = _titles_of(ent)
        if any(title in lexicon.words("animal_nouns") for title, _ in titles) or _names_animal(ent):
            return  # "Rex, a beagle": a pet is never the one who spoke
        name = self._canonical(words, ent.root.i)
        self._persons.add(name)
        self._people.append(_Person(ent.root.i, name))
        self._note_gender(name, _gender_of(ent, words, titles) or self._pronoun_gender(ent))
        if len(surname_words(words)) > 1:
            key = fold(surname_words(words)[-1])
            self._full.setdefault(key, []).append(_Person(ent.root.i, name))
        quoted = _inside(ent.start_char, self._quotes)
        subject = ent.root.dep_ in ("nsubj", "nsubjpass") or (
            ent.root.dep_ != "compound" and ent.root.head.dep_ == "nsubj"
        )
        if subject and not quoted and not _reported(ent.root):
            # a name inside a quotation or in what someone is reported to say ("Taylor said
            # Kai was sold") is not who speaks next
            self._subjects.append(_Person(ent.root.i, name))
        for title, modifiers in titles:
            self._titled.setdefault(title, []).append((ent.root.i, name, modifiers))

    def _pronoun_gender(self, ent: Span) -> str | None:
        """The gender the article's own pronouns give a subject: 'X ... his ...' within X's
        clause, when no other person is named there and nothing is quoted."""
        if ent.root.dep_ != "nsubj":
            return None
        clause = list(ent.root.head.subtree)
        others = [t for t in clause if t.ent_type_ == "PERSON" and not ent.start <= t.i < ent.end]
        if others or any(_inside(t.idx, self._quotes) for t in clause):
            return None
        found = {PRONOUN_GENDER[t.lower_] for t in clause if t.lower_ in PRONOUN_GENDER}
        found |= {"male" for t in clause if t.lower_ in ("his", "himself")}
        found |= {"female" for t in clause if t.lower_ in ("hers", "herself")}
        return found.pop() if len(found) == 1 else None

    def _note_gender(self, name: str, gender: str | None) -> None:
        if name not in self._gender:
            self._gender[name] = gender
        elif gender is not None and self._gender[name] != gender:
            known = self._gender[name]
            self._gender[name] = gender if known is None else None

    def _name_words(self, ent: Span) -> list[str]:
        words = [t.text for t in ent if not t.is_punct or t.text == "."]
        while words and words[-1].lower() in ("'s", "’s", "'", "’"):
            words.pop()
        while words and words[0].lower() in self._titles | {"the"}:
            words.pop(0)
        words = [w for w in words if w != "."]
        lead = [t for t in ent if not t.is_punct]
        while len(words) > 2 and lead and lead[0].text == words[0] and _describes(lead[0]):
            words.pop(0)  # "Depressed Tan Shen": the tagger took the adjective into the name
            lead.pop(0)
        return words

    def _canonical(self, words: list[str], at: int) -> str:
        """The full name for a name as written: an earlier full form, or the surname's owner."""
        key = fold(surname_words(words)[-1])
        known = self._full.get(key, [])
        if len(surname_words(words)) == 1:
            before = [p for p in known if p.at < at]
            if before:
                return before[-1].name
            return known[0].name if known else words[0]
        for person in known:
            if first_names_match(person.name.split()[0], words[0]):
                return person.name
        return " ".join(words)

    # -------------------------------------------------------------- resolving a mention

    def spoke(self, token: Token, speaker: str) -> None:
        """Record a resolved speaker: pronouns that follow may refer to it."""
        self._spoken.append((token.i, speaker, speaker in self._persons))

    def resolve(self, token: Token, *, named: bool = False) -> tuple[str, str] | None:
        """(canonical speaker, mention text) for the token heading a speaker phrase, or None.

        With `named`, only a speaker the article names: not a group left as written
        ("analysts", "voters")."""
        resolved = self._resolve(token)
        if resolved is None:
            return None
        if _names_a_thing(resolved[0]) and resolved[0] not in self._documents:
            return None
        if named and resolved[0] in self._bare:
            return None
        return resolved

    def label(self, span: Span) -> tuple[str, str] | None:
        """A name written as a label ("SMITH:" in a transcript, "― Ana Ruiz" under a quote):
        only a person or organisation the article knows or the tagger recognises."""
        words = self._name_words(span)
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return None
        known = fold(words[-1]) in self._full
        if len(words) == 1 and _names_a_thing(words[0]):
            return None
        if any(t.ent_type_ == "PERSON" for t in span) or known:
            return self._canonical(words, span[-1].i), span.text
        if all(t.ent_type_ == "ORG" for t in span):
            name = _org_name(span)
            return (name, span.text) if name else None
        return None

    def _resolve(self, token: Token) -> tuple[str, str] | None:
        low = token.lower_
        if low in EMPTY or _part_of_group(token):
            return self._one_of(token)
        if low in PERSON_PRONOUNS:
            others = self._named_after(token)
            name = self._recent_person(token.i, PRONOUN_GENDER[low], not_in=others)
            return (name, token.text) if name else None
        if low in THING_PRONOUNS or low in GROUP_PRONOUNS:
            name = self._recent_speaker(token.i, person=False, reach=60)
            name = name or self._recent_organisation(token.i, reach=60)
            if name is None and low in GROUP_PRONOUNS:
                name = self._recent_group(token.i, reach=60)
            return (name, token.text) if name else None
        if token.pos_ == "PRON":
            return None
        phrase = _phrase(token)
        mention = _text(phrase)
        if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.words("source_nouns"):
            author = self._author(token, phrase)
            return (author, mention) if author else None
        named = self._named(token, phrase)
        if named is not None:
            return named, mention
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            words = [t.text for t in phrase if t.pos_ == "PROPN" and t.text[:1].isupper()]
            if len(words) == 1 and _not_a_name(token):
                return None  # "UPDATE:", "Photo", "November": a capital is not a name
            if words:
                return self._canonical(words, token.i), mention
        if token.pos_ not in ("NOUN", "PROPN"):
            return None  # a lower-case "proper noun" is a tagger slip: read it as a noun
        return self._nominal(token, phrase, mention)

    def _one_of(self, token: Token) -> tuple[str, str] | None:
        """'one of the family's lawyers, Ana Ruiz,' is Ana Ruiz; 'one of the senators' is the
        senators; 'one', 'some', 'others' alone name no one."""
        if not _part_of_group(token):
            return None
        for child in token.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                ent = _entity(child)
                words = self._name_words(ent) if ent is not None else []
                if ent is not None and words:
                    return self._canonical(words, ent.root.i), _text(_phrase(token))
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                groups = [c for c in child.children if c.dep_ == "pobj" and c.pos_ != "PRON"]
                if groups:
                    return self.resolve(groups[0])
        return None

    def _named(self, token: Token, phrase: list[Token]) -> str | None:
        """A person or organisation the phrase names (a person wins over their employer; the
        name in apposition wins over the person a role belongs to: "Mr. Ito's lawyer, Ana
        Ruiz" is Ana Ruiz, "Mr. Ito's lawyer" is not Mr. Ito)."""
        for child in token.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                ent = _entity(child)
                if ent is not None and self._name_words(ent):
                    return self._canonical(self._name_words(ent), ent.root.i)
            if child.dep_ == "appos" and child.pos_ == "PROPN" and token.pos_ == "NOUN":
                words = [t.text for t in child.subtree if t.pos_ == "PROPN"]
                if speaks(token.lemma_) and words:
                    return self._canonical(words, child.i)  # "his lawyer, Ana Ruiz," mistagged
        owned = _owners_subtree(token) if token.pos_ == "NOUN" else set()
        for tok in [token, *phrase]:
            if tok.ent_type_ == "PERSON" and tok.i not in owned:
                ent = _entity(tok)
                if ent is not None:
                    words = self._name_words(ent)
                    if words:
                        return self._canonical(words, ent.root.i)
        capitalised = token.pos_ == "PROPN" or token.text[:1].isupper()
        if capitalised and fold(token.text) in self._full and not _compounds(token):
            return self._canonical([token.text], token.i)  # a surname the tagger called an ORG
        if token.ent_type_ in ORGS:
            ent = _entity(token)
            if ent is not None and ent[0].lower_ in self._titles:
                words = self._name_words(ent)  # "Chef Paolo Ricci" tagged as an organisation
                return self._canonical(words, ent.root.i) if words else None
            if ent is not None:
                return _org_name(ent)
        return None

    def _author(self, token: Token, phrase: list[Token]) -> str | None:
        """Who a document speaks for: its owner ("the bank's report", "a Gallup poll", "the
        statement from his lawyer, Ana Ruiz", "figures released by the ministry"), else the
        author of the same kind of document named earlier ("the statement said"), else the
        document itself as written ("new study"). A text that may be the article itself
        ("the article", "this column": models/own_text_nouns.txt) never speaks on its own."""
        lemma = token.lemma_.lower()
        for owner in _owners(token):
            resolved = self.resolve(owner)
            if resolved is not None:
                self._authors.setdefault(lemma, []).append((token.i, resolved[0]))
                return resolved[0]
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in phrase)
        earlier = [name for at, name in self._authors.get(lemma, []) if at < token.i]
        if definite and earlier:
            return earlier[-1]
        if lemma in lexicon.words("own_text_nouns") or _owned_by_pronoun(token):
            return None
        name = _document_name(token)
        self._documents.add(name)
        return name

    def _nominal(self, token: Token, phrase: list[Token], mention: str) -> tuple[str, str] | None:
        lemma = token.lemma_.lower()
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in phrase)
        if lemma in lexicon.words("media_nouns") and definite:
            name = self._recent_speaker(token.i, person=False, reach=REACH)
            return (name, mention) if name else None
        pronoun_owner = {t.i for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"
                         for t in c.subtree}  # fmt: skip
        kept = [
            t
            for t in phrase
            if t.i == token.i
            or (t.dep_ != "det" and t.i not in pronoun_owner and not _own_case(t, token))
        ]
        kept = [t for t in kept if not (t.dep_ == "nummod" and t.lower_ == "one")]
        if any(lemma in lexicon.words(name) for name in ("person_nouns", "person_titles")):
            kept += [  # "a spokesman for the ministry": whose spokesman, not any spokesman
                t
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "for" and c.i > token.i
                for t in c.subtree
            ]
        bare = _text(sorted(kept, key=lambda t: t.i))  # "Mr. Ito's lawyer"; not "his lawyer"
        if definite and lemma in self._nominals:
            return self._nominals[lemma], mention
        if definite:
            modifiers = frozenset(
                t.lower_ for t in phrase if t.pos_ in ("ADJ", "PROPN", "NOUN") and t.i != token.i
            )
            titled = self._titled_person(lemma, modifiers, token.i)
            if titled:
                return titled, mention
            if lemma in lexicon.words("person_nouns") and not modifiers:
                name = self._recent_person(token.i)
                if name:
                    return name, mention
        if not bare or bare.lower() in EMPTY or not speaks(lemma):
            return None
        self._nominals.setdefault(lemma, bare)
        self._bare.add(bare)
        return bare, mention

    def _titled_person(self, title: str, modifiers: frozenset[str], at: int) -> str | None:
        candidates = self._titled.get(title, [])
        if not candidates:
            return None
        earlier = [c for c in candidates if c[0] < at] or candidates
        best = max(earlier, key=lambda c: (len(modifiers & c[2]), c[0]))
        if modifiers and not modifiers & best[2] and len({c[1] for c in candidates}) > 1:
            return None
        return best[1]

    def _named_after(self, token: Token) -> frozenset[str]:
        """The persons named in what the token's verb says or does: 'he' in 'He said Obama
        hopes ...' is not Obama ('Though she spoke, Clinton ...' and '..., but Kevin ...' are
        other clauses and may be)."""
        names = set()
        for child in token.head.children:
            if child.i < token.i or child.dep_ in ("conj", "cc", "advcl", "parataxis", "punct"):
                continue
            i = bisect.bisect_left(self._people_at, child.left_edge.i)
            while i < len(self._people) and self._people[i].at <= child.right_edge.i:
                names.add(self._people[i].name)
                i += 1
        return frozenset(names)

    def _recent_person(
        self, at: int, gender: str | None = None, not_in: frozenset[str] = frozenset()
    ) -> str | None:
        """The most recent person who spoke or was a subject, of the pronoun's gender when
        theirs is known ("she" never goes to a man named just before), and none of `not_in`."""
        best: tuple[int, str] | None = None
        i = bisect.bisect_left(self._subject_at, at) - 1
        while i >= 0 and at - self._subjects[i].at <= REACH:
            name = self._subjects[i].name
            if self._fits(name, gender) and name not in not_in:
                best = (self._subjects[i].at, name)
                break
            i -= 1
        for pos, name, person in reversed(self._spoken):
            if pos < at and person and self._fits(name, gender) and name not in not_in:
                if (best is None or pos > best[0]) and at - pos <= REACH:
                    best = (pos, name)
                break
        return best[1] if best else None

    def _fits(self, name: str, gender: str | None) -> bool:
        known = self._gender.get(name)
        return gender is None or known is None or known == gender

    def _recent_organisation(self, at: int, *, reach: int) -> str | None:
        """The organisation that was the subject just before, with no person between."""
        earlier = [o for o in self._organisations if o.at < at and at - o.at <= reach]
        if not earlier:
            return None
        last = earlier[-1]
        i = bisect.bisect_left(self._subject_at, at) - 1
        if i >= 0 and self._subjects[i].at > last.at:
            return None
        return last.name

    def _recent_group(self, at: int, *, reach: int) -> str | None:
        """'they': the plural noun that was the subject just before ("Critics of the plan
        ... they wrote"), when it can speak."""
        i = bisect.bisect_left(self._plurals, at) - 1
        if i < 0 or at - self._plurals[i] > reach:
            return None
        resolved = self._resolve(self.doc[self._plurals[i]])
        return resolved[0] if resolved else None

    def _recent_speaker(self, at: int, *, person: bool, reach: int) -> str | None:
        for pos, name, is_person in reversed(self._spoken):
            if pos < at and at - pos <= reach:
                return name if is_person == person else None
        return None


# ------------------------------------------------------------------ helpers

AGENT_ENDINGS = ("er", "or", "ist", "ian", "eer", "man", "woman", "men", "women")


def speaks(lemma: str) -> bool:
    """A common noun that can head a speaker left as written: a person, a role, a group or an
    organisation ("residents", "the regulator", "police"), not a thing ("the list")."""
    lemma = lemma.lower()
    if lemma in lexicon.words("non_person_nouns") or lemma in lexicon.words("animal_nouns"):
        return False
    known = ("group_nouns", "person_nouns", "person_titles", "titles", "media_nouns")
    if any(lemma in lexicon.words(name) for name in known):
        return True
    return lemma.endswith(AGENT_ENDINGS)


def _own_case(tok: Token, head: Token) -> bool:
    """The "'s" that makes the phrase itself a possessor ("the bank's" in "the bank's report")."""
    return tok.dep_ == "case" and tok.head.i == head.i


def _owners(token: Token) -> list[Token]:
    """The tokens naming who a document belongs to: "X's", "X" in "the X report", "from X",
    "by X", "of X", "released by X", the subject of "X issued a statement"."""
    owners = [c for c in token.children if c.dep_ in ("poss", "compound")]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            owners += [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ == "acl":
            for prep in child.children:
                if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ == "by"):
                    owners += [c for c in prep.children if c.dep_ == "pobj"]
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":  # "the council issued a statement"
        owners += [c for c in token.head.children if c.dep_ == "nsubj"]
    return owners


def _part_of_group(token: Token) -> bool:
    """'one', 'a number', '52 percent': a part of a group (models/part_nouns.txt)."""
    words = lexicon.words("part_nouns")
    return token.lower_ in words or token.lemma_.lower() in words


def _owned_by_pronoun(token: Token) -> bool:
    """'his report', 'their study': a document whose owner the article left unresolved."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def _document_name(token: Token) -> str:
    """A document as its sentence writes it, without article or trailing phrase: 'a new
    study' -> 'new study', 'the polls' -> 'polls'. It ends in its document noun (or that
    noun and an s), which keeps it apart from people where claims are compared."""
    modifiers = [
        t.text
        for t in token.children
        if t.i < token.i and t.dep_ in ("amod", "compound", "nmod") and t.pos_ != "PRON"
    ]
    nouns = lexicon.words("source_nouns")
    noun = token.lower_ if token.lower_.removesuffix("s") in nouns else token.lemma_.lower()
    return " ".join([*modifiers, noun])


def _owners_subtree(token: Token) -> set[int]:
    """Token indices of a noun's possessor and 'of' complement: whose role it is."""
    out: set[int] = set()
    for child in token.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("of", "for")):
            out |= {t.i for t in child.subtree}
    return out


def _not_a_name(token: Token) -> bool:
    """A capitalised word the tagger called a proper noun that names a time or a number."""
    return token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL")


def _names_a_thing(speaker: str) -> bool:
    """A one-word speaker that is a thing or a document ("Photo", "Update"), however the
    tagger read it. Animal words stay out: "Fox" and "Wolf" name outlets and people."""
    if " " in speaker.strip():
        return False
    low = fold(speaker.strip())
    forms = {low, low.removesuffix("s")}
    things = ("non_person_nouns", "source_nouns")
    return any(forms & lexicon.words(name) for name in things)


def _reported(token: Token) -> bool:
    """The token's clause is what a reporting verb reports ("said [Kai was sold]")."""
    clause = token.head
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lexicon.words("reporting_verbs")


def _describes(tok: Token) -> bool:
    """An adjective or participle written before a name ("Grieving", "Depressed")."""
    return tok.tag_ in ("JJ", "VBG", "VBN") or tok.pos_ == "ADJ"


def _inside(offset: int, quotes: Sequence[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(quotes, (offset, 1 << 62)) - 1
    return i >= 0 and quotes[i][0] < offset < quotes[i][1]


def _gender_of(ent: Span, words: list[str], titles: list[tuple[str, frozenset[str]]]) -> str | None:
    """'male', 'female' or None: from an honorific before the name, a gendered title
    ("spokeswoman", "his wife"), or a common given name (models/gendered_words.json)."""
    table = lexicon.table("gendered_words")
    doc = ent.doc
    before = [t.lower_ for t in doc[max(ent.start - 2, 0) : ent.start + 1]]
    found = set()
    for gender in ("male", "female"):
        words_of = table[gender]
        if any(w in words_of["honorifics"] for w in before):
            found.add(gender)
        if any(title in words_of["nouns"] for title, _ in titles):
            found.add(gender)
        if fold(words[0]) in words_of["names"]:
            found.add(gender)
    return found.pop() if len(found) == 1 else None


def _names_animal(ent: Span) -> bool:
    """'Max the terrier', 'her dog, Rex', 'a beagle named Luna': the name is an animal's.

    Read from the words around the name, not only the parse: the small parser often makes
    "the terrier" a second subject rather than an apposition."""
    animals = lexicon.words("animal_nouns")
    doc = ent.doc
    after = [t for t in doc[ent.end : ent.end + 3] if t.text != ","]
    if after and after[0].lower_ in ("the", "a", "an", "his", "her", "their", "our", "my"):
        after = after[1:]
    if after and after[0].lower_ in animals:
        return True
    before = [t for t in doc[max(ent.start - 3, 0) : ent.start] if t.text != ","]
    if before and before[-1].lemma_.lower() in ("name", "call"):
        before = before[:-1]
    return bool(before) and before[-1].lemma_.lower() in animals


def _phrase(token: Token) -> list[Token]:
    """The speaker phrase: the head and its modifiers, without clauses, appositions or lists."""
    out: list[Token] = []

    def walk(tok: Token) -> None:
        out.append(tok)
        for child in tok.children:
            if child.dep_ not in PHRASE_STOP or (child.dep_ == "prep" and child.lower_ == "of"):
                walk(child)

    walk(token)
    out.sort(key=lambda t: t.i)
    return out


def _compounds(token: Token) -> bool:
    return any(c.dep_ == "compound" for c in token.children)


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _entity(token: Token) -> Span | None:
    """The entity span holding the token, found from its IOB tags (no pass over all entities)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _org_name(ent: Span) -> str | None:
    words = [t.text for t in ent]
    if words and words[0].lower() == "the":
        words.pop(0)
    while words and words[-1] in ("'s", "’s"):
        words.pop()
    return " ".join(words) or None


def _titles_of(ent: Span) -> list[tuple[str, frozenset[str]]]:
    """Titles given a person: 'Kremlin spokesman X', 'the commissioner ..., X', 'X, the envoy'."""
    root = ent.root
    titles: list[tuple[str, frozenset[str]]] = []
    before = [
        t for t in root.doc[root.left_edge.i : ent.start] if t.pos_ in ("NOUN", "PROPN", "ADJ")
    ]
    if before:
        titles.append((before[-1].lemma_.lower(), frozenset(t.lower_ for t in before[:-1])))
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head
        mods = frozenset(t.lower_ for t in _phrase(head) if t.i != head.i and t.pos_ in TITLE_POS)
        titles.append((head.lemma_.lower(), mods))
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            mods = frozenset(
                t.lower_ for t in _phrase(child) if t.i != child.i and t.pos_ in TITLE_POS
            )
            titles.append((child.lemma_.lower(), mods))
    return titles
