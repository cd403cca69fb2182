"""Runner: claims identical and in article order for any number of processes; quiet progress."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimcheck import nlp, runner
from claimcheck.schema import Article, Claim

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
    list(
        runner.extract_all(
            _articles(), model=nlp.resolve_model(None), jobs=jobs, progress=True, batch_size=1
        )
    )
    assert capsys.readouterr().out == ""


def test_no_progress_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    list(runner.extract_all(_articles(), model=nlp.resolve_model(None), jobs=1, progress=False))
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


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

    from .test_pairs import EVENT_A, EVENT_B, FILLERS

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
