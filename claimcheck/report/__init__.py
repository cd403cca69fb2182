"""Report -> text in each output format, and writing it safely."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_output(text: str | Iterable[str], dest: str) -> None:
    """Write `text`, whole or in pieces, to `dest` ('-' is stdout) atomically: a crash never
    leaves half a file."""
    pieces = [text] if isinstance(text, str) else text
    if dest == "-":
        sys.stdout.writelines(pieces)
        sys.stdout.flush()
        return
    target = Path(dest)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(pieces)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
