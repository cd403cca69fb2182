"""A parsed stretch of text -> its Frame: the lemmas, predicates and anchored names it holds.

The frame is what comparison later needs of the parse, read once here so that no later step
holds a spaCy Doc: the content lemmas (what the claim talks about, whatever the wording), each
predicate with its negation, subject and object ('the suit did not mention statistics' ->
mention, negated, suit, statistic), and which names hang on which noun ('the U.S. attorney in
Brooklyn' -> attorney / Brooklyn), so that two claims about one thing meet even when their
sentences are worded apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from claimcheck import lexicon
from claimcheck.schema import Anchor, Entity, Event, Frame

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
# Dependencies that name a predicate's subject and its object or complement.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "attr", "oprd", "acomp", "xcomp", "ccomp", "dative"})
# Words that negate the predicate they modify ('never', 'no longer' as well as 'not').
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})


def frame(tokens: Iterable[Token], entities: Iterable[Entity]) -> Frame:
    """The frame of `tokens` (a sentence, or the content of an attribution)."""
    span = list(tokens)
    if not span:
        return Frame()
    first, last = span[0].i, span[-1].i
    stop = _stop_words()
    lemmas = sorted(
        {
            _lemma(t)
            for t in span
            if t.pos_ in CONTENT_POS
            and t.is_alpha
            and len(t) > 1
            and not t.is_stop
            and _lemma(t) not in stop
        }
    )
    events = tuple(
        _event(t, first, last)
        for t in span
        if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ == "ROOT")
    )
    return Frame(
        lemmas=" ".join(lemmas),
        events=tuple(e for e in events if e.predicate not in stop),
        anchors=tuple(_anchors(span, entities)),
    )


def _event(verb: Token, first: int, last: int) -> Event:
    inside = [c for c in verb.children if first <= c.i <= last]
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in inside)
    subject = next((_head(c) for c in inside if c.dep_ in SUBJECTS), None)
    obj = next((_head(c) for c in inside if c.dep_ in OBJECTS), None)
    if obj is None:  # 'ran for office': the object of the first preposition
        for prep in (c for c in inside if c.dep_ in ("prep", "agent")):
            pobj = next((_head(g) for g in prep.children if g.dep_ == "pobj"), None)
            if pobj:
                obj = pobj
                break
    return Event(predicate=_lemma(verb), negated=negated, subject=subject, object=obj)


def _anchors(span: list[Token], entities: Iterable[Entity]) -> Iterable[Anchor]:
    """Names attached to a noun: 'attorney in Brooklyn', 'congressman from Ohio', 'Ohio Rep. X'."""
    by_start = {t.idx: t for t in span}
    for entity in entities:
        root = _root(entity, by_start)
        if root is None:
            continue
        head = root.head
        relation = root.dep_
        if relation == "pobj" and head.dep_ == "prep":
            relation, head = head.lower_, head.head
        elif relation not in ("compound", "appos", "poss"):
            continue
        if head is root or head.pos_ not in ("NOUN", "PROPN"):
            continue
        yield Anchor(head=_lemma(head), relation=relation, entity=entity.canonical)


def _root(entity: Entity, by_start: dict[int, Token]) -> Token | None:
    """The entity's syntactic root: its token whose head lies outside the entity."""
    tokens = [t for start, t in by_start.items() if entity.start <= start < entity.end]
    for token in tokens:
        if not (entity.start <= token.head.idx < entity.end) or token.head is token:
            return token
    return None


def _head(token: Token) -> str:
    return _lemma(token)


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower() if token.lemma_ else token.lower_
    return lemma if lemma != "-pron-" else token.lower_


def _stop_words() -> frozenset[str]:
    return lexicon.words("frame_stop_words")
