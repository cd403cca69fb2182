"""A parsed stretch of text -> its Frame: the lemmas, predicates and anchored names it holds.

The frame is what comparison later needs of the parse, read once here so that no later step
holds a spaCy Doc: the content lemmas (what the claim talks about, whatever the wording), each
predicate with its negation, subject and object ('the suit did not mention statistics' ->
mention, negated, suit, statistic), and which names hang on which noun ('the U.S. attorney in
Brooklyn' -> attorney / Brooklyn), so that two claims about one thing meet even when their
sentences are worded apart.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from spacy.tokens import Token

from claimcheck import lexicon
from claimcheck.schema import Anchor, DateRef, Entity, Event, Frame, Quantity

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
# Dependencies that name a predicate's subject and its object or complement.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "attr", "oprd", "acomp", "xcomp", "ccomp", "dative"})
# The complement of a linking verb ('became exhausted', 'was the winner').
COMPLEMENTS = frozenset({"acomp", "attr", "oprd"})
# Words that negate the predicate they modify ('never', 'no longer' as well as 'not').
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing"})
# Clausal complements: a neg-raising verb's negation belongs to its complement.
CLAUSES = frozenset({"ccomp", "xcomp"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})


def frame(
    tokens: Iterable[Token],
    entities: Iterable[Entity],
    quantities: Iterable[Quantity] = (),
    dates: Iterable[DateRef] = (),
) -> Frame:
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
        figures=tuple(_ties(span, quantities)),
        dated=tuple(_ties(span, dates)),
    )


def _ties(span: list[Token], items: Iterable[Quantity | DateRef]) -> Iterable[tuple[int, str]]:
    """What each figure is a figure of, or each date the date of: the noun it counts or that
    takes it ('income of $9 million', 'the sentencing for June 28'), the nouns of the
    prepositions on either ('$2 million in taxes', '42 members of the caucus') and the verb
    that governs it ('paid', 'met ... on Sunday')."""
    stop = _stop_words()
    for item in items:
        inside = [t for t in span if item.start <= t.idx < item.end]
        root = next((t for t in inside if t.head not in inside or t.head is t), None)
        if root is None:
            continue
        nouns = [root]
        listed = root.dep_ == "conj"  # '$40 watch and $9 worth of toys': not the watch's
        if root.head.pos_ in ("NOUN", "PROPN") and root.dep_ not in ("pobj", "conj"):
            nouns.append(root.head)  # '42 members', '$43,000 watch'
        on_noun = False
        attached = None
        if root.dep_ == "prep":  # the item's span holds its preposition: 'in June'
            attached = root.head
        elif root.dep_ == "pobj" and root.head.dep_ == "prep":
            attached = root.head.head  # 'income of $9 million', 'spent on'
        if attached is not None:
            nouns.append(attached)
            on_noun = attached.pos_ in ("NOUN", "PROPN")
        # a noun that takes the item says what it is of: 'hold the seat until an election in
        # June' dates the election, not the holding
        governed = not (listed or on_noun)
        verb = next((a for a in root.ancestors if a.pos_ == "VERB"), None) if governed else None
        words = {_lemma(n) for n in nouns[1:]}
        for head in (*nouns, *([verb] if verb is not None else [])):
            for prep in (c for c in head.children if c.dep_ == "prep"):
                words.update(_lemma(g) for g in prep.children if g.dep_ == "pobj")
            # a linking verb's complement says what happens: 'will become exhausted in 2036'
            # dates the exhaustion, as 'will be exhausted by 2041' does
            words.update(_lemma(c) for c in head.children if c.dep_ in COMPLEMENTS)
        kept = sorted(w for w in words if w.isalpha() and w not in stop)
        if verb is not None and _lemma(verb).isalpha() and _lemma(verb) not in stop:
            kept.append(f"v:{_lemma(verb)}")  # the governing verb, marked: a weaker tie
        yield item.start, " ".join(kept)


def _event(verb: Token, first: int, last: int) -> Event:
    inside = [c for c in verb.children if first <= c.i <= last]
    negated = _negated(verb, inside)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _assertion("negative_implicative"):
        negated = not negated  # 'failed to file', 'unable to stop': it did not happen
    if _raised(verb):
        negated = not negated  # 'I don't think it will pass' says it will not pass
    if negated and _raises(verb) and any(c.dep_ in CLAUSES for c in inside):
        negated = False  # ... and does not deny the thinking
    subject = next((_head(c) for c in inside if c.dep_ in SUBJECTS), None)
    obj_token = next((c for c in inside if c.dep_ in OBJECTS), None)
    obj = _head(obj_token) if obj_token is not None else None
    if obj_token is not None and _says_none(obj_token):
        negated = not negated  # "found no evidence"
    if obj is None:  # 'ran for office': the object of the first preposition
        for prep in (c for c in inside if c.dep_ in ("prep", "agent")):
            if prep.lower_ in _assertion("apart"):
                continue  # 'unlike the tenors, Marsh is not booked': set apart
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                obj = _head(pobj)
                if _says_none(pobj):
                    negated = not negated  # "thought of no reason"
                break
    return Event(
        predicate=_lemma(verb),
        negated=negated,
        subject=subject,
        object=obj,
        asserted=_asserted(verb, first, last),
    )


def _negated(verb: Token, children: list[Token]) -> bool:
    """A negation among the verb's own words; 'not only' ('not only rescued the crew but
    seized the boat') asserts the verb and more, so it negates nothing."""
    return any((c.dep_ == "neg" or c.lower_ in NEGATORS) and not _not_only(c) for c in children)


def _not_only(token: Token) -> bool:
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is not None and after.lower_ in _assertion("not_only")


def _raises(verb: Token) -> bool:
    """A neg-raising verb ('think', 'expect', 'seem'; Horn 1978): its negation is read in its
    complement, 'I don't think it was listening' as 'I think it was not listening'."""
    return _lemma(verb) in _assertion("neg_raising")


def _raised(verb: Token) -> bool:
    """The verb is the complement of a negated neg-raising verb."""
    head = verb.head
    if verb.dep_ not in CLAUSES or head.i == verb.i or not _raises(head):
        return False
    return _negated(head, list(head.children))


def _asserted(verb: Token, first: int, last: int) -> bool:
    """Whether the clause states the predicate as a fact, rather than as a condition ('if they
    don't pass the bill'), a question, or an infinitive that may never happen ('in talks to
    lead', 'to close the bridge would'). A verb and every verb above it inside the span must
    be free of all three; the infinitive of an implicative verb ('failed to file', 'managed to
    escape') tells whether it happened, and stays asserted."""
    node = verb
    while first <= node.i <= last:
        children = list(node.children)
        if any(c.dep_ == "mark" and c.lower_ in _assertion("conditional") for c in children):
            return False
        if any(c.dep_ == "punct" and c.text == "?" for c in children):
            return False
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in children)
        if infinitive and not (node.dep_ == "xcomp" and _implicative(node.head)):
            return False
        if node.head.i == node.i:  # the root (spaCy makes a new Token on each access)
            break
        node = node.head
    return True


def _implicative(head: Token) -> bool:
    lemma = head.lemma_.lower()
    return lemma in _assertion("implicative") or lemma in _assertion("negative_implicative")


@functools.cache
def _assertion(name: str) -> frozenset[str]:
    return frozenset(lexicon.table("assertion")[name])


def _says_none(token: Token) -> bool:
    return any(d.dep_ == "det" and d.lower_ == "no" for d in token.children)


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
        holder = head.head  # 'Ohio Rep. Lee', 'Lee, a congressman from Ohio': tied to Lee
        office = _lemma(head) in _offices() and head.dep_ in ("compound", "appos")
        if office and holder is not head and holder.pos_ == "PROPN":
            yield Anchor(head=_lemma(holder), relation="office", entity=entity.canonical)


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


@functools.cache
def _offices() -> frozenset[str]:
    return frozenset(lexicon.table("compare")["offices"])


def _stop_words() -> frozenset[str]:
    return lexicon.words("frame_stop_words")
