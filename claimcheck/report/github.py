"""Report -> GitHub Actions workflow commands: one annotation per contradiction."""

from __future__ import annotations

from claimcheck.report.findings import anchor, level, roles, source
from claimcheck.report.terminal import summary_line
from claimcheck.schema import Claim, Contradiction, Report, SideValue

# The annotation command for each severity level (report/findings.py: one rule for all outputs).
COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message, as the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): also ':' and ',' which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    """`::name key=value,...::message` with everything escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    head = f"{name} {props}" if props else name
    return f"::{head}::{escape_data(message)}"


def render(report: Report) -> str:
    """One annotation per contradiction at its primary claim (findings.ordered: the first in a
    new article, the one the CI run is about) (::error, ::warning or ::notice by
    its level, as in SARIF), then the summary as plain text."""
    claims = {claim.id: claim for claim in report.claims}
    paths = {doc.id: doc.path for doc in report.documents}
    outlets = {doc.id: f" ({source(doc)})" if source(doc) else "" for doc in report.documents}
    kept = roles(report)
    lines = [
        _annotation(finding, claims, kept, paths, outlets) for finding in report.contradictions
    ]
    lines += [
        command("warning", skipped.reason, file=skipped.path, title="claimcheck skipped input")
        for skipped in report.skipped
    ]
    lines.append(f"claimcheck: {summary_line(report)}")
    return "\n".join(lines) + "\n"


def _annotation(
    finding: Contradiction,
    claims: dict[str, Claim],
    roles: dict[str, str],
    paths: dict[str, str],
    outlets: dict[str, str],
) -> str:
    where = anchor(finding, claims, roles)
    doc_id = where.doc_id if where else ""
    message = "\n".join(
        [finding.explanation]
        + [
            _side(v, paths.get(v.doc_id, v.doc_id), outlets.get(v.doc_id, ""))
            for v in finding.values
        ]
        + [f"fingerprint {finding.id}, confidence {finding.confidence:.2f}"]
    )
    name = COMMANDS[level(finding.confidence)]
    if where is None:
        return command(name, message, title=f"claimcheck {finding.kind}")
    return command(
        name,
        message,
        file=paths.get(doc_id, doc_id),
        line=where.line,
        col=where.column,
        title=f"claimcheck {finding.kind}",
    )


def _side(side: SideValue, path: str, outlet: str) -> str:
    who = f" ({side.speaker})" if side.speaker else ""
    return f"{path}:{side.line}:{side.column}{outlet} {side.value}{who}"
