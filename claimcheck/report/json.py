"""Report -> the JSON contradiction report (the contract in docs/report.md)."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.schema import Report


def render(report: Report) -> str:
    """Canonical JSON: stable key order, two-space indent, trailing newline."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def schema() -> dict[str, Any]:
    return Report.model_json_schema()
