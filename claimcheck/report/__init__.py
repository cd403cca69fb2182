"""Report -> text in each output format, and writing it safely."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_output(text: str, dest: str) -> None:
    """Write `text` to `dest` ('-' is stdout) atomically: a crash never leaves half a file."""
    if dest == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(dest)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
