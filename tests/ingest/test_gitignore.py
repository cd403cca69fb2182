"""Walking a git repository leaves out what its .gitignore files do, as git does; --no-ignore
reads it all, and every command that walks folders uses the one walk."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import pipeline, runner
from claimcheck.cli import app
from claimcheck.ingest.walk import find_sources
from claimcheck.schema import Article, Claim

from .test_read_articles import BODY, write

# A repository as a newsroom might keep one: the ignore files, then the articles.
IGNORE_FILES = {
    ".git/info/exclude": "*.local.txt\n",
    ".gitignore": "# scratch work\nscratch/\n*.tmp.txt\n/wire.txt\n",
    "news/.gitignore": "drafts/\n!keep.tmp.txt\n",
    "news/2024/.gitignore": "*.txt\n!summary.txt\n",
}
ARTICLES = (
    "wire.txt",  # anchored at the top: left out
    "notes.local.txt",  # .git/info/exclude
    "scratch/copy.txt",  # a folder left out
    "news/harbour.txt",
    "news/wire.txt",  # `/wire.txt` names the top's only
    "news/vote.tmp.txt",  # the top's pattern applies below
    "news/keep.tmp.txt",  # taken back by news/.gitignore
    "news/drafts/budget.txt",
    "news/2024/strike.txt",  # a deeper file overrides the ones above
    "news/2024/summary.txt",
    "news/scratch/copy.txt",  # `scratch/` has no slash before it: any depth
)
READ = [
    "news/2024/summary.txt",
    "news/harbour.txt",
    "news/keep.tmp.txt",
    "news/wire.txt",
]


def _repository(root: Path, ignore_files: dict[str, str] = IGNORE_FILES) -> Path:
    for name, text in ignore_files.items():
        write(root, name, text)
    for name in ARTICLES:
        write(root, name, BODY)
    return root


def _walked(paths: Sequence[Path], **options: bool) -> list[str]:
    sources, skipped = find_sources([str(p) for p in paths], **options)
    assert skipped == []
    return sorted(s.relative for s in sources)


def test_a_walk_reads_what_git_does_not_ignore(tmp_path: Path) -> None:
    repo = _repository(tmp_path / "repo")
    assert _walked([repo]) == READ


def test_a_subfolder_walked_keeps_the_rules_from_the_top(tmp_path: Path) -> None:
    repo = _repository(tmp_path / "repo")
    assert _walked([repo / "news"]) == [p.removeprefix("news/") for p in READ if "news/" in p]


def test_a_folder_named_is_read_though_ignored_and_the_rules_apply_below(tmp_path: Path) -> None:
    repo = _repository(tmp_path / "repo")
    write(repo, "news/drafts/late.tmp.txt", BODY)
    assert _walked([repo / "news" / "drafts"]) == ["budget.txt"]
    assert _walked([repo / "scratch"]) == ["copy.txt"]


def test_no_ignore_reads_everything(tmp_path: Path) -> None:
    repo = _repository(tmp_path / "repo")
    assert _walked([repo], use_gitignore=False) == sorted(ARTICLES)


def test_outside_a_repository_gitignore_is_not_read(tmp_path: Path) -> None:
    folder = _repository(tmp_path / "folder")
    shutil.rmtree(folder / ".git")
    assert _walked([folder]) == sorted(ARTICLES)


def test_a_nested_repository_has_its_own_rules(tmp_path: Path) -> None:
    repo = _repository(tmp_path / "repo")
    write(repo, "vendor/feed/.git/HEAD", "ref: refs/heads/main\n")
    write(repo, "vendor/feed/.gitignore", "old.txt\n")
    write(repo, "vendor/feed/wire.tmp.txt", BODY)  # the outer *.tmp.txt does not reach in
    write(repo, "vendor/feed/old.txt", BODY)
    assert _walked([repo / "vendor"]) == ["feed/wire.tmp.txt"]


def test_a_worktree_git_file_marks_the_repository(tmp_path: Path) -> None:
    worktree = {".git": "gitdir: /elsewhere/.git/worktrees/repo\n", ".gitignore": "scratch/\n"}
    repo = _repository(tmp_path / "repo", worktree)
    assert _walked([repo]) == sorted(p for p in ARTICLES if "scratch/" not in p)


@pytest.mark.parametrize("bad", ["!", "trailing\\"])
def test_a_line_git_cannot_read_is_passed_over(tmp_path: Path, bad: str) -> None:
    repo = _repository(
        tmp_path / "repo", {".git/info/exclude": "", ".gitignore": f"{bad}\n*.txt\n"}
    )
    assert _walked([repo]) == []


def _fake_claims(articles: Sequence[Article], **_: object) -> list[list[Claim]]:
    return [[] for _ in articles]


def test_against_is_walked_the_same_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "extract_all", _fake_claims)
    repo = _repository(tmp_path / "repo")
    write(repo, "new/today.txt", BODY)
    write(repo, "new/today.tmp.txt", BODY)
    corpus = [p for p in ARTICLES if p.startswith("news/")]
    for use_gitignore, new, old in (
        (True, ["new/today.txt"], [p for p in READ if p in corpus]),
        (False, ["new/today.tmp.txt", "new/today.txt"], corpus),
    ):
        options = pipeline.ScanOptions(against=(str(repo / "news"),), use_gitignore=use_gitignore)
        articles, *_ = pipeline.load_claims([str(repo / "new")], options)
        roles = {Path(a.path).relative_to(repo).as_posix(): a.role for a in articles}
        assert roles == dict.fromkeys(new, "new") | dict.fromkeys(old, "corpus")


@pytest.mark.parametrize(
    "command",
    [["scan", "--no-cache"], ["baseline", "write", "-o", "-", "--no-cache"], ["claims"]],
)
@pytest.mark.parametrize(("flag", "read"), [([], READ), (["--no-ignore"], sorted(ARTICLES))])
def test_every_command_that_walks_follows_no_ignore(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    flag: list[str],
    read: list[str],
) -> None:
    seen: list[str] = []

    def extract(articles: Sequence[Article], **_: object) -> list[list[Claim]]:
        seen.extend(a.path for a in articles)
        return _fake_claims(articles)

    monkeypatch.setattr(runner, "extract_all", extract)
    monkeypatch.chdir(_repository(tmp_path / "repo"))
    result = CliRunner().invoke(app, [*command, ".", "--isolated", *flag])
    assert result.exit_code == 0, result.output
    assert sorted(Path(p).as_posix() for p in seen) == read
