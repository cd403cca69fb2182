"""`quantity`: the same measure at the same time reference with values that cannot both hold.

Values compare as intervals: qualifiers widen them ("some", "just over half"), a share of a
stated whole converts to an absolute figure, and two values conflict only when their intervals
do not meet. Figures at different time references ("already" versus "by March") are a series.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from claimcheck import lexicon
from claimcheck.judge.base import (
    Candidate,
    Context,
    common_levels,
    cues,
    facing,
    finding,
    near_copy_score,
    negation_words,
    source,
)
from claimcheck.judge.date import overlaps
from claimcheck.judge.evidence import Evidence
from claimcheck.link import about
from claimcheck.link.about import CURRENCIES, About, same_person, synonym, time_key
from claimcheck.link.align import Diff, Token, align, fold, function_words, tokens
from claimcheck.link.pairs import Match
from claimcheck.schema import Claim, Contradiction, Entity, Quantity

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
SCALE_WORDS = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions"})
# Counts of time are ages and durations of many things in one story.
DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade"})
TIME_WORDS = frozenset({"last", "next", "year", "years", "month", "months", "week", "ago", "day"})
LIST_WORDS = frozenset({"and", "or", "plus", "including", "while", "whereas", "versus", "vs"})


@dataclass(frozen=True)
class Measured:
    """A figure ready to compare: its interval, what it measures and when."""

    claim: Claim
    quantity: Quantity
    low: float
    high: float
    measure: str
    time: str | None
    converted: bool  # a share turned into an absolute figure through its whole
    slack: float = 0.0  # half the last digit stated: '$700 billion' may be 650 to 750 billion

    def describe(self) -> str:
        if self.low == self.high:
            return f"{self.quantity.text} = {_num(self.low)} {self.measure}"
        return f"{self.quantity.text} = {_num(self.low)}..{_num(self.high)} {self.measure}"


def compare_aligned(
    a: Claim, b: Claim, diffs: tuple[Diff, ...], similarity: float
) -> Iterator[Contradiction]:
    """Two versions of one sentence that give different figures in the same place."""
    for qa, qb in facing(a, b, diffs, _touching):
        ma, mb = _measured(a, qa), _measured(b, qb)
        if not (ma and mb and ma.measure == mb.measure and _same_time(ma, mb)):
            continue
        if not meets(ma, mb) and _same_context(ma, mb, similarity) and not _elsewhere(a, b):
            yield _finding(ma, mb, near_copy_score("quantity", similarity))


def owners(claims: Sequence[Claim]) -> dict[tuple[str, int], str]:
    """Which of a sentence's claims a figure belongs to: the attribution whose content is the
    tightest around it, so a figure is compared once and credited to the right speaker."""
    best: dict[tuple[str, int], tuple[int, str]] = {}
    for claim in claims:
        for q in claim.quantities:
            inside = claim.content is None or q.text in claim.content
            rank = len(claim.content or claim.text) if inside else 10**9
            key = (claim.doc_id, q.start)
            if key not in best or (rank, claim.id) < best[key]:
                best[key] = (rank, claim.id)
    return {key: claim_id for key, (_, claim_id) in best.items()}


def measured(claim: Claim) -> list[Measured]:
    """The claim's figures that can be compared: not negated, not the whole a share is taken of."""
    wholes = _wholes(claim)
    out = []
    for quantity in claim.quantities:
        if id(quantity) in wholes or _negated(claim, quantity):
            continue
        m = _measured(claim, quantity)
        if m:
            out.append(m)
            converted = _converted(claim, m)
            if converted:
                out.append(converted)
    return out


def meets(a: Measured, b: Measured) -> bool:
    """Intervals meet, allowing for the rounding of exact figures: a figure stands for what
    rounds to it ('$700 billion' holds $716 billion, '6.2%' holds 6.24%, 'six' holds 6.4), and
    figures that round apart ('1.5 million' and '1.6 million') do not meet. Two figures given as
    the same kind of bound ('up to 1.6 million' / 'as many as 1.5 million') state that bound."""
    side = _bound(a)
    if side and side == _bound(b) and _stated_bound(a) and _stated_bound(b):
        # 'at least 344' / 'at least 544': two different floors
        x, y = (a.low, b.low) if side == "floor" else (a.high, b.high)
        rounding = lexicon.limit("quantity.exact_tolerance") * max(abs(x), abs(y), 1.0)
        return abs(x - y) < a.slack + b.slack + rounding
    slack_a = a.slack if a.low == a.high else 0.0
    slack_b = b.slack if b.low == b.high else 0.0
    if slack_a or slack_b:
        return a.low - slack_a < b.high + slack_b and b.low - slack_b < a.high + slack_a
    largest = max(abs(a.low), abs(a.high), abs(b.low), abs(b.high), 1.0)
    tolerance = lexicon.limit("quantity.exact_tolerance") * largest
    return a.low <= b.high + tolerance and b.low <= a.high + tolerance


def _stated_bound(m: Measured) -> bool:
    """The bound is stated in so many words ('at least', 'up to'), not a vague plural ('tens of
    thousands')."""
    qualifier = (m.quantity.qualifier or "").lower()
    factors = lexicon.table("quantities")["qualifiers"].get(qualifier)
    return bool(factors) and 1.0 in factors and None in factors


def _bound(m: Measured) -> str | None:
    """'floor' for 'at least X', 'ceiling' for 'up to X': a figure stated as one bound."""
    if math.isfinite(m.low) and math.isinf(m.high):
        return "floor"
    if math.isinf(m.low) and math.isfinite(m.high):
        return "ceiling"
    return None


class Figures:
    """Each claim's definite comparable figures, worked out once however many pairs the claim
    is in (about fifteen). Claims are known by id, so one instance serves one scan; it holds
    at most MAX_HELD claims' figures at a time."""

    MAX_HELD = 20_000

    def __init__(self) -> None:
        self._held: dict[str, list[Measured]] = {}

    def __call__(self, claim: Claim) -> list[Measured]:
        found = self._held.get(claim.id)
        if found is None:
            if len(self._held) >= self.MAX_HELD:
                self._held.clear()
            found = self._held[claim.id] = [m for m in measured(claim) if _definite(m)]
        return found


def candidates(match: Match, ctx: Context) -> Iterator[Candidate]:
    """Each pair of figures of one measure of one group at one time, one per claim, that the
    claims own: figures at two stated times are a series ('300 already', '550 by June'), and
    figures of claims that name different places or people (beside who speaks) are of two
    groups ('re-elected in Eastbrook with ...' / 'in Westmarch with ...'). The figures' value
    relation, parse ties and the claims' likeness are the levels (judge/evidence.py). The
    claims need not be worded alike: pairing found them through what they are about."""
    if not match.shares("m:") or _two_groups(match.a, match.b):
        return
    a, b = match.a.claim, match.b.claim
    if _other_day(a, b, ctx.published) or _other_day(b, a, ctx.published) or _dated_apart(a, b):
        return
    for ma in ctx.figures(a):
        if ctx.owners.get((a.doc_id, ma.quantity.start)) != a.id:
            continue
        for mb in ctx.figures(b):
            if ctx.owners.get((b.doc_id, mb.quantity.start)) != b.id or ma.measure != mb.measure:
                continue
            if not (_same_time(ma, mb) or _time_level(ma, mb) == "one") or _paid_for_two(ma, mb):
                continue
            tie = _tie_level(ma, mb)
            if _unrelated(ma, mb, tie) or _states(b, ma, mb, ctx) or _states(a, mb, ma, ctx):
                continue
            yield _candidate(match, ma, mb, tie)


def _unrelated(a: Measured, b: Measured, tie: str) -> bool:
    """Nothing but a unit of measurement ties the figures: a duration or a sum of money with no
    noun, whole, verb or word around them and no time they both state in common ('a one-day
    swing' / '12 days of unrest' share only the day). A unit measures anything; a counted noun
    ('130 jobs' / '310 jobs') names what is counted, so counts are left to the weights."""
    if _measure_kind(a.measure) not in ("duration", "money"):
        return False
    return tie == "none" and not (a.time and a.time == b.time)


def _states(claim: Claim, figure: Measured, own: Measured, ctx: Context) -> bool:
    """The claim states the other claim's figure too, beside its `own`: the two figures are of
    two things ('the full $447 billion package or a $35 billion piece'), not one thing given
    two values."""
    return any(
        m.quantity is not own.quantity and m.measure == figure.measure and meets(m, figure)
        for m in ctx.figures(claim)
    )


def _paid_for_two(a: Measured, b: Measured) -> bool:
    """Two sums of money the parse ties to different things ('paid $2 million in taxes' /
    'income of $9 million'): a currency alone is no measure, what the sum is for is."""
    if a.measure.split("/")[0] not in CURRENCIES:
        return False
    own = {a.measure, b.measure}
    for_a, for_b = _roles(a, verbs=False) - own, _roles(b, verbs=False) - own
    return bool(for_a and for_b) and not for_a & for_b


def _two_groups(a: About, b: About) -> bool:
    """The claims name places, or participants other than their speakers, and none in common;
    or one sentence swaps the other's place in the same slot."""
    if a.places and b.places and not a.places & b.places:
        return True
    named_a = {p for p in a.participants if not same_person(p, a.speaker)}
    named_b = {p for p in b.participants if not same_person(p, b.speaker)}
    if named_a and named_b and not named_a & named_b:
        return True
    return _elsewhere(a.claim, b.claim)


def _candidate(match: Match, ma: Measured, mb: Measured, tie: str) -> Candidate:
    a, b = ma.claim, mb.claim
    dated_alike = any(overlaps(x, y) for x in a.dates if x.value for y in b.dates if y.value)
    levels = (
        ("value", _value_level(ma, mb)),
        ("measure", _measure_kind(ma.measure)),
        ("time", _time_level(ma, mb)),
        ("tie", tie),
        ("dated", "same" if dated_alike else "unknown"),
        *common_levels(match),
    )
    when = f" ({ma.quantity.time_ref})" if ma.time and ma.time == mb.time else ""
    return Candidate(
        Evidence("quantity", levels),
        meets(ma, mb),
        ((a, ma.describe()), (b, mb.describe())),
        f"{source(a)} gives {_stated(ma)} but {source(b)} gives {_stated(mb)} "
        f"for {ma.measure}{when}; the ranges do not overlap.",
        (ma.quantity, mb.quantity),
    )


def _tie_level(a: Measured, b: Measured) -> str:
    """What ties the two figures to one thing: both are of one stated thing ('noun': the parse
    ties both to one noun beside their measure, or both are shares of one whole the sentences
    state, which no story of the shared corpora showed often enough to weigh apart); else both
    hang from one verb ('verb'), or the words around them share a content word ('words')."""
    if _tied(a, b):
        return "noun"
    if a.quantity.of_whole is not None and a.quantity.of_whole == b.quantity.of_whole:
        return "noun"
    if _verbs(a) & _verbs(b):
        return "verb"
    return "words" if _shares_words(a, b) else "none"


def _verbs(m: Measured) -> frozenset[str]:
    return _roles(m) - _roles(m, verbs=False)


def _value_level(a: Measured, b: Measured) -> str:
    """How two figures that do not meet differ: one given as a bound ('at least'), one zero, or
    two plain values. How far apart they are is no level: natural same-story pairs of close
    values are as often one fact told two ways as two facts, so a weight learned for the
    distance would only echo how generated pairs were changed (docs/judging.md)."""
    if _bound(a) or _bound(b):
        return "bound"
    return "zero" if 0 in (a.low, a.high, b.low, b.high) else "differs"


def _measure_kind(measure: str) -> str:
    if measure.startswith("percent"):
        return "share"
    if measure.split("/")[0] in CURRENCIES:
        return "money"
    return "duration" if measure in DURATIONS else "count"


def _time_level(a: Measured, b: Measured) -> str:
    if a.time and b.time:
        return "same" if _same_time(a, b) else "different"
    return "one" if a.time or b.time else "none"


def _shares_words(a: Measured, b: Measured) -> bool:
    """The words either side of the figures, beside the measure, share a content word."""
    own = {a.measure, b.measure}
    return bool((_around(a) - own) & (_around(b) - own))


def _definite(m: Measured) -> bool:
    """A figure that says how many: not a bare scale word ('hundreds', 'several hundred',
    'thousands'), not the whole of 'seven out of 28'."""
    text = fold(m.quantity.text)
    if not any(c.isdigit() for c in text) and text.split()[-1:] and text.split()[-1] in SCALE_WORDS:
        return False
    before = fold(m.claim.text[: max(m.quantity.start - m.claim.start, 0)]).split()[-2:]
    return before != ["out", "of"]


def _part(claim: Claim, quantity: Quantity) -> bool:
    """A count of a part on top of another, which another article's total holds: 'a day in
    intensive care and two more days on the ward', 'two other gunmen', 'one tumour ... and
    another'."""
    after = fold(claim.text[max(quantity.end - claim.start, 0) :]).split()
    if after[:1] and after[0].strip(",;") in cues("part_words"):
        return True
    return quantity.value == 1 and "another" in (w.strip(",;.") for w in after)


def _dated_apart(a: Claim, b: Claim) -> bool:
    """Both claims date what they say, to years (or days) that do not meet: 'in 2036 ... a 23
    percent cut' and 'by 2085 ... 74 percent' are figures of two times."""
    for granularity in ("year", "day"):
        da = [d for d in a.dates if d.value and d.granularity == granularity]
        db = [d for d in b.dates if d.value and d.granularity == granularity]
        if da and db and not any(overlaps(x, y) for x in da for y in db):
            return True
    return False


def _other_day(a: Claim, b: Claim, published: Mapping[str, str | None]) -> bool:
    """a dates its figures to a day that b, written on another day, does not name: a count of
    that day ('six arrests Wednesday') set against one b may give for another day."""
    days = {d.value for d in a.dates if d.value and d.granularity == "day"}
    if not days or any(d.value in days for d in b.dates):
        return False
    pa, pb = published.get(a.doc_id), published.get(b.doc_id)
    return bool(pa and pb and pa != pb)


def _same_context(a: Measured, b: Measured, similarity: float) -> bool:
    """Two figures of one measure are one fact only when the words around them, beside the
    measure itself, share a content word: sums of money are everywhere in a story ('$570,000 in
    campaign funds' / '$750,000 in campaign cash', not '$43,000 watch'), and so are counts of
    years, people or votes ('42 members of the caucus' / '47 members of the caucus', not '14
    years old' / '20 years ago'). Shares carry what they are shares of; claims much alike
    overall need no more."""
    money = a.measure.split("/")[0] in CURRENCIES
    if a.measure.startswith("percent") or (not money and a.time and a.time == b.time):
        return True  # a share says what it is of; '550,000 shells by March' which figure it is
    if not money and similarity >= lexicon.limit("quantity.alike") and a.measure not in DURATIONS:
        return True
    own = {a.measure, b.measure}
    roles_a, roles_b = _roles(a), _roles(b)
    if roles_a and roles_b:
        return bool((roles_a - own) & (roles_b - own))
    return bool((_around(a) - own) & (_around(b) - own))


def _tied(a: Measured, b: Measured) -> bool:
    """The parse ties both figures to one noun beside their measure (not only to a verb)."""
    own = {a.measure, b.measure}
    return bool((_roles(a, verbs=False) - own) & (_roles(b, verbs=False) - own))


def _roles(m: Measured, *, verbs: bool = True) -> frozenset[str]:
    """The words the parse ties the figure to (extract/frames.py), synonyms folded; the
    governing verb ('v:pay') unless `verbs` is false."""
    for start, words in m.claim.frame.figures:
        if start == m.quantity.start:
            kept = [w.removeprefix("v:") for w in words.split() if verbs or not w.startswith("v:")]
            return frozenset(synonym(w) or w for w in kept)
    return frozenset()


def _around(m: Measured) -> frozenset[str]:
    """Content words (a few: models/limits.json) either side of a figure, not past another
    figure or a word that starts another item of a list ('a $40 watch and $9 worth of toys')."""
    words = tokens(m.claim)
    figures = [(q.start, q.end) for q in m.claim.quantities]
    own = [i for i, t in enumerate(words) if m.quantity.start <= t.start < m.quantity.end]
    if not own:
        return frozenset()
    stop = function_words() | frozenset(cues("not_topical"))
    near: list[str] = []
    window = lexicon.count("quantity.context_words")
    for step, first in ((-1, own[0] - 1), (1, own[-1] + 1)):
        i, taken = first, 0
        while 0 <= i < len(words) and taken < window:
            token = words[i]
            if token.norm in LIST_WORDS or any(s <= token.start < e for s, e in figures):
                break
            if token.norm not in stop:
                taken += 1
                if not _original(m.claim, token)[:1].isupper():  # a name says who, not what
                    near.append(token.norm)
            i += step
    short = lexicon.count("quantity.short_word_letters")
    return frozenset(
        synonym(w) or w
        for w in near
        if w not in stop and w not in TIME_WORDS and len(w) > short and not w[:1].isdigit()
    )


def _measured(claim: Claim, quantity: Quantity) -> Measured | None:
    measure = about.measure(claim, quantity)
    if measure is None or _part(claim, quantity):
        return None
    low, high = _interval(quantity)
    if about.cut_share(claim, quantity):  # 'a 23 percent cut' leaves 77 percent
        low, high = 100 - high, 100 - low
    slack = _slack(quantity)
    time = time_key(quantity.time_ref)
    return Measured(claim, quantity, low, high, measure, time, False, slack)


def _slack(quantity: Quantity) -> float:
    """Half the unit of the last digit a figure states: '750,000' 5,000, '$1.5 million'
    50,000, '6.2%' 0.05; a figure written in words ('six') counts its first digit only."""
    written = _DIGITS.search(quantity.text)
    value = abs(quantity.value)
    if not math.isfinite(value) or value == 0:
        return 0.0
    if written is None:
        return float(10.0 ** math.floor(math.log10(value))) / 2
    digits = written.group().replace(",", "")
    number = float(digits)
    if number == 0:
        return 0.0
    scale = value / number
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
    else:
        unit = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return unit * scale / 2


def _interval(q: Quantity) -> tuple[float, float]:
    if q.low is None and q.high is None:
        return q.value, q.value
    low = q.low if q.low is not None else -math.inf
    high = q.high if q.high is not None else math.inf
    return low, high


def _wholes(claim: Claim) -> set[int]:
    """Figures of the claim that a share in the same claim is taken of."""
    shares = [q for q in claim.quantities if (q.unit or "").lower() == "percent"]
    if not shares:
        return set()
    out = set()
    for q in claim.quantities:
        if (q.unit or "").lower() == "percent":
            continue
        if any(s.of_whole == q.value for s in shares) or (
            synonym(q.counted) and all(s.of_whole is None for s in shares)
        ):
            out.add(id(q))
    return out


def _converted(claim: Claim, share: Measured) -> Measured | None:
    """A share of a whole the claim states, as an absolute figure ('half of one million shells')."""
    q = share.quantity
    if (q.unit or "").lower() != "percent":
        return None
    wholes = _wholes(claim)
    for whole in claim.quantities:
        if id(whole) not in wholes:
            continue
        measure = synonym(whole.counted)
        if not measure or (q.of_whole is not None and q.of_whole != whole.value):
            continue
        time = share.time or time_key(whole.time_ref)
        if time is None:
            return None
        return Measured(
            claim,
            q,
            share.low * whole.value / 100,
            share.high * whole.value / 100,
            measure,
            time,
            True,
        )
    return None


def _negated(claim: Claim, quantity: Quantity) -> bool:
    window = lexicon.count("quantity.negation_words")
    before = claim.text[: max(quantity.start - claim.start, 0)].split()[-window:]
    return any(fold(word).strip(",;:") in negation_words() for word in before)


def _elsewhere(a: Claim, b: Claim) -> bool:
    """The two sentences swap one place for another in the same slot ('re-elected in Eastbrook' /
    'in Westmarch'): a short aligned difference whose sides name different places."""
    slot = lexicon.count("quantity.slot_words")
    for diff in align(a, b).diffs:
        if not diff.a or not diff.b or max(len(diff.a), len(diff.b)) > slot:
            continue
        places_a = {fold(e.canonical) for e in _entities_in(a, diff.a_span(), PLACE_LABELS)}
        places_b = {fold(e.canonical) for e in _entities_in(b, diff.b_span(), PLACE_LABELS)}
        if places_a and places_b and places_a.isdisjoint(places_b):
            return True
    return False


def _entities_in(claim: Claim, span: tuple[int, int], labels: frozenset[str]) -> list[Entity]:
    start, end = span
    return [e for e in claim.entities if e.label in labels and e.start < end and start < e.end]


def _same_time(a: Measured, b: Measured) -> bool:
    """Shares compare across an unstated time; absolute figures only at the same time reference."""
    if a.measure.startswith("percent"):
        return a.time is None or b.time is None or a.time == b.time
    return a.time == b.time and (not (a.converted or b.converted) or a.time is not None)


def _finding(a: Measured, b: Measured, confidence: float) -> Contradiction:
    when = (
        f" ({a.quantity.time_ref})" if a.time and a.time == b.time and a.quantity.time_ref else ""
    )
    return finding(
        "quantity",
        [(a.claim, a.describe()), (b.claim, b.describe())],
        f"{source(a.claim)} gives {_stated(a)} but {source(b.claim)} gives {_stated(b)} "
        f"for {a.measure}{when}; the ranges do not overlap.",
        confidence,
    )


def _stated(m: Measured) -> str:
    """'some 900,000 (810,000 to 990,000)'; a plain figure is not repeated."""
    plain = _range(m)
    return m.quantity.text if plain in m.quantity.text else f"{m.quantity.text} ({plain})"


def _range(m: Measured) -> str:
    if m.low == m.high:
        return _num(m.low)
    return f"{_num(m.low)} to {_num(m.high)}"


def _num(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:g}"


def _original(claim: Claim, token: Token) -> str:
    return claim.text[token.start - claim.start : token.end - claim.start]


def _touching(claim: Claim, span: tuple[int, int]) -> list[Quantity]:
    start, end = span
    return [q for q in claim.quantities if q.start < end and start < q.end]
