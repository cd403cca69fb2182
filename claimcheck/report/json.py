"""Report -> the JSON contradiction report (the contract in docs/report.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimcheck.schema import Report

# Report fields that grow with the corpus: serialised one item at a time, so the JSON of a
# 10,000-article scan (about 400 MB) is never one string in memory.
STREAMED = ("claims", "clusters")


def render(report: Report) -> str:
    """Canonical JSON: stable key order, two-space indent, trailing newline."""
    return "".join(chunks(report))


def chunks(report: Report, *, indent: int | None = 2) -> Iterator[str]:
    """The canonical JSON of `report` in pieces: together exactly `model_dump_json(indent)`
    plus a newline. pydantic-core writes the report without its long lists and each of their
    items on its own, and the items go where the empty lists stood."""
    pad = " " * (indent or 0)
    newline = "\n" if indent else ""
    shell = report.model_copy(update=dict.fromkeys(STREAMED, ())).model_dump_json(indent=indent)
    for name in STREAMED:
        # A top-level key: exactly one level of indent. Quotes inside strings are escaped, and
        # nested keys are indented deeper, so nothing else can match.
        empty = f'{newline}{pad}"{name}":{" " if indent else ""}[]'
        assert shell.count(empty) == 1, f"report JSON without one top-level {name!r}"
        before, _, shell = shell.partition(empty)
        yield before
        yield empty.removesuffix("[]")
        yield from _items(getattr(report, name), indent=indent, newline=newline, pad=pad)
    yield shell
    yield "\n"


def _items(items: tuple[Any, ...], *, indent: int | None, newline: str, pad: str) -> Iterator[str]:
    if not items:
        yield "[]"
        return
    inner = newline + pad * 2  # a top-level list's items sit two levels deep
    yield "[" + inner
    for i, item in enumerate(items):
        text = item.model_dump_json(indent=indent)
        yield ("," + inner if i else "") + (text.replace("\n", inner) if indent else text)
    yield newline + pad + "]"


def schema() -> dict[str, Any]:
    return Report.model_json_schema()
