"""Extracted claims per article on disk, so a rescan parses only articles that changed; kept
under a size cap by evicting the least recently used entries."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from pydantic import BaseModel, ConfigDict, ValidationError

from claimcheck import __version__, lexicon
from claimcheck.report import json as json_report
from claimcheck.report import write_output
from claimcheck.schema import Article, Claim, Report, compact

PACKAGE = Path(__file__).resolve().parent
# Sources whose change can change the claims of an article: extraction, the pipeline set-up,
# the word lists and the Claim type itself. Their bytes go into every cache key.
EXTRACTION_SOURCES = ("extract", "nlp.py", "lexicon.py", "runner.py", "schema.py")
# The entries: an article's claims under claims/<2 hex>/, an input's report under reports/.
# Nothing else in the folder is the cache's (bench/ scripts keep rows of their own there).
CLAIMS = "claims"
REPORTS = "reports"
# Files a person may leave next to the entries: tell backup tools and git to ignore the folder.
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# claimcheck claim cache\n"


class CacheEntry(BaseModel):
    """One article's claims as stored on disk (an internal format, not part of the report)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    model: str
    doc_id: str
    claims: tuple[Claim, ...]


class ClaimCache:
    """Claims stored by article content, pipeline version and model; misses are never fatal."""

    def __init__(self, root: str | Path, *, model: str) -> None:
        self.root = Path(root)
        self.model = model_key(model)
        self._strings: dict[Any, Any] = {}  # shared by the claims this cache reads back

    def key(self, article: Article) -> str:
        return claims_key(article, self.model)

    def get(self, article: Article) -> list[Claim] | None:
        """The cached claims of `article`, or None when absent, stale or unreadable."""
        key = self.key(article)
        path = self._path(key)
        try:
            entry = CacheEntry.model_validate_json(path.read_bytes())
        except (OSError, ValueError, ValidationError):
            return None
        if entry.key != key or entry.doc_id != article.id:
            return None
        _used(path)
        return compact(list(entry.claims), self._strings)

    def put(self, article: Article, claims: list[Claim]) -> None:
        """Store `claims` atomically; a cache that cannot be written is skipped silently."""
        key = self.key(article)
        entry = CacheEntry(key=key, model=self.model, doc_id=article.id, claims=tuple(claims))
        try:
            self._prepare()
            write_output(entry.model_dump_json(), str(self._path(key)))
        except OSError:
            return

    def report_key(
        self, articles: Sequence[Article], skipped: Sequence[str], *, weights: str = ""
    ) -> str:
        """What a whole report depends on: every article's claims key, where it was read and in
        which role, the inputs skipped, and all of claimcheck (comparison included); `weights`
        names judge weights given instead of the shipped ones (judge.evidence.source_digest)."""
        digest = hashlib.sha256(analysis_version().encode("utf-8"))
        digest.update(weights.encode("utf-8"))
        parts = sorted(f"{self.key(a)}|{a.path}|{a.role}" for a in articles) + sorted(skipped)
        for part in parts:
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get_report(self, key: str) -> Report | None:
        """The report stored under `key`, without its claims (see `put_report`), or None."""
        path = self._report_path(key)
        try:
            report = Report.model_validate_json(path.read_bytes())
        except (OSError, ValueError, ValidationError):
            return None
        _used(path)
        return report

    def put_report(self, key: str, report: Report) -> None:
        """Store `report` without its claims: they are in the claim entries already, and read
        back from there one article at a time they take a fraction of the memory that
        validating the whole report at once does (1.4 against 3.4 KB per claim, `compact`)."""
        try:
            self._prepare()
            shell = report.model_copy(update={"claims": ()})
            write_output(json_report.chunks(shell, indent=None), str(self._report_path(key)))
        except OSError:
            return

    def _report_path(self, key: str) -> Path:
        return self.root / REPORTS / f"{key}.json"

    def _path(self, key: str) -> Path:
        return self.root / CLAIMS / key[:2] / f"{key}.json"

    def _prepare(self) -> None:
        if (self.root / "CACHEDIR.TAG").exists():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        write_output("*\n", str(self.root / ".gitignore"))
        write_output(CACHEDIR_TAG, str(self.root / "CACHEDIR.TAG"))


@dataclass(frozen=True)
class Usage:
    """How many entries a cache holds, or removed, and their bytes."""

    entries: int = 0
    size: int = 0


def usage(root: str | Path) -> Usage:
    """The entries under `root` and their size (0 and 0 where there is no cache)."""
    found = list(_entries(Path(root)))
    return Usage(len(found), sum(size for _, size, _ in found))


def trim(root: str | Path, max_size: int) -> Usage:
    """Remove the least recently used entries (read or written longest ago) until the rest
    take at most `max_size` bytes (0: no limit); what was removed. Never fatal."""
    if max_size <= 0:
        return Usage()
    found = sorted(_entries(Path(root)), key=lambda entry: entry[2])
    excess = sum(size for _, size, _ in found) - max_size
    removed = Usage()
    for path, size, _ in found:
        if excess <= 0:
            break
        if _remove(path):
            removed = Usage(removed.entries + 1, removed.size + size)
            excess -= size
    return removed


def clean(root: str | Path) -> Usage:
    """Remove every entry under `root`, and the folders left empty; what was removed."""
    folder = Path(root)
    removed = Usage()
    for path, size, _ in list(_entries(folder)):
        if _remove(path):
            removed = Usage(removed.entries + 1, removed.size + size)
    for emptied in (*folder.glob(f"{CLAIMS}/*/"), folder / CLAIMS, folder / REPORTS):
        try:
            emptied.rmdir()
        except OSError:  # not empty: something else was put there
            continue
    return removed


def _entries(root: Path) -> Iterator[tuple[Path, int, float]]:
    """Each entry's path, size and last use (its modification time: `_used` sets it); none
    in a folder that is not a claim cache (no CACHEDIR.TAG), which `clean` must not touch."""
    if not (root / "CACHEDIR.TAG").is_file():
        return
    for path in (*root.glob(f"{CLAIMS}/*/*.json"), *root.glob(f"{REPORTS}/*.json")):
        try:
            stat = path.stat()
        except OSError:
            continue
        yield path, stat.st_size, stat.st_mtime


def _used(path: Path) -> None:
    """Mark an entry as just used, for `trim` (access times are unreliable: noatime)."""
    try:
        os.utime(path)
    except OSError:
        return


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:  # gone already (another scan trimmed it) or not ours to remove
        return False
    return True


def claims_key(article: Article, model: str) -> str:
    """What the claims of `article` depend on: its text, id, metadata, the pipeline and the
    model (`model_key`). The claim cache and the store (claimcheck.store) both key by it."""
    content = article.model_dump_json(exclude={"path", "role"})
    digest = hashlib.sha256()
    for part in (pipeline_version(), model, content):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def model_key(model: str) -> str:
    """name@version of an installed model from its meta.json, without loading the pipeline.

    Same text as `nlp.model_key(nlp.load(model))`, which costs seconds.
    """
    path = Path(model) if Path(model).exists() else spacy.util.get_package_path(model)
    meta = spacy.util.load_meta(path / "meta.json")
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}@{meta.get('version', '?')}"


# Assets under models/ that only the comparison stage reads: editing them keeps cached claims.
# (Every asset keys the report cache.) limits.json is not one: extraction reads it too
# (names.first_names_match, through coref), as it reads name_suffixes.txt.
COMPARISON_ASSETS = frozenset({"compare.json", "abbreviations.json", "acronym_skips.txt"})


@functools.cache
def pipeline_version() -> str:
    """claimcheck's version plus a digest of the extraction sources and the models/ assets."""
    digest = hashlib.sha256(__version__.encode("utf-8"))
    files = [p for name in EXTRACTION_SOURCES for p in _files(PACKAGE / name, "*.py")]
    for path in files:
        digest.update(path.name.encode("utf-8"))
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for asset in lexicon.assets():
        if asset.name not in COMPARISON_ASSETS:
            digest.update(asset.name.encode("utf-8"))
            digest.update(hashlib.sha256(asset.read_bytes()).digest())
    return f"{__version__}+{digest.hexdigest()[:16]}"


@functools.cache
def analysis_version() -> str:
    """pipeline_version plus every other source file of claimcheck and all of models/."""
    digest = hashlib.sha256(pipeline_version().encode("utf-8"))
    for path in _files(PACKAGE, "*.py"):
        digest.update(str(path.relative_to(path.parent.parent)).encode("utf-8"))
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for asset in lexicon.assets():
        digest.update(f"models/{asset.name}".encode())
        digest.update(hashlib.sha256(asset.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _files(root: Path, pattern: str) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
