"""Walking folders: what a walk leaves out by default and with exclude patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.ingest.walk import find_sources

from .test_read_articles import BODY, write

# Every file of a small repository; the walk of its root reads only the articles.
TREE = (
    "articles/harbour.txt",
    "articles/drafts/budget.md",
    "articles/2019/old.txt",
    "notes.json",
    ".git/HEAD.txt",
    ".github/workflows/notes.md",
    ".claimcheck-cache/00/abc.json",
    "node_modules/pkg/readme.md",
    "build-cache/CACHEDIR.TAG",
    "build-cache/entry.json",
    "site/.hidden/page.html",
)


@pytest.mark.parametrize(
    ("exclude", "expected"),
    [
        (
            (),
            [
                "articles/2019/old.txt",
                "articles/drafts/budget.md",
                "articles/harbour.txt",
                "notes.json",
            ],
        ),
        (("drafts",), ["articles/2019/old.txt", "articles/harbour.txt", "notes.json"]),
        (("drafts/",), ["articles/2019/old.txt", "articles/harbour.txt", "notes.json"]),
        (("articles/2019",), ["articles/drafts/budget.md", "articles/harbour.txt", "notes.json"]),
        (
            ("*.json",),
            ["articles/2019/old.txt", "articles/drafts/budget.md", "articles/harbour.txt"],
        ),
        (("articles",), ["notes.json"]),
        # near misses: a pattern names the whole name or path below the root, not a part of it
        (
            ("draft",),
            [
                "articles/2019/old.txt",
                "articles/drafts/budget.md",
                "articles/harbour.txt",
                "notes.json",
            ],
        ),
        (("2019",), ["articles/drafts/budget.md", "articles/harbour.txt", "notes.json"]),
    ],
)
def test_walk_leaves_out(tmp_path: Path, exclude: tuple[str, ...], expected: list[str]) -> None:
    for name in TREE:
        write(tmp_path, name, BODY)
    sources, skipped = find_sources([str(tmp_path)], exclude=exclude)
    assert sorted(s.relative for s in sources) == expected
    assert skipped == []


def test_paths_given_by_name_are_read(tmp_path: Path) -> None:
    hidden = write(tmp_path, ".drafts/note.txt", BODY)
    sources, _ = find_sources([str(hidden), str(tmp_path / ".drafts")], exclude=("*.txt",))
    assert [s.shown for s in sources] == [str(hidden)]
