"""Runs the runner's tasks on a Dask cluster (`--engine dask`) instead of this machine's pool.

The cluster is the one whose scheduler `--scheduler` names, or a LocalCluster of `--jobs`
worker processes started here. The tasks are the runner's own (the same parser batches, the
same story groups), so the report is byte-identical to the local engine's. Dask's
`distributed` is the optional extra `cluster`; the pipeline imports this module only when the
dask engine is asked for.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, Worker, WorkerPlugin
from distributed.comm.core import connect

from claimcheck import __version__, nlp
from claimcheck.errors import ClaimcheckError
from claimcheck.runner import Died

# Seconds to reach a scheduler, and then to see at least one worker there: an address that
# does not answer, or a scheduler without workers, is an error line, never a wait.
CONNECT_TIMEOUT = 10.0
WORKERS_TIMEOUT = 30.0

T = TypeVar("T")
R = TypeVar("R")


class EngineFailed(ClaimcheckError):
    """The cluster cannot be reached or cannot run claimcheck's tasks."""


@contextmanager
def opened(scheduler: str | None, workers: int) -> Iterator[Cluster]:
    """A cluster for the run inside the block, closed after it (and a LocalCluster ended)."""
    cluster = Cluster(scheduler, workers)
    try:
        yield cluster
    finally:
        cluster.close()


class Cluster:
    """A Dask client, connected at its first task: a run whose claims all come from the
    cache and whose judging is too small to share starts no cluster."""

    def __init__(self, scheduler: str | None, workers: int) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self._client: Client | None = None
        self._local: LocalCluster | None = None
        self._models: set[str] = set()

    @property
    def where(self) -> str:
        return f"the Dask scheduler at {self.scheduler}" if self.scheduler else "the LocalCluster"

    def map(
        self,
        work: Callable[..., R],
        tasks: Sequence[T],
        *,
        shared: object,
        model: str | None = None,
    ) -> Iterator[R | Died]:
        """`work(shared, task)` for each task on the cluster, `shared` sent to it once,
        results yielded in task order as they come; a task whose worker died on each of the
        attempts Dask allows (distributed.scheduler.allowed-failures) comes out as a `Died`.
        With `model`, each worker loads that spaCy model once, before its first task.

        `shared` goes as a task of its own rather than scattered: data scattered to a worker
        that dies is gone, and every task needing it with it (cancelled, "already forgotten"),
        while a task's result the scheduler computes again elsewhere."""
        client = self._connected()
        if model is not None:
            self._load(client, model)
        # a story group's articles or a task's 16 texts are data, not a graph to optimise
        with dask.config.set({"distributed.admin.large-graph-warning-threshold": "1 TiB"}):
            held = client.submit(_given, shared, pure=False)
            futures = [client.submit(work, held, task, pure=False) for task in tasks]
        try:
            for future in futures:
                try:
                    yield self._result(client, future)
                except KilledWorker:
                    yield Died()
        finally:
            client.cancel(futures)  # a consumer that stopped early, an error, Ctrl-C

    def _result(self, client: Client, future: Future[R]) -> R:
        """The result of `future`. A cluster left without workers holds tasks until some
        join, so every WORKERS_TIMEOUT of waiting the scheduler is asked whether any is left."""
        while True:
            try:
                return future.result(timeout=WORKERS_TIMEOUT)
            except TimeoutError:
                pass
            except CancelledError as exc:  # the scheduler forgot it: restarted, or closing
                raise EngineFailed(
                    f"{self.where} dropped a task ({_one_line(exc)}); run again"
                ) from None
            try:
                workers = client.nthreads()
            except Exception as exc:
                raise EngineFailed(
                    f"lost {self.where} ({_one_line(exc)}); run again when it is back"
                ) from None
            if not workers:
                command = f"dask worker {self.scheduler} --nthreads 1"
                hint = f"start some (`{command}`) and " if self.scheduler else ""
                raise EngineFailed(f"no worker is left on {self.where}; {hint}run again")

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._local is not None:
            self._local.close()

    def _connected(self) -> Client:
        if self._client is not None:
            return self._client
        # distributed logs every closed connection and restarted worker at WARNING on stderr;
        # what matters to a claimcheck user comes back as results or as one error line
        logging.getLogger("distributed").setLevel(logging.ERROR)
        if self.scheduler is None:
            with _interrupts_ignored():
                self._local = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address="127.0.0.1:0",  # its HTTP server, else on port 8787
                    silence_logs=logging.ERROR,
                    preload=[__name__],  # dask_setup, in each worker as it starts
                )
            self._client = Client(self._local)
            return self._client
        try:
            _answers(self.scheduler)
            self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
        except Exception as exc:  # refused, timed out, a bad address, not a scheduler
            why = f"no answer in {CONNECT_TIMEOUT:.0f} s" if _timed_out(exc) else _one_line(exc)
            raise EngineFailed(
                f"--scheduler {self.scheduler}: cannot connect to a Dask scheduler there "
                f"({why}); check the address (tcp://HOST:PORT) and that "
                "`dask scheduler` runs there"
            ) from None
        try:
            self._client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except TimeoutError:
            raise EngineFailed(
                f"--scheduler {self.scheduler}: no worker joined within {WORKERS_TIMEOUT:.0f} s; "
                f"start some with `dask worker {self.scheduler} --nthreads 1`"
            ) from None
        return self._client

    def _load(self, client: Client, model: str) -> None:
        if model in self._models:
            return
        try:
            client.register_plugin(ModelLoader(model), name=f"claimcheck-model-{model}")
        except Exception as exc:  # claimcheck or the model missing where the workers run
            raise EngineFailed(
                f"the workers of {self.where} cannot load spaCy model {model} "
                f"({_one_line(exc)}); install claimcheck {__version__} and the model "
                "(`claimcheck model install`) where they run"
            ) from None
        self._models.add(model)


class ModelLoader(WorkerPlugin):
    """Loads the spaCy model once in each worker, now and in every worker that joins later:
    the tasks then find it in `nlp.load`'s cache of the worker process. A worker with another
    claimcheck version is refused: its claims could differ from this one's."""

    idempotent = True

    def __init__(self, model: str) -> None:
        self.model = model
        self.version = __version__  # pickled with the plugin: the version asking

    def setup(self, worker: Worker) -> None:
        if self.version != __version__:  # here, the module global is the worker's
            raise RuntimeError(f"the workers run claimcheck {__version__}, not {self.version}")
        nlp.load(self.model)


def dask_setup(worker: Worker) -> None:
    """The LocalCluster's workers ignore Ctrl-C, which a terminal sends to the whole process
    group: the run answers it (one line, exit 130) and ends the cluster, rather than each
    worker printing a traceback. Only for the workers a run starts: someone who started
    `dask worker` in a terminal stops it with Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ctrl-C ignored while a LocalCluster starts its workers (a few seconds; press it again
    after). A worker process begins with its parent's ignored signals, and it sees a Ctrl-C
    that a terminal sends to the whole process group before `dask_setup` runs in it: each
    would print a traceback, and the run, interrupted halfway through the start, would leave
    distributed's exit handler failing on the workers still starting. Ignoring can only be
    set from the main thread; elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)


def _given(value: T) -> T:
    """What a task's shared input is computed from: itself."""
    return value


def _answers(address: str) -> None:
    """Raises unless a Dask server at `address` completes the handshake within the timeout.

    The Client's own timeout covers reaching the address, not the handshake after it: a
    server that accepts the connection and never answers (another program on the port, a
    stalled proxy) would hold it forever. Run in a thread of its own, so that a caller with an
    event loop running (a notebook) can call it too."""

    async def handshake() -> None:
        comm = await asyncio.wait_for(connect(address, timeout=CONNECT_TIMEOUT), CONNECT_TIMEOUT)
        await comm.close()

    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, handshake()).result()


def _timed_out(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or "Timed out" in str(exc)


def _one_line(exc: BaseException) -> str:
    what = " ".join(str(exc).split()) or type(exc).__name__
    return what if len(what) <= 200 else what[:197] + "..."
