"""The store: `index` keeps a corpus's claims in DuckDB, and a batch scanned against it finds
what the same batch finds against the corpus given as a folder."""

from __future__ import annotations

import datetime as dt
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from claimcheck import pipeline, runner, store
from claimcheck.cli import app
from claimcheck.schema import Report

from .conftest import ROOT

OUTLETS = ("Harbor Tribune", "Metro Wire", "Daily Ledger", "Coast Herald")
# (title, what the story's figure counts, how outlets state it, its quote, its speaker)
STORIES = (
    (
        "Council approves library funding",
        "The Harbor City council approved {n} million dollars for the new public library, "
        "Mayor Ana Ruiz said.",
        84,
        '"This library will serve every family in Harbor City," Ruiz told reporters.',
    ),
    (
        "Flooding forces residents from Pinecrest",
        "Flooding along the Verna River forced {n} residents of Pinecrest from their homes, "
        "fire chief Tomas Beck said.",
        1200,
        '"The water rose faster than anyone expected," Beck said at the shelter.',
    ),
    (
        "Orbis Motors to cut jobs in Lakemont",
        "Orbis Motors will cut {n} jobs at its Lakemont plant, spokeswoman Delia Marsh said.",
        450,
        '"We regret the impact on our workers in Lakemont," Marsh said in a statement.',
    ),
    (
        "Eastvale teachers walk out",
        "Teachers walked out at {n} schools in Eastvale on Monday, union leader Priya "
        "Nandakumar said.",
        32,
        '"Our members will not accept another pay freeze," Nandakumar said outside city hall.',
    ),
    (
        "Rivermouth bridge repair cost rises",
        "The repair of the Rivermouth bridge will cost {n} million dollars, transport director "
        "Carl Ostrowski said.",
        16,
        '"The steel beams are in worse shape than the survey showed," Ostrowski said.',
    ),
    (
        "Olsen wins Greenfield by-election",
        "Marta Olsen won {n} votes in the Greenfield by-election, county clerk Ivan Hale said.",
        5400,
        '"Turnout in Greenfield was the highest in a decade," Hale said.',
    ),
    (
        "Northport hospital treats ferry passengers",
        "Northport General Hospital treated {n} passengers after the ferry collision, hospital "
        "director Ken Alder said.",
        87,
        '"Our staff worked through the night to care for the injured," Alder said.',
    ),
    (
        "Westbrook wildfire grows",
        "The Westbrook wildfire burned {n} acres of forest, state forester Lena Ortiz said.",
        3400,
        '"Crews from four counties are fighting the fire near Westbrook," Ortiz said.',
    ),
)
# The stories the batch takes up, and the figure its articles give instead.
BATCH = {0: 48, 3: 23, 6: 78}


def _article(title: str, day: dt.date, outlet: str, body: str) -> str:
    return f"{title}\n\n{day:%B} {day.day}, {day.year}\n\nBy Staff, {outlet}\n\n{body}\n"


def _write(root: Path, name: str, story: int, day: dt.date, outlet: str, n: int) -> None:
    title, figure, _, quote = STORIES[story]
    body = f"{figure.format(n=f'{n:,}')} {quote}"
    root.mkdir(parents=True, exist_ok=True)
    (root / f"{name}.txt").write_text(_article(title, day, outlet, body), encoding="utf-8")


def _corpus(root: Path, stories: int = len(STORIES)) -> Path:
    """Eight stories, each told by four outlets within three days, 40 days apart."""
    for story, (_, _, n, _) in enumerate(STORIES[:stories]):
        start = dt.date(2024, 1, 8) + dt.timedelta(days=40 * story)
        for k, outlet in enumerate(OUTLETS):
            _write(root, f"s{story}-{k}", story, start + dt.timedelta(days=k % 3), outlet, n)
    return root


def _batch(root: Path) -> Path:
    for story, n in BATCH.items():
        start = dt.date(2024, 1, 8) + dt.timedelta(days=40 * story)
        _write(root, f"new{story}", story, start + dt.timedelta(days=1), "Valley Post", n)
    return root


def _options(**extra: object) -> pipeline.ScanOptions:
    return pipeline.ScanOptions(jobs=1, **extra)  # type: ignore[arg-type]


def _findings(report: Report) -> list[str]:
    return [c.model_dump_json() for c in report.contradictions] + [
        s.model_dump_json() for s in report.supersessions
    ]


@pytest.mark.model
def test_a_batch_against_a_store_finds_what_it_finds_against_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus, batch = _corpus(tmp_path / "corpus"), _batch(tmp_path / "batch")
    done = pipeline.index([str(corpus)], "archive.duckdb", _options())
    assert (done.added, done.unchanged, done.removed, done.skipped) == (32, 0, 0, ())
    assert store.find("archive.duckdb") is not None
    folder = pipeline.scan([str(batch)], _options(against=(str(corpus),)))
    stored = pipeline.scan([str(batch)], _options(against=("archive.duckdb",)))
    assert folder.contradictions, "the batch's figures should contradict the corpus's"
    assert _findings(stored) == _findings(folder)
    # only the batch's three stories are loaded: 3 new articles and 12 of the 32 stored
    assert stored.summary.documents == 15
    assert folder.summary.documents == 35
    again = pipeline.scan([str(batch)], _options(against=("archive.duckdb",)))
    assert again.model_dump_json() == stored.model_dump_json()
    # an article given as new that the store holds too counts as new, as with a folder
    both = [str(batch), str(corpus / "s3-1.txt")]
    folder = pipeline.scan(both, _options(against=(str(corpus),)))
    stored = pipeline.scan(both, _options(against=("archive.duckdb",)))
    assert _findings(stored) == _findings(folder)
    # a store an interrupted index left without its summaries: the scan computes them
    db = duckdb.connect("archive.duckdb")
    db.execute("UPDATE meta SET value = 'stale' WHERE name = 'summaries'")
    db.close()
    unsummarised = pipeline.scan(both, _options(against=("archive.duckdb",)))
    assert unsummarised.model_dump_json() == stored.model_dump_json()


@pytest.mark.model
def test_a_small_store_is_compared_whole_as_a_small_folder_is(tmp_path: Path) -> None:
    corpus, batch = _corpus(tmp_path / "corpus", stories=4), _batch(tmp_path / "batch")
    target = str(tmp_path / "archive.duckdb")
    pipeline.index([str(corpus)], target, _options())
    folder = pipeline.scan([str(batch)], _options(against=(str(corpus),)))
    stored = pipeline.scan([str(batch)], _options(against=(target,)))
    assert folder.contradictions
    assert _findings(stored) == _findings(folder)
    assert stored.summary.documents == folder.summary.documents == 19


@pytest.mark.model
def test_reindexing_extracts_only_changed_articles_and_drops_removed_ones(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    target = str(tmp_path / "archive.duckdb")
    pipeline.index([str(corpus)], target, _options())
    (corpus / "s1-0.txt").unlink()
    _write(corpus, "s2-0", 2, dt.date(2024, 3, 1), "Harbor Tribune", 460)
    _write(corpus, "s9-0", 5, dt.date(2024, 9, 1), "Metro Wire", 5400)
    done = pipeline.index([str(corpus)], target, _options(), parquet=tmp_path / "parquet")
    assert (done.added, done.unchanged, done.removed) == (2, 30, 1)
    exported = sorted(p.name for p in (tmp_path / "parquet").iterdir())
    assert exported == sorted(f"{table}.parquet" for table in store.TABLES)
    db = duckdb.connect(target, read_only=True)
    docs = [r[0] for r in db.execute("SELECT doc_id FROM articles ORDER BY doc_id").fetchall()]
    db.close()
    assert "s1-0" not in docs and "s9-0" in docs and len(docs) == 32


def test_a_folder_or_an_article_is_no_store(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text that is no database at all.", encoding="utf-8")
    assert store.find(str(tmp_path)) is None
    assert store.find(str(tmp_path / "a.txt")) is None
    db = store.Store(store.database(str(tmp_path)))
    db.close()
    assert store.find(str(tmp_path)) == tmp_path / store.FILE_NAME


@pytest.mark.model
def test_an_index_killed_midway_keeps_what_it_committed_and_a_rerun_goes_on(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    target = tmp_path / "archive.duckdb"
    command = [sys.executable, "-m", "claimcheck", "index", str(corpus), "--store", str(target)]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # DuckDB appends each commit to its write-ahead log: kill once a few articles are in it
    log = Path(f"{target}.wal")
    deadline = time.monotonic() + 120
    while child.poll() is None and time.monotonic() < deadline:
        if log.exists() and log.stat().st_size > KILL_AFTER_LOG_BYTES:
            break
        time.sleep(0.01)
    killed = child.poll() is None
    child.send_signal(signal.SIGKILL)
    child.wait()
    kept = _consistent(target)
    assert kept < 32 or not killed
    rerun = subprocess.run(command, capture_output=True, text=True, check=True)
    # on a pipe: no bar, one line with the run's figures
    assert re.fullmatch(
        rf"claimcheck: {re.escape(str(target))}: {32 - kept} articles extracted in [0-9.]+ s "
        rf"\([0-9.]+ articles/s\), {kept} unchanged, 0 removed, 0 skipped\n",
        rerun.stderr,
    )
    assert _consistent(target) == 32
    whole = tmp_path / "whole.duckdb"
    pipeline.index([str(corpus)], str(whole), _options())
    assert _rows(target) == _rows(whole)


def _rows(target: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the store's tables (articles, claims, markers, speakers), in order."""
    db = duckdb.connect(str(target), read_only=True)
    try:
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in store.TABLES}
    finally:
        db.close()


@pytest.mark.model
def test_index_shows_articles_per_second_and_time_left_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forced: a terminal as rich sees one (TTY_COMPATIBLE), the bars at once."""
    monkeypatch.setattr(runner, "PROGRESS_DELAY", 0.0)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "200")
    corpus = _corpus(tmp_path / "corpus", stories=2)
    pipeline.index([str(corpus)], str(tmp_path / "archive.duckdb"), _options(progress=True))
    captured = capsys.readouterr()
    assert captured.out == ""
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", captured.err)
    assert re.search(r"reading +\S* +8/8 +files", shown)
    assert re.search(r"extraction +\S* +8/8 +articles, [0-9,]+ claims", shown)
    assert re.search(r"[0-9.]+ articles/s", shown)
    assert "eta" in shown


# A few articles' rows in DuckDB's log (one article of the corpus writes about 5 KB).
KILL_AFTER_LOG_BYTES = 20_000


def _consistent(target: Path) -> int:
    """How many articles the store holds, each with all its claims."""
    db = duckdb.connect(str(target), read_only=True)
    try:
        rows = db.execute(
            "SELECT a.doc_id, a.claims, count(c.claim_id) FROM articles a "
            "LEFT JOIN claims c USING (doc_id) GROUP BY ALL"
        ).fetchall()
    finally:
        db.close()
    assert all(declared == held for _, declared, held in rows)
    return len(rows)


@pytest.mark.model
def test_the_readmes_two_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Check today's batch against your archive", 1)[1].split("\n## ")[0]
    commands = [line.split()[1:] for line in section.splitlines() if line.startswith("    ")]
    assert [c[0] for c in commands] == ["index", "scan"]
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "archive")
    _write(tmp_path / "today", "new0", 0, dt.date(2024, 1, 9), "Valley Post", 48)
    runner = CliRunner()
    indexed = runner.invoke(app, commands[0])
    assert indexed.exit_code == 0, indexed.output
    scanned = runner.invoke(app, [*commands[1], "--format", "concise", "--no-cache"])
    assert scanned.exit_code == 1, scanned.output  # 1: it found the figure the archive differs on
    assert "48 million dollars" in scanned.output


@pytest.mark.model
def test_stored_claims_come_back_in_the_order_a_folder_scan_reads_them(tmp_path: Path) -> None:
    # comparison reads claims in order (a shuffle changes a scan's findings' details)
    corpus, batch = _corpus(tmp_path / "corpus"), _batch(tmp_path / "batch")
    target = tmp_path / "archive.duckdb"
    pipeline.index([str(corpus)], str(target), _options())
    _, _, read, _ = pipeline.load_claims([str(batch), str(corpus)], _options())
    new, _, found, _ = pipeline.load_claims([str(batch)], _options())
    db = store.Store(target, read_only=True)
    try:
        _, stored, _, _ = db.corpus(new, found)
    finally:
        db.close()
    loaded = {c.doc_id for c in stored}
    assert [c.id for c in stored] == [c.id for c in read if c.doc_id in loaded]
    assert [c.id for c in stored] != sorted(c.id for c in stored)
