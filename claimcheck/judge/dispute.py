"""`dispute`: a speaker explicitly rejects another's claim ('false', 'denied', 'do not correspond
to reality'), within one article or across articles."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache

from claimcheck import lexicon
from claimcheck.judge.base import (
    cues,
    document_speaker,
    finding,
    hedged,
    named_person,
    negation_words,
)
from claimcheck.link.about import About, same_person, stem
from claimcheck.link.align import fold, function_words, tokens
from claimcheck.link.pairs import Match
from claimcheck.schema import Claim, Contradiction


def compare(claims: Sequence[Claim]) -> Iterator[Contradiction]:
    speakers = sorted({c.speaker for c in claims if c.speaker})
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc_id].append(claim)
    for doc_claims in by_doc.values():
        yield from _in_document(doc_claims, speakers)


def _in_document(claims: list[Claim], speakers: list[str]) -> Iterator[Contradiction]:
    disputes: dict[str, dict[int, tuple[Claim, str, str]]] = defaultdict(dict)
    targets: dict[str, Claim] = {}
    for claim in claims:
        phrase = _dispute_phrase(claim.text)
        if phrase is None:
            continue
        for target in _targets(claim, speakers):
            disputed = _disputed_claim(claims, claim, target)
            if disputed is not None:
                rejecter = claim.speaker or _rejecter(claim, target, speakers)
                disputes[disputed.id].setdefault(claim.start, (claim, phrase, rejecter))
                targets[disputed.id] = disputed
    for disputed_id, by_sentence in sorted(disputes.items()):
        disputed = targets[disputed_id]
        rejections = [(c, p) for c, p, _ in by_sentence.values()]
        rejecters = sorted({r for _, _, r in by_sentence.values()})
        phrases = sorted({p for _, p in rejections})
        yield finding(
            "dispute",
            [(disputed, "the claim")] + [(c, f"rejects it: '{p}'") for c, p in rejections],
            f"{_listed(rejecters)} {'rejects' if len(rejecters) == 1 else 'reject'} "
            f"{disputed.speaker}'s claim as "
            f"{' / '.join(repr(p) for p in phrases)} in {disputed.doc_id}.",
            _within_score(len(rejections)),
        )


def _within_score(rejections: int) -> float:
    """Surer the more sentences of the article reject the claim, up to a cap (models/limits.json);
    judge/confidence.py calibrates it."""
    score = lexicon.limit("dispute.within_base") + lexicon.limit("dispute.within_step") * rejections
    return min(score, lexicon.limit("dispute.within_cap"))


def _across_score(similarity: float) -> float:
    """A denial across articles: surer the more alike the two claims (models/limits.json)."""
    share = min(similarity * lexicon.limit("dispute.similarity_scale"), 1.0)
    return lexicon.limit("dispute.across_base") + lexicon.limit("dispute.across_slope") * share


def _listed(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _dispute_phrase(text: str) -> str | None:
    found = next(_said(fold(text), _dispute_pattern()), None)
    return found.group(1) if found else None


def _said(folded: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The phrases of `pattern` in the sentence that reject something: not one under a negation
    ('while not denying the report', 'did not immediately deny'), nor a word of falsehood said of
    a thing that is no claim and makes none ('fake posters', 'fake banknotes'; 'fake news', 'a
    hoax article' and 'a satirical website' stay), nor one in a question."""
    for found in pattern.finditer(folded):
        if _negated_before(folded, found.start()) or _of_a_thing(folded, found):
            continue
        if _asked(folded, found.end()):
            continue  # 'so, is it a fake?' asks; only a stated fact can deny
        yield found


def _asked(folded: str, end: int) -> bool:
    """The phrase stands in a question: its clause ends with '?' before any other stop."""
    stop = re.search(r"[.!?;]", folded[end:])
    return stop is not None and stop.group() == "?"


def _negated_before(folded: str, start: int) -> bool:
    before = [w.strip(",.;:'\"") for w in folded[:start].split()]
    while before and before[-1].endswith("ly"):  # 'did not immediately deny'
        before.pop()
    return bool(before) and (before[-1] in negation_words() or before[-1].endswith("n't"))


def _of_a_thing(folded: str, found: re.Match[str]) -> bool:
    """A one-word hoax cue before a noun phrase that names no claim: 'fake' in 'fake posters'
    names what the posters are, and calls no report false. The phrase runs to its first
    function word or punctuation, so 'a fake Harbor City Council account' ends in a claim's
    maker."""
    phrase = found.group(1)
    if " " in phrase or phrase not in _hoax_words() or not folded[found.end() :].startswith(" "):
        return False
    words = []
    for word in folded[found.end() :].split():
        bare = word.strip(",.;:'\"()")
        if not bare.isalpha() or bare in function_words():
            break
        words.append(bare)
        if bare != word:
            break
    return bool(words) and not _claim_words().intersection(words)


@cache
def _claim_words() -> frozenset[str]:
    """A claim, or what makes claims ('a website')."""
    return _claim_nouns() | frozenset(cues("claim_sources"))


def _names_its_fact(text: str) -> bool:
    """The denial says what it denies in a clause of its own: 'not true that ...'."""
    folded = fold(text)
    return any(folded[f.end() :].split()[:1] == ["that"] for f in _said(folded, _strong_pattern()))


@cache
def _hoax_words() -> frozenset[str]:
    return frozenset(cues("hoax_phrases"))


@cache
def _dispute_pattern() -> re.Pattern[str]:
    """All dispute phrases in one pattern, longest first so 'not true' wins over 'true'."""
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in cues("dispute_phrases")) + r")\b")


def _targets(claim: Claim, speakers: list[str]) -> list[str]:
    """Speakers the sentence rejects: named with a target marker ("X's statement", "cited by X",
    "accusing X"); a name alone may be the rejecter's own ('the Trump campaign')."""
    folded = fold(claim.text)
    named = [s for s in speakers if _surname_pattern(s).search(folded)]
    return [s for s in named if not same_person(s, claim.speaker) and _is_marked(folded, s)]


def _rejecter(claim: Claim, target: str, speakers: list[str]) -> str:
    """Who rejects, when the sentence has no reporting verb: another person it names."""
    folded = fold(claim.text)
    for name in speakers:
        if not same_person(name, target) and _surname_pattern(name).search(folded):
            return name
    return "the article"


def _is_marked(folded: str, speaker: str) -> bool:
    surname = fold(speaker).split()[-1]
    for marker in cues("target_markers"):
        if marker.startswith("'") and f"{surname}{marker}" in folded:
            return True
        if not marker.startswith("'") and re.search(rf"\b{re.escape(marker)} {surname}\b", folded):
            return True
    return False


@cache
def _surname_pattern(speaker: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(fold(speaker).split()[-1])}\b")


def _disputed_claim(claims: list[Claim], rejection: Claim, target: str) -> Claim | None:
    """The target's nearest claim in the article, preferring one that gives figures."""
    theirs = [c for c in claims if same_person(c.speaker, target) and c.start != rejection.start]
    if not theirs:
        return None
    with_figures = [c for c in theirs if c.quantities] or theirs
    return min(with_figures, key=lambda c: (abs(c.start - rejection.start), c.start))


class Denials:
    """Which claims of each article call something false, a hoax or fabricated, so that a judge
    can ask whether an article itself reports the denial of what it says."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._by_doc: dict[str, list[frozenset[str]]] = defaultdict(list)
        self._ids: set[str] = set()
        for claim in claims:
            if _dispute_phrase(claim.text):
                self._ids.add(claim.id)
                self._by_doc[claim.doc_id].append(_topic(claim))

    def denies(self, claim: Claim) -> bool:
        return claim.id in self._ids

    def doubted_in(self, doc_id: str) -> bool:
        """The article calls something false itself: it reports the doubt, so it does not state
        as fact what another article denies (a story told as a rumour and its debunking)."""
        return bool(self._by_doc.get(doc_id))


def judge(match: Match, denials: Denials) -> Iterator[Contradiction]:
    """An article calls false (a hoax, fabricated, denied) what another article states as fact,
    and that other article doubts nothing itself: the two disagree on the claim."""
    a, b = match.a, match.b
    if match.level == "documents":
        yield from _denied_story(match, denials)
        return
    if match.similarity < lexicon.limit("dispute.about_similarity") or a.doc_id == b.doc_id:
        return
    if denials.denies(a.claim) == denials.denies(b.claim):
        return
    denial, stated = (a, b) if denials.denies(a.claim) else (b, a)
    if not _rejects_a_claim(denial.claim.text):
        return
    if not (match.shares("e:") or _name_in_common(denial.claim, stated.claim)):
        return  # what is denied must be said of someone or something both name
    topic = _topic(denial.claim)
    if len(topic & stated.stems) < lexicon.count("dispute.shared_stems"):
        return
    if denials.doubted_in(stated.doc_id):
        return
    if hedged(stated.claim) or any(e.negated for e in stated.claim.frame.events):
        return  # "a story online claims that ...", "X did not ...": not stated as fact
    if stated.claim.speaker and document_speaker(stated.claim.speaker):
        return  # "the report said ...": passed on, not stated
    if _quotes_denier(stated, denial):
        return
    phrase = _dispute_phrase(denial.claim.text) or "false"
    who = denial.claim.speaker or denial.doc_id
    yield finding(
        "dispute",
        [(stated.claim, "the claim"), (denial.claim, f"rejects it: '{phrase}'")],
        f"{who} calls it '{phrase}' in {denial.doc_id}, while {stated.doc_id} reports it as fact.",
        _across_score(match.similarity),
    )


def calls_false(claim: Claim) -> bool:
    """The claim calls a report false in words only a claim can be ('a hoax', 'fake',
    'debunked'): what pairing links, at the level of documents, to the story it denies."""
    return next(_said(fold(claim.text), _strong_pattern()), None) is not None


def _denied_story(match: Match, denials: Denials) -> Iterator[Contradiction]:
    """An article calls the story a hoax (its denial names no fact of its own) while another
    article of the story, which doubts nothing, states it: a dispute between the denial and
    the stating article's claim most about what the denying article says."""
    denial, stated = match.a, match.b
    if denials.doubted_in(stated.doc_id) or not match.shares("e:"):
        return
    if denial.claim.speaker and named_person(denial.claim):
        return  # a person who calls something a hoax takes a side; an article debunks a story
    if _names_its_fact(denial.claim.text):
        return  # 'it is not true that she envied them' denies that, not the story
    if _named(denial.claim) and not _name_in_common(denial.claim, stated.claim):
        return  # a denial that names things speaks of them ('the mayor of Braga called a
        # rumour about the budget a hoax'), not of another article's figure; one that names
        # nothing ('the story is a hoax') speaks of the story
    if hedged(stated.claim) or any(e.negated for e in stated.claim.frame.events):
        return
    if stated.claim.speaker and document_speaker(stated.claim.speaker):
        return
    phrase = _dispute_phrase(denial.claim.text) or "false"
    who = denial.claim.speaker or denial.doc_id
    named = ", ".join(sorted(f.removeprefix("e:") for f in match.shares("e:"))[:3])
    yield finding(
        "dispute",
        [(stated.claim, "the claim"), (denial.claim, f"rejects it: '{phrase}'")],
        f"{who} calls the story of {named} '{phrase}' in {denial.doc_id}, while "
        f"{stated.doc_id} reports it as fact.",
        lexicon.limit("dispute.story_score"),
    )


def _rejects_a_claim(text: str) -> bool:
    """The sentence calls a claim false: a word that only a claim can be ('a hoax', 'fake',
    'untrue', 'debunked'), or a denial with what it denies right after it ('denied that ...',
    'called the report misleading'): 'Lee denied wrongdoing' rejects no one's claim."""
    folded = fold(text)
    if next(_said(folded, _strong_pattern()), None) is not None:
        return True
    words_after = lexicon.count("dispute.target_words")
    words_before = lexicon.count("dispute.target_before")
    for found in _said(folded, _dispute_pattern()):
        after = [w.strip(",.;:'\"") for w in folded[found.end() :].split()[:words_after]]
        before = [w.strip(",.;:'\"") for w in folded[: found.start()].split()[-words_before:]]
        if after[:1] == ["that"] or _claim_nouns().intersection(after + before):
            return True
    return False


@cache
def _strong_pattern() -> re.Pattern[str]:
    phrases = sorted(cues("hoax_phrases"), key=lambda p: (-len(p), p))
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b")


@cache
def _claim_nouns() -> frozenset[str]:
    return frozenset(cues("claim_nouns"))


def _named(claim: Claim) -> bool:
    return bool(claim.entities or _names(claim))


def _name_in_common(a: Claim, b: Claim) -> bool:
    """Both sentences name one entity (or one capitalised word the model did not label)."""
    entities = {e.canonical for e in a.entities} & {e.canonical for e in b.entities}
    return bool(entities or _names(a) & _names(b))


def _names(claim: Claim) -> set[str]:
    """Stems of the capitalised words inside the sentence: names the small model may have
    missed ('Kurt Sutter')."""
    words = tokens(claim)[1:]
    return {
        stem(t.norm)
        for t in words
        if claim.text[t.start - claim.start : t.start - claim.start + 1].isupper()
        and len(t.norm) > lexicon.count("dispute.name_letters")
    }


def _topic(claim: Claim) -> frozenset[str]:
    """The denial's content stems, without the words of denial themselves."""
    denying = {stem(w) for phrase in cues("dispute_phrases") for w in phrase.split()}
    return frozenset(stem(w) for w in claim.frame.lemmas.split()) - denying


def _quotes_denier(stated: About, denial: About) -> bool:
    """The denier on both sides: a speaker who denies one thing and states another, or a
    stated claim that names the denier ('the ministry further confirmed ...')."""
    if not denial.speaker:
        return False
    if stated.speaker and same_person(stated.speaker, denial.speaker):
        return True
    return denial.speaker in fold(stated.claim.text)
