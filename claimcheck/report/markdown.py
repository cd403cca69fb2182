"""Report -> Markdown, for a CI job summary or a pull-request comment."""

from __future__ import annotations

from claimcheck.report.findings import source
from claimcheck.report.terminal import summary_line
from claimcheck.schema import Report


def render(report: Report) -> str:
    lines = ["# claimcheck report", "", f"**{summary_line(report)}**", ""]
    docs = {doc.id: doc for doc in report.documents}
    for number, finding in enumerate(report.contradictions, 1):
        lines.append(
            f"## {number}. {finding.kind} (confidence {finding.confidence:.2f}) `{finding.id}`"
        )
        lines += ["", finding.explanation, ""]
        lines += ["| source | value | sentence |", "| --- | --- | --- |"]
        for side in finding.values:
            who = f" ({side.speaker})" if side.speaker else ""
            doc = docs.get(side.doc_id)
            known = f" ({_cell(source(doc))})" if doc and source(doc) else ""
            where = f"{doc.path if doc else side.doc_id}:{side.line}:{side.column}{known}"
            lines.append(f"| {where} | {_cell(side.value)}{who} | {_cell(side.sentence)} |")
        lines.append("")
    if report.skipped:
        lines += ["## Skipped inputs", ""]
        lines += [f"- `{s.path}`: {s.reason}" for s in report.skipped]
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
