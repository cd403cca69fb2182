"""Report -> a rich terminal report: a header, then one panel per contradiction."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimcheck.report.findings import count
from claimcheck.schema import Claim, Contradiction, Quantity, Report, Skipped


def summary_line(report: Report) -> str:
    s = report.summary
    line = (
        f"{count(s.documents, 'document')}, {count(s.claims, 'claim')}, "
        f"{count(s.clusters, 'cluster')}, {count(s.contradictions, 'contradiction')}, "
        f"{s.skipped} skipped"
    )
    if s.baseline_suppressed or s.baseline_stale:
        gone = count(s.baseline_stale, "baseline entry", "baseline entries")
        line += f" ({s.baseline_suppressed} in baseline, {gone} gone)"
    return line


def print_report(report: Report, console: Console, *, quiet: bool = False) -> None:
    if quiet:
        console.print(summary_line(report), highlight=False)
        return
    console.print(_header(report))
    print_skipped(report.skipped, console)
    paths = {d.id: d.path for d in report.documents}
    for number, finding in enumerate(report.contradictions, 1):
        console.print(_panel(number, finding, paths))
    for update in report.supersessions:
        console.print(f"[cyan]update[/] {escape(update.explanation)}", highlight=False)
    console.print(summary_line(report), highlight=False)


def _header(report: Report) -> Table:
    s = report.summary
    table = Table(title=escape(f"claimcheck {report.version} ({report.model})"), show_edge=False)
    for name in ("documents", "claims", "clusters", "contradictions", "skipped"):
        table.add_column(name, justify="right")
    table.add_row(
        str(s.documents), str(s.claims), str(s.clusters), str(s.contradictions), str(s.skipped)
    )
    return table


def _panel(number: int, finding: Contradiction, paths: dict[str, str]) -> Panel:
    """The explanation, then each side: where it stands (path:line:column, as editors open it),
    its normalised value and speaker, and the sentence itself."""
    parts: list[Text] = [Text(finding.explanation, style="bold")]
    for side in finding.values:
        where = Text(f"{paths.get(side.doc_id, side.doc_id)}:{side.line}:{side.column}  ", "dim")
        where.append(side.value, style="cyan")
        if side.speaker:
            where.append(f"  ({side.speaker})")
        parts += [Text(""), where, Text(side.sentence)]
    title = f"#{number} {finding.kind}  confidence {finding.confidence:.2f}"
    return Panel(Group(*parts), title=title, title_align="left", subtitle=Text(finding.id))


def print_skipped(skipped: Sequence[Skipped], console: Console) -> None:
    """One line per input that was not read, and why. Paths and reasons are shown as written:
    a file named `x[/]y.txt` is no rich markup."""
    for item in skipped:
        line = f"[yellow]skipped[/] {escape(item.path)}: {escape(item.reason)}"
        console.print(line, highlight=False)


def print_claims(claims: Sequence[Claim], skipped: Sequence[Skipped], console: Console) -> None:
    """The inputs skipped, then one block per claim: where, what kind, who said it, then the
    text and what was read."""
    print_skipped(skipped, console)
    for claim in claims:
        head = Text(f"{claim.doc_id}:{claim.line}:{claim.column}", style="dim")
        head.append(f"  {claim.kind}", style="bold")
        if claim.speaker:
            head.append(f"  {claim.speaker}", style="cyan")
            if claim.cue:
                head.append(f" ({'not ' if claim.negated else ''}{claim.cue})")
        console.print(head)
        console.print(Text(f"  {claim.content or claim.text}"), highlight=False)
        details = [_figure(q) for q in claim.quantities]
        details += [
            f"{d.text} = {d.value or '?'}" + (f" ({d.reason})" if d.reason else "")
            for d in claim.dates
        ]
        if details:
            console.print(Text("  " + " · ".join(details), style="green"), highlight=False)
    console.print(count(len(claims), "claim"), highlight=False)


def _figure(q: Quantity) -> str:
    bounds = ""
    if (q.low is not None or q.high is not None) and (q.low, q.high) != (q.value, q.value):
        bounds = f" [{_g(q.low)}, {_g(q.high)}]"
    when = f" {q.time_ref}" if q.time_ref else ""
    return f"{q.text} = {q.value:,.6g} {q.unit or ''}{bounds}{when}".replace("  ", " ")


def _g(value: float | None) -> str:
    return "…" if value is None else f"{value:,.6g}"
