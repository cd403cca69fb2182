"""The bench corpus generator: deterministic, prefix-stable, planted facts in the text."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import corpus, measure

N = 120


@pytest.fixture(scope="module")
def generated() -> corpus.Corpus:
    return corpus.generate(N, seed=3)


def test_same_seed_same_corpus(generated: corpus.Corpus) -> None:
    again = corpus.generate(N, seed=3)
    assert again.files == generated.files
    assert again.planted == generated.planted


def test_other_seed_other_corpus(generated: corpus.Corpus) -> None:
    assert corpus.generate(N, seed=4).files != generated.files


def test_smaller_corpus_is_a_prefix_of_a_larger_one(generated: corpus.Corpus) -> None:
    small = corpus.generate(40, seed=3)
    assert len(small.files) == 40
    assert all(generated.files[name] == text for name, text in small.files.items())


def test_articles_have_title_dateline_and_news_length(generated: corpus.Corpus) -> None:
    assert len(generated.files) == N
    for text in generated.files.values():
        title, second = text.split("\n\n")[:2]
        assert title and not title.startswith("Published")
        assert second.startswith("Published ")
        assert 300 <= len(text.split()) <= 750


def test_stories_have_several_outlets(generated: corpus.Corpus) -> None:
    stories = {name.split("_")[0] for name in generated.files}
    assert 1 < len(stories) < N / 2


def test_planted_contradictions_are_in_the_odd_article(generated: corpus.Corpus) -> None:
    assert {p.kind for p in generated.planted} >= {"quantity", "speaker"}
    for plant in generated.planted:
        odd = generated.files[f"{plant.doc_id}.txt"]
        assert any(w in odd for w in _wordings(plant.kind, plant.planted_value)), plant
        assert plant.doc_id not in plant.agreeing_docs
        for doc_id in plant.agreeing_docs:
            other = generated.files[f"{doc_id}.txt"]
            assert any(w in other for w in _wordings(plant.kind, plant.true_value)), plant
        if plant.kind in ("speaker", "outlet"):
            assert plant.true_value not in odd


def test_agreements_word_the_same_figure_differently(generated: corpus.Corpus) -> None:
    assert generated.agreements > 0


def test_write_puts_articles_and_manifest(tmp_path: Path) -> None:
    small = corpus.generate(10, seed=1)
    folder = tmp_path / "corpus"
    corpus.write(small, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(small.files)
    manifest = json.loads(corpus.manifest_path(folder).read_text(encoding="utf-8"))
    assert manifest["articles"] == 10
    assert len(manifest["planted"]) == len(small.planted)


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_tree_rss_counts_this_process() -> None:
    assert measure.tree_rss(os.getpid()) > 10 * 2**20


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_the_tree_takes_in_children_and_pss_never_exceeds_rss() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in measure.tree_pids(os.getpid())
        pss, rss = measure.tree_pss(os.getpid()), measure.tree_rss(os.getpid())
        assert 0 < pss <= rss
    finally:
        child.kill()
        child.wait()


def _wordings(kind: str, value: str) -> list[str]:
    if kind == "quantity":
        number = int(value)
        return [f"{number:,}", str(number), f"{number // 1000} thousand", f"${number}"]
    if kind == "date":
        day = dt.date.fromisoformat(value)
        weekday = day.strftime("%A")
        return [f"{day:%B} {day.day}", f"{day.day} {day:%B}", weekday]
    if kind == "outlet":
        return [f" {value} ", f" {value}.", f" {value},"]
    return [value]
