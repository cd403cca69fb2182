"""Known findings: record them once, then report and fail only on new ones."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from claimcheck.errors import BadBaseline
from claimcheck.schema import Baseline, BaselineEntry, Contradiction, Report

DEFAULT_FILE = "claimcheck-baseline.json"


def from_report(report: Report) -> Baseline:
    """The report's contradictions as baseline entries, sorted by fingerprint."""
    doc_of = {claim.id: claim.doc_id for claim in report.claims}
    entries = {
        c.id: BaselineEntry(id=c.id, kind=c.kind, description=describe(c, doc_of))
        for c in report.contradictions
    }
    return Baseline(findings=tuple(entries[key] for key in sorted(entries)))


def describe(finding: Contradiction, doc_of: dict[str, str]) -> str:
    """'doc-a, doc-b: explanation': enough for a person reviewing the baseline file."""
    docs = {side.doc_id for side in finding.values}
    docs |= {doc_of[claim] for claim in finding.claim_ids if claim in doc_of}
    return f"{', '.join(sorted(docs))}: {finding.explanation}" if docs else finding.explanation


def render(baseline: Baseline) -> str:
    """Canonical JSON, so a rewritten baseline only differs where the findings do."""
    return json.dumps(baseline.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def load(path: str) -> Baseline:
    """Read a baseline file; any problem is one BadBaseline error naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadBaseline(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadBaseline(path, f"cannot read it ({exc.__class__.__name__})") from None
    try:
        return Baseline.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise BadBaseline(path, f"not a claimcheck baseline ({where}: {first['msg']})") from None


def apply(report: Report, baseline: Baseline) -> Report:
    """Drop findings the baseline lists; count them and the entries that no longer occur."""
    known = {entry.id for entry in baseline.findings}
    found = {c.id for c in report.contradictions}
    kept = tuple(c for c in report.contradictions if c.id not in known)
    summary = report.summary.model_copy(
        update={
            "contradictions": len(kept),
            "baseline_suppressed": len(report.contradictions) - len(kept),
            "baseline_stale": len(known - found),
        }
    )
    return report.model_copy(update={"contradictions": kept, "summary": summary})
