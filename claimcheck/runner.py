"""Runs the spaCy parse and claim extraction over many articles, in one or several processes.

Articles go to the parser in fixed batches of `BATCH_SIZE`, whatever the number of processes,
so every article is parsed in the same company and the claims are identical for any `--jobs`.
A worker process loads the model once (pool initializer), takes `TASK_BATCHES` parser batches
per task and sends back claims, never Docs.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Sequence
from multiprocessing.context import BaseContext
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from claimcheck import nlp
from claimcheck.extract import extract_claims
from claimcheck.schema import Article, Claim, compact

# Articles per parser batch. The parse of a batch holds about 10 MB per 4 KB article in
# network activations (freed after the batch, but kept by the allocator for the next one), so
# a worker's memory grows with the batch while its speed does not: on 1,000 articles with two
# workers, batches of 16 peaked at 824 MB for the scan, batches of 4 at 611 MB, in the same
# time (docs/performance.md).
BATCH_SIZE = 4
# Parser batches per task sent to a worker: few round trips, small pickles, balanced workers.
TASK_BATCHES = 4
# The progress bar appears only for scans still running after this many seconds.
PROGRESS_DELAY = 1.0


def extract_all(
    articles: Sequence[Article],
    *,
    model: str,
    jobs: int = 0,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
) -> list[list[Claim]]:
    """Claims of each article, in the order of `articles`.

    `jobs` is the number of parser processes (0 = all cores); with one, or with fewer than two
    tasks of articles, everything runs in this process without a pool. Claims are compacted
    here, as they arrive, with one string pool for the whole call (`schema.compact`).
    """
    size = batch_size * TASK_BATCHES
    tasks = [(list(articles[i : i + size]), batch_size) for i in range(0, len(articles), size)]
    workers = min(resolve_jobs(jobs), len(tasks))
    strings: dict[str, str] = {}
    if workers <= 1:
        with _Bar(len(articles), enabled=progress) as bar:
            return _extract_here(
                articles, model=model, batch_size=batch_size, bar=bar, strings=strings
            )
    context = _context()
    if context.get_start_method() == "fork":
        nlp.load(model)  # once here, shared copy-on-write with every worker
    # The pool is created before the bar starts its refresh thread: never fork with threads.
    with context.Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
        results: list[list[Claim]] = []
        with _Bar(len(articles), enabled=progress) as bar:
            for task_claims in pool.imap(_extract_task, tasks):
                results.extend(compact(claims, strings) for claims in task_claims)
                bar.advance(len(task_claims), sum(len(c) for c in task_claims))
        return results


def resolve_jobs(jobs: int) -> int:
    """The number of processes `--jobs` asks for: 0 means every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _extract_here(
    articles: Sequence[Article],
    *,
    model: str,
    batch_size: int,
    bar: _Bar,
    strings: dict[str, str],
) -> list[list[Claim]]:
    pipeline = nlp.load(model)
    docs = pipeline.pipe((a.text for a in articles), batch_size=batch_size)
    results: list[list[Claim]] = []
    for doc, article in zip(docs, articles, strict=True):
        claims = compact(extract_claims(doc, article), strings)
        results.append(claims)
        bar.advance(1, len(claims))
    return results


def _context() -> BaseContext:
    # fork shares the already imported spaCy and, if loaded, the model: workers start in
    # milliseconds; spawn is the fallback where fork does not exist.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


_worker_model: str | None = None


def _init_worker(model: str) -> None:
    """Pool initializer: load the model once per worker process (a no-op if fork inherited it)."""
    global _worker_model
    nlp.load(model)
    _worker_model = model


def _extract_task(task: tuple[list[Article], int]) -> list[list[Claim]]:
    """One task in a worker: parse its articles in parser batches and extract their claims."""
    assert _worker_model is not None, "worker used without _init_worker"
    articles, batch_size = task
    pipeline = nlp.load(_worker_model)
    docs = pipeline.pipe((a.text for a in articles), batch_size=batch_size)
    return [extract_claims(doc, article) for doc, article in zip(docs, articles, strict=True)]


class _RateColumn(ProgressColumn):
    """Files per second since the scan started."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed
        if not elapsed:
            return Text("")
        return Text(f"{task.completed / elapsed:.1f} files/s", style="progress.data.speed")


class _Bar:
    """A transient rich progress bar on stderr that shows up only after `PROGRESS_DELAY`."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self._enabled = enabled
        self._started_at = time.monotonic()
        self._shown = False
        self._claims = 0
        self._progress = Progress(
            TextColumn("parsing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TextColumn("{task.fields[claims]} claims"),
            TimeElapsedColumn(),
            _RateColumn(),
            console=Console(stderr=True),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task: TaskID = self._progress.add_task("parsing", total=total, claims=0)

    def __enter__(self) -> _Bar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._shown:
            self._progress.stop()

    def advance(self, files: int, claims: int) -> None:
        if not self._enabled:
            return
        self._claims += claims
        self._progress.update(self._task, advance=files, claims=self._claims)
        if not self._shown and time.monotonic() - self._started_at >= PROGRESS_DELAY:
            self._progress.start()
            self._shown = True
