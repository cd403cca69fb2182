"""Judge: claims and their candidate pairs -> contradictions, one comparator module per kind."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from claimcheck import lexicon
from claimcheck.judge import attribution, date, dispute, entity, polarity, quantity, wording
from claimcheck.judge.base import Candidate, Context, cues, from_sides
from claimcheck.link.align import Alignment, Diff, fold
from claimcheck.link.cluster import Links
from claimcheck.link.pairs import Match
from claimcheck.schema import Article, Claim, Contradiction, SideValue, Supersession

__all__ = ["JUDGES", "Contradiction", "Supersession", "calls_false", "compare_all", "judged"]
calls_false = dispute.calls_false

# Kinds whose findings over several article pairs merge into one, and how such a finding reads.
MERGEABLE = {
    "entity": "The same statement names different entities",
    "date": "The same event is dated differently",
    "wording": "The same statement is reported with different key words",
    "quantity": "The same figure is given differently",
    "attribution": "The same statement is credited to different people",
}
# Comparators that read two versions of one sentence, word by word.
ALIGNED = (
    entity.compare,
    date.compare,
    quantity.compare_aligned,
    wording.compare,
    polarity.compare,
)


def compare_all(
    claims: Sequence[Claim], pairs: Iterable[Match], articles: Sequence[Article]
) -> tuple[list[Contradiction], list[Supersession]]:
    """Every contradiction the claims hold, and the figures a later article updates.

    `pairs` are the index's (`pairs.matches`). A near-copy pair goes to the comparators of two
    versions of one sentence; the pairs of one pair of sentences (a sentence holds a claim per
    speaker) must come one after another, as the index yields them: the sentences are compared
    once, for the first of them (remembering every pair of sentences instead held 190 MB at
    10,000 articles). A pair another rule proposed goes to the judges, in the index's order
    (`Match.order`), so that of two findings alike but for their claims the same one is kept
    whichever rules proposed their pairs."""
    outlets = {a.id: fold(a.outlet) for a in articles if a.outlet}
    found: list[Contradiction] = []
    weighed: list[Match] = []
    ctx = context(claims, articles)
    last: tuple[str, int, str, int] | None = None  # the sentences of the previous pair
    for pair in pairs:
        if pair.weighed:  # the judges read what the claims are about: no alignment is kept
            weighed.append(replace(pair, alignment=None) if pair.alignment else pair)
        if pair.alignment is None:
            continue
        a, b, diffs = pair.a.claim, pair.b.claim, pair.alignment.diffs
        if changed_slots(a, b, diffs) == 0:  # a changed name or figure: two statements
            found.extend(attribution.compare(a, b, pair.alignment.similarity, ctx.speakers))
        sentences = (a.doc_id, a.start, b.doc_id, b.start)
        if sentences == last:
            continue
        last = sentences
        found.extend(_one_disagreement(a, b, pair.alignment))
    found.extend(dispute.compare(claims))
    found.extend(_judged(sorted(weighed, key=Match.order), claims, ctx))
    found = [f for f in found if not _self_reference(f, outlets)]
    return _split_updates(_merged(_unique(found)), claims, articles)


# The judges of pairs of claims about one thing: one per kind, one signature. Each reads the
# pair's `About`s and the story's context and yields the candidates it compared, with the
# levels of their evidence; the weights in models/judge.json decide (judge/evidence.py).
JUDGES: dict[str, Callable[[Match, Context], Iterator[Candidate]]] = {
    "quantity": quantity.candidates,
    "date": date.candidates,
    "attribution": attribution.candidates,
    "polarity": polarity.candidates,
    "entity": entity.candidates,
}


def context(claims: Sequence[Claim], articles: Sequence[Article]) -> Context:
    """What the judges read beside a pair, for one story group's claims."""
    return Context(
        published={a.id: a.published for a in articles},
        owners=quantity.owners(claims),
        speakers=_speakers_by_sentence(claims),
        figures=quantity.Figures(),
    )


def judged(match: Match, ctx: Context) -> Iterator[Contradiction]:
    """The contradictions the judges find in one pair: candidates whose values differ and
    whose evidence reaches the kind's threshold."""
    for judge in JUDGES.values():
        for candidate in judge(match, ctx):
            if not candidate.agree and candidate.evidence.decided():
                yield candidate.finding()


def _judged(
    matches: Iterable[Match], claims: Sequence[Claim], ctx: Context
) -> Iterator[Contradiction]:
    """What the judges find in the pairs of claims that are about the same thing."""
    denials = dispute.Denials(claims)
    for match in matches:
        if match.level == "claims":
            yield from judged(match, ctx)
        yield from dispute.judge(match, denials)


def _one_disagreement(a: Claim, b: Claim, alignment: Alignment) -> list[Contradiction]:
    """Findings of two versions of one sentence. Versions that differ in two or more of their
    figures, dates and names are two different events told in the same words, not one event
    told two ways: nothing is reported for them."""
    diffs, similarity = alignment.diffs, alignment.similarity
    found = [f for compare in ALIGNED for f in compare(a, b, diffs, similarity)]
    if changed_slots(a, b, diffs) > 1:
        return [f for f in found if f.kind not in ("entity", "date", "quantity")]
    return found


def changed_slots(a: Claim, b: Claim, diffs: Sequence[Diff]) -> int:
    """How many changed stretches hold a figure, a date or a name on both sides."""

    def valued(claim: Claim, span: tuple[int, int]) -> bool:
        start, end = span
        spans = [(q.start, q.end) for q in claim.quantities]
        spans += [(d.start, d.end) for d in claim.dates]
        spans += [(e.start, e.end) for e in claim.entities]
        return any(s < end and start < e for s, e in spans)

    return sum(1 for d in diffs if d.a and d.b and valued(a, d.a_span()) and valued(b, d.b_span()))


def _self_reference(finding: Contradiction, outlets: dict[str, str]) -> bool:
    """Each side names its own outlet ('did not respond to a request for comment from the
    Harbor Tribune'): no disagreement."""
    return finding.kind == "entity" and all(
        outlets.get(v.doc_id) == fold(v.value) for v in finding.values
    )


def _speakers_by_sentence(claims: Sequence[Claim]) -> dict[tuple[str, int], Sequence[str]]:
    names: dict[tuple[str, int], list[str]] = defaultdict(list)
    for claim in claims:
        if claim.speaker:
            names[(claim.doc_id, claim.start)].append(claim.speaker)
    return dict(names)


def _unique(found: Iterable[Contradiction]) -> list[Contradiction]:
    """One finding per fingerprint, and one per set of claims (the most confident kind wins)."""
    by_id: dict[str, Contradiction] = {}
    for item in found:
        kept = by_id.get(item.id)
        if kept is None or (item.confidence, item.explanation) > (
            kept.confidence,
            kept.explanation,
        ):
            by_id[item.id] = item
    by_claims: dict[tuple[str, ...], Contradiction] = {}
    for item in sorted(by_id.values(), key=lambda c: (-c.confidence, c.id)):
        by_claims.setdefault(tuple(sorted(item.claim_ids)), item)
    return sorted(by_claims.values(), key=lambda c: c.id)


def _merged(found: list[Contradiction]) -> list[Contradiction]:
    """One finding per disagreement: 'Radio France Internationale' in one article against 'Radio
    France Inter' in two others is one finding with three claims, not two findings. Findings
    merge when they share a claim and disagree on the same two values."""
    groups: dict[tuple[str, frozenset[str]], list[Contradiction]] = defaultdict(list)
    out = []
    for item in found:
        values = frozenset(fold(v.value) for v in item.values)
        if item.kind in MERGEABLE and len(values) == 2:
            groups[(item.kind, values)].append(item)
        else:
            out.append(item)
    for members in groups.values():
        for linked in _linked_by_claims(members):
            if len(linked) == 1:
                out.append(linked[0])
                continue
            sides = [v for m in linked for v in m.values]
            best = max(linked, key=lambda m: (m.confidence, m.id))
            out.append(
                from_sides(
                    best.kind,
                    sides,
                    _joined_explanation(best.kind, sides),
                    best.score,
                    confidence=best.confidence,  # a merged finding is as sure as its surest member
                )
            )
    return sorted(out, key=lambda c: c.id)


def _linked_by_claims(members: list[Contradiction]) -> list[list[Contradiction]]:
    """Groups of findings connected through shared claims."""
    links: Links[int] = Links()
    first_with: dict[str, int] = {}
    for i, member in enumerate(members):
        links.add(i, i)
        for claim_id in member.claim_ids:
            links.add(i, first_with.setdefault(claim_id, i))
    return [[members[i] for i in group] for group in links.groups()]


def _joined_explanation(kind: str, sides: Sequence[SideValue]) -> str:
    docs: dict[str, set[str]] = defaultdict(set)
    for v in sides:
        docs[v.value].add(v.doc_id)
    quote = "'" if kind == "wording" else ""
    parts = [
        f"{quote}{value}{quote} ({', '.join(sorted(found))})"
        for value, found in sorted(docs.items())
    ]
    return f"{MERGEABLE[kind]}: {' versus '.join(parts)}."


def _split_updates(
    found: list[Contradiction], claims: Sequence[Claim], articles: Sequence[Article]
) -> tuple[list[Contradiction], list[Supersession]]:
    """A figure that a later article gives with an update cue ('revised', 'now') supersedes the
    earlier one: reported as an update, with both dates, not as a contradiction."""
    published = {a.id: a.published for a in articles}
    by_id = {c.id: c for c in claims}
    kept: list[Contradiction] = []
    updates: list[Supersession] = []
    for item in found:
        later = _later_update(item, by_id, published) if item.kind == "quantity" else None
        if later is None:
            kept.append(item)
            continue
        dates = " and ".join(f"{v.doc_id} on {published[v.doc_id]}" for v in item.values)
        updates.append(
            Supersession(
                id=item.id.replace("quantity-", "update-", 1),
                claim_ids=item.claim_ids,
                explanation=f"{later.doc_id} updates the figure ({dates}): {item.explanation}",
                values=item.values,
            )
        )
    return kept, updates


def _later_update(
    item: Contradiction, claims: dict[str, Claim], published: dict[str, str | None]
) -> Claim | None:
    members = [claims[i] for i in item.claim_ids if i in claims]
    dated = [c for c in members if published.get(c.doc_id)]
    if len(dated) < 2 or len({published[c.doc_id] for c in dated}) < 2:
        return None
    latest = max(dated, key=lambda c: (published[c.doc_id] or "", c.doc_id))
    stated = [v.value.split(" = ")[0] for v in item.values if v.claim_id == latest.id]
    for figure in stated:
        at = latest.text.find(figure)
        if at < 0:
            continue
        # the cue stands just before the figure: 'now 550,000', 'revised to 550,000'
        window = lexicon.count("judge.update_cue_words")
        before = fold(" ".join(latest.text[:at].split()[-window:]))
        if any(re.search(rf"\b{re.escape(cue)}\b", before) for cue in cues("update_cues")):
            return latest
    return None
