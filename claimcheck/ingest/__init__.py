"""Files on disk -> Article: finds inputs, decodes them, cleans their text and reads metadata."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator, Sequence

from claimcheck import runner
from claimcheck.errors import internal_reason, print_traceback
from claimcheck.ingest import reasons
from claimcheck.ingest.clean import Cleaned, clean, is_url_list
from claimcheck.ingest.decode import decode
from claimcheck.ingest.feeds import feed_records, is_feed
from claimcheck.ingest.language import is_english
from claimcheck.ingest.metadata import Meta, parse_date
from claimcheck.ingest.reasons import Unreadable
from claimcheck.ingest.records import (
    BYLINE_KEYS,
    DATE_KEYS,
    OUTLET_KEYS,
    TEXT_KEYS,
    TITLE_KEYS,
    Record,
    csv_records,
    json_records,
    jsonl_records,
)
from claimcheck.ingest.walk import CSV, FEED, HTML, JSON, JSONL, Source, find_sources
from claimcheck.schema import Article, Skipped

__all__ = ["DEFAULT_MAX_BYTES", "read_articles"]

DEFAULT_MAX_BYTES = 5_000_000
# Below this many files, reading and cleaning run in this process: a pool would cost more.
PARALLEL_FILES = 200


def read_articles(
    paths: Sequence[str],
    *,
    glob: str | None = None,
    exclude: Sequence[str] = (),
    use_gitignore: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
) -> tuple[list[Article], list[Skipped]]:
    """Read every article under `paths` (folders walked as `walk.find_sources` says); what
    cannot be read is skipped with a reason. From PARALLEL_FILES files on, they are read and
    cleaned in up to `jobs` processes (standard input always here), in the same order."""
    sources, skipped = find_sources(paths, glob=glob, exclude=exclude, use_gitignore=use_gitignore)
    serial = len(sources) < PARALLEL_FILES or any(s.path is None for s in sources)
    runner.stage("reading", len(sources), "files")
    articles: list[Article] = []
    for items in runner.run_tasks(
        _read_one, sources, jobs=jobs, shared=max_bytes, serial=serial, what="reading files"
    ):
        for item in items:
            if isinstance(item, Article):
                articles.append(item)
            else:
                skipped.append(item)
    return _unique_ids(articles), skipped


def _read_one(source: Source) -> list[Article | Skipped]:
    """One file's articles (several for JSON records), or why it is skipped."""
    max_bytes: int = runner.shared()
    try:
        return list(_read_source(source, max_bytes))
    except Unreadable as exc:
        return [Skipped(path=source.shown, reason=str(exc))]
    except Exception as exc:  # a bad file must never stop the batch
        print_traceback(exc)
        return [Skipped(path=source.shown, reason=internal_reason("reading", exc))]
    finally:
        runner.advance("reading")


def _read_source(source: Source, max_bytes: int) -> Iterator[Article | Skipped]:
    raw = _read_bytes(source, max_bytes)
    if not raw.strip():
        raise Unreadable(reasons.EMPTY)
    text = decode(raw)
    if not text.strip():
        raise Unreadable(reasons.EMPTY)
    sha = hashlib.sha256(raw).hexdigest()
    kind = _kind(source, text)
    if kind in ("json", "jsonl", "csv", "feed"):
        yield from _read_records(source, text, kind, sha)
        return
    if kind in ("txt", "md") and is_url_list(text):
        raise Unreadable(reasons.URL_LIST)
    if kind == "html":
        from claimcheck.ingest.html import read_html

        cleaned = read_html(text)
    else:
        cleaned = clean(text)
    yield _article(source.doc_id, source.shown, kind, sha, cleaned)


def _read_bytes(source: Source, max_bytes: int) -> bytes:
    try:
        if source.path is None:
            raw = sys.stdin.buffer.read(max_bytes + 1)
            size = len(raw)
        else:
            size = source.path.stat().st_size
            if size > max_bytes:
                raise Unreadable(reasons.too_big(size, max_bytes))
            raw = source.path.read_bytes()
    except OSError as exc:
        raise Unreadable(reasons.os_error(exc)) from None
    if size > max_bytes:
        raise Unreadable(reasons.too_big(size, max_bytes))
    return raw


def _kind(source: Source, text: str) -> str:
    suffix = source.suffix
    if source.path is None:
        head = text.lstrip()[:200].lower()
        if head.startswith(("{", "[")):
            return "json"
        if head.startswith(("<!doctype html", "<html", "<head", "<body")):
            return "html"
        return "feed" if is_feed(text) else "txt"
    if suffix in HTML:
        return "html"
    if suffix in JSON:
        return "json"
    if suffix in JSONL:
        return "jsonl"
    if suffix in CSV:
        return "csv"
    if suffix in FEED:
        return "feed"
    return "md" if suffix in (".md", ".markdown") else "txt"


def _read_records(source: Source, text: str, kind: str, sha: str) -> Iterator[Article | Skipped]:
    items: Iterable[Record | str] = jsonl_records(text)
    if kind in ("csv", "feed"):
        items = csv_records(text) if kind == "csv" else feed_records(text)
    single = False
    if kind == "json":
        records = json_records(text)
        # The report contract: an article's id is its file name without extension; the records
        # of a file that holds several are told apart by their position.
        items, single = records, len(records) == 1
    good = 0
    problems: list[str] = []
    for item in items:
        if isinstance(item, str):
            problems.append(item)
            continue
        try:
            yield _record_article(source, item, kind, sha, single=single)
            good += 1
        except Unreadable as exc:
            problems.append(f"record {item.index}: {exc}")
    if problems and not good and len(problems) > 1:
        more = f" (and {len(problems) - 1} more)"
        raise Unreadable(problems[0] + more)
    for problem in problems:
        yield Skipped(path=source.shown, reason=problem)


def _record_article(
    source: Source, record: Record, kind: str, sha: str, *, single: bool = False
) -> Article:
    body = record.first(TEXT_KEYS)
    if not body:
        raise Unreadable(reasons.NO_RECORD_TEXT)
    meta = Meta()
    meta.offer(
        title=record.first(TITLE_KEYS),
        published=parse_date(record.first(DATE_KEYS) or ""),
        outlet=record.first(OUTLET_KEYS, wrapped=True),
        byline=record.first(BYLINE_KEYS),
    )
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if record.html:
        from claimcheck.ingest.html import read_html

        cleaned = read_html(body, meta=meta)
    else:
        cleaned = clean(body, meta=meta)
    line_map = tuple((at, record.line, 1) for at, _, _ in cleaned.line_map[:1]) or (
        (0, record.line, 1),
    )
    doc_id = record.first(("id",)) or (
        source.doc_id if single else f"{source.doc_id}-{record.index}"
    )
    return _article(doc_id, source.shown, kind, sha, Cleaned(cleaned.text, line_map, meta))


def _article(doc_id: str, path: str, kind: str, sha: str, cleaned: Cleaned) -> Article:
    if not cleaned.text.strip():
        raise Unreadable("no article text left after removing page furniture")
    if not is_english(cleaned.text):
        raise Unreadable(reasons.NOT_ENGLISH)
    meta = cleaned.meta
    return Article(
        id=doc_id,
        path=path,
        title=meta.title,
        published=meta.published,
        outlet=meta.outlet,
        byline=meta.byline,
        format=kind,
        sha256=sha,
        text=cleaned.text,
        line_map=cleaned.line_map,
    )


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Record ids can repeat across files: later repeats get a numeric suffix."""
    seen: set[str] = set()
    out = []
    for article in articles:
        doc_id, n = article.id, 1
        while doc_id in seen:
            n += 1
            doc_id = f"{article.id}~{n}"
        seen.add(doc_id)
        out.append(article if doc_id == article.id else article.model_copy(update={"id": doc_id}))
    return out
