"""Report -> SARIF 2.1.0, for code-scanning dashboards (one result per contradiction)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from claimcheck.report.findings import document_names, level, ordered, roles, rule
from claimcheck.schema import CONTRADICTION_KINDS, Claim, Contradiction, Report, SideValue

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "claimcheckFindingId/v1"
__all__ = ["level", "render", "rule_id"]


def rule_id(kind: str) -> str:
    return f"claimcheck/{kind}"


def render(report: Report, *, cwd: str | Path | None = None) -> str:
    """The SARIF log as canonical JSON; file URIs are relative to `cwd` (default: current)."""
    base = Path(cwd if cwd is not None else os.getcwd()).resolve()
    claims = {claim.id: claim for claim in report.claims}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(report)},
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(report, finding, claims, base) for finding in report.contradictions
                ],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _driver(report: Report) -> dict[str, Any]:
    return {
        "name": "claimcheck",
        "version": report.version,
        "rules": [
            {
                "id": rule_id(kind),
                "name": f"{kind.capitalize()}Contradiction",
                "shortDescription": {"text": rule(kind).short},
                "fullDescription": {"text": rule(kind).full},
                "help": {"text": rule(kind).help},
                "defaultConfiguration": {"level": "warning"},
                "properties": {"tags": ["claimcheck", kind]},
            }
            for kind in CONTRADICTION_KINDS
        ],
    }


def _result(
    report: Report, finding: Contradiction, claims: dict[str, Claim], base: Path
) -> dict[str, Any]:
    """The result at its primary side (findings.ordered: the first side in a new article),
    the other sides as related locations."""
    ids = ordered(finding, claims, roles(report))
    sides = [
        (claims.get(i), next((v for v in finding.values if v.claim_id == i), None)) for i in ids
    ]
    names = document_names(report)
    located = [
        _location(report, claim, side, base, names) for claim, side in sides if claim or side
    ]
    result: dict[str, Any] = {
        "ruleId": rule_id(finding.kind),
        "ruleIndex": CONTRADICTION_KINDS.index(finding.kind),
        "level": level(finding.confidence),
        "message": {"text": finding.explanation},
        "locations": located[:1],
        "partialFingerprints": {FINGERPRINT: finding.id},
        "properties": {"confidence": finding.confidence, "claimIds": list(finding.claim_ids)},
    }
    if len(located) > 1:
        result["relatedLocations"] = [
            {"id": number, **location} for number, location in enumerate(located[1:], 1)
        ]
    return result


def _location(
    report: Report,
    claim: Claim | None,
    side: SideValue | None,
    base: Path,
    names: dict[str, str],
) -> dict[str, Any]:
    doc_id = claim.doc_id if claim else side.doc_id if side else ""
    where = claim or side
    line, column = (where.line, where.column) if where else (1, 1)
    path = next((d.path for d in report.documents if d.id == doc_id), doc_id)
    sentence = claim.text if claim else side.sentence if side else ""
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(path, base)},
            "region": {"startLine": line, "startColumn": column, "snippet": {"text": sentence}},
        }
    }
    if side is not None:
        who = f" ({side.speaker})" if side.speaker else ""
        location["message"] = {"text": f"{names.get(doc_id, doc_id)}: {side.value}{who}"}
    return location


def _uri(path: str, base: Path) -> str:
    """A relative POSIX URI when the file lies under `base`, else an absolute file URI."""
    resolved = Path(path).resolve()
    try:
        return quote(resolved.relative_to(base).as_posix())
    except ValueError:
        return resolved.as_uri()
