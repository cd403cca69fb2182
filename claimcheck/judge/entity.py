"""`entity`: the same role filled by different entities in two versions of one statement."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from claimcheck import lexicon
from claimcheck.extract.entities import canonical
from claimcheck.extract.names import expanded, one_name
from claimcheck.judge.base import (
    Candidate,
    Context,
    common_levels,
    finding,
    near_copy_score,
    offices,
    source,
)
from claimcheck.judge.evidence import Evidence
from claimcheck.link.about import PLACE_LABELS, same_person, title_word
from claimcheck.link.align import Diff, Token, fold, function_words, tokens
from claimcheck.link.pairs import Match
from claimcheck.schema import Anchor, Claim, Contradiction, Entity

# Labels whose swap changes who or where; numbers and dates have comparators of their own.
# The small model often labels one name two ways ('Plains Herald' ORG here, PERSON there), so
# any two of these in the same slot are compared. NAME: a capitalised run the model missed.
ROLE_LABELS = frozenset(
    {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT", "NAME"}
)
LOCATIVE = frozenset({"in", "at", "from"})
# Prepositions that tie a name to what belongs to it.
AFFILIATIONS = frozenset({"in", "of", "from", "at", "for", "with"})


def compare(
    a: Claim, b: Claim, diffs: tuple[Diff, ...], similarity: float
) -> Iterator[Contradiction]:
    if (a.speaker or b.speaker) and not same_person(a.speaker, b.speaker):
        return  # different speakers: a formula ('X did not respond'), or an attribution question
    for diff in diffs:
        if not diff.a or not diff.b:
            continue
        for ea in _names(a, diff.a):
            for eb in _names(b, diff.b):
                if _is_subject(a, ea) or _is_subject(b, eb):
                    continue  # 'The X campaign did not respond': both can be true
                if _mentions(b, fold(ea.canonical)) or _mentions(a, fold(eb.canonical)):
                    continue  # each claim names both: two parts of one story, not a swap
                if not same_entity(ea, eb):
                    yield finding(
                        "entity",
                        [(a, ea.text), (b, eb.text)],
                        f"{source(a)} names {ea.text} where {source(b)} names {eb.text} "
                        "in the same statement.",
                        near_copy_score("entity", similarity),
                    )


def same_entity(a: Entity, b: Entity) -> bool:
    """Alias-aware: one name written two ways (names.one_name), or names of one person (see
    same_person)."""
    if one_name(fold(a.canonical), fold(b.canonical)) or one_name(fold(a.text), fold(b.text)):
        return True  # as resolved or as written: 'Raite' is 'Rait', named in full by coreference
    return a.label == "PERSON" and same_person(a.canonical, b.canonical)


def _is_subject(claim: Claim, entity: Entity) -> bool:
    """An entity among the first words is what the sentence is about, not a role in its event:
    two sentences about different subjects can both hold."""
    before = claim.text[: entity.start - claim.start].split()
    return len(before) < lexicon.count("entity.subject_words")


def _names(claim: Claim, words: tuple[Token, ...]) -> list[Entity]:
    """The named entities a changed stretch is made of; else its capitalised run, as a NAME."""
    start, end = words[0].start, words[-1].end
    touching = [
        e
        for e in claim.entities
        if e.label in ROLE_LABELS and e.start < end and start < e.end and not _title(e.text)
    ]
    if touching:
        # beside the names, a changed stretch may hold only dates and figures ('Inter last
        # Friday' / 'Internationale on March 1'); other words make it a rewrite or a sentence
        # cut short ('Moammar)' / 'Muammar) al-Qaddafi is going to beat the United States')
        slots = [(e.start, e.end) for e in touching]
        slots += [(d.start, d.end) for d in claim.dates]
        slots += [(q.start, q.end) for q in claim.quantities]
        inside = [w for w in words if any(s <= w.start and w.end <= e for s, e in slots)]
        return touching if len(inside) == len(words) else []
    run = [w for w in words if claim.text[w.start - claim.start].isupper()]
    if not run or len(run) != len(words) or run[0].start == claim.start or _headline(claim):
        return []  # lower-case words, the capital that opens the sentence, or a headline's
    if _title(claim.text[run[0].start - claim.start : run[-1].end - claim.start]):
        return []  # 'Mr.' / 'Luke': a title alone names no one
    text = claim.text[run[0].start - claim.start : run[-1].end - claim.start]
    return [Entity(text=text, label="NAME", canonical=canonical(text), start=start, end=end)]


def _title(text: str) -> bool:
    """Words that are all honorifics or ranks ('Mr.', 'Sgt.'): no name."""
    return all(title_word(w) for w in fold(text).split())


def _headline(claim: Claim) -> bool:
    """Every content word capitalised ('Biologists Call on Obama to Overturn Bush Rules'):
    capitals there mark no names."""
    content = [w for w in claim.text.split() if w.isalpha() and fold(w) not in function_words()]
    return bool(content) and all(w[0].isupper() for w in content)


def candidates(match: Match, ctx: Context) -> Iterator[Candidate]:
    """The same noun tied to names of one kind (a place, an organisation) in two claims of
    different articles: 'the attorney in Brooklyn' / 'the attorney in Manhattan', 'Capt. Lee of
    the county police' / 'Capt. Lee of the highway patrol', 'Ohio Rep. Lee' / 'Lee, a
    congressman from Iowa'. A claim that names both names tells two parts of one story and
    is never a candidate; whether the noun is a person both claims name is a level."""
    a, b = match.a.claim, match.b.claim
    if a.doc_id == b.doc_id or not (a.frame.anchors and b.frame.anchors):
        return  # most claims tie no name to a noun
    people = _surnames(a) & _surnames(b)
    labels_a = {fold(e.canonical): e.label for e in a.entities}
    labels_b = {fold(e.canonical): e.label for e in b.entities}
    places_a = frozenset(e.canonical for e in a.entities if e.label in PLACE_LABELS)
    places_b = frozenset(e.canonical for e in b.entities if e.label in PLACE_LABELS)
    for xa in (x for x in a.frame.anchors if _affiliation(x, places_a)):
        for xb in (x for x in b.frame.anchors if _affiliation(x, places_b)):
            if _head(xa) != _head(xb) or not _same_relation(xa, xb):
                continue
            ea, eb = fold(xa.entity), fold(xb.entity)
            kind_a = _kind(labels_a.get(ea), xa.relation)
            kind_b = _kind(labels_b.get(eb), xb.relation)
            if kind_a is None or kind_a != kind_b:
                continue
            same = _one_name(ea, eb)
            if not same and (_mentions(b, ea) or _mentions(a, eb)):
                continue  # each claim names both: two parts of one story, not a swap
            head = _head(xa)
            levels = (
                ("name", kind_a),
                (
                    "head",
                    "person"
                    if head in people
                    else "office"
                    if head in offices().values()
                    else "noun",
                ),
                ("relation", "same" if xa.relation == xb.relation else "equivalent"),
                *common_levels(match),
            )
            yield Candidate(
                Evidence("entity", levels),
                same,
                ((a, xa.entity), (b, xb.entity)),
                f"{source(a)} ties the {xa.head} to {xa.entity} where {source(b)} ties it to "
                f"{xb.entity}.",
                (xa, xb),
            )


def _mentions(claim: Claim, name: str) -> bool:
    """The claim names `name` too, in any words ('Eastern China' in 'China's eastern province';
    'Ayr station in Scotland' names Ayr)."""
    words = {t.norm.removesuffix("'s") for t in tokens(claim)}  # "China’s" names China
    return all(w in words for w in expanded(name).split())


def _surnames(claim: Claim) -> set[str]:
    return {fold(e.canonical).split()[-1] for e in claim.entities if e.label == "PERSON"}


def _affiliation(anchor: Anchor, places: frozenset[str]) -> bool:
    """A name that says where someone or something belongs: 'the attorney in Brooklyn', 'Lee
    of the county police', 'Ohio Rep. Lee'. A name in front of a common noun ('iPad users',
    'the royal kitchens') only qualifies it."""
    if anchor.relation in ("compound", "appos"):
        return _head(anchor) in offices().values() or anchor.entity in places
    return anchor.relation in AFFILIATIONS or anchor.relation == "office"


def _head(anchor: Anchor) -> str:
    head = fold(anchor.head)
    return offices().get(head, head)


def _same_relation(a: Anchor, b: Anchor) -> bool:
    """'Ohio Rep. X' and 'Rep. X from Ohio', 'Acme CEO X' and 'X of Acme', 'the Norwalk event'
    and 'the event in Norwalk' say the same of X; 'for' and 'with' say more."""
    ties = {"compound", "from", "of", "in", "at", "appos", "office"}
    return a.relation == b.relation or {a.relation, b.relation} <= ties


def _kind(label: str | None, relation: str) -> str | None:
    """Place or organisation; after 'in', 'at' or 'from' a name is a place whatever label the
    small model gave it ('the attorney in Queens' tagged ORG)."""
    if label in PLACE_LABELS or (label == "ORG" and relation in LOCATIVE):
        return "place"
    return "org" if label == "ORG" else None


def _one_name(a: str, b: str) -> bool:
    alike = lexicon.limit("entity.same_name")
    return one_name(a, b) or fuzz.token_set_ratio(expanded(a), expanded(b)) >= alike
