"""Runs the spaCy parse and claim extraction over many articles, in one or several processes.

Articles go to the parser in fixed batches of `BATCH_SIZE`, whatever the number of processes,
so every article is parsed in the same company and the claims are identical for any `--jobs`.
A worker process loads the model once (pool initializer), takes `TASK_BATCHES` parser batches
per task and sends back claims, never Docs. With `--engine dask` the same tasks run on a Dask
cluster instead of the local pool (`engine.Cluster`, passed as `dask`).

A worker that dies (out-of-memory killer, SIGKILL) never leaves the scan waiting: its tasks
are run once more, each alone, and one that dies again is skipped (extraction) or ends the
run with one line, exit 2 (`run_tasks`).

Progress: inside `showing(True)`, each stage that calls `stage()` gets a bar on a terminal
(`Bars`), which `advance()` moves: at once in this process, or, from a task of `run_tasks` in a
worker, when the task comes back.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any, TypeVar

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
    TimeRemainingColumn,
)
from rich.text import Text
from spacy.language import Language
from spacy.tokens import Doc

from claimcheck import errors, nlp
from claimcheck.extract import extract_claims
from claimcheck.schema import Article, Claim, Skipped, compact

if TYPE_CHECKING:
    from claimcheck.engine import Cluster

# Articles per parser batch. The parse of a batch holds about 10 MB per 4 KB article in
# network activations (freed after the batch, but kept by the allocator for the next one), so
# a worker's memory grows with the batch while its speed does not: on 1,000 articles with two
# workers, batches of 16 peaked at 824 MB for the scan, batches of 4 at 611 MB, in the same
# time (docs/performance.md).
BATCH_SIZE = 4
# An article longer than this many characters is parsed in pieces of at most this size and
# the pieces joined into one Doc: spaCy's parser and recogniser hold about 1 GB per 100,000
# characters of one Doc, so a 5 MB article parsed whole needed many GB (docs/performance.md).
# Every real article is shorter, and parsed whole as before.
PIECE_CHARS = 100_000
# Parser batches per task sent to a worker: few round trips, small pickles, balanced workers.
TASK_BATCHES = 4
# The progress bar appears only for scans still running after this many seconds.
PROGRESS_DELAY = 1.0

T = TypeVar("T")
R = TypeVar("R")
_shared: Any = None
# The progress bars of the scan running in this process (`showing`), and in a worker of
# run_tasks the stages its current tasks advanced, sent back with their results.
_bars: Bars | None = None
_advanced_here: list[tuple[str, int]] | None = None


def extract_all(
    articles: Sequence[Article],
    *,
    model: str,
    jobs: int = 0,
    batch_size: int = BATCH_SIZE,
    dask: Cluster | None = None,
) -> Iterator[list[Claim] | Skipped]:
    """Claims of each article, in the order of `articles`, yielded as each task finishes.

    An article whose parse or extraction raises is yielded as a Skipped naming the stage
    (`errors.internal_reason`), and the others go on. `jobs` is the number of parser processes
    (0 = all cores); with one, or with fewer than two tasks of articles, everything runs in
    this process without a pool. On a Dask cluster, `dask` (--engine dask), every task runs
    there, in the same parser batches. Claims are compacted here, as they arrive, with one string
    pool for the whole call (`schema.compact`). Each article advances the stage "extraction".
    """
    stage("extraction", len(articles), "articles")
    size = batch_size * TASK_BATCHES
    tasks = [(list(articles[i : i + size]), batch_size) for i in range(0, len(articles), size)]
    workers = min(resolve_jobs(jobs), len(tasks))
    strings: dict[Any, Any] = {}
    pooled: Iterator[list[list[Claim] | Skipped] | Died]
    if dask is not None:
        pooled = dask.map(_extract_on_cluster, tasks, shared=model, model=model)
    elif workers <= 1:
        for task in tasks:
            yield from _advanced(_extract(*task, model=model), strings)
        return
    else:
        context = _context()
        if context.get_start_method() == "fork":
            nlp.load(model)  # once here, shared copy-on-write with every worker
        pooled = _pooled(
            _extract_task, tasks, workers=workers, context=context, init=(_init_worker, (model,))
        )
    for (task_articles, _), task_results in zip(tasks, pooled, strict=True):
        if isinstance(task_results, Died):
            task_results = [_lost(article) for article in task_articles]
        yield from _advanced(task_results, strings)


def run_tasks(
    work: Callable[[T], R],
    tasks: Sequence[T],
    *,
    jobs: int,
    shared: object,
    serial: bool,
    fresh: bool = False,
    chunk: int = 0,
    what: str = "running tasks",
    dask: Cluster | None = None,
) -> list[R]:
    """`work` over each task, results in task order, in up to `jobs` processes (0 = all cores).
    `shared` is what every task reads besides its own input (`runner.shared()`); each worker
    receives it once. Workers are forked, or with `fresh` started anew (spawn): a fork of a
    process that holds a large scan's claims maps all their pages once more per worker, which
    is what the memory bar counts (the sum of RSS). In this process, without a pool, when
    `serial` says the work is too small to share, with one job or one task. A worker takes
    `chunk` tasks at a time (0: about eight rounds per worker). If a worker dies, its tasks
    are run once more; if one dies again, `errors.WorkerDied` says it died while `what`.
    What a task advances (`advance`) moves the bars when its chunk comes back. On a Dask
    cluster, `dask` (--engine dask), the chunks run there instead, `shared` sent to it once."""
    global _shared
    workers = min(resolve_jobs(jobs), len(tasks))
    if serial or (workers <= 1 and dask is None):
        _shared = shared
        try:
            return [work(task) for task in tasks]
        finally:
            _shared = None
    chunk = chunk or max(1, len(tasks) // (workers * 8))
    chunks = [tasks[i : i + chunk] for i in range(0, len(tasks), chunk)]
    pooled: Iterator[tuple[list[R], list[tuple[str, int]]] | Died]
    if dask is not None:
        pooled = dask.map(functools.partial(_each_on_cluster, work), chunks, shared=shared)
    else:
        pooled = _pooled(
            functools.partial(_each, work),
            chunks,
            workers=workers,
            context=multiprocessing.get_context("spawn") if fresh else _context(),
            init=(_init_tasks, (shared,)),
        )
    results: list[R] = []
    for done in pooled:
        if isinstance(done, Died):
            raise errors.WorkerDied(what)
        chunk_results, advanced = done
        for name, units in advanced:
            advance(name, units)
        results.extend(chunk_results)
    return results


class Died:
    """The result of a task whose worker process died on its first attempt and on its retry
    (on a Dask cluster: on each attempt Dask allows, distributed.scheduler.allowed-failures)."""


def _pooled(
    work: Callable[[T], R],
    tasks: Sequence[T],
    *,
    workers: int,
    context: BaseContext,
    init: tuple[Callable[..., None], tuple[Any, ...]],
) -> Iterator[R | Died]:
    """`work` over each task in up to `workers` processes, results yielded in task order as
    they come; `init` is the worker initializer and its arguments.

    A worker that dies abruptly breaks the whole pool, and every task not yet finished fails
    with BrokenProcessPool (a multiprocessing.Pool instead replaces the worker and waits
    forever for the task it held). Which worker held which task is not known then, so each
    unfinished task is run once more, alone in a fresh one-worker process: a death there is
    its own, and it comes out as a `Died`; the others go on. One at a time, because memory
    is what kills workers most often; spawned, because the progress bars' thread may run by
    then and a fork must not copy a process with threads. The same batches run again, so
    the results are those of a run without a death. The bars are hidden (their refresh thread
    stopped) while the workers fork; the next `advance` shows them again.
    """
    if _bars is not None:
        _bars.pause()
    with _pool(context, workers, init) as pool:
        futures = [pool.submit(work, task) for task in tasks]
        first_lost = len(futures)
        for i, future in enumerate(futures):
            if _died(future):
                first_lost = i
                break
            yield future.result()
        if first_lost == len(futures):
            return
        # every future is settled once the pool is broken: keep what finished after the death
        finished = {
            i: future
            for i, future in enumerate(futures[first_lost:], first_lost)
            if not _died(future)
        }
    with ExitStack() as pools:
        alone: ProcessPoolExecutor | None = None
        for i in range(first_lost, len(tasks)):
            if i in finished:
                yield finished.pop(i).result()
                continue
            if alone is None:
                alone = pools.enter_context(_pool(multiprocessing.get_context("spawn"), 1, init))
            future = alone.submit(work, tasks[i])
            if _died(future):
                alone = None  # broken: the next task gets a fresh process
                yield Died()
            else:
                yield future.result()


def _died(future: Future[Any]) -> bool:
    """Waits for `future`: True if its worker process died (its own error is raised later,
    by `result()`, as before)."""
    return isinstance(future.exception(), BrokenProcessPool)


@contextmanager
def _pool(
    context: BaseContext, workers: int, init: tuple[Callable[..., None], tuple[Any, ...]]
) -> Iterator[ProcessPoolExecutor]:
    """A process pool, whose workers are ended at once if the block is left by an exception
    (Ctrl-C, an error, a consumer that stopped early): shutting down would wait for them to
    finish their tasks."""
    initializer, initargs = init
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=initializer, initargs=initargs
    )
    try:
        yield pool
    except BaseException:
        # _processes is private, but the only handle on the workers before Python 3.14
        # (ProcessPoolExecutor.terminate_workers); shutdown forgets it
        processes = list((pool._processes or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        raise
    pool.shutdown()


def _each(work: Callable[[T], R], tasks: Sequence[T]) -> tuple[list[R], list[tuple[str, int]]]:
    """`work` over a chunk of tasks, in one worker, and the stages they advanced."""
    global _advanced_here
    _advanced_here = []
    try:
        return [work(task) for task in tasks], _advanced_here
    finally:
        _advanced_here = None


# A Dask worker may run several tasks at once, in threads (`dask worker --nthreads N`): spaCy's
# pipeline and this module's per-task state are not for threads, so a worker process runs one
# of claimcheck's tasks at a time.
_one_task = threading.Lock()


def _each_on_cluster(
    work: Callable[[T], R], shared: object, tasks: Sequence[T]
) -> tuple[list[R], list[tuple[str, int]]]:
    """A chunk of run_tasks on a Dask worker, what the call shares given with it."""
    global _shared
    with _one_task:
        _shared = shared
        try:
            return _each(work, tasks)
        finally:
            _shared = None


def _extract_on_cluster(model: str, task: tuple[list[Article], int]) -> list[list[Claim] | Skipped]:
    """One extraction task on a Dask worker (engine.ModelLoader has loaded the model)."""
    with _one_task:
        return _extract(*task, model=model)


def shared() -> Any:
    """What `run_tasks` shares with every task of the current call."""
    return _shared


def _init_tasks(shared: object) -> None:
    """Pool initializer of `run_tasks`: what the tasks share; Ctrl-C is the main process's."""
    global _shared, _bars
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _shared = shared
    _bars = None  # a forked copy of the scan's: a worker's progress goes back with its results


def resolve_jobs(jobs: int) -> int:
    """The number of processes `--jobs` asks for: 0 means every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _advanced(
    results: list[list[Claim] | Skipped], strings: dict[Any, Any]
) -> Iterator[list[Claim] | Skipped]:
    for result in results:
        if isinstance(result, Skipped):
            advance("extraction")
            yield result
            continue
        claims = compact(result, strings)
        advance("extraction", claims=len(claims))
        yield claims


def _extract(
    articles: list[Article], batch_size: int, *, model: str
) -> list[list[Claim] | Skipped]:
    """Parse `articles` in parser batches and extract their claims; a failure skips one article."""
    pipeline = nlp.load(model)
    results: list[list[Claim] | Skipped] = []
    for i in range(0, len(articles), batch_size):
        batch = articles[i : i + batch_size]
        for article, doc in zip(batch, _parse(pipeline, batch), strict=True):
            if isinstance(doc, Skipped):
                results.append(doc)
                continue
            try:
                results.append(extract_claims(doc, article))
            except Exception as exc:
                results.append(_failed(article, "extraction", exc))
    return results


def _parse(pipeline: Language, batch: list[Article]) -> list[Doc | Skipped]:
    """The Docs of one parser batch; if the batch fails, each article is parsed alone, so
    that only the one that fails is skipped."""
    try:
        return list(_docs(pipeline, batch))
    except Exception:
        if len(batch) == 1:
            raise
    docs: list[Doc | Skipped] = []
    for article in batch:
        try:
            docs.extend(_docs(pipeline, [article]))
        except Exception as exc:
            docs.append(_failed(article, "parsing", exc))
    return docs


def _docs(pipeline: Language, batch: list[Article]) -> Iterator[Doc]:
    """The Docs of a batch, the short articles parsed together, a long one in pieces."""
    short = iter(pipeline.pipe(a.text for a in batch if len(a.text) <= PIECE_CHARS))
    for article in batch:
        if len(article.text) <= PIECE_CHARS:
            yield next(short)
            continue
        # one piece at a time: a batch of pieces would hold all their activations at once
        pieces = list(pipeline.pipe(_pieces(article.text), batch_size=1))
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
        assert doc.text == article.text, "pieces do not join into the article"
        yield doc


def _pieces(text: str) -> Iterator[str]:
    """`text` in consecutive pieces of at most PIECE_CHARS characters, each ending after a
    line break where there is one, else after a space (a sentence never spans two pieces
    when a line holds it, and no word is split)."""
    start = 0
    while len(text) - start > PIECE_CHARS:
        end = start + PIECE_CHARS
        cut = text.rfind("\n", start, end) + 1 or text.rfind(" ", start, end) + 1 or end
        yield text[start:cut]
        start = cut
    yield text[start:]


def _failed(article: Article, stage: str, exc: Exception) -> Skipped:
    errors.print_traceback(exc)
    record = f"record {article.id}: " if article.format in ("json", "jsonl") else ""
    return Skipped(path=article.path, reason=record + errors.internal_reason(stage, exc))


def _lost(article: Article) -> Skipped:
    """Why an article is skipped whose worker process died twice while parsing it (with up to
    `BATCH_SIZE * TASK_BATCHES - 1` others of its task, which cannot be told apart)."""
    record = f"record {article.id}: " if article.format in ("json", "jsonl") else ""
    return Skipped(
        path=article.path,
        reason=record + "the worker process parsing it died twice (killed from outside, most "
        "often by the out-of-memory killer); run again with fewer --jobs or more free memory",
    )


def _context() -> BaseContext:
    # fork shares the already imported spaCy and, if loaded, the model: workers start in
    # milliseconds; spawn is the fallback where fork does not exist.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


_worker_model: str | None = None


def _init_worker(model: str) -> None:
    """Pool initializer: load the model once per worker process (a no-op if fork inherited it).

    Ctrl-C goes to the whole process group: the main process alone answers it (one line, exit
    130) and ends the pool, so workers ignore it rather than each printing a traceback.
    """
    global _worker_model, _bars
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _bars = None
    nlp.load(model)
    _worker_model = model


def _extract_task(task: tuple[list[Article], int]) -> list[list[Claim] | Skipped]:
    """One task in a worker: parse its articles in parser batches and extract their claims."""
    assert _worker_model is not None, "worker used without _init_worker"
    return _extract(*task, model=_worker_model)


@contextmanager
def showing(enabled: bool) -> Iterator[None]:
    """Progress bars for the stages that run inside the block, when `enabled` (the command
    line: stderr is a terminal and --quiet is not given); none at all otherwise."""
    global _bars
    if not enabled:
        yield
        return
    _bars = Bars()
    try:
        yield
    finally:
        _bars.close()
        _bars = None


def stage(name: str, total: int, unit: str) -> None:
    """A stage of `total` units (files, articles, claims) about to run: its bar, if bars are
    shown. A stage begun again (the corpus of --against is read after the new articles)
    counts the new units too."""
    if _bars is not None:
        _bars.stage(name, total, unit)


def advance(name: str, units: int = 1, *, claims: int = 0) -> None:
    """`units` more of stage `name` done (and `claims` found, for extraction): on the bars at
    once in this process, or with the task's results from a worker of run_tasks."""
    if _advanced_here is not None:
        _advanced_here.append((name, units))
    elif _bars is not None:
        _bars.advance(name, units, claims)


class _RateColumn(ProgressColumn):
    """Units per second from the stage's start to now, or to its end once it is done."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        if not elapsed:
            return Text("")
        rate = task.completed / elapsed
        return Text(f"{rate:.1f} {task.fields['unit']}/s", style="progress.data.speed")


class _NoteColumn(ProgressColumn):
    """The unit counted, and the claims found so far where a stage finds them."""

    def render(self, task: Task) -> Text:
        claims = task.fields["claims"]
        return Text(task.fields["unit"] + (f", {claims:,} claims" if claims else ""))


class Bars:
    """Transient rich progress bars on stderr, one per stage (reading, extraction, pairing,
    judging): count done of total, elapsed time, time left and rate. They show up only once
    the scan has run `PROGRESS_DELAY`, at an `advance`, and stay until the scan ends."""

    def __init__(self) -> None:
        self._started_at = time.monotonic()
        self._shown = False
        self._rows: dict[str, TaskID] = {}
        self._totals: dict[str, int] = {}
        self._claims: dict[str, int] = {}
        self._progress = Progress(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            _NoteColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            _RateColumn(),
            console=Console(stderr=True),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )

    def stage(self, name: str, total: int, unit: str) -> None:
        self._totals[name] = self._totals.get(name, 0) + total
        if name in self._rows:
            self._progress.update(self._rows[name], total=self._totals[name])
        else:
            self._claims[name] = 0
            self._rows[name] = self._progress.add_task(name, total=total, unit=unit, claims=0)

    def advance(self, name: str, units: int, claims: int) -> None:
        if name not in self._rows:
            return
        self._claims[name] += claims
        self._progress.update(self._rows[name], advance=units, claims=self._claims[name])
        if not self._shown and time.monotonic() - self._started_at >= PROGRESS_DELAY:
            self._progress.start()
            self._shown = True

    def pause(self) -> None:
        """Stop the refresh thread (before workers fork); the next `advance` starts it again."""
        if self._shown:
            self._progress.stop()
            self._shown = False

    def close(self) -> None:
        self.pause()
