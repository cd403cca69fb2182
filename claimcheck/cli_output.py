"""The command line's way out: outputs written to a file or stdout, and every failure one line
on stderr with its exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import typer

from claimcheck import errors
from claimcheck.errors import BadOutput, ClaimcheckError, InternalError
from claimcheck.report import write_output

T = TypeVar("T")
R = TypeVar("R")


def run(step: Callable[[], T], stage: str = "claimcheck") -> T:
    """`step()`; a ClaimcheckError, or any unexpected exception (an internal error in `stage`),
    ends the run with one line on stderr and its exit code, 2."""
    try:
        with errors.stage(stage):
            return step()
    except ClaimcheckError as exc:
        typer.echo(f"claimcheck: error: {exc}", err=True)
        if isinstance(exc, InternalError) and not errors.debug_enabled():
            typer.echo("claimcheck: run with --debug to see the traceback", err=True)
        raise typer.Exit(exc.exit_code) from None


def write(render: Callable[[R], str | Iterable[str] | None], value: R, dest: str) -> None:
    """Render `value` and write it to `dest` ('-': stdout), each failure a one-line exit 2:
    an unexpected exception is an internal error in rendering, an OSError names `dest`."""

    def rendered() -> Iterator[str]:
        with errors.stage("rendering", expected=(OSError,)):  # the terminal prints as it renders
            text = render(value)
            if text is not None:
                yield from [text] if isinstance(text, str) else text

    def put() -> None:
        try:
            write_output(rendered(), dest)
        except OSError as exc:
            if dest == "-":
                silence_stdout()
            raise BadOutput(dest, why(exc)) from None

    run(put, "writing")


def why(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what is still
    buffered cannot fail again (and print a traceback) after the one-line error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def check_output(dest: str | None) -> None:
    """Refuse an output path that cannot be written before the scan rather than after it."""
    if dest is None or dest == "-":
        return
    if not dest:
        raise BadOutput(dest, "empty file name; pass a file path, or '-' for stdout")
    target = Path(dest)
    if target.is_dir():
        raise BadOutput(dest, "it is a folder; pass the path of a file")
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise BadOutput(dest, f"{parent} is a file, not a folder; choose another path")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise BadOutput(dest, f"permission denied in {parent}; choose another folder")
