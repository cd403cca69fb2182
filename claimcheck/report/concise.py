"""Report -> one line per finding (`path:line:col: kind confidence message`), and counts per
kind (`--statistics`), as ruff prints them."""

from __future__ import annotations

from collections import Counter

from claimcheck.report.findings import anchor, count, roles, rule
from claimcheck.report.terminal import summary_line
from claimcheck.schema import CONTRADICTION_KINDS, Claim, Contradiction, Report, SideValue


def render(report: Report) -> str:
    """One line per finding at its primary claim (findings.ordered), the other claims' places
    after 'see', then the skipped inputs and the summary line."""
    claims = {claim.id: claim for claim in report.claims}
    paths = {doc.id: doc.path for doc in report.documents}
    kept = roles(report)
    lines = [_line(finding, claims, kept, paths) for finding in report.contradictions]
    lines += [f"{skipped.path}: skipped: {skipped.reason}" for skipped in report.skipped]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _line(
    finding: Contradiction, claims: dict[str, Claim], roles: dict[str, str], paths: dict[str, str]
) -> str:
    where = anchor(finding, claims, roles)
    place = _place(where, paths) if where else "-"
    others = sorted({_place(side, paths) for side in finding.values} - {place})
    message = " ".join(finding.explanation.split())
    see = f" (see {', '.join(others)})" if others else ""
    return f"{place}: {finding.kind} {finding.confidence:.2f} {message}{see}"


def _place(where: Claim | SideValue, paths: dict[str, str]) -> str:
    return f"{paths.get(where.doc_id, where.doc_id)}:{where.line}:{where.column}"


def statistics(report: Report) -> str:
    """`count  kind  description` per kind found, most first (then in the kinds' order)."""
    counts = Counter(finding.kind for finding in report.contradictions)
    order = {kind: n for n, kind in enumerate(CONTRADICTION_KINDS)}
    kinds = sorted(counts, key=lambda kind: (-counts[kind], order.get(kind, len(order)), kind))
    width = max((len(str(counts[kind])) for kind in kinds), default=1)
    pad = max((len(kind) for kind in kinds), default=0)
    lines = [f"{counts[kind]:>{width}}  {kind:<{pad}}  {rule(kind).short}" for kind in kinds]
    lines.append(f"Found {count(sum(counts.values()), 'contradiction')}.")
    return "\n".join(lines) + "\n"
