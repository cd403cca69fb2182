"""scan(paths, options) -> Report: the one place that strings the steps together."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck import __version__, judge, nlp, runner, store
from claimcheck.cache import ClaimCache, claims_key, trim
from claimcheck.cache import model_key as cached_model_key
from claimcheck.config import Settings
from claimcheck.errors import BadPath, EngineMissing, NoArticles, stage
from claimcheck.extract import speakers
from claimcheck.ingest import DEFAULT_MAX_BYTES, read_articles
from claimcheck.judge import evidence
from claimcheck.link import cluster
from claimcheck.link.pairs import Match, matches
from claimcheck.link.story import Census, Stories, anchored
from claimcheck.schema import Article, Claim, Document, Report, Skipped, Story, Summary

if TYPE_CHECKING:
    from claimcheck.engine import Cluster

# Below this many claims pairing and judging run in this process: a pool would cost more.
PARALLEL_CLAIMS = 5_000
# From this many claims judging workers start fresh (spawn) instead of forking: a fork maps
# every page of the scan's claims once more per worker, which the memory bar counts (10,000
# articles, 345,000 claims), while a fresh start costs about 3 s of CPU per worker, which
# weighs most on a small scan (1,000 articles, 34,000 claims). docs/performance.md.
FRESH_CLAIMS = 100_000


@dataclass(frozen=True)
class ScanOptions:
    model: str | None = None
    glob: str | None = None
    # Patterns of files and folders a walk leaves out (ingest.walk.find_sources).
    exclude: tuple[str, ...] = ()
    # Whether a walk inside a git repository leaves out what its .gitignore files do.
    use_gitignore: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 0
    # Where extraction and judging run: "local" processes, or "dask" on a Dask cluster (the
    # one at `scheduler`, else a LocalCluster of `jobs` workers); config.ENGINES.
    engine: str = "local"
    scheduler: str | None = None
    progress: bool = False
    # Articles compared with, but not checked: findings must involve a claim of `paths`.
    against: tuple[str, ...] = ()
    # Where extracted claims are kept between runs; None reads and writes no cache.
    cache_dir: str | None = None
    # After a scan the cache keeps at most this many bytes, the most recently used (0: all).
    cache_max_size: int = Settings.cache_max_size


def load_claims(
    paths: Sequence[str], options: ScanOptions
) -> tuple[list[Article], list[Skipped], list[Claim], str]:
    """Read and extract: articles, skipped inputs, claims (speakers unified) and the model key."""
    model = nlp.resolve_model(options.model)
    with runner.showing(options.progress), _engine(options) as dask:
        articles, skipped = _read(paths, options)
        return (*_extracted(articles, skipped, model, options, dask), cached_model_key(model))


def _read(paths: Sequence[str], options: ScanOptions) -> tuple[list[Article], list[Skipped]]:
    missing = [p for p in options.against if p != "-" and not os.path.lexists(p)]
    if missing:
        raise BadPath(missing[0], "--against: no such file or folder; check the path")
    if _store_of(options) is not None:
        options = replace(options, against=())
    articles, skipped = _read_paths(paths, options)
    _some_left(articles, skipped)
    if options.against:
        corpus, corpus_skipped = _read_paths(options.against, options)
        articles, skipped = _with_corpus(articles, skipped, corpus, corpus_skipped)
    return articles, skipped


def _read_paths(paths: Sequence[str], options: ScanOptions) -> tuple[list[Article], list[Skipped]]:
    """The articles under `paths` and the inputs skipped: the new articles, the corpus
    (--against) and an index run are found by the one walk, with the same options."""
    with stage("reading"):
        return read_articles(
            paths,
            glob=options.glob,
            exclude=options.exclude,
            use_gitignore=options.use_gitignore,
            max_bytes=options.max_bytes,
            jobs=options.jobs,
        )


def _store_of(options: ScanOptions) -> Path | None:
    """The store `--against` names (claimcheck index), or None when it names articles."""
    found = [store.find(p) for p in options.against]
    if not any(found):
        return None
    if len(found) > 1:
        raise BadPath(str(found[0] or found[1]), "--against: a store must be the only --against")
    return found[0]


def _some_left(articles: Sequence[Article], skipped: Sequence[Skipped]) -> None:
    if not articles:
        first = f"{skipped[0].path}: {skipped[0].reason}" if skipped else None
        raise NoArticles(len(skipped), first)


def _extracted(
    articles: list[Article],
    skipped: list[Skipped],
    model: str,
    options: ScanOptions,
    dask: Cluster | None,
) -> tuple[list[Article], list[Skipped], list[Claim]]:
    """The articles, skipped inputs and claims (speakers unified) after extraction."""
    articles, skipped, found = _extracted_as_is(articles, skipped, model, options, dask)
    with stage("extraction"):
        return articles, skipped, speakers.unify(found)


def _extracted_as_is(
    articles: list[Article],
    skipped: list[Skipped],
    model: str,
    options: ScanOptions,
    dask: Cluster | None,
) -> tuple[list[Article], list[Skipped], list[Claim]]:
    """The articles, skipped inputs and claims as extracted: an article whose extraction failed
    moves to the skipped inputs, and the others go on."""
    with stage("extraction"):
        per_article = _extract_cached(articles, model, options, dask)
        failed = [r for r in per_article if isinstance(r, Skipped)]
        if failed:
            kept = zip(articles, per_article, strict=True)
            articles = [a for a, r in kept if not isinstance(r, Skipped)]
            skipped = skipped + failed
            _some_left([a for a in articles if a.role == "new"], skipped)
        found = [claim for r in per_article if not isinstance(r, Skipped) for claim in r]
        return articles, skipped, found


def _with_corpus(
    new: list[Article],
    skipped: list[Skipped],
    corpus: list[Article],
    corpus_skipped: list[Skipped],
) -> tuple[list[Article], list[Skipped]]:
    """New articles plus the corpus marked as such; a file given as both counts as new."""
    seen = {Path(a.path).resolve() for a in new}
    extra = [
        a.model_copy(update={"role": "corpus"})
        for a in corpus
        if Path(a.path).resolve() not in seen
    ]
    listed = {s.path for s in skipped}
    return new + extra, skipped + [s for s in corpus_skipped if s.path not in listed]


def _extract_cached(
    articles: Sequence[Article], model: str, options: ScanOptions, dask: Cluster | None
) -> list[list[Claim] | Skipped]:
    """Claims per article (or why it was skipped): from the cache when it has them, else
    extracted and stored as each one arrives, so an interrupted scan resumes where it stopped.

    The model is loaded only when some article misses the cache.
    """
    if options.cache_dir is None:
        return list(runner.extract_all(articles, model=model, jobs=options.jobs, dask=dask))
    store = ClaimCache(options.cache_dir, model=model)
    found: list[list[Claim] | Skipped | None] = [store.get(a) for a in articles]
    missed = [i for i, claims in enumerate(found) if claims is None]
    if missed:
        fresh = runner.extract_all(
            [articles[i] for i in missed], model=model, jobs=options.jobs, dask=dask
        )
        for i, result in zip(missed, fresh, strict=True):
            found[i] = result
            if not isinstance(result, Skipped):
                store.put(articles[i], result)
    return [claims if claims is not None else [] for claims in found]


def scan(paths: Sequence[str], options: ScanOptions) -> Report:
    """Read the articles under `paths`, extract and cluster claims, and flag contradictions.

    With a cache, the report of an input seen before (the same articles, skipped files, roles,
    claimcheck and model) is read back instead of being computed again; its claims come from
    the claim cache. Then the cache is trimmed to `cache_max_size`.

    With `options.progress`, each stage that runs shows a bar on stderr (`runner.showing`).
    With `options.engine` "dask", extraction and judging run on a Dask cluster (`engine`).
    """
    model = nlp.resolve_model(options.model)
    with runner.showing(options.progress), _engine(options) as dask:
        return _scan_or_cached(paths, options, model, dask)


@contextmanager
def _engine(options: ScanOptions) -> Iterator[Cluster | None]:
    """The Dask cluster of `--engine dask` for the run inside the block, or None for this
    machine's processes. Dask is imported only here: it is an optional extra."""
    if options.engine != "dask":
        yield None
        return
    try:
        from claimcheck import engine
    except ModuleNotFoundError as exc:
        raise EngineMissing(exc.name) from None
    with engine.opened(options.scheduler, runner.resolve_jobs(options.jobs)) as cluster:
        yield cluster


def _scan_or_cached(
    paths: Sequence[str], options: ScanOptions, model: str, dask: Cluster | None
) -> Report:
    articles, skipped = _read(paths, options)
    corpus = _store_of(options)
    if corpus is not None:
        return _scan_store(corpus, articles, skipped, model, options, dask)
    if options.cache_dir is None:
        with stage("comparison"):
            return _scan(articles, skipped, model, options, dask)
    report = _scan_cached(articles, skipped, model, options, options.cache_dir, dask)
    trim(options.cache_dir, options.cache_max_size)
    return report


def _scan_cached(
    articles: list[Article],
    skipped: list[Skipped],
    model: str,
    options: ScanOptions,
    cache_dir: str,
    dask: Cluster | None,
) -> Report:
    """The report of the input read back from the cache in `cache_dir`, or computed and
    stored there."""
    store = ClaimCache(cache_dir, model=model)
    key = store.report_key(
        articles,
        [display_path(s.path) + s.reason for s in skipped],
        weights=evidence.source_digest(),
    )
    report = store.get_report(key)
    if report is None:
        with stage("comparison"):
            report = _scan(articles, skipped, model, options, dask)
        store.put_report(key, report)
        return report
    kept, _, extracted = _extracted(articles, skipped, model, options, dask)
    with stage("comparison"):
        claims, _ = _storied(kept, extracted)
    return report.model_copy(update={"claims": _ordered(claims)})


def _scan(
    articles: list[Article],
    skipped: list[Skipped],
    model: str,
    options: ScanOptions,
    dask: Cluster | None,
) -> Report:
    articles, skipped, extracted = _extracted(articles, skipped, model, options, dask)
    claims, stories = _storied(articles, extracted)
    return _compared(articles, skipped, claims, stories, model, options, dask)


def _scan_store(
    path: Path,
    articles: list[Article],
    skipped: list[Skipped],
    model: str,
    options: ScanOptions,
    dask: Cluster | None,
) -> Report:
    """The batch against a store: only the stored articles of the batch's story groups are
    loaded, weighed as the whole store with the batch would weigh them, so the findings are
    those of the same articles given as a folder. No report is cached: the store changes."""
    articles, skipped, found = _extracted_as_is(articles, skipped, model, options, dask)
    with stage("comparison"):
        db = store.Store(path, read_only=True)
        try:
            corpus, stored, canonical, census = db.corpus(articles, found)
        finally:
            db.close()
        articles = articles + corpus
        claims, stories = _storied(articles, speakers.unify(found + stored, canonical), census)
        return _compared(articles, skipped, claims, stories, model, options, dask)


def _compared(
    articles: list[Article],
    skipped: list[Skipped],
    claims: list[Claim],
    stories: Stories,
    model: str,
    options: ScanOptions,
    dask: Cluster | None,
) -> Report:
    group = stories.groups()
    members: dict[str, list[Claim]] = {}
    for claim in claims:
        members.setdefault(group.get(claim.doc_id, claim.doc_id), []).append(claim)
    runner.stage("pairing", len(claims), "claims")
    runner.stage("judging", len(claims), "claims")
    judged = runner.run_tasks(
        _judge_story,
        [members[name] for name in sorted(members)],
        jobs=options.jobs,
        # what judging reads of an article: its id, outlet, date and role, not its text
        shared=({a.id: a.model_copy(update={"text": ""}) for a in articles}, stories),
        serial=len(claims) < PARALLEL_CLAIMS,
        fresh=len(claims) >= FRESH_CLAIMS,
        chunk=1,  # a worker holds one story group's claims at a time
        what="judging story groups",
        dask=dask,
    )
    links: cluster.Links[str] = cluster.Links()  # what clustering needs of the pairs
    contradictions: list[judge.Contradiction] = []
    supersessions: list[judge.Supersession] = []
    for found, updates, linked in judged:
        contradictions.extend(found)
        supersessions.extend(updates)
        for ids in linked:
            for other in ids[1:]:
                links.add(ids[0], other)
    clusters = cluster.mark_disputed(cluster.cluster_claims(claims, links), contradictions)
    if options.against:
        contradictions, supersessions = _involving_new(
            articles, claims, contradictions, supersessions
        )
    return build_report(
        articles,
        skipped,
        claims,
        model=cached_model_key(model),
        clusters=clusters,
        contradictions=contradictions,
        supersessions=supersessions,
        stories=stories.told(a.id for a in articles),
    )


def _judge_story(
    claims: list[Claim],
) -> tuple[list[judge.Contradiction], list[judge.Supersession], list[list[str]]]:
    """Pair and judge the claims of one story group: its findings, its updates and its sets of
    claims that state one fact. Story groups never share a pair, so each is judged on its own,
    in any process (`runner.run_tasks`), with the articles and stories of the scan shared."""
    articles_by_id, stories = runner.shared()
    articles = [articles_by_id[doc] for doc in sorted({c.doc_id for c in claims})]
    links: cluster.Links[str] = cluster.Links()
    pairs = matches(claims, stories, judge.calls_false)
    contradictions, supersessions = judge.compare_all(claims, _noting(pairs, links), articles)
    # pairs stream into the judges, so a story group is paired and judged in one pass
    runner.advance("pairing", len(claims))
    runner.advance("judging", len(claims))
    return contradictions, supersessions, links.groups()


def _storied(
    articles: Sequence[Article], claims: list[Claim], census: Census | None = None
) -> tuple[list[Claim], Stories]:
    """The stories the claims tell, and the claims with the relative dates of undated articles
    resolved against their story's date (story.anchored)."""
    published = {a.id: a.published for a in articles}
    stories = Stories(claims, published, census=census)
    return anchored(claims, stories, published), stories


def _noting(pairs: Iterator[Match], links: cluster.Links[str]) -> Iterator[Match]:
    """Pass the pairs on to comparison, linking the claims of those that state one fact (a
    near-copy pair, or a pair of claims about one thing alike enough) for clustering."""
    for pair in pairs:
        one_fact = pair.level == "claims" and pair.similarity >= cluster.SAME_FACT
        if pair.alignment is not None or (pair.weighed and one_fact):
            links.add(pair.a.claim.id, pair.b.claim.id)
        yield pair


def _involving_new(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    contradictions: Sequence[judge.Contradiction],
    supersessions: Sequence[judge.Supersession],
) -> tuple[list[judge.Contradiction], list[judge.Supersession]]:
    """Only findings with at least one claim from a new article: the corpus is not on trial."""
    new_docs = {a.id for a in articles if a.role == "new"}
    new_claims = {c.id for c in claims if c.doc_id in new_docs}
    return (
        [c for c in contradictions if new_claims.intersection(c.claim_ids)],
        [s for s in supersessions if new_claims.intersection(s.claim_ids)],
    )


def display_path(path: str) -> str:
    """`path` relative to the current directory when it lies under it, with / separators.

    Keeps absolute paths of the machine out of reports, so they are the same on every runner.
    """
    try:
        return Path(path).resolve().relative_to(Path(os.getcwd()).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _ordered(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """Claims in report order: by document, then position."""
    return tuple(sorted(claims, key=lambda c: (c.doc_id, c.start, c.id)))


def build_report(
    articles: Sequence[Article],
    skipped: Sequence[Skipped],
    claims: Sequence[Claim],
    *,
    model: str,
    clusters: Sequence[cluster.Cluster] = (),
    contradictions: Sequence[judge.Contradiction] = (),
    supersessions: Sequence[judge.Supersession] = (),
    stories: Sequence[Sequence[str]] = (),
) -> Report:
    """Assemble a report in a canonical order, so the same input gives byte-identical JSON."""
    documents = sorted(
        (
            Document.model_validate(
                a.model_dump(include=set(Document.model_fields)) | {"path": display_path(a.path)}
            )
            for a in articles
        ),
        key=lambda d: (d.id, d.path),
    )
    return Report(
        version=__version__,
        model=model,
        summary=Summary(
            documents=len(documents),
            skipped=len(skipped),
            claims=len(claims),
            clusters=len(clusters),
            contradictions=len(contradictions),
        ),
        documents=tuple(documents),
        skipped=tuple(
            sorted(
                (s.model_copy(update={"path": display_path(s.path)}) for s in skipped),
                key=lambda s: s.path,
            )
        ),
        claims=_ordered(claims),
        clusters=tuple(sorted(clusters, key=lambda c: c.id)),
        contradictions=tuple(sorted(contradictions, key=lambda c: (-c.confidence, c.kind, c.id))),
        supersessions=tuple(sorted(supersessions, key=lambda s: s.id)),
        stories=tuple(
            Story(id=docs[0], doc_ids=docs) for docs in sorted(tuple(sorted(d)) for d in stories)
        ),
    )


@dataclass(frozen=True)
class Indexed:
    """What `index` did: articles added or re-extracted, kept as they were, removed, and the
    inputs skipped."""

    added: int
    unchanged: int
    removed: int
    skipped: tuple[Skipped, ...]


def index(
    paths: Sequence[str], target: str, options: ScanOptions, *, parquet: Path | None = None
) -> Indexed:
    """Extract the articles under `paths` into the store at `target` (claimcheck.store): only
    those new or changed since the last run (by content key); a stored article of those paths
    whose file is gone leaves the store; with `parquet`, every table is also written there.
    Each article is committed as its claims arrive, so an
    interrupted run loses at most the articles in flight and the next run goes on from there.
    With `options.progress`, reading and extraction show their bars (`runner.showing`); with
    `options.engine` "dask", extraction runs on a Dask cluster (`engine`)."""
    with runner.showing(options.progress), _engine(options) as dask:
        return _index(paths, target, options, parquet, dask)


def _index(
    paths: Sequence[str],
    target: str,
    options: ScanOptions,
    parquet: Path | None,
    dask: Cluster | None,
) -> Indexed:
    model = nlp.resolve_model(options.model)
    key = cached_model_key(model)
    articles, skipped = _read_paths(paths, options)
    db = store.Store(store.database(target))
    try:
        db.check_model(key)
        stored = db.stored()
        roots = [Path(p).resolve() for p in paths]
        gone = [
            doc
            for doc, was in stored.items()
            if _under(Path(was.path), roots) and doc not in {a.id for a in articles}
        ]
        db.remove(gone)
        records: Counter[str] = Counter()
        todo = []
        for article in articles:
            k = claims_key(article, key)
            position = records[article.path]  # among the records of its file
            records[article.path] += 1
            if _changed(stored, article, k):
                todo.append((article, k, position))
        failed: list[Skipped] = []
        with stage("extraction"):
            fresh = runner.extract_all(
                [a for a, _, _ in todo], model=model, jobs=options.jobs, dask=dask
            )
            for (article, k, position), result in zip(todo, fresh, strict=True):
                if isinstance(result, Skipped):
                    failed.append(result)
                    db.remove([article.id])
                else:
                    db.put([store.Entry.of(article, k, result, position)])
        db.summarise()
        if parquet is not None:
            db.export(parquet)
    finally:
        db.close()
    return Indexed(
        added=len(todo) - len(failed),
        unchanged=len(articles) - len(todo),
        removed=len(gone),
        skipped=tuple(skipped + failed),
    )


def _changed(stored: dict[str, store.Stored], article: Article, key: str) -> bool:
    was = stored.get(article.id)
    return was is None or was.key != key or was.path != str(Path(article.path).resolve())


def _under(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)
