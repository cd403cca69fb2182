"""Runner: claims identical and in article order for any number of processes; quiet progress."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import nlp, runner
from claimcheck.schema import Article, Claim

ROOT = Path(__file__).resolve().parent.parent
# The file whose creation marks the first death, in the environment of the workers.
MARKER = "CLAIMCHECK_TEST_DIED"

pytestmark = pytest.mark.model

TEXTS = (
    "Officials said 40 people were hurt in Tuesday's storm.\nThe mayor visited the port.",
    "The ministry reported on March 5, 2024 that 1,200 homes lost power.",
    "Rescue teams worked through the night.\nMost schools will reopen on Monday.",
    "A spokesman for the utility said repairs would cost $3 million.",
    "Residents described the wind as the worst in decades.",
)


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", path=f"a{i}.txt", text=text) for i, text in enumerate(TEXTS)]


def _dumps(per_article: list[list[Claim]]) -> list[list[dict[str, object]]]:
    return [[c.model_dump() for c in claims] for claims in per_article]


def test_two_processes_give_the_same_claims_in_the_same_order() -> None:
    model = nlp.resolve_model(None)
    articles = _articles()
    here = list(runner.extract_all(articles, model=model, jobs=1, batch_size=2))
    pooled = list(runner.extract_all(articles, model=model, jobs=2, batch_size=2))
    assert _dumps(pooled) == _dumps(here)
    assert [{c.doc_id for c in claims} for claims in pooled] == [{a.id} for a in articles]
    assert sum(len(c) for c in here) >= len(TEXTS)


def test_default_batching_matches_one_batch_per_article() -> None:
    model = nlp.resolve_model(None)
    articles = _articles()
    one_each = list(runner.extract_all(articles, model=model, jobs=2, batch_size=1))
    default = list(runner.extract_all(articles, model=model, jobs=0))
    assert _dumps(one_each) == _dumps(default)


def test_no_articles_gives_no_claims() -> None:
    assert list(runner.extract_all([], model=nlp.resolve_model(None), jobs=2)) == []


@pytest.mark.parametrize(("jobs", "expected"), [(1, 1), (3, 3), (7, 7)])
def test_positive_jobs_are_taken_as_given(jobs: int, expected: int) -> None:
    assert runner.resolve_jobs(jobs) == expected


def test_zero_jobs_means_every_usable_core() -> None:
    assert runner.resolve_jobs(0) >= 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_never_writes_to_stdout(
    jobs: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(runner, "PROGRESS_DELAY", 0.0)
    with runner.showing(True):
        list(
            runner.extract_all(_articles(), model=nlp.resolve_model(None), jobs=jobs, batch_size=1)
        )
    assert capsys.readouterr().out == ""


def test_no_progress_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    list(runner.extract_all(_articles(), model=nlp.resolve_model(None), jobs=1))
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


def _scan_mixed(jobs: int) -> None:
    from claimcheck import pipeline

    folder = ROOT / "tests" / "fixtures" / "mixed"
    pipeline.scan([str(folder)], pipeline.ScanOptions(jobs=jobs, progress=True))


@pytest.mark.parametrize("pooled", [False, True], ids=["in-process", "in-workers"])
def test_each_stage_has_its_bar_on_a_terminal(
    pooled: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forced: a terminal as rich sees one (TTY_COMPATIBLE), bars at once. Reading, extraction,
    pairing and judging each have a bar with its count of the stage's units; in workers, a
    task's progress comes back with it."""
    from claimcheck import ingest, pipeline

    monkeypatch.setattr(runner, "PROGRESS_DELAY", 0.0)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "200")
    if pooled:  # share even this small a scan: files read, articles parsed, stories judged
        monkeypatch.setattr(ingest, "PARALLEL_FILES", 0)
        monkeypatch.setattr(pipeline, "PARALLEL_CLAIMS", 0)
    _scan_mixed(jobs=2 if pooled else 1)
    captured = capsys.readouterr()
    assert captured.out == ""
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", captured.err)
    assert re.search(r"reading +\S* +7/7 +files", shown)
    assert re.search(r"extraction +\S* +7/7 +articles, [0-9,]+ claims", shown)
    claims = re.findall(r"pairing +\S* +(\d+)/(\d+) +claims", shown)
    assert claims and claims[-1][0] == claims[-1][1]
    assert re.search(rf"judging +\S* +{claims[-1][1]}/{claims[-1][1]} +claims", shown)
    assert "eta" in shown


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    """The command line, its stderr a pipe: nothing but its one summary line on stdout, even
    with rich told to colour (FORCE_COLOR, TTY_COMPATIBLE), and the scan long enough (the
    model's load) for a bar to have shown."""
    env = {**os.environ, "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1", "TERM": "xterm"}
    folder = ROOT / "tests" / "fixtures" / "mixed"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimcheck",
            "scan",
            str(folder),
            "--no-cache",
            "-q",
            "--exit-zero",
        ],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stderr == ""
    assert done.stdout.count("\n") == 1


def _scaled(task: int) -> tuple[int, int, int]:
    factor, offset = runner.shared()
    return task, task * factor + offset, os.getpid()


@pytest.mark.parametrize("serial", [True, False])
def test_tasks_come_back_in_order_and_read_what_is_shared(serial: bool) -> None:
    results = runner.run_tasks(_scaled, list(range(40)), jobs=2, shared=(3, 1), serial=serial)
    assert [(t, v) for t, v, _ in results] == [(t, 3 * t + 1) for t in range(40)]
    processes = {pid for _, _, pid in results}
    assert (processes == {os.getpid()}) if serial else (os.getpid() not in processes)
    assert runner.shared() is None


@pytest.mark.model
@pytest.mark.parametrize("fresh_from", [0, 10**9], ids=["spawned", "forked"])
def test_stories_judged_in_two_processes_give_the_report_of_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_from: int
) -> None:
    from claimcheck import pipeline
    from claimcheck.report import json as json_report

    from .link.test_pairs import EVENT_A, EVENT_B, FILLERS

    for stem, outlet, text in EVENT_A + EVENT_B + FILLERS:
        record = {"title": stem, "text": text, "source": outlet, "date": "2024-05-14"}
        (tmp_path / f"{stem}.json").write_text(json.dumps(record), encoding="utf-8")
    monkeypatch.setattr(pipeline, "PARALLEL_CLAIMS", 0)  # share even this small a scan
    monkeypatch.setattr(pipeline, "FRESH_CLAIMS", fresh_from)  # workers spawned, or forked
    reports = [
        json_report.render(pipeline.scan([str(tmp_path)], pipeline.ScanOptions(jobs=jobs)))
        for jobs in (1, 2)
    ]
    assert reports[0] == reports[1]
    assert json.loads(reports[0])["contradictions"]


def _die(once: bool) -> None:
    """Kill this worker process as the out-of-memory killer would; with `once`, only the
    first time (the marker file is created by one process only)."""
    if once:
        try:
            os.close(os.open(os.environ[MARKER], os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
    os.kill(os.getpid(), signal.SIGKILL)


def _dies_once(task: int) -> int:
    if task == 5:
        _die(once=True)
    return task * 2


def _always_dies(task: int) -> int:
    if task == 5:
        _die(once=False)
    return task * 2


def _extract_dies_once(task: tuple[list[Article], int]) -> list[list[Claim] | object]:
    if task[0][0].id == "a0":
        _die(once=True)
    return list(runner._extract(*task, model=str(runner._worker_model)))


def _extract_always_dies(task: tuple[list[Article], int]) -> list[list[Claim] | object]:
    if task[0][0].id == "a4":
        _die(once=False)
    return list(runner._extract(*task, model=str(runner._worker_model)))


def _in_subprocess(code: str, tmp_path: Path) -> str:
    """What `code` prints, run in a fresh interpreter that is killed with its workers after
    60 s: a run that hangs on a dead worker fails the test instead of hanging it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), MARKER: str(tmp_path / "died")}
    run = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its workers too are ended on a timeout
    )
    try:
        out, err = run.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        pytest.fail("still waiting after 60 s: the dead worker was not noticed")
    assert run.returncode == 0, err
    return out


def test_tasks_of_a_killed_worker_are_run_again_and_come_back_in_order(tmp_path: Path) -> None:
    out = _in_subprocess(
        "from claimcheck import runner\n"
        "from tests.test_runner import _dies_once\n"
        "print(runner.run_tasks(_dies_once, list(range(12)), jobs=2, shared=None, serial=False,"
        " chunk=1))\n",
        tmp_path,
    )
    assert out == f"{[2 * t for t in range(12)]}\n"
    assert (tmp_path / "died").exists()  # a worker did die


def test_a_task_whose_worker_dies_again_ends_the_run_with_one_clear_line(tmp_path: Path) -> None:
    out = _in_subprocess(
        "from claimcheck import errors, runner\n"
        "from tests.test_runner import _always_dies\n"
        "try:\n"
        "    runner.run_tasks(_always_dies, list(range(12)), jobs=2, shared=None, serial=False,"
        " chunk=1, what='judging story groups')\n"
        "except errors.ClaimcheckError as exc:\n"
        "    print(type(exc).__name__, exc.exit_code, exc)\n",
        tmp_path,
    )
    assert out.count("\n") == 1
    assert out.startswith("WorkerDied 2 a worker process died while judging story groups")
    assert "out-of-memory" in out and "fewer --jobs" in out


def test_extraction_retries_a_killed_worker_and_skips_what_kills_it_twice(tmp_path: Path) -> None:
    out = _in_subprocess(
        "import json\n"
        "from claimcheck import nlp, runner\n"
        "from tests import test_runner as t\n"
        "def run():\n"
        "    found = runner.extract_all(t._articles(), model=nlp.resolve_model(None), jobs=2,"
        " batch_size=1)\n"
        "    return [[c.model_dump(mode='json') for c in r] if isinstance(r, list)"
        " else r.model_dump(mode='json') for r in found]\n"
        "clean = run()\n"
        "runner._extract_task = t._extract_dies_once\n"
        "once = run()\n"
        "runner._extract_task = t._extract_always_dies\n"
        "print(json.dumps([clean, once, run()]))\n",
        tmp_path,
    )
    clean, once, always = json.loads(out)
    assert once == clean  # the same batches parsed again: the same claims, in the same order
    assert (tmp_path / "died").exists()
    assert always[:4] == clean[:4]  # a4 is alone in the last task: the others go on
    assert always[4]["path"] == "a4.txt"
    assert always[4]["reason"].startswith("the worker process parsing it died twice")
