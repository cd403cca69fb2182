"""Doc -> quantities: value, unit, what is counted, qualifier bounds and time reference."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimcheck.extract.numbers import (
    DURATION_UNITS,
    currency,
    fraction,
    norm_space,
    patterns,
    scale_value,
    side_value,
    table,
    units,
    words_value,
    yearlike,
)
from claimcheck.schema import Quantity

# After "of" these open the noun phrase a share or a vague number is taken of.
OF_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "all",
        "its",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "these",
        "those",
        "this",
        "that",
        "some",
        "each",
    ]
)
# "one" after these is a pronoun or part of a name ("the first one", "no one"), not a count.
NOT_ONE_AFTER = frozenset(["the", "this", "that", "no", "any", "every", "each", "which", "someone"])
# A share of these nouns is a share of the amount stated earlier in the sentence.
WHOLE_NOUNS = frozenset(["amount", "total", "figure", "number", "sum", "target", "pledge"])
# The word before "half" that makes it a period, not a share ("the second half of the year").
NOT_HALF_AFTER = frozenset(["first", "second", "latter", "other", "better"])
# Entities a number can be part of the name of: "Home Alone 2", "Apollo 11", "Super Bowl 50".
NAME_LABELS = frozenset(["WORK_OF_ART", "PRODUCT", "EVENT", "ORG", "FAC", "LAW"])
# An age stated after a name: "Alan Brook, 32," or "Alan Brook (32)"; a plausible human age.
MAX_AGE = 120


@dataclass(frozen=True)
class _Raw:
    """A quantity while it is being built; turned into a Quantity at the end."""

    start: int
    end: int
    value: float
    unit: str | None
    counted: str | None
    low: float | None
    high: float | None
    qualifier: str | None
    head: int | None  # token index of the counted noun
    anchor: int  # token index of the number itself
    kind: str  # count | money | percent | measure | age | tally
    other: float | None = None  # the smaller side of a tally


def find_quantities(doc: Doc) -> Iterator[Quantity]:
    """Quantities stated in the Doc, in text order; ids, models and years are not quantities."""
    text = doc.text
    phones = [m.span() for m in patterns()["phone"].finditer(text)]
    sents = list(doc.sents)
    starts = frozenset(sent.start for sent in sents)
    bounds = [sent.start_char for sent in sents]
    raws = [
        raw
        for match in patterns()["pair"].finditer(text)
        if not any(s < match.end() and match.start() < e for s, e in phones)
        and (raw := _pair(doc, match)) is not None
    ]
    taken = [(raw.start, raw.end) for raw in raws]
    for match in patterns()["core"].finditer(text):
        if any(s <= match.start() < e for s, e in phones + taken):
            continue
        raw = _build(doc, match, starts)
        if raw is not None:
            raws.append(raw)
    # a figure of 309 digits or more is no float: never a quantity of infinite value
    raws = [
        r for r in raws if all(math.isfinite(v or 0) for v in (r.value, r.low, r.high, r.other))
    ]
    raws.sort(key=lambda raw: raw.start)
    raws, alts = _merge_alternatives(text, raws)
    times = [(m.start(), m.end()) for m in patterns()["time"].finditer(text)]
    for i, raw in enumerate(raws):
        of_whole, counted = _whole(text, raws, i)
        if counted and (raw.counted is None or raw.counted in WHOLE_NOUNS):
            raw = replace(raw, counted=counted)
        alt = alts.get(i)
        yield Quantity(
            text=text[raw.start : raw.end],
            value=raw.value,
            unit=raw.unit if raw.kind != "count" else raw.counted,
            counted=raw.counted,
            low=raw.low,
            high=raw.high,
            qualifier=raw.qualifier,
            of_whole=of_whole,
            time_ref=_time_ref(doc, text, raw, times, bounds),
            alt_value=alt[0] if alt else None,
            alt_unit=alt[1] if alt else None,
            other_side=raw.other,
            start=raw.start,
            end=raw.end,
        )


# -- building one quantity ------------------------------------------------------------------


def _build(doc: Doc, match: re.Match[str], starts: frozenset[int]) -> _Raw | None:
    text, t = match.string, table()  # Doc.text rebuilds the string on every access
    groups = match.groupdict()
    start, end = match.span()
    value: float
    kind = "count"
    qualifier: str | None = None
    low_high: tuple[float | None, float | None] | None = None
    if groups["hscale"]:
        value = 0.5 * scale_value(groups["hscale"])
    elif groups["vague"]:
        base = t["vague_plurals"][groups["vague"].lower()]
        value, qualifier, low_high = 2.0 * base, groups["vague"].lower() + " of", (2.0 * base, None)
    elif groups["frac"] and _quarters_of_time(text, start, end):
        value, kind = words_value(groups["frac"].split("-")[0].split()[0]), "measure"
    elif groups["frac"]:
        share = fraction(groups["frac"])
        if share is None:
            return None
        value, kind = share, "percent"
    elif groups["dig"]:
        value = float(groups["dig"].replace(",", ""))
        scale = groups["dscale"] or groups["dsuf"] or groups["dsuf2"]
        if scale:
            value *= scale_value(scale)
    elif groups["unita"]:
        value = 1.0
        end += len(re.match(r"\s+\w+", text[end:]).group(0))  # type: ignore[union-attr]
    else:
        value = words_value(groups["spelled"])
    right = text[end : end + 40]
    pct = patterns()["percent"].match(right)
    money_unit: str | None = None
    if pct and kind == "count":
        kind, end = "percent", end + pct.end()
    cur_after = patterns()["currency_after"].match(text[end : end + 40])
    if cur_after and kind == "count":
        money_unit, end = currency(cur_after.group("cur")), end + cur_after.end()
    cur_before = patterns()["currency_before"].search(text[max(0, start - 5) : start])
    if cur_before and kind == "count" and money_unit is None:
        money_unit = currency(cur_before.group("cur"))
        start -= len(cur_before.group(0))
    if money_unit:
        kind = "money"
    qual = patterns()["qualifier"].search(text[max(0, start - 30) : start])
    if qual and qualifier is None:
        qualifier = norm_space(qual.group("qual")).lower()
        start -= len(qual.group(0))
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None or not _acceptable(doc, span, match, kind, qualifier, starts):
        return None
    age_end = _age(doc, span, text, end) if kind == "count" and not groups["unita"] else None
    if age_end is not None:  # "Alan Brook, 32,": an age, never 32 of what follows
        return _aged(doc, span, match.start(), age_end, value) if age_end > 0 else None
    full = doc.char_span(match.start(), end, alignment_mode="expand")
    if groups["unita"] and full is not None:
        head: int | None = full.end - 1
    elif kind == "measure" and groups["frac"]:
        head = full.end - 1 if full is not None else None  # "two quarters": the quarter
    else:
        head = _counted_head(doc, (full or span).end, of_only=kind == "percent")
    counted = _counted(doc, head) if head is not None else None
    if counted is None and kind == "count":
        counted = _people(doc, span)
    unit: str | None = None
    if kind == "money":
        unit, counted = money_unit, money_unit
    elif kind == "percent":
        unit = "percent"
    elif _measure_unit(counted):
        kind, unit = "measure", _measure_unit(counted)
    if kind == "count" and counted is None and groups["unita"]:
        return None
    if low_high is None:
        low_high = _bounds(value, qualifier)
    return _Raw(
        start=start,
        end=end,
        value=value,
        unit=unit,
        counted=counted,
        low=low_high[0],
        high=low_high[1],
        qualifier=qualifier,
        head=head,
        anchor=span.end - 1,
        kind=kind,
    )


def _aged(doc: Doc, span: Span, start: int, end: int, value: float) -> _Raw:
    """An age, counted as the age of whom it is ('age of brook'): ages of different people are
    different measures."""
    return _Raw(
        start=start,
        end=end,
        value=value,
        unit="age",
        counted=f"age of {_whose(doc, span, end)}",
        low=value,
        high=value,
        qualifier=None,
        head=None,
        anchor=span.end - 1,
        kind="age",
    )


def _measure_unit(counted: str | None) -> str | None:
    """The unit a counted noun measures in ('km' -> kilometre, 'day' -> day), else None."""
    if counted is None or counted in DURATION_UNITS:
        return counted
    unit: str | None = table()["measure_units"].get(counted)
    return unit


def _acceptable(
    doc: Doc, span: Span, match: re.Match[str], kind: str, qual: str | None, starts: frozenset[int]
) -> bool:
    """Reject numbers that are dates, times, years, ids or pronouns rather than amounts."""
    text = match.string
    groups = match.groupdict()
    before = text[max(0, match.start() - 12) : match.start()]
    after = text[match.end() : match.end() + 16]
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if groups["unita"] and qual is None:
        return False
    if groups["frac"]:
        return kind == "measure" or _share_word_ok(groups["frac"].lower(), prev, nxt, qual)
    if groups["spelled"] and groups["spelled"].lower() in ("one", "a", "an"):
        if prev is not None and prev.lower_ in NOT_ONE_AFTER:
            return False
        if nxt is not None and nxt.text == "-" and span.end + 1 < len(doc):
            return doc[span.end + 1].lemma_.lower() in units()  # "a one-day strike"
        if nxt is None or nxt.lower_ in table()["not_counts_after_one"]:
            return False
        return nxt.pos_ in ("NOUN", "ADJ") or nxt.tag_ in ("NNS", "NNPS")
    if not groups["dig"]:
        return True
    if patterns()["month_before"].search(before) or patterns()["month_after"].match(after):
        return False
    if patterns()["clock_after"].match(after):
        return False
    plain = not (groups["dscale"] or groups["dsuf"] or groups["dsuf2"]) and kind == "count"
    digits = groups["dig"]
    if plain and re.fullmatch(r"(1[6-9]|20)\d\d", digits):
        # A bare four-digit number from 1600 to 2099 is a year unless it counts a plural noun.
        plural_next = nxt is not None and nxt.tag_ in ("NNS", "NNPS")
        return plural_next and not (prev is not None and prev.pos_ == "ADP")
    if plain and prev is not None and "," not in digits and "." not in digits:
        # "Flight 370", "Resolution 2334", "Article 5": a number naming a thing.
        if prev.is_title and prev.pos_ in ("PROPN", "NOUN") and prev.i not in starts:
            return False
        if prev.lower_ in ("no", "no.", "number", "#", "nr", "nr."):
            return False
        if prev.is_title and _in_name(doc, span):
            return False
    return True


def _in_name(doc: Doc, span: Span) -> bool:
    """The number is a word of a title or name: 'Home Alone 2', 'Apollo 11'. Either the tagger
    found the name, or two capitalised words lead to a number that counts no noun after it."""
    if any(
        ent.label_ in NAME_LABELS and ent.start < span.start and span.end <= ent.end
        for ent in doc.ents
    ):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    counts = nxt is not None and nxt.pos_ in ("NOUN", "ADJ")
    return span.start >= 2 and doc[span.start - 2].is_title and not counts


def _age(doc: Doc, span: Span, text: str, end: int) -> int | None:
    """The end of an age ('32-year-old', 'Alan Brook, 32,', 'aged 32'), -1 for an age in
    other units ('a 3-month-old'), None when the number is not an age."""
    suffix = patterns()["age_after"].match(text, end)
    if suffix:
        return suffix.end() if suffix.group("unit").lower() == "year" else -1
    if len(span) != 1 or not span[0].like_num or not span[0].text.isdigit():
        return None
    if int(span[0].text) > MAX_AGE:
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("aged", "age"):
        return end
    after = doc[span.end] if span.end < len(doc) else None
    if before is None or after is None or span.start < 2:
        return None
    name = doc[span.start - 2]
    framed = (before.text, after.text) in ((",", ","), ("(", ")"), (",", "."), (",", ";"))
    return end if framed and name.pos_ == "PROPN" and name.is_title else None


def _whose(doc: Doc, span: Span, end: int) -> str:
    """Who an age is of: the name or noun before it ('Alan Brook, 32', 'the mayor, aged 63'),
    else the name or noun after it ('a 57-year-old farmer', '18-year-old Ana Ruiz')."""
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in (",", "(", "aged", "age", "ages", "between"):
        i -= 1
    if i >= 0 and i < span.start - 1 and doc[i].pos_ in ("PROPN", "NOUN"):
        return doc[i].lower_ if doc[i].pos_ == "PROPN" else doc[i].lemma_.lower()
    after = [t for t in doc[span.end : span.end + 8] if t.idx >= end]
    names = [t for t in after[:4] if t.pos_ == "PROPN"]
    if names:
        last = names[0]
        while last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "PROPN":
            last = doc[last.i + 1]
        return last.lower_
    noun = next((t for t in after[:3] if t.pos_ == "NOUN"), None)
    return noun.lemma_.lower() if noun is not None else "person"


def _people(doc: Doc, span: Span) -> str | None:
    """'Storm kills 12', '12 were injured', '12 dead': a bare number of people."""
    tok = doc[span.end - 1]
    nxt = doc[span.end] if span.end < len(doc) else None
    t = table()
    if nxt is not None and nxt.lower_ in t["people_states"]:
        return "people"
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.lemma_.lower() in t["people_verbs"]:
        return "people"
    return None


def _counted(doc: Doc, head: int) -> str:
    """The lemma of the counted noun; for people named by what they are ('344 women who serve
    as store managers'), that role with its modifiers."""
    noun = doc[head]
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in table()["role_verbs"]:
            continue
        for child in clause.children:
            role = child
            if child.dep_ == "prep" and child.lower_ == "as":
                role = next((c for c in child.children if c.dep_ == "pobj"), child)
            elif child.dep_ != "attr":
                continue
            if role.pos_ == "NOUN":
                words = [c.lemma_.lower() for c in role.lefts if c.dep_ == "compound"]
                return " ".join([*words, role.lemma_.lower()])
    return noun.lemma_.lower()


def _quarters_of_time(text: str, start: int, end: int) -> bool:
    """'two quarters of the year', 'for three quarters', 'two quarters in a row' are durations;
    'two quarters of the budget' and 'three quarters said' are shares."""
    if not re.fullmatch(r"(?:two|three)[\s-]quarters", text[start:end], re.IGNORECASE):
        return False
    if patterns()["period_after"].match(text, end):
        return True
    if re.match(r"\s+of\b", text[end:]):
        return False
    before = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    return before is not None and before.group(1).lower() in table()["period_openers"]


def _share_word_ok(frac: str, prev: Token | None, nxt: Token | None, qual: str | None) -> bool:
    """'half of', 'a third of', 'two-thirds majority': shares, not ordinals or periods."""
    if prev is not None and prev.lower_ in NOT_HALF_AFTER:
        return False
    if qual is not None:
        return True
    if nxt is None or nxt.is_punct:
        return True
    if frac == "half":
        return nxt.lower_ in OF_DETERMINERS or nxt.lower_ == "of"
    if frac.split()[0] in ("a", "one") or frac.startswith("one-"):
        return nxt.lower_ == "of"
    return True


def _counted_head(doc: Doc, i: int, *, of_only: bool) -> int | None:
    """The head noun right after the number: '550,000 artillery rounds' -> rounds."""
    n = len(doc)
    if (
        i + 1 < n
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and doc[i + 1].pos_ == "NOUN"
    ):
        return i + 1  # "a seven-count indictment" counts counts, "a 12-member jury" members
    if i < n and doc[i].lower_ == "of":
        i += 1
        while i < n and doc[i].lower_ in OF_DETERMINERS:
            i += 1
    elif of_only and i < n and doc[i].lower_ in OF_DETERMINERS and doc[i].lower_ != "a":
        if i + 1 < n and doc[i + 1].lemma_.lower() in DURATION_UNITS:
            return None  # "6% this year": a time, not what the share is of
        i += 1  # "half the amount", "half his colleagues"
    elif of_only:
        return None
    head: int | None = None
    for j in range(i, min(i + 6, n)):
        tok = doc[j]
        if tok.tag_ in ("NNS", "NNPS") or (tok.pos_ == "NOUN" and tok.tag_ == "NNS"):
            return j
        if tok.pos_ == "NOUN":
            head = j
        elif tok.pos_ in ("ADJ", "PROPN", "NUM") or tok.text in ("-", "'s"):
            if head is not None and tok.pos_ != "PROPN":
                break
        else:
            break
    return head


def _bounds(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    if qualifier is None:
        return value, value
    low_f, high_f = table()["qualifiers"].get(qualifier, [1.0, 1.0])
    low = None if low_f is None else round(value * low_f, 6)
    high = None if high_f is None else round(value * high_f, 6)
    return low, high


# -- relations between quantities ----------------------------------------------------------


def _merge_alternatives(
    text: str, raws: list[_Raw]
) -> tuple[list[_Raw], dict[int, tuple[float, str | None]]]:
    """'€1.5 billion ($1.63 billion)' is one amount: keep the first, note the restatement."""
    kept: list[_Raw] = []
    alts: dict[int, tuple[float, str | None]] = {}
    for raw in raws:
        if kept:
            last = kept[-1]
            between = text[last.end : raw.start]
            if (
                last.kind == raw.kind == "money"
                and re.fullmatch(r"\s*\(\s*(?:about|around|or|roughly|some)?\s*", between)
                and (len(kept) - 1) not in alts
            ):
                alts[len(kept) - 1] = (raw.value, raw.unit)
                continue
        kept.append(raw)
    return kept, alts


def _whole(text: str, raws: list[_Raw], i: int) -> tuple[float | None, str | None]:
    """The whole a share is of: 'half of one million shells', 'Of the 500 staff, 30 percent'."""
    raw = raws[i]
    if raw.kind != "percent":
        return None, None
    if i + 1 < len(raws):
        nxt = raws[i + 1]
        between = text[raw.end : nxt.start]
        if nxt.kind != "percent" and patterns()["of_gap"].fullmatch(between):
            return nxt.value, nxt.counted
    for prior in reversed(raws[:i]):
        if prior.kind == "percent":
            continue
        lead = text[max(0, prior.start - 12) : prior.start]
        same_sentence = not re.search(r"[.!?]\s|\n", text[prior.end : raw.start])
        if same_sentence and re.search(r"\b[Oo]f\s+(?:the\s+|all\s+)?$", lead):
            return prior.value, prior.counted
        if same_sentence and raw.counted in WHOLE_NOUNS:
            return prior.value, prior.counted  # "one million shells ... half the amount"
        break
    return None, None


def _time_ref(
    doc: Doc, text: str, raw: _Raw, times: list[tuple[int, int]], bounds: list[int]
) -> str | None:
    """The nearest time phrase in the same clause: 'by March', 'already', 'per month'."""
    rate = patterns()["rate"].match(text, raw.end)
    if rate:
        return rate.group("rate")
    anchor = doc[raw.anchor]
    # Token.sent rescans the whole Doc on every call; sentence bounds are computed once.
    k = bisect.bisect_right(bounds, raw.start) - 1
    sent_start, sent_end = bounds[k], bounds[k + 1] if k + 1 < len(bounds) else len(text)
    clause = _clause_head(anchor)
    nouns = _noun_path(anchor, clause)
    best: tuple[int, int, int, int] | None = None
    # `times` are regex matches in text order: their starts and ends both ascend
    first = bisect.bisect_right(times, sent_start, key=lambda t: t[1])
    for s, e in times[first : bisect.bisect_left(times, sent_end, key=lambda t: t[0])]:
        if e <= sent_start or s >= sent_end or (s < raw.end and e > raw.start):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        other = _clause_head(span.root)
        if other == clause:
            rank = 0
        elif any(n.is_ancestor(other) for n in nouns):
            rank = 1  # a relative clause on the quantity's noun phrase: "shells sent by March"
        elif other.is_ancestor(clause):
            rank = 2
        else:
            continue
        distance = raw.start - e if e <= raw.start else s - raw.end
        key = (rank, distance, s, e)
        if best is None or key < best:
            best = key
    return text[best[2] : best[3]] if best else None


def _noun_path(tok: Token, clause: Token) -> list[Token]:
    """The nouns between a number and its clause head: the noun phrase the number sits in."""
    path = []
    while tok.i != clause.i and tok.head.i != tok.i:
        if tok.pos_ in ("NOUN", "PROPN"):
            path.append(tok)
        tok = tok.head
    return path


def _clause_head(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    while tok.dep_ in ("xcomp", "aux", "auxpass") and tok.head.i != tok.i:
        tok = tok.head
    return tok


# -- ranges and tallies ----------------------------------------------------------------------


def _pair(doc: Doc, match: re.Match[str]) -> _Raw | None:
    """'between $5,000 and $20,000', '10 to 15', '10-15 cars': one interval; '134-to-36',
    'a 7-2 ruling', 'voted 52 to 48': a tally. Years, dates, times and changes are neither."""
    text, g = match.string, match.groupdict()
    sep = norm_space(g["sep"])
    before = text[max(0, match.start() - 16) : match.start()]
    if sep == "and" and not g["between"]:
        return None
    if patterns()["change_from"].search(before):
        return None  # "rose from 10 to 15": a change, two figures
    if patterns()["month_before"].search(before) or patterns()["clock_after"].match(
        text, match.end()
    ):
        return None
    na, nb = str(g["na"]), str(g["nb"])
    if re.fullmatch(r"0\d+", nb) or patterns()["id_before"].search(before):
        return None  # "No. 10-277"
    if any(yearlike(str(g[f"n{x}"])) and not (g[f"c{x}"] or g[f"s{x}"]) for x in "ab"):
        return None  # "2010-2014", "in fiscal 2011 to $10.1 million"
    if yearlike(na) and len(nb) == 2:
        return None  # "the 2013-14 season"
    if re.fullmatch(r"\d{3}-\d{4}", match.group(0)):
        return None  # a telephone number
    a, b = side_value(g, "a"), side_value(g, "b")
    if g["sa"] is None and g["sb"] is not None and a < 1000:
        a *= scale_value(g["sb"].strip())  # "5 to 7 million"
    mark = g["ca"] or g["cb"]
    share = bool(g["pa"] or g["pb"])
    plain = not (mark or share or g["sa"] or g["sb"])
    tally = plain and not g["between"] and (sep.startswith("-to") or a >= b)
    if not tally and a >= b:
        return None
    span = doc.char_span(match.start("na"), match.end(), alignment_mode="expand")
    if span is None:
        return None
    qual = patterns()["qualifier"].search(before) if not g["between"] else None
    start = match.start() - (len(qual.group(0)) if qual else 0)
    qualifier = norm_space(qual.group("qual")) if qual else None
    low, high = _bounds(a, qualifier)[0], _bounds(b, qualifier)[1]
    head = None if tally else _counted_head(doc, span.end, of_only=share)
    counted = _counted(doc, head) if head is not None else None
    kind, unit = "count", None
    aged = patterns()["age_after"].match(text, match.end())
    if (aged and aged.group("unit").lower() == "year") or patterns()["aged_before"].search(before):
        end = aged.end() if aged else match.end()  # "aged 13 to 15", "18- to 24-year-olds"
        return replace(_aged(doc, span, start, end, a), low=a, high=b, qualifier=qualifier)
    if tally:
        kind, unit, counted = "tally", "tally", None
        low = high = max(a, b)
    elif mark:
        kind, unit = "money", currency(mark)
        counted = unit
    elif share:
        kind, unit = "percent", "percent"
    elif _measure_unit(counted):
        kind, unit = "measure", _measure_unit(counted)
    return _Raw(
        start=start,
        end=match.end(),
        value=max(a, b) if tally else a,
        unit=unit,
        counted=counted,
        low=low,
        high=high,
        qualifier=qualifier,
        head=head,
        anchor=span.end - 1,
        kind=kind,
        other=min(a, b) if tally else None,
    )
