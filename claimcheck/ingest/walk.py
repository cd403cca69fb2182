"""Paths -> input files: walks folders (sorted, symlink-safe), applies --glob, exclude
patterns and .gitignore, names each one."""

from __future__ import annotations

import errno
import fnmatch
import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from claimcheck.ingest import gitignore, reasons
from claimcheck.schema import Skipped

TEXT = frozenset({".txt", ".md", ".markdown", ".text"})
HTML = frozenset({".html", ".htm", ".xhtml"})
JSON = frozenset({".json"})
JSONL = frozenset({".jsonl", ".ndjson"})
CSV = frozenset({".csv"})
FEED = frozenset({".xml", ".rss", ".atom"})
SUPPORTED = TEXT | HTML | JSON | JSONL | CSV | FEED
STDIN = "-"
# Folders a walk never enters: hidden ones (.git, .venv, .claimcheck-cache, ...) and installed
# JavaScript packages; and any folder holding a CACHEDIR.TAG (a cache, claimcheck's included,
# wherever --cache-dir put it).
SKIPPED_FOLDERS = (".*", "node_modules")
CACHE_TAG = "CACHEDIR.TAG"


@dataclass
class Source:
    """One input: where it is, how to show it, and the document id it gets."""

    path: Path | None  # None for standard input
    shown: str
    relative: str  # path below the folder it was found in (posix), or as given
    doc_id: str = ""

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.relative).suffix.lower()


def find_sources(
    paths: Sequence[str],
    *,
    glob: str | None = None,
    exclude: Sequence[str] = (),
    use_gitignore: bool = True,
) -> tuple[list[Source], list[Skipped]]:
    """Every input under `paths` in a deterministic order, with unique document ids.

    Walking a folder leaves out SKIPPED_FOLDERS, caches, files and folders matching an
    `exclude` pattern (a glob on the name or on the path below the folder walked) and, with
    `use_gitignore`, what the .gitignore files of a git repository leave out; a path given
    by name is always read."""
    sources: list[Source] = []
    skipped: list[Skipped] = []
    seen: set[tuple[int, int]] = set()
    for name in paths:
        if name == STDIN:
            sources.append(Source(None, "<stdin>", "stdin", doc_id="stdin"))
            continue
        path = Path(name)
        problem = _problem(path)
        if problem:
            skipped.append(Skipped(path=name, reason=problem))
        elif path.is_dir():
            if _first_visit(path, seen):
                patterns = tuple(p.rstrip("/") for p in exclude)
                walk = _Walk(path, glob, patterns, seen, skipped)
                ignored = gitignore.above(path) if use_gitignore else gitignore.Ignored(off=True)
                sources.extend(walk.files(path, ignored))
        elif path.suffix.lower() not in SUPPORTED:
            skipped.append(Skipped(path=name, reason=reasons.unsupported(path.suffix)))
        elif _first_visit(path, seen):
            sources.append(Source(path, name, path.name))
    _assign_ids(sources)
    return sources, skipped


@dataclass
class _Walk:
    """One folder given as input, walked with its glob and exclude patterns."""

    root: Path
    glob: str | None
    exclude: tuple[str, ...]
    seen: set[tuple[int, int]]
    skipped: list[Skipped]

    def files(self, folder: Path, ignored: gitignore.Ignored) -> Iterator[Source]:
        """The inputs below `folder`, with `ignored` the .gitignore rules in force above it."""
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            self.skipped.append(Skipped(path=str(folder), reason=reasons.os_error(exc)))
            return
        here = folder.relative_to(self.root).as_posix()
        ignored = ignored.entering(folder, "" if here == "." else here)
        for entry in entries:
            path = Path(entry.path)
            relative = path.relative_to(self.root).as_posix()
            if _matches(entry.name, relative, self.exclude):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not ignored.ignores(relative, is_dir=True):
                    yield from self._folder(path, folder, entry.name, relative, ignored)
                continue
            if path.suffix.lower() not in SUPPORTED or ignored.ignores(relative, is_dir=False):
                continue
            if self.glob and not _matches(entry.name, relative, (self.glob,)):
                continue
            problem = _problem(path)
            if problem:
                self.skipped.append(Skipped(path=str(path), reason=problem))
            elif _first_visit(path, self.seen):
                yield Source(path, str(path), relative)

    def _folder(
        self, path: Path, parent: Path, name: str, relative: str, ignored: gitignore.Ignored
    ) -> Iterator[Source]:
        if _matches(name, relative, SKIPPED_FOLDERS) or (path / CACHE_TAG).exists():
            return
        if not _first_visit(path, self.seen):
            if path.is_symlink() and _is_ancestor(path, parent):
                self.skipped.append(Skipped(path=str(path), reason=reasons.LOOP))
            return
        yield from self.files(path, ignored)


def _matches(name: str, relative: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


def _problem(path: Path) -> str | None:
    """Why `path` cannot be opened at all (missing, broken link, link loop), else None."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return reasons.LOOP
        if path.is_symlink():
            return reasons.BROKEN_LINK
        if isinstance(exc, FileNotFoundError):
            return reasons.MISSING
        return reasons.os_error(exc)
    return None


def _first_visit(path: Path, seen: set[tuple[int, int]]) -> bool:
    """False when this file or folder was already reached by another path (link or repeat)."""
    try:
        st = path.stat()
    except OSError:
        return True
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _is_ancestor(link: Path, folder: Path) -> bool:
    try:
        return folder.resolve().is_relative_to(link.resolve())
    except (OSError, RuntimeError):
        return True


def _assign_ids(sources: list[Source]) -> None:
    """File stems, made unique by the path below the folder (then the full path) on a clash."""
    namers = (
        lambda s: PurePosixPath(s.relative).stem,
        lambda s: str(PurePosixPath(s.relative).with_suffix("")),
        lambda s: s.relative,
        lambda s: s.shown,
    )
    pending = [s for s in sources if not s.doc_id]
    taken = {s.doc_id for s in sources if s.doc_id}
    for namer in namers:
        groups: dict[str, list[Source]] = defaultdict(list)
        for source in pending:
            groups[namer(source)].append(source)
        pending = []
        for name, group in groups.items():
            if len(group) == 1 and name not in taken:
                group[0].doc_id = name
                taken.add(name)
            else:
                pending.extend(group)
    for n, source in enumerate(pending, start=1):
        source.doc_id = f"{source.shown}#{n}"
