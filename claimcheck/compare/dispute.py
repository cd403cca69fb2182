"""`dispute`: a speaker explicitly rejects another's claim ('false', 'denied', 'do not correspond
to reality'), within one article or across articles."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache

from claimcheck.about import About, stem
from claimcheck.align import fold
from claimcheck.compare.base import cues, finding, same_person
from claimcheck.pairs import Match
from claimcheck.schema import Claim, Contradiction

# Two claims about one thing, by pairing's cosine, before one can deny the other.
ABOUT_SIMILARITY = 0.2
# Content stems a denial must share with the claim it denies (beyond the denial's own words).
SHARED_STEMS = 2


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
            f"{', '.join(rejecters)} rejects {disputed.speaker}'s claim as "
            f"{' / '.join(repr(p) for p in phrases)} in {disputed.doc_id}.",
            min(0.75 + 0.05 * len(rejections), 0.95),
        )


def _dispute_phrase(text: str) -> str | None:
    found = _dispute_pattern().search(fold(text))
    return found.group(1) if found else None


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

    def reported_in(self, doc_id: str, topic: frozenset[str]) -> bool:
        """The article has a denial of its own on this topic."""
        return any(topic & own for own in self._by_doc.get(doc_id, ()))


def judge(match: Match, denials: Denials) -> Iterator[Contradiction]:
    """An article calls false (a hoax, fabricated, denied) what another article states as fact,
    and that other article reports no such denial itself: the two disagree on the claim."""
    a, b = match.a, match.b
    if match.similarity < ABOUT_SIMILARITY or a.doc_id == b.doc_id:
        return
    if denials.denies(a.claim) == denials.denies(b.claim):
        return
    denial, stated = (a, b) if denials.denies(a.claim) else (b, a)
    topic = _topic(denial.claim)
    if len(topic & stated.stems) < SHARED_STEMS or denials.reported_in(stated.doc_id, topic):
        return
    if _hedged(stated.claim) or any(e.negated for e in stated.claim.frame.events):
        return  # "a story online claims that ...", "X did not ...": not stated as fact
    if _quotes_denier(stated, denial):
        return
    phrase = _dispute_phrase(denial.claim.text) or "false"
    who = denial.claim.speaker or denial.doc_id
    yield finding(
        "dispute",
        [(stated.claim, "the claim"), (denial.claim, f"rejects it: '{phrase}'")],
        f"{who} calls it '{phrase}' in {denial.doc_id}, while {stated.doc_id} reports it as fact.",
        0.5 + 0.35 * min(match.similarity * 1.5, 1.0),
    )


def _hedged(claim: Claim) -> bool:
    """The claim passes a rumour on rather than stating it: 'reportedly', 'a post claims'."""
    folded = fold(claim.text)
    return any(re.search(rf"\b{re.escape(cue)}\b", folded) for cue in cues("hedges"))


def _topic(claim: Claim) -> frozenset[str]:
    """The denial's content stems, without the words of denial themselves."""
    denying = {stem(w) for phrase in cues("dispute_phrases") for w in phrase.split()}
    return frozenset(stem(w) for w in claim.frame.lemmas.split()) - denying


def _quotes_denier(stated: About, denial: About) -> bool:
    """The same person on both sides: a speaker who denies one thing and states another."""
    return bool(stated.speaker and denial.speaker and same_person(stated.speaker, denial.speaker))
