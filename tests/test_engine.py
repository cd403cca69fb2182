"""The distributed engine: a scan or an index run on a Dask cluster gives what the local engine
gives, byte for byte, and a cluster that cannot be used is one error line, never a wait."""

from __future__ import annotations

import logging
import re
import socket
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

import claimcheck
from claimcheck import engine, pipeline, runner
from claimcheck.cli import app
from claimcheck.store import TABLES

from .conftest import ROOT

MIXED = ROOT / "tests" / "fixtures" / "mixed"
cli = CliRunner()


def _cluster(workers: int) -> LocalCluster:
    """A LocalCluster of `workers` processes, its HTTP server on a free port of 127.0.0.1."""
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    )


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a LocalCluster of one worker process, for the module's tests."""
    with _cluster(1) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the task functions sent to a cluster, in order."""
    sent: list[str] = []
    plain = engine.Cluster.map

    def map_(self: engine.Cluster, work: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        sent.append(getattr(work, "func", work).__name__)
        return plain(self, work, *args, **kw)

    monkeypatch.setattr(engine.Cluster, "map", map_)
    return sent


def _scan(*flags: str) -> tuple[int, str]:
    result = cli.invoke(app, ["scan", str(MIXED), "--no-cache", "-q", "--exit-zero", *flags])
    return result.exit_code, result.output


@pytest.mark.model
def test_a_scan_on_a_dask_cluster_gives_the_local_report_bytes(
    scheduler: str, ran: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_CLAIMS", 0)  # judge even these few claims there
    local, dask = tmp_path / "local.json", tmp_path / "dask.json"
    assert _scan("--json", str(local), "--jobs", "1")[0] == 0
    code, output = _scan("--json", str(dask), "--engine", "dask", "--scheduler", scheduler)
    assert code == 0, output
    assert ran == ["_extract_on_cluster", "_each_on_cluster"]
    assert dask.read_bytes() == local.read_bytes()
    assert b'"contradictions": [\n    {' in local.read_bytes()


@pytest.mark.model
def test_the_dask_engine_without_a_scheduler_starts_a_local_cluster(
    ran: list[str], tmp_path: Path
) -> None:
    options = pipeline.ScanOptions(jobs=1)
    local = pipeline.scan([str(MIXED)], options)
    dask = pipeline.scan([str(MIXED)], pipeline.ScanOptions(jobs=1, engine="dask"))
    assert ran == ["_extract_on_cluster"]  # judging so few claims stays here, as locally
    assert dask.model_dump_json() == local.model_dump_json()


def _rows(target: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the store's tables, in order."""
    db = duckdb.connect(str(target), read_only=True)
    try:
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        db.close()


@pytest.mark.model
def test_an_index_on_a_dask_cluster_stores_what_the_local_engine_stores(
    scheduler: str, ran: list[str], tmp_path: Path
) -> None:
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    done = cli.invoke(app, ["index", str(MIXED), "--store", str(local), "-j", "1"])
    assert done.exit_code == 0, done.output
    flags = ["--engine", "dask", "--scheduler", scheduler]
    done = cli.invoke(app, ["index", str(MIXED), "--store", str(dask), *flags])
    assert done.exit_code == 0, done.output
    assert ran == ["_extract_on_cluster"]
    stored = _rows(local)
    assert len(stored["articles"]) == 7 and stored["claims"]
    assert _rows(dask) == stored


def test_a_scheduler_that_refuses_is_one_line_within_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    started = time.monotonic()
    code, output = _scan("--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}")
    assert code == 2
    assert time.monotonic() - started < 10
    (line,) = output.splitlines()
    assert line.startswith(f"claimcheck: error: --scheduler tcp://127.0.0.1:{port}: cannot ")
    assert "no answer in 1 s" in line


def test_a_server_that_never_answers_is_one_line_within_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """It accepts the connection and says nothing: distributed would wait for its handshake."""
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        code, output = _scan("--engine", "dask", "--scheduler", address)
    assert code == 2
    assert time.monotonic() - started < 10
    (line,) = output.splitlines()
    assert f"--scheduler {address}: cannot connect to a Dask scheduler there" in line


def test_a_bad_address_or_engine_is_one_line() -> None:
    code, output = _scan("--engine", "dask", "--scheduler", "nonsense")
    assert code == 2
    assert output.count("\n") == 1 and "--scheduler nonsense: cannot connect" in output
    code, output = _scan("--engine", "spark")
    assert (code, output) == (
        2,
        "claimcheck: error: --engine: expected one of local, dask, not 'spark'\n",
    )


def test_without_distributed_the_dask_engine_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    monkeypatch.delitem(sys.modules, "claimcheck.engine")
    monkeypatch.delattr(claimcheck, "engine")
    code, output = _scan("--engine", "dask")
    assert code == 2
    assert output == (
        "claimcheck: error: --engine dask needs Dask's distributed (no module 'distributed' "
        "here); install it with pip install 'claimcheck-news[cluster]', or use --engine local\n"
    )


@pytest.mark.model
def test_a_scheduler_without_workers_or_with_workers_of_another_version_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "WORKERS_TIMEOUT", 1.0)
    with _cluster(0) as cluster:
        address = cluster.scheduler_address
        code, output = _scan("--engine", "dask", "--scheduler", address)
        assert (code, output) == (
            2,
            f"claimcheck: error: --scheduler {address}: no worker joined within 1 s; start some "
            f"with `dask worker {address} --nthreads 1`\n",
        )
        cluster.scale(1)
        cluster.wait_for_workers(1, timeout=60)
        monkeypatch.setattr(engine, "__version__", "0.0.0")  # the version this run asks for
        code, output = _scan("--engine", "dask", "--scheduler", address)
    assert code == 2
    (line,) = output.splitlines()
    assert f"the workers of the Dask scheduler at {address} cannot load spaCy model" in line
    assert f"the workers run claimcheck {claimcheck.__version__}, not 0.0.0" in line


@pytest.mark.model
def test_bars_move_as_the_clusters_tasks_come_back(
    scheduler: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forced: a terminal as rich sees one (TTY_COMPATIBLE), bars at once; extraction and
    judging both on the cluster, each bar full at the end."""
    monkeypatch.setattr(runner, "PROGRESS_DELAY", 0.0)
    monkeypatch.setattr(pipeline, "PARALLEL_CLAIMS", 0)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "200")
    options = pipeline.ScanOptions(progress=True, engine="dask", scheduler=scheduler)
    report = pipeline.scan([str(MIXED)], options)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", capsys.readouterr().err)
    claims = report.summary.claims
    assert re.search(rf"extraction +\S* +7/7 +articles, {claims} claims", shown)
    assert re.search(rf"judging +\S* +{claims}/{claims} +claims", shown)
