"""The claim cache: keyed by content, pipeline and model; never fatal; skips the model on hits."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimcheck import __version__, cache, nlp, pipeline, runner
from claimcheck.cli import app
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
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "platform"))
    folder = _corpus(tmp_path / "news", 2)
    pipeline.scan([str(folder)], pipeline.ScanOptions(cache_dir=None))
    assert [p.name for p in tmp_path.iterdir()] == ["news"]


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


def _aged(root: Path, seconds: float) -> None:
    """Make every entry under `root` look last used `seconds` ago."""
    for path in root.rglob("*.json"):
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime - seconds))


def test_trim_removes_the_least_recently_used_first(store: cache.ClaimCache) -> None:
    old, used, new = (_article(f"Item {n}.", id=n) for n in ("old", "use", "new"))  # one size
    for article in (old, used):
        store.put(article, _claims(article))
    _aged(store.root, 3600)
    assert store.get(used) is not None  # a hit counts as a use
    store.put(new, _claims(new))
    entry = cache.usage(store.root).size // 3
    assert cache.trim(store.root, 0) == cache.Usage()  # 0: no limit
    assert cache.trim(store.root, 2 * entry + entry // 2) == cache.Usage(1, entry)
    assert [store.get(a) is not None for a in (old, used, new)] == [False, True, True]
    assert cache.usage(store.root) == cache.Usage(2, 2 * entry)


def test_clean_removes_the_entries_and_nothing_else(store: cache.ClaimCache) -> None:
    article = _article()
    store.put(article, _claims(article))
    store.put_report("k" * 64, pipeline.build_report([article], [], [], model="m"))
    (store.root / "judge-rows-1.jsonl").write_text("{}\n")  # a bench script's own file
    held = cache.usage(store.root)
    assert held.entries == 2 and held.size > 0
    assert cache.clean(store.root) == held
    assert sorted(p.name for p in store.root.iterdir()) == [
        ".gitignore",
        "CACHEDIR.TAG",
        "judge-rows-1.jsonl",
    ]
    assert cache.clean(store.root) == cache.Usage()
    assert cache.usage(store.root / "nowhere") == cache.Usage()
    (store.root / "CACHEDIR.TAG").unlink()  # a folder named by mistake: not a cache, left alone
    store.put(article, _claims(article))
    (store.root / "CACHEDIR.TAG").unlink()
    assert cache.clean(store.root) == cache.Usage()
    assert store.get(article) is not None


def test_a_scan_trims_the_cache_to_its_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "extract_all", lambda arts, **_: [_claims(a) for a in arts])
    old, new = _corpus(tmp_path / "old", 3), _corpus(tmp_path / "new", 2)
    (new / "doc9.txt").write_text("Officials said 40 people were hurt on Tuesday.\n")
    alone = tmp_path / "alone"
    pipeline.scan([str(new)], pipeline.ScanOptions(cache_dir=str(alone)))
    shared = pipeline.ScanOptions(cache_dir=str(tmp_path / "cache"), cache_max_size=0)
    pipeline.scan([str(old)], shared)
    _aged(tmp_path / "cache", 3600)
    capped = pipeline.ScanOptions(
        cache_dir=shared.cache_dir, cache_max_size=cache.usage(alone).size
    )
    pipeline.scan([str(new)], capped)
    # what is left is what the last scan used: the new folder's claims (doc0 and doc1 are in
    # both folders: read back from the cache, they count as used) and its report
    names = {p.relative_to(tmp_path / "cache") for p in (tmp_path / "cache").rglob("*.json")}
    assert names == {p.relative_to(alone) for p in alone.rglob("*.json")}


def test_cache_commands_say_where_and_how_much(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform_cache: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    info = CliRunner().invoke(app, ["cache", "info", "--isolated"])
    assert info.exit_code == 0
    assert f"location: {platform_cache}  # default" in info.stdout
    store = cache.ClaimCache(tmp_path / "claims-cache", model=nlp.resolve_model(None))
    for n in range(3):
        store.put(_article(f"Item {n}.", id=str(n)), _claims(_article()))
    size = cache.usage(store.root).size
    (tmp_path / "claimcheck.toml").write_text(
        'cache-dir = "claims-cache"\ncache-max-size = "5 MB"\n'
    )
    info = CliRunner().invoke(app, ["cache", "info"])
    assert info.exit_code == 0
    assert info.stdout.splitlines() == [
        "location: claims-cache  # claimcheck.toml",
        "entries: 3",
        f"size: {size / 1000:.1f} KB ({size} bytes)".replace(".0 KB", " KB"),
        "max size: 5 MB  # claimcheck.toml",
    ]
    clean = CliRunner().invoke(app, ["cache", "clean"])
    assert clean.exit_code == 0
    assert clean.stdout.startswith("claimcheck: removed 3 entries (")
    assert clean.stdout.rstrip().endswith("from claims-cache")
    assert cache.usage(store.root) == cache.Usage()


def test_a_scan_keeps_its_cache_in_the_platform_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "extract_all", lambda arts, **_: [_claims(a) for a in arts])
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "platform"))
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "news", 2)
    result = CliRunner().invoke(app, ["scan", "news", "--isolated", "--quiet"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news", "platform"]
    assert cache.usage(tmp_path / "platform" / "claimcheck").entries == 3  # 2 articles, 1 report


def test_cache_max_size_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "extract_all", lambda arts, **_: [_claims(a) for a in arts])
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "news", 2)
    scan = ["scan", "news", "--isolated", "--quiet", "--cache-dir", "kept"]
    assert CliRunner().invoke(app, [*scan, "--cache-max-size", "1 MB"]).exit_code == 0
    assert cache.usage(tmp_path / "kept").entries == 3
    assert CliRunner().invoke(app, [*scan, "--cache-max-size", "1"]).exit_code == 0
    assert cache.usage(tmp_path / "kept") == cache.Usage()  # every entry is over one byte
    bad = CliRunner().invoke(app, [*scan, "--cache-max-size", "lots"])
    assert bad.exit_code == 2
    assert bad.output == (
        'claimcheck: error: --cache-max-size: expected a size such as "500 MB" or "2 GB" '
        "(0: no limit), not 'lots'\n"
    )
