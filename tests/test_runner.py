"""Runner: claims identical and in article order for any number of processes; quiet progress."""

from __future__ import annotations

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
