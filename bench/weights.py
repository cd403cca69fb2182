"""Labelled pairs generated from real coverage -> the judges' weights (models/judge.json).

    python bench/weights.py [--shared ../shared] [--leave-out CORPUS] [--out FILE] [--folds 5]

The FactCC recipe (Kryscinski et al. 2020) moved across documents. From folders of real
same-story articles (the shared corpora; their text never leaves this process), every pair of
claims that pairing's feature rules propose (`pairs.matches`: the pairs a scan's judges weigh)
goes through every judge of the registry (`judge.JUDGES`), and each candidate the judges
compare becomes one labelled row of levels:

- values that agree (the same figure, dates that meet, one name, one speaker, one polarity):
  a seed. Changing one side of a seed the way an outlet's error would (another figure of the
  same measure from the story, or one digit; a date shifted by days, months or years at its
  precision; another place or organisation of the story; the negation flipped; another person
  of the story credited) gives a contradiction of that kind: label 1. Real prose on both sides;
  only the compared value changes.
- values that differ in natural coverage: label 0. Same-story claims whose figures, dates or
  names differ are mostly about different measures, periods, groups or events (hard
  negatives); the few real disagreements among them are noise the fit tolerates.

Each kind gets a logistic regression over one-hot levels (scikit-learn, L2, classes balanced):
its intercept is the kind's bias and its coefficients the levels' log-odds. Validation splits by
story, never by pair (GroupKFold): each row is scored by a model fitted without its story, and
the kind's decision threshold is the one that best separates changed from natural pairs on
those held-out scores (Youden's J), so it is chosen on stories the weights did not see and never
on a scorer's result. `--leave-out` fits without one corpus, to scan that corpus with weights
that never saw it (bench/loco.py).

Rows are cached (levels and labels only, no text) in the claim cache folder, keyed on the
claimcheck source, so a refit reads them back.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import random
import re
import sys
from collections import ChainMap, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import CACHE
from claimcheck import judge, pipeline
from claimcheck.cache import analysis_version
from claimcheck.judge import date as date_judge
from claimcheck.judge import evidence, quantity
from claimcheck.judge.base import Candidate, Context, named_person
from claimcheck.link.about import PLACE_LABELS, about, same_person
from claimcheck.link.align import fold
from claimcheck.link.pairs import FEATURE_RULES, Match, matches
from claimcheck.schema import Anchor, Claim, DateRef, Entity, Event, Quantity

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261207
# Edges that turn a measurement into a level (judge/evidence.bucket), set before any fit and
# never tuned on a score: pairing's cosine in fifths of its usual range; words in a shared
# quotation;
# the share of content words two sentences align (little, some, half, most, a near-copy).
EDGES = {
    "similarity": [0.1, 0.2, 0.3, 0.45, 0.6],
    "quote_words": [5, 8],
    "aligned": [0.2, 0.35, 0.5, 0.7],
}
# A kind whose held-out stories are too few to choose its threshold by keeps the balanced 0.5.
THRESHOLD = 0.5
# Below this held-out AUC a kind's levels do not separate changed from natural pairs: its
# natural differing pairs that pass the judge's definitional preconditions are as often real
# disagreements as not (read by hand for dates, docs/judging.md), so a threshold on the levels
# would be noise. Such a kind reports every candidate whose values differ (threshold 0), its
# confidence still the levels' probability.
MIN_AUC = 0.7
# Two thresholds whose J differs by less are tied (floating-point sums of shares).
TIES = 1e-9
PENALTY_C = 1.0
# A seed's value is swapped for another value of the story (FactCC's swap within the source),
# so that changed and natural pairs differ in how far apart their values are only as much as a
# story's own values do; a story with none gets a one-digit edit or a shift of one to three
# periods of the date's precision.
DIGIT_STEPS = (-2, -1, 1, 2)
PERIOD_STEPS = (-3, -2, -1, 1, 2, 3)


@dataclass(frozen=True)
class Unit:
    """One folder (or cluster) of same-story articles of one corpus."""

    corpus: str
    name: str
    paths: tuple[str, ...]


def units(shared: Path) -> list[Unit]:
    """The real coverage under shared/data: folders scanned as one, or one per cluster.
    basil-planted gives only clean/ (perturbed/ holds the planted edits it is scored on)."""
    data = shared / "data"
    out = []
    for corpus, folder in (
        ("basil-planted", "basil-planted/clean"),
        ("basil-dev", "basil-dev/articles"),
        ("ecbplus-dev", "ecbplus-dev/articles"),
        ("polnear-dev", "polnear-dev/dev"),
    ):
        if (data / folder).is_dir():
            out.append(Unit(corpus, folder, (str(data / folder),)))
    for corpus, folder in (
        ("fnc1-dev", "fnc1-dev"),
        ("frank-dev", "frank-dev/dev"),
        ("summedits-dev", "summedits-dev/dev"),
    ):
        root = data / folder
        if root.is_dir():
            out += [
                Unit(corpus, f"{folder}/{d.name}", (str(d),))
                for d in sorted(root.iterdir())
                if d.is_dir()
            ]
    return out


def rows_of(unit: Unit, options: pipeline.ScanOptions) -> Iterator[dict[str, Any]]:
    """Every labelled row one unit gives: natural candidates and changed seeds."""
    articles, _, extracted, _ = pipeline.load_claims(list(unit.paths), options)
    claims, stories = pipeline._storied(articles, extracted)
    group = stories.groups()
    members: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        members[group.get(claim.doc_id, claim.doc_id)].append(claim)
    for name in sorted(members):
        story = members[name]
        if len({c.doc_id for c in story}) < 2:
            continue
        ctx = judge.context(story, articles)
        pool = _Pool(story)
        label = f"{unit.name}/{name}"
        for match in matches(story, stories, rules=FEATURE_RULES):
            for kind, rule in judge.JUDGES.items():
                for candidate in rule(match, ctx):
                    if not candidate.agree:
                        yield _row(unit, label, candidate, 0, "natural")
                        continue
                    changed = _changed(kind, match, candidate, ctx, pool)
                    if changed is not None:
                        yield _row(unit, label, changed, 1, "changed")


def _row(unit: Unit, story: str, c: Candidate, label: int, origin: str) -> dict[str, Any]:
    return {
        "corpus": unit.corpus,
        "story": story,
        "kind": c.evidence.kind,
        "levels": c.evidence.features(),
        "label": label,
        "origin": origin,
    }


class _Pool:
    """What a story offers to change a seed with: figures by measure, names of places and
    organisations, and the people its claims credit."""

    def __init__(self, story: Sequence[Claim]) -> None:
        self.values: dict[str, list[float]] = defaultdict(list)
        figures = quantity.Figures()
        for claim in story:
            for m in figures(claim):
                if m.low == m.high:
                    self.values[m.measure].append(m.low)
        self.names: dict[str, dict[str, Entity]] = defaultdict(dict)
        for claim in story:
            for e in claim.entities:
                kind = "place" if e.label in PLACE_LABELS else "org" if e.label == "ORG" else None
                if kind:
                    self.names[kind].setdefault(fold(e.canonical), e)
        self.people = sorted({c.speaker for c in story if c.speaker and named_person(c)})
        self.dates: dict[str, list[DateRef]] = defaultdict(list)
        seen = set()
        for claim in story:
            for d in claim.dates:
                if d.value and d.granularity and (d.value, d.granularity) not in seen:
                    seen.add((d.value, d.granularity))
                    self.dates[d.granularity].append(d)


def _changed(
    kind: str, match: Match, seed: Candidate, ctx: Context, pool: _Pool
) -> Candidate | None:
    """The seed with one side's value changed, judged again: the candidate of the changed
    value, or None when the story offers no change of this kind."""
    rng = random.Random(f"{SEED}|{kind}|{match.a.claim.id}|{match.b.claim.id}|{seed.subjects}")
    side = rng.randrange(2)
    claim = (match.a, match.b)[side].claim
    subject = seed.subjects[side]
    other = seed.subjects[1 - side]
    fresh = replace(ctx, figures=quantity.Figures())  # the changed claim keeps its id
    result: tuple[Claim, Any] | None
    if kind == "quantity":
        result = _new_figure(claim, subject, pool, rng)
    elif kind == "date":
        result = _new_date(claim, subject, pool, rng)
    elif kind == "entity":
        result = _new_name(claim, subject, other, pool, rng)
    elif kind == "polarity":
        result = _flipped(claim, subject)
    else:
        result = _new_speaker(claim, subject, other, pool, rng)
        if result is not None:
            speakers = ChainMap({(claim.doc_id, claim.start): (result[0].speaker,)}, ctx.speakers)
            fresh = replace(fresh, speakers=speakers)
    if result is None:
        return None
    new_claim, new_subject = result
    sides = [match.a, match.b]
    sides[side] = about(new_claim)
    changed = replace(match, a=sides[0], b=sides[1])
    for candidate in judge.JUDGES[kind](changed, fresh):
        if not candidate.agree and _same(candidate.subjects[side], new_subject):
            return candidate
    return None


def _same(x: Any, y: Any) -> bool:
    if isinstance(x, Anchor) and isinstance(y, Anchor):
        return fold(x.entity) == fold(y.entity) and x.head == y.head
    return bool(x == y)


def _new_figure(
    claim: Claim, q: Quantity, pool: _Pool, rng: random.Random
) -> tuple[Claim, Quantity] | None:
    value = q.value
    if not math.isfinite(value) or value == 0:
        return None
    seed_figure = next(m for m in quantity.measured(claim) if m.quantity is q)
    donors = sorted(
        {
            v
            for v in pool.values.get(seed_figure.measure, [])
            if not quantity.meets(seed_figure, replace(seed_figure, low=v, high=v, slack=0))
        }
    )
    if donors:
        new = rng.choice(donors)
    else:
        step = 10 ** math.floor(math.log10(abs(value)))
        new = value + rng.choice(DIGIT_STEPS) * step
        if new <= 0:
            new = value + step
    factor = new / value
    # the figure written as it was, its number changed: '$750,000' -> '$570,000'
    written = re.search(r"\d[\d,]*(?:\.\d+)?", q.text)
    if written:
        digits = written.group().replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        number = f"{float(digits) * factor:,.{decimals}f}"
        text = q.text[: written.start()] + number + q.text[written.end() :]
    else:
        text = f"{new:,.0f}" if new == int(new) else f"{new:,.2f}"
    changed = q.model_copy(
        update={
            "value": new,
            "low": None if q.low is None else q.low * factor,
            "high": None if q.high is None else q.high * factor,
            "text": text,
            "alt_value": None,
            "of_whole": None,
        }
    )
    changed = changed.model_copy(update={"end": q.start + len(changed.text)})
    quantities = tuple(changed if x is q else x for x in claim.quantities)
    return _rewritten(claim, q, changed.text, {"quantities": quantities}), changed


def _new_date(
    claim: Claim, d: DateRef, pool: _Pool, rng: random.Random
) -> tuple[Claim, DateRef] | None:
    if not d.value or not d.granularity:
        return None
    donors = [
        x
        for x in pool.dates.get(d.granularity, [])
        if x.value != d.value and not date_judge.overlaps(x, d)
    ]
    if donors:
        donor = rng.choice(donors)
        changed = d.model_copy(update={"value": donor.value, "end_value": donor.end_value})
    else:
        changed = _shifted(d, rng.choice(PERIOD_STEPS))
    if donors:
        changed = changed.model_copy(update={"text": donor.text, "end": d.start + len(donor.text)})
    dates = tuple(changed if x is d else x for x in claim.dates)
    return _rewritten(claim, d, changed.text, {"dates": dates}), changed


def _rewritten(claim: Claim, item: Quantity | DateRef, text: str, update: dict[str, Any]) -> Claim:
    """The claim with the item's words replaced in its sentence, as an outlet's edit would."""
    at = item.start - claim.start
    sentence = claim.text
    if sentence[at : at + len(item.text)] == item.text:
        sentence = sentence[:at] + text + sentence[at + len(item.text) :]
    return claim.model_copy(update={**update, "text": sentence})


def _shifted(d: DateRef, periods: int) -> DateRef:
    """The date moved by whole periods of its precision, its period kept whole."""
    assert d.value is not None
    start = dt.date.fromisoformat(d.value)
    end = dt.date.fromisoformat(d.end_value) if d.end_value else None
    if d.granularity in ("day", "week"):
        step = dt.timedelta(days=periods * (7 if d.granularity == "week" else 1))
        moved, moved_end = start + step, end + step if end else None
    else:
        months = periods * (12 if d.granularity == "year" else 1)
        index = start.year * 12 + start.month - 1 + months
        moved = dt.date(index // 12, index % 12 + 1, 1)
        last = (moved.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        span_end = moved.replace(year=moved.year + 1) if d.granularity == "year" else last
        moved_end = span_end - dt.timedelta(days=1) if end else None
    return d.model_copy(
        update={
            "value": moved.isoformat(),
            "end_value": moved_end.isoformat() if moved_end else None,
        }
    )


def _new_name(
    claim: Claim, anchor: Anchor, other: Anchor, pool: _Pool, rng: random.Random
) -> tuple[Claim, Anchor] | None:
    named = [e for e in claim.entities if fold(e.canonical) == fold(anchor.entity)]
    if not named:
        return None
    old = named[0]
    kind = "place" if old.label in PLACE_LABELS else "org" if old.label == "ORG" else None
    if kind is None:
        return None
    taken = {fold(anchor.entity), fold(other.entity)}
    words = fold(claim.text)
    donors = [
        e
        for key, e in sorted(pool.names[kind].items())
        if key not in taken and key not in words and e.text not in claim.text
    ]
    if not donors:
        return None
    donor = rng.choice(donors)
    entity = old.model_copy(
        update={"text": donor.text, "canonical": donor.canonical, "label": old.label}
    )
    new_anchor = anchor.model_copy(update={"entity": donor.canonical})
    frame = claim.frame.model_copy(
        update={"anchors": tuple(new_anchor if x is anchor else x for x in claim.frame.anchors)}
    )
    return (
        claim.model_copy(
            update={
                "text": claim.text.replace(old.text, donor.text),
                "entities": tuple(entity if x is old else x for x in claim.entities),
                "frame": frame,
            }
        ),
        new_anchor,
    )


def _flipped(claim: Claim, event: Event) -> tuple[Claim, Event]:
    changed = event.model_copy(update={"negated": not event.negated})
    frame = claim.frame.model_copy(
        update={"events": tuple(changed if x is event else x for x in claim.frame.events)}
    )
    return claim.model_copy(update={"frame": frame}), changed


def _new_speaker(
    claim: Claim, speaker: str, other: str, pool: _Pool, rng: random.Random
) -> tuple[Claim, str] | None:
    donors = [p for p in pool.people if not same_person(p, speaker) and not same_person(p, other)]
    if not donors:
        return None
    donor = rng.choice(donors)
    text = claim.text
    # the sentence names the new speaker where it named the old one ('Ms. Iles said')
    for old, new in ((claim.speaker_mention, donor), (speaker, donor)):
        if old and old[:1].isupper():
            text = text.replace(old, new)
    surname, new_surname = speaker.split()[-1], donor.split()[-1]
    text = re.sub(rf"\b{re.escape(surname)}\b", new_surname, text)
    entities = tuple(
        e.model_copy(update={"text": donor, "canonical": donor})
        if e.label == "PERSON" and same_person(e.canonical, speaker)
        else e
        for e in claim.entities
    )
    changed = claim.model_copy(
        update={"speaker": donor, "speaker_mention": donor, "text": text, "entities": entities}
    )
    return changed, donor


def generate(shared: Path, cache: Path, jobs: int) -> list[dict[str, Any]]:
    """Every row of every unit, read back from the cache when the source is unchanged."""
    script = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    key = hashlib.sha256(f"{analysis_version()}|{script}".encode()).hexdigest()[:16]
    path = cache / f"judge-rows-{key}.jsonl"
    if path.exists():
        return [json.loads(line) for line in path.read_text().splitlines()]
    options = pipeline.ScanOptions(cache_dir=str(cache), jobs=jobs)
    # the levels are read with this script's edges, whatever models/judge.json holds now
    cache.mkdir(parents=True, exist_ok=True)
    edges = cache / f"judge-edges-{key}.json"
    edges.write_text(json.dumps({"buckets": EDGES, "kinds": {}}))
    os.environ[evidence.WEIGHTS_ENV] = str(edges)
    evidence.table.cache_clear()
    rows: list[dict[str, Any]] = []
    todo = units(shared)
    for i, unit in enumerate(todo):
        rows.extend(rows_of(unit, options))
        if sys.stderr.isatty():
            print(f"\r{i + 1}/{len(todo)} units, {len(rows)} rows", end="", file=sys.stderr)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))
    return rows


def fit(rows: Sequence[dict[str, Any]], folds: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """Per kind: the weights on all rows, and the scores on stories held out by GroupKFold."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    kinds: dict[str, Any] = {}
    checks: dict[str, Any] = {}
    for kind in sorted({r["kind"] for r in rows}):
        mine = [r for r in rows if r["kind"] == kind]
        labels = [r["label"] for r in mine]
        if len(set(labels)) < 2:
            continue
        vectorizer = DictVectorizer(sparse=True)
        x = vectorizer.fit_transform([dict.fromkeys(r["levels"], 1) for r in mine])
        model = LogisticRegression(C=PENALTY_C, class_weight="balanced", max_iter=2000)
        model.fit(x, labels)
        names = vectorizer.get_feature_names_out()
        kinds[kind] = {
            "bias": round(float(model.intercept_[0]), 4),
            "threshold": THRESHOLD,  # replaced below by the held-out stories' choice
            "weights": {
                str(n): round(float(w), 4)
                for n, w in sorted(zip(names, model.coef_[0], strict=True))
            },
            "rows": {"changed": sum(labels), "natural": len(labels) - sum(labels)},
        }
        groups = [r["story"] for r in mine]
        n_groups = len(set(groups))
        if n_groups >= folds:
            scores = [0.0] * len(mine)
            for train, test in GroupKFold(n_splits=folds).split(x, labels, groups):
                held = LogisticRegression(C=PENALTY_C, class_weight="balanced", max_iter=2000)
                held.fit(x[train], [labels[i] for i in train])
                for i, p in zip(test, held.predict_proba(x[test])[:, 1], strict=True):
                    scores[i] = float(p)
            auc = float(roc_auc_score(labels, scores))
            threshold = _youden(scores, labels) if auc >= MIN_AUC else 0.0
            kinds[kind]["threshold"] = threshold
            said = [s >= threshold for s in scores]
            hits = sum(1 for s, y in zip(said, labels, strict=True) if s and y)
            checks[kind] = {
                "threshold": threshold,
                "auc": round(auc, 3),
                "recall": round(hits / max(sum(labels), 1), 3),
                "false_alarm": round(
                    sum(1 for s, y in zip(said, labels, strict=True) if s and not y)
                    / max(len(labels) - sum(labels), 1),
                    3,
                ),
            }
    return kinds, checks


def _youden(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The threshold on held-out stories' probabilities that best separates changed from
    natural pairs (largest recall minus false-alarm rate, Youden's J; the higher of ties),
    to three places as the judges round."""
    positives = sum(labels)
    negatives = len(labels) - positives
    ranked = sorted(zip(scores, labels, strict=True), key=lambda sl: -sl[0])
    best, best_j, hits, alarms = 1.0, -1.0, 0, 0
    for i, (score, label) in enumerate(ranked):
        hits += label
        alarms += 1 - label
        if i + 1 < len(ranked) and ranked[i + 1][0] == score:
            continue
        j = hits / positives - alarms / negatives
        if j > best_j + TIES:
            best, best_j = score, j
    return math.floor(best * 1000) / 1000


def written(
    kinds: dict[str, Any], checks: dict[str, Any], corpora: list[str], left_out: list[str]
) -> dict[str, Any]:
    """models/judge.json: the fitted kinds, the edges they were read with, the held-out checks
    and the AUC below which a kind's threshold is 0 (recorded beside the thresholds it chose)."""
    return {
        "about": (
            "The judges' comparison levels and their learned log-odds (judge/evidence.py), "
            "written by bench/weights.py from pairs generated from real coverage; buckets are "
            "the edges that turn a measurement into a level, set before fitting."
        ),
        "fitted_on": corpora,
        "left_out": sorted(left_out),
        "buckets": EDGES,
        "kinds": kinds,
        "held_out_stories": checks,
        "min_auc": MIN_AUC,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--cache", default=str(CACHE))
    parser.add_argument("--leave-out", action="append", default=[], help="a corpus to fit without")
    parser.add_argument("--out", default=str(ROOT / "models" / "judge.json"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    rows = generate(Path(args.shared), Path(args.cache), args.jobs)
    kept = [r for r in rows if r["corpus"] not in args.leave_out]
    kinds, checks = fit(kept, args.folds)
    corpora = sorted({r["corpus"] for r in kept})
    table = written(kinds, checks, corpora, args.leave_out)
    Path(args.out).write_text(json.dumps(table, indent=2, sort_keys=True) + "\n")
    for kind, check in sorted(checks.items()):
        rows_of_kind = kinds[kind]["rows"]
        print(
            f"{kind}: changed {rows_of_kind['changed']} natural {rows_of_kind['natural']} "
            f"held-out stories auc {check['auc']} threshold {check['threshold']} "
            f"recall {check['recall']} "
            f"false-alarm {check['false_alarm']}"
        )
    print(f"wrote {args.out} (fitted on {', '.join(corpora)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
