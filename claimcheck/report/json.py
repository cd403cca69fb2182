"""Report -> the JSON contradiction report (the contract in docs/report.md)."""

from __future__ import annotations

from typing import Any

from claimcheck.schema import Report


def render(report: Report) -> str:
    """Canonical JSON: stable key order, two-space indent, trailing newline. Serialised by
    pydantic-core directly: no Python dict of the whole report (gigabytes at 10,000 articles)."""
    return report.model_dump_json(indent=2) + "\n"


def schema() -> dict[str, Any]:
    return Report.model_json_schema()
