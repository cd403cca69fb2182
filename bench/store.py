"""Times `scan BATCH --against STORE` for stores of growing size, with peak memory.

    .venv/bin/python bench/store.py [--sizes 10000 50000] [--shared ../shared] [--work DIR]

The stores are simulated from real coverage, the 150 articles of basil-dev (50 events, three
outlets each): their claims are extracted once, then
- the batch is the 100 fox and hpo articles, scanned as files;
- the store holds the 50 nyt articles of the same events as they are, so each batch story has
  stored coverage to meet, and then copies of all 150 articles until it holds N: each copy with
  new document ids, outlets, publication dates (45 days later per copy, so copies are never one
  story) and names (every word of a person's, place's or organisation's name gets the copy's own
  suffix, in the claims' text, entities, speakers and frames alike), so story markers and
  blocking keys spread over the store as over years of coverage, not onto the batch's stories.
Everything re-keyed stays under --work (default /tmp/claimcheck-bench-store); nothing of it is
written into the repository. A first scan fills the batch's claim cache; the timed scans read
the batch's claims from it, so what grows with the store is what is timed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import Measured, run  # noqa: E402
from claimcheck import nlp, runner, store  # noqa: E402
from claimcheck.cache import claims_key  # noqa: E402
from claimcheck.cache import model_key as cached_model_key  # noqa: E402
from claimcheck.ingest import read_articles  # noqa: E402
from claimcheck.link.story import STORY_LABELS  # noqa: E402
from claimcheck.schema import Article, Claim  # noqa: E402

SOURCE = "basil-dev/articles"
BATCH_OUTLETS = ("fox", "hpo")
DAYS_PER_COPY = 45
PUT_BATCH = 500
# Name words shorter than this ('Mr', 'St') or that are common words are left as they are.
MIN_NAME_WORD = 4
WORD = re.compile(r"\b[\w'-]+\b(?!\":)")
# Words kept as they are: common words of names, and the values of the claims' enumerations
# (labels, kinds, granularities), which a name word of the same letters must not change.
KEEP = frozenset(
    [
        "the",
        "this",
        "that",
        "party",
        "house",
        "state",
        "states",
        "united",
        "national",
        "person",
        "norp",
        "fac",
        "loc",
        "event",
        "date",
        "time",
        "day",
        "week",
        "month",
        "year",
        "quarter",
        "decade",
        "percent",
        "money",
        "quantity",
        "ordinal",
        "cardinal",
        "law",
        "language",
        "product",
        "work_of_art",
        "attribution",
    ]
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path("/tmp/claimcheck-bench-store"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    sources = args.shared / "data" / SOURCE
    batch = _batch(sources, args.work / "batch")
    extracted = _extracted(sources, args.work / "source.jsonl")
    cache = args.work / "cache"
    _scan(batch, _store(extracted, 200, args.work), cache)  # fills the batch's claim cache
    results = []
    for size in args.sizes:
        built = time.perf_counter()
        path = _store(extracted, size, args.work)
        seconds_built = time.perf_counter() - built
        summarised = time.perf_counter()
        db = store.Store(path)
        db.summarise()  # what `index` does at the end of a run
        db.close()
        seconds_summarised = time.perf_counter() - summarised
        measured = _scan(batch, path, cache)
        report = json.loads((args.work / "report.json").read_text(encoding="utf-8"))
        row = {
            "articles": size,
            "store_mb": round(path.stat().st_size / 2**20),
            "build_s": round(seconds_built, 1),
            "summarise_s": round(seconds_summarised, 1),
            "scan_s": round(measured.seconds, 1),
            "peak_rss_mb": round(measured.peak_rss_mb),
            "peak_pss_mb": round(measured.peak_pss_mb),
            "documents_loaded": report["summary"]["documents"] - 100,
            "contradictions": report["summary"]["contradictions"],
        }
        results.append(row)
        print(json.dumps(row), flush=True)
    first = results[0]
    for row in results[1:]:
        ratio = row["scan_s"] / first["scan_s"]
        print(f"time({row['articles']}) / time({first['articles']}) = {ratio:.2f}")


def _batch(sources: Path, folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in sorted(sources.glob("*.json")):
        if path.stem.rsplit("-", 1)[-1] in BATCH_OUTLETS:
            shutil.copy(path, folder / path.name)
    return folder


def _extracted(sources: Path, cached: Path) -> list[tuple[Article, list[Claim]]]:
    """Every source article with its claims as extracted (kept in `cached` between runs)."""
    if not cached.exists():
        model = nlp.resolve_model(None)
        articles, _ = read_articles([str(sources)])
        found = runner.extract_all(articles, model=model, jobs=0)
        with cached.open("w", encoding="utf-8") as out:
            for article, claims in zip(articles, found, strict=True):
                if isinstance(claims, list):
                    row = {
                        "article": article.model_dump(),
                        "claims": [c.model_dump() for c in claims],
                    }
                    out.write(json.dumps(row) + "\n")
    rows = [json.loads(line) for line in cached.read_text(encoding="utf-8").splitlines()]
    return [
        (Article.model_validate(r["article"]), [Claim.model_validate(c) for c in r["claims"]])
        for r in rows
    ]


def _store(extracted: list[tuple[Article, list[Claim]]], size: int, work: Path) -> Path:
    """A store of `size` articles (built once per size and kept under `work`)."""
    path = work / f"store-{size}.duckdb"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = store.Store(partial)
    db.check_model(cached_model_key(nlp.resolve_model(None)))
    entries: list[store.Entry] = []
    for entry in _simulated(extracted, size):
        entries.append(entry)
        if len(entries) == PUT_BATCH:
            db.put(entries)
            entries = []
    db.put(entries)
    db.close()
    partial.rename(path)
    return path


def _simulated(extracted: list[tuple[Article, list[Claim]]], size: int) -> Iterator[store.Entry]:
    """The store's articles: the stored outlet's as they are, then re-keyed copies of all."""
    model = cached_model_key(nlp.resolve_model(None))
    made = 0
    for article, claims in extracted:
        if article.id.rsplit("-", 1)[-1] not in BATCH_OUTLETS and made < size:
            yield store.Entry.of(article, claims_key(article, model), claims)
            made += 1
    names = _name_words(extracted)
    dumped = [(a, [c.model_dump_json() for c in claims]) for a, claims in extracted]
    copy = 0
    while made < size:
        copy += 1
        for article, claims in dumped:
            if made == size:
                return
            rekeyed, found = _rekeyed(article, claims, copy, names)
            yield store.Entry.of(rekeyed, claims_key(rekeyed, model), found)
            made += 1


def _name_words(extracted: list[tuple[Article, list[Claim]]]) -> frozenset[str]:
    """The words of the names the claims hold (entities of story labels, speakers), folded."""
    words: set[str] = set()
    for _, claims in extracted:
        for claim in claims:
            names = [e.canonical for e in claim.entities if e.label in STORY_LABELS]
            names += [e.text for e in claim.entities if e.label in STORY_LABELS]
            names += [claim.speaker] if claim.speaker else []
            for name in names:
                words.update(w.lower() for w in re.findall(r"[A-Z][\w'-]+", name))
    return frozenset(w for w in words if len(w) >= MIN_NAME_WORD and w not in KEEP)


def _renamer(names: frozenset[str], tag: str) -> Callable[[str], str]:
    """Appends `tag` to every name word of a text (or of JSON: a word that ends a key, as in
    "line":, is the key, not a name)."""

    def renamed(match: re.Match[str]) -> str:
        word = match.group(0)
        return word + tag if word.lower() in names else word

    return lambda text: WORD.sub(renamed, text)


def _rekeyed(
    article: Article, claims: list[str], copy: int, names: frozenset[str]
) -> tuple[Article, list[Claim]]:
    """`article` and its claims (as JSON) as copy `copy`: new id, outlet, date and names."""
    tag = _letters(copy)
    rename = _renamer(names, tag)
    doc = f"c{copy:04d}-{article.id}"
    published = (
        article.published
        and (
            dt.date.fromisoformat(article.published) + dt.timedelta(days=DAYS_PER_COPY * copy)
        ).isoformat()
    )
    rekeyed = article.model_copy(
        update={
            "id": doc,
            "path": f"/simulated/{doc}.json",
            "published": published,
            "outlet": f"{article.outlet or 'Outlet'} {tag}",
            "title": article.title and rename(article.title),
        }
    )
    found = [
        Claim.model_validate_json(rename(c.replace(f'"{article.id}', f'"{doc}'))) for c in claims
    ]
    return rekeyed, found


def _letters(copy: int) -> str:
    out = ""
    while True:
        copy, digit = divmod(copy, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[digit] + out
        if copy == 0:
            return out


def _scan(batch: Path, path: Path, cache: Path) -> Measured:
    command = [
        sys.executable,
        "-m",
        "claimcheck",
        "scan",
        str(batch),
        "--against",
        str(path),
        "--json",
        str(path.parent / "report.json"),
        "--quiet",
        "--exit-zero",
        "--cache-dir",
        str(cache),
    ]
    measured = run(command, cwd=ROOT)
    if measured.returncode != 0:
        raise SystemExit(f"scan failed: {measured.stderr}")
    return measured


if __name__ == "__main__":
    main()
