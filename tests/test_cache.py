"""The claim cache: keyed by content, pipeline and model; never fatal; skips the model on hits."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from spacy.language import Language

from claimcheck import __version__, cache, nlp, pipeline, runner
from claimcheck.errors import InternalError
from claimcheck.schema import Article, Claim


def _article(text: str = "The mayor said 12 people were hurt.", **extra: str) -> Article:
    fields = {"id": "a", "path": "news/a.txt", "text": text} | extra
    return Article.model_validate(fields)


def _claims(article: Article) -> list[Claim]:
    return [
        Claim(id=f"{article.id}:0-5", doc_id=article.id, kind="event", text="x", start=0, end=5)
    ]


@pytest.fixture
def store(tmp_path: Path) -> cache.ClaimCache:
    return cache.ClaimCache(tmp_path / "cache", model=nlp.resolve_model(None))


def test_key_follows_content_not_location(store: cache.ClaimCache) -> None:
    base = store.key(_article())
    assert store.key(_article(path="elsewhere/a.txt")) == base
    assert store.key(_article().model_copy(update={"role": "corpus"})) == base
    assert store.key(_article("The mayor said 13 people were hurt.")) != base
    assert store.key(_article(id="b")) != base
    assert store.key(_article(published="2024-01-02")) != base


def test_round_trip_and_miss(store: cache.ClaimCache) -> None:
    article = _article()
    assert store.get(article) is None
    store.put(article, _claims(article))
    assert store.get(article) == _claims(article)
    assert store.get(_article("Other text.")) is None
    assert (store.root / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172")


@pytest.mark.parametrize("junk", [b"", b"{", b'{"key": 1}', b"\xff\xfe"])
def test_corrupt_entry_is_a_miss_and_is_rewritten(store: cache.ClaimCache, junk: bytes) -> None:
    article = _article()
    store.put(article, _claims(article))
    (entry,) = (store.root / "claims").rglob("*.json")
    entry.write_bytes(junk)
    assert store.get(article) is None
    store.put(article, _claims(article))
    assert store.get(article) == _claims(article)


def test_unwritable_cache_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = cache.ClaimCache(blocker, model=nlp.resolve_model(None))
    store.put(_article(), _claims(_article()))
    assert store.get(_article()) is None


def test_version_covers_sources_and_assets() -> None:
    release, digest = cache.pipeline_version().split("+")
    assert release == __version__
    assert len(digest) == 16


@pytest.mark.model
def test_model_key_matches_the_loaded_pipeline(nlp: Language) -> None:
    from claimcheck import nlp as nlp_module

    assert cache.model_key(nlp_module.resolve_model(None)) == nlp_module.model_key(nlp)


def _corpus(root: Path, n: int) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"doc{i}.txt").write_text(f"Officials said {i + 2} people were hurt on Monday.\n")
    return root


def test_scan_extracts_only_misses_and_never_loads_the_model_on_all_hits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def fake_extract(articles: Sequence[Article], **_: object) -> list[list[Claim]]:
        calls.append([a.id for a in articles])
        return [_claims(a) for a in articles]

    monkeypatch.setattr(runner, "extract_all", fake_extract)
    folder = _corpus(tmp_path / "news", 3)
    options = pipeline.ScanOptions(cache_dir=str(tmp_path / "cache"))
    first = pipeline.load_claims([str(folder)], options)
    assert calls == [["doc0", "doc1", "doc2"]]

    (folder / "doc1.txt").write_text("Officials said 99 people were hurt.\n")
    monkeypatch.setattr(nlp, "load", lambda *a: pytest.fail("model loaded"))
    pipeline.load_claims([str(folder)], options)
    assert calls[-1] == ["doc1"]

    calls.clear()
    again = pipeline.load_claims([str(folder)], options)
    assert calls == []
    assert again[3] == first[3]
    assert [c.id for c in again[2]] == [c.id for c in first[2]]


def test_no_cache_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "extract_all", lambda arts, **_: [_claims(a) for a in arts])
    monkeypatch.chdir(tmp_path)
    folder = _corpus(tmp_path / "news", 2)
    pipeline.load_claims([str(folder)], pipeline.ScanOptions(cache_dir=None))
    assert not (tmp_path / cache.DEFAULT_DIR).exists()


def test_an_unchanged_input_reads_its_report_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "extract_all", lambda arts, **_: [_claims(a) for a in arts])
    folder = _corpus(tmp_path / "news", 3)
    options = pipeline.ScanOptions(cache_dir=str(tmp_path / "cache"))
    first = pipeline.scan([str(folder)], options)
    (stored,) = (tmp_path / "cache" / "reports").glob("*.json")
    assert first.claims and json.loads(stored.read_text(encoding="utf-8"))["claims"] == []

    def no_comparison(*_: object, **__: object) -> object:
        raise AssertionError("compared again")

    monkeypatch.setattr(pipeline.judge, "compare_all", no_comparison)
    assert pipeline.scan([str(folder)], options) == first

    (folder / "doc2.txt").write_text("Officials said 99 people were hurt.\n")
    with pytest.raises(InternalError, match="compared again"):
        pipeline.scan([str(folder)], options)  # one article changed: the report is recomputed
