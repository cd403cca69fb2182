"""Claims -> what each claim is about: computed once after extraction, read by pairing and judges.

A claim is about a measure or an event (what is counted or what happened: 'manager', 'meet'),
its participants and places (canonical entities), the time it refers to (resolved dates and the
time references of its figures), who says it (speaker) and its content words (lemma stems). Two
claims of different articles state the same fact when these agree, whatever their wording:
pairing (`pairs.py`) blocks on them and the judges (`judge/`) read them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from claimcheck import lexicon
from claimcheck.extract.names import first_names_match
from claimcheck.link.align import fold, tokens
from claimcheck.schema import Claim, Event, Quantity

# Counted nouns that say only 'a number of': they leave the measure to the sentence.
GENERIC_COUNTS = frozenset({"amount", "figure", "number", "total", "sum", "level", "share", "one"})
CURRENCIES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "CHF"})
# Entity labels that name a participant or a place of what a claim reports.
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NUMBER_OF = re.compile(r"\b(?:number|total|tally|count)s? of (?:the )?([a-z]{3,})")
# Full names this alike (rapidfuzz ratio) are one name transliterated two ways.
SPELLED_ALIKE = 85
_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+)?(?P<noun>[a-z]{3,})\b")
_CUT = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:cut|reduction|decrease|drop|decline)s?\s+(?:in|of|to)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+)?(?P<noun>[a-z]{3,})\b"
)
_SUFFIXES = ("ings", "ing", "ed", "es", "s", "e")


@dataclass(frozen=True, slots=True)
class About:
    """What one claim is about."""

    claim: Claim
    stems: frozenset[str]  # content lemmas, stemmed: 'sentencing' and 'sentence' -> 'sentenc'
    participants: frozenset[str]  # canonical entity names
    places: frozenset[str]
    predicates: frozenset[str]  # stems of the claim's verbs
    measures: tuple[tuple[Quantity, str], ...]  # each comparable figure and what it measures
    speaker: str | None
    holders: frozenset[str] = frozenset()  # 'x:lee' when a name is tied to Lee by an office
    events: frozenset[str] = frozenset()  # named events its verbs state: 'held the seat' -> serve

    @property
    def doc_id(self) -> str:
        return self.claim.doc_id

    def features(self) -> frozenset[str]:
        """What pairing weighs: content stems, participants, measures and each measure of each
        participant ('USD of medicare': rarer than either alone); never numbers."""
        measures = {m for _, m in self.measures}
        return (
            self.stems
            | {f"e:{p}" for p in self.participants}
            | {f"m:{m}" for m in measures}
            | {f"m:{m}|{p}" for m in measures for p in self.participants}
            | self.holders
        )


def about(claim: Claim) -> About:
    stop = _stop_stems()
    frame = claim.frame
    stems = frozenset(s for s in (stem(w) for w in frame.lemmas.split()) if s not in stop)
    participants = frozenset(
        fold(e.canonical) for e in claim.entities if e.label in PARTICIPANT_LABELS
    )
    places = frozenset(fold(e.canonical) for e in claim.entities if e.label in PLACE_LABELS)
    predicates = frozenset(s for s in (stem(e.predicate) for e in frame.events) if s not in stop)
    measures = tuple(
        (q, found) for q in claim.quantities if (found := measure(claim, q)) is not None
    )
    speaker = fold(claim.speaker) if claim.speaker else None
    holders = frozenset(
        f"x:{fold(x.head)}" for x in frame.anchors if x.relation in ("office", "appos")
    )
    events = frozenset(name for e in frame.events if (name := event_name(e)) is not None)
    return About(claim, stems, participants, places, predicates, measures, speaker, holders, events)


def event_name(event: Event) -> str | None:
    """The event a predicate states, when models/compare.json lists it among `same_events`:
    'quit' and 'resign' -> leave; 'held the seat' -> serve, but 'held a rally' -> None."""
    wordings = _event_wordings()
    verb = stem(event.predicate)
    if event.object and (found := wordings.get((verb, stem(event.object)))):
        return found
    return wordings.get((verb, None))


@functools.cache
def _event_wordings() -> dict[tuple[str, str | None], str]:
    """(verb stem, object stem or None) -> the name of the event that wording states."""
    table: dict[str, list[str]] = lexicon.table("compare")["same_events"]
    wordings: dict[tuple[str, str | None], str] = {}
    for name, phrases in table.items():
        for phrase in phrases:
            verb, _, obj = phrase.partition(" ")
            wordings[(stem(verb), stem(obj) if obj else None)] = name
    return wordings


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem, enough to meet a noun and its verb: 'filing', 'filed' -> 'fil'."""
    word = fold(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=1 << 16)
def same_person(a: str | None, b: str | None) -> bool:
    """Two names that plausibly denote one person: the same surname, and first names that can be
    one ('Vladimir' / 'Volodymyr', 'J.' / 'John'), or a surname on its own; a name on its own
    that the other holds; two transliterations of one full name."""
    if not a or not b:
        return False
    fa, fb = _after_title(fold(a).split()), _after_title(fold(b).split())
    if not fa or not fb:
        return False
    short, long = sorted((fa, fb), key=len)
    if long[-len(short) :] == short:
        return True  # 'Depressed Tan Shen' / 'Tan Shen'
    if fa[-1] != fb[-1]:
        # 'Tan' / 'Tan Shen'; 'Mohammad Saleh Al Minjed' / 'Mohammed Saleh al Munajjid'
        return (len(short) == 1 and short[0] in long) or (
            len(fa) > 1 and len(fb) > 1 and fuzz.ratio(" ".join(fa), " ".join(fb)) >= SPELLED_ALIKE
        )
    return len(fa) == 1 or len(fb) == 1 or first_names_match(fa[0], fb[0])


def _after_title(words: list[str]) -> list[str]:
    """The name after its last honorific: 'bewildered ms yen' -> ['yen']."""
    for i in range(len(words) - 1, -1, -1):
        if title_word(words[i]):
            return words[i + 1 :] or words
    return words


def title_word(word: str) -> bool:
    """A folded word that is an honorific or rank, with or without its dot ('ms', 'sgt.')."""
    titles = lexicon.words("person_titles")
    return word in titles or f"{word}." in titles


def measure(claim: Claim, quantity: Quantity) -> str | None:
    """What a figure measures: 'percent of shell', 'USD', or the counted noun (synonyms folded)."""
    unit = (quantity.unit or "").lower()
    if unit == "percent":
        counted = synonym(quantity.counted)
        if counted is None or counted in GENERIC_COUNTS:
            counted = _share_of(claim, quantity) or _context_count(claim, quantity)
        return f"percent of {counted}" if counted else None
    if unit and unit.upper() in CURRENCIES:
        rate = time_key(quantity.time_ref) if is_rate(quantity) else None
        return f"{unit.upper()}/{rate}" if rate else unit.upper()
    counted = synonym(quantity.counted or unit or None)
    if counted is None or counted in GENERIC_COUNTS:
        return _measure_word(claim)  # 'the total number of shells ... to some 900,000'
    return counted


def time_key(time_ref: str | None) -> str | None:
    """'by the end of March' and 'by March' are one time; 'already' and 'so far' are now."""
    if not time_ref:
        return None
    text = fold(time_ref)
    if re.search(r"\b(already|so far|to date|until now|thus far|now)\b", text):
        return "now"
    rate = re.search(r"\b(?:per|each|every)\s+(day|week|month|year|quarter)\b", text)
    if rate:
        return f"rate:{rate.group(1)}"
    words = [w for w in re.findall(r"[a-z0-9]+", text) if w not in {"the", "end", "of", "close"}]
    return " ".join(words) or None


def is_rate(quantity: Quantity) -> bool:
    return (time_key(quantity.time_ref) or "").startswith("rate:")


def synonym(word: str | None) -> str | None:
    """The measure a counted noun names: its head ('store managers' -> manager), singular,
    through the synonym table; 'age of lee' keeps whose age it is."""
    if not word:
        return None
    folded = fold(word)
    if " of " not in folded:
        folded = folded.split()[-1] if folded.split() else folded
    folded = singular(folded)
    return synonyms().get(folded, folded)


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@cache
def synonyms() -> dict[str, str]:
    table: dict[str, str] = lexicon.table("compare")["measure_synonyms"]
    return table


def cut_share(claim: Claim, quantity: Quantity) -> bool:
    """'a 23 percent cut in benefits': the share is what is taken away, so 77 percent remain."""
    unit = (quantity.unit or "").lower()
    return unit == "percent" and bool(_CUT.match(_after(claim, quantity)))


def _share_of(claim: Claim, quantity: Quantity) -> str | None:
    """What a share is a share of, written after it: '67 percent of promised benefits', 'a 23
    percent cut in benefits' (benefit)."""
    after = _after(claim, quantity)
    found = _CUT.match(after) or _OF.match(after)
    return synonym(found.group("noun")) if found else None


def _after(claim: Claim, quantity: Quantity) -> str:
    return fold(claim.text[quantity.end - claim.start :])


def _context_count(claim: Claim, quantity: Quantity) -> str | None:
    """What a bare share counts: the counted noun of another figure of the sentence, else a known
    measure word in the sentence."""
    for other in claim.quantities:
        if other is not quantity and (other.unit or "").lower() != "percent":
            counted = synonym(other.counted)
            if counted and counted not in GENERIC_COUNTS:
                return counted
    return _measure_word(claim)


def _measure_word(claim: Claim) -> str | None:
    """What 'the number of X' counts, else the first word the measure table knows."""
    table = synonyms()
    named = _NUMBER_OF.search(fold(claim.text))
    if named:
        word = singular(named.group(1))
        return table.get(word, word)
    for token in tokens(claim):
        word = singular(token.norm)
        if word in table:
            return table[word]
    return None


@cache
def _stop_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in lexicon.words("frame_stop_words"))
