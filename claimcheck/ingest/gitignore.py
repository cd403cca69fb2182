"""What git ignores: the .gitignore rules in force in each folder of a walk inside a repository."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pathspec import GitIgnoreSpec

IGNORE_FILE = ".gitignore"
REPOSITORY = ".git"
# Patterns a repository keeps for itself alone, under .git (a folder, not a worktree's file).
LOCAL_EXCLUDE = ("info", "exclude")


@dataclass(frozen=True)
class _File:
    """One ignore file's patterns, and how a path below the folder walked is named in them."""

    spec: GitIgnoreSpec
    prefix: str  # the folder walked, relative to the ignore file's folder ("" or "news/")
    strip: int  # length of the path below the folder walked down to the ignore file's folder

    def decides(self, relative: str, is_dir: bool) -> bool | None:
        """True: ignored; False: taken back by a `!` pattern; None: no pattern matches."""
        name = self.prefix + relative[self.strip :] + ("/" if is_dir else "")
        return self.spec.check_file(name).include


@dataclass(frozen=True)
class Ignored:
    """The ignore files in force in one folder, the deepest last: git's precedence, where a
    deeper .gitignore overrides the ones above it. Outside a repository nothing is ignored,
    as with ripgrep; `off` (--no-ignore) ignores nothing anywhere."""

    files: tuple[_File, ...] = ()
    in_repository: bool = False
    off: bool = False

    def entering(self, folder: Path, relative: str) -> Ignored:
        """The rules in force in `folder`, `relative` below the folder walked ('' for it):
        those above, then its own .gitignore; a folder holding .git starts a repository."""
        if self.off:
            return self
        strip = len(relative) + 1 if relative else 0  # "news/" of "news/a.txt" in news/
        rules = self
        if (folder / REPOSITORY).exists():
            local = _read(folder.joinpath(REPOSITORY, *LOCAL_EXCLUDE))
            rules = Ignored(_file(local, "", strip), in_repository=True)
        own = _read(folder / IGNORE_FILE) if rules.in_repository else []
        if not own:
            return rules
        return Ignored(rules.files + _file(own, "", strip), in_repository=True)

    def ignores(self, relative: str, *, is_dir: bool) -> bool:
        """Whether git ignores the file or folder `relative` below the folder walked."""
        for file in reversed(self.files):
            decided = file.decides(relative, is_dir)
            if decided is not None:
                return decided
        return False


def above(root: Path) -> Ignored:
    """The rules in force just above `root`: every .gitignore from the top of its repository
    down to its parent, and .git/info/exclude. A folder named on the command line is read
    whatever they say of it, so the patterns that would leave it out are dropped; the others
    still apply below it (`*.log` at the top leaves out logs in every folder)."""
    resolved = root.resolve()
    top = next((p for p in resolved.parents if (p / REPOSITORY).exists()), None)
    if top is None:
        return Ignored()
    folders = [top, *(top / p for p in reversed(resolved.relative_to(top).parents[:-1]))]
    files: list[_File] = []
    local = _read(top.joinpath(REPOSITORY, *LOCAL_EXCLUDE))
    for folder, patterns in [(top, local), *((f, _read(f / IGNORE_FILE)) for f in folders)]:
        below = resolved.relative_to(folder)
        crossed = [p.as_posix() + "/" for p in (below, *below.parents[:-1])]
        kept = [line for line in patterns if not _leaves_out(line, crossed)]
        files.extend(_file(kept, below.as_posix() + "/", 0))
    return Ignored(tuple(files), in_repository=True)


def _leaves_out(pattern: str, folders: Iterable[str]) -> bool:
    spec = GitIgnoreSpec.from_lines([pattern])
    return any(spec.check_file(folder).include for folder in folders)


def _file(patterns: list[str], prefix: str, strip: int) -> tuple[_File, ...]:
    return (_File(GitIgnoreSpec.from_lines(patterns), prefix, strip),) if patterns else ()


def _read(path: Path) -> list[str]:
    """The patterns of an ignore file; none when it is absent or unreadable, and a line git
    could not read either (a lone `!` or a trailing backslash) is passed over, as git does."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    patterns: list[str] = []
    for line in lines:
        try:
            GitIgnoreSpec.from_lines([line])
        except ValueError:
            continue
        patterns.append(line)
    return patterns
