"""`date`: the same event placed on different days once relative dates are resolved."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.align import Diff
from claimcheck.compare.base import facing, finding, source
from claimcheck.schema import Claim, Contradiction, DateRef


def compare(
    a: Claim, b: Claim, diffs: tuple[Diff, ...], similarity: float
) -> Iterator[Contradiction]:
    for da, db in facing(a, b, diffs, _touching):
        if not overlaps(da, db):
            yield finding(
                "date",
                [(a, f"{da.text} = {_period(da)}"), (b, f"{db.text} = {_period(db)}")],
                f"{source(a)} dates it {da.text} ({_period(da)}) but {source(b)} "
                f"says {db.text} ({_period(db)}).",
                0.45 + 0.45 * similarity,
            )


def overlaps(a: DateRef, b: DateRef) -> bool:
    """Periods meet at the coarser granularity: 'last week' holds 'on Friday'."""
    assert a.value is not None and b.value is not None
    return a.value <= (b.end_value or b.value) and b.value <= (a.end_value or a.value)


def _period(date: DateRef) -> str:
    if date.end_value and date.end_value != date.value:
        return f"{date.value}..{date.end_value}"
    return str(date.value)


def _touching(claim: Claim, span: tuple[int, int]) -> list[DateRef]:
    start, end = span
    return [d for d in claim.dates if d.value and d.start < end and start < d.end]
