"""Report -> text in each output format, and writing it safely."""

from __future__ import annotations

import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

# A temporary file is `.<name>.<pid>.<random>.tmp` beside its target until it is renamed onto it.
_TEMP = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp")
# Before the pid was in the name, temporary files were `.<name>.<8 random characters>`: one
# that is older than this many seconds is left from a killed run, never still being written.
_OLD_TEMP_AGE = 3600.0


def write_output(text: str | Iterable[str], dest: str) -> None:
    """Write `text`, whole or in pieces, to `dest` ('-' is stdout) atomically: a crash never
    leaves half a file. The file gets the permissions the user's umask gives new files, and
    temporary files that runs killed while writing `dest` left behind are removed. Devices and
    pipes (/dev/stdout) are written directly. Raises OSError."""
    pieces = [text] if isinstance(text, str) else text
    if dest == "-":
        sys.stdout.writelines(pieces)
        sys.stdout.flush()
        return
    target = Path(dest)
    if target.exists() and not target.is_file() and not target.is_dir():
        with target.open("w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(pieces)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    # os.open, not mkstemp: mkstemp makes files 0600 whatever the umask
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(pieces)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _remove_stale_temps(target: Path) -> None:
    """Remove temporary files of `target` whose writing process no longer runs."""
    prefix = f".{target.name}."
    try:
        entries = [e for e in os.scandir(target.parent) if e.name.startswith(prefix)]
    except OSError:
        return
    for entry in entries:
        match = _TEMP.fullmatch(entry.name)
        if match and match["name"] == target.name:
            stale = not _running(int(match["pid"]))
        else:
            stale = len(entry.name) == len(prefix) + 8 and _older_than(entry, _OLD_TEMP_AGE)
        if stale:
            Path(entry.path).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or not a pid: leave its file alone
    return True


def _older_than(entry: os.DirEntry[str], seconds: float) -> bool:
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and time.time() - st.st_mtime > seconds
