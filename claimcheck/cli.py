"""The typer app: parse options, call the pipeline, pick a renderer, set the exit code."""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimcheck import __version__, baseline, cache, config, errors, nlp, pipeline
from claimcheck import evaluate as evaluation
from claimcheck.cli_options import (
    AcrossOnlyOpt,
    AgainstOpt,
    BaselineOpt,
    BaselineOutputOpt,
    CacheDirOpt,
    CacheMaxSizeOpt,
    ClaimsFormat,
    ClaimsFormatOpt,
    ConfigOpt,
    DebugOpt,
    DocOpt,
    EngineOpt,
    ExcludeOpt,
    ExitZeroOpt,
    FailOnOpt,
    Format,
    FormatOpt,
    GlobOpt,
    GoldOpt,
    HtmlOutOpt,
    IgnoreOpt,
    IsolatedOpt,
    JobsOpt,
    JsonOutOpt,
    KindOpt,
    MarkdownOutOpt,
    MaxBytesOpt,
    MinConfidenceOpt,
    ModelOpt,
    NoCacheOpt,
    NoIgnoreOpt,
    ParquetOpt,
    Paths,
    QuietOpt,
    ReportPathArg,
    SarifOutOpt,
    SchedulerOpt,
    SelectOpt,
    SpeakerOpt,
    StatisticsOpt,
    StoreOpt,
)
from claimcheck.cli_output import check_output, run, silence_stdout, why, write
from claimcheck.config import Settings
from claimcheck.errors import BadOutput, BadPath
from claimcheck.ingest import DEFAULT_MAX_BYTES
from claimcheck.report import concise, github, html, markdown, sarif, terminal
from claimcheck.report import json as json_report
from claimcheck.schema import CONTRADICTION_KINDS, Baseline, Claim, Report

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


def _settings(config_file: Path | None, isolated: bool, **flags: object) -> Settings:
    """The configuration file's settings (`config_file`, else the one found from here; none
    when `isolated`) with the flags given on the command line over them."""
    given = {k.replace("_", "-"): v for k, v in flags.items()}
    return run(lambda: config.load(flags=given, file=config_file, isolated=isolated))


def _options(
    settings: Settings,
    glob: str | None,
    max_bytes: int,
    quiet: bool,
    *,
    against: list[str] | None = None,
    cache: bool = False,
    no_ignore: bool = False,
) -> pipeline.ScanOptions:
    return pipeline.ScanOptions(
        model=settings.model,
        glob=glob,
        exclude=settings.exclude,
        use_gitignore=not no_ignore,
        max_bytes=max_bytes,
        jobs=settings.jobs,
        engine=settings.engine,
        scheduler=settings.scheduler,
        progress=not quiet and sys.stderr.isatty(),
        against=tuple(against or ()),
        cache_dir=settings.cache_dir if cache else None,
        cache_max_size=settings.cache_max_size,
    )


@app.command()
def scan(
    paths: Paths,
    json_out: JsonOutOpt = None,
    fmt: FormatOpt = Format.table,
    sarif_out: SarifOutOpt = None,
    markdown_out: MarkdownOutOpt = None,
    html_out: HtmlOutOpt = None,
    against: AgainstOpt = None,
    baseline_file: BaselineOpt = None,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    model: ModelOpt = None,
    min_confidence: MinConfidenceOpt = None,
    across_only: AcrossOnlyOpt = False,
    exit_zero: ExitZeroOpt = False,
    quiet: QuietOpt = False,
    statistics: StatisticsOpt = False,
    glob: GlobOpt = None,
    exclude: ExcludeOpt = None,
    no_ignore: NoIgnoreOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    cache_dir: CacheDirOpt = None,
    cache_max_size: CacheMaxSizeOpt = None,
    no_cache: NoCacheOpt = False,
    config_file: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Scan articles, print the contradictions found and exit 1 if there are any.

    Exit codes: 0 no contradiction at or above --min-confidence (of a --fail-on kind,
    not in --baseline); 1 some found (0 with --exit-zero); 2 usage, input, output or
    internal error; 130 interrupted.
    """
    errors.set_debug(debug or errors.debug_enabled())
    settings = _settings(
        config_file,
        isolated,
        select=select,
        ignore=ignore,
        min_confidence=min_confidence,
        fail_on=fail_on,
        baseline=baseline_file,
        exclude=exclude,
        model=model,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        cache_dir=cache_dir,
        cache_max_size=cache_max_size,
    )
    outputs: list[tuple[str | None, Callable[[Report], str | Iterable[str]]]] = [
        (json_out, json_report.chunks),  # in pieces: 400 MB of JSON at 10,000 articles
        (sarif_out, sarif.render),
        (markdown_out, markdown.render),
        (html_out, html.render),
    ]
    for dest, _ in outputs:
        run(functools.partial(check_output, dest))
    known_file = settings.baseline
    known = run(lambda: baseline.load(known_file)) if known_file else None
    options = _options(
        settings,
        glob,
        max_bytes,
        quiet,
        against=against,
        cache=not no_cache,
        no_ignore=no_ignore,
    )
    report = run(lambda: pipeline.scan(paths, options))
    report = run(lambda: _kept(report, known, settings, across_only=across_only), "comparison")
    for dest, render in outputs:
        if dest is not None:
            write(render, report, dest)
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
    output: BaselineOutputOpt = baseline.DEFAULT_FILE,
    against: AgainstOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    model: ModelOpt = None,
    min_confidence: MinConfidenceOpt = None,
    glob: GlobOpt = None,
    exclude: ExcludeOpt = None,
    no_ignore: NoIgnoreOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    cache_dir: CacheDirOpt = None,
    cache_max_size: CacheMaxSizeOpt = None,
    no_cache: NoCacheOpt = False,
    config_file: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Scan articles and write their findings, by stable fingerprint, to a baseline file."""
    errors.set_debug(debug or errors.debug_enabled())
    settings = _settings(
        config_file,
        isolated,
        select=select,
        ignore=ignore,
        min_confidence=min_confidence,
        exclude=exclude,
        model=model,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        cache_dir=cache_dir,
        cache_max_size=cache_max_size,
    )
    run(lambda: check_output(output))
    options = _options(
        settings,
        glob,
        max_bytes,
        output == "-",
        against=against,
        cache=not no_cache,
        no_ignore=no_ignore,
    )
    report = run(lambda: pipeline.scan(paths, options))
    recorded = run(lambda: baseline.from_report(_kept(report, None, settings)), "comparison")
    write(baseline.render, recorded, output)
    if output != "-":
        typer.echo(f"claimcheck: wrote {len(recorded.findings)} findings to {output}", err=True)


model_app = typer.Typer(
    help="The spaCy model claimcheck is tested with (en_core_web_sm 3.8.0), pinned by sha256.",
    no_args_is_help=True,
)
app.add_typer(model_app, name="model")


@model_app.command("install")
def model_install() -> None:
    """Install the pinned model into claimcheck's environment with pip, checked by sha256."""
    run(nlp.install_pinned)


@model_app.command("requirements")
def model_requirements() -> None:
    """Print the path of the requirements file that pins the model (for pip -r)."""
    typer.echo(nlp.requirements_file())


@app.command()
def index(
    paths: Paths,
    store_path: StoreOpt,
    parquet: ParquetOpt = None,
    model: ModelOpt = None,
    glob: GlobOpt = None,
    exclude: ExcludeOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    no_ignore: NoIgnoreOpt = False,
    jobs: JobsOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
    config_file: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Extract a corpus's claims into a store once, for `scan NEW --against STORE`.

    A rerun extracts only new and changed articles and drops those whose file is gone; an
    interrupted run keeps every article it finished. On a terminal, a bar shows articles
    done, articles/s and the time left.
    """
    errors.set_debug(debug or errors.debug_enabled())
    settings = _settings(
        config_file,
        isolated,
        exclude=exclude,
        model=model,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
    )
    options = _options(settings, glob, max_bytes, quiet, no_ignore=no_ignore)
    started = time.monotonic()
    done = run(lambda: pipeline.index(paths, store_path, options, parquet=parquet))
    seconds = time.monotonic() - started
    for skipped in done.skipped:
        typer.echo(f"claimcheck: skipped {skipped.path}: {skipped.reason}", err=True)
    # the run's rate on stderr, for the logs of runs without a terminal (and so without bars)
    typer.echo(
        f"claimcheck: {store_path}: {done.added} articles extracted in {seconds:.1f} s "
        f"({done.added / max(seconds, 1e-3):.1f} articles/s), {done.unchanged} unchanged, "
        f"{done.removed} removed, {len(done.skipped)} skipped",
        err=True,
    )


@app.command()
def claims(
    paths: Paths,
    kind: KindOpt = None,
    doc: DocOpt = None,
    speaker: SpeakerOpt = None,
    fmt: ClaimsFormatOpt = ClaimsFormat.table,
    model: ModelOpt = None,
    glob: GlobOpt = None,
    exclude: ExcludeOpt = None,
    no_ignore: NoIgnoreOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    config_file: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    debug: DebugOpt = False,
) -> None:
    """List the claims extracted from articles: speaker, cue, figures and dates."""
    errors.set_debug(debug or errors.debug_enabled())
    settings = _settings(
        config_file,
        isolated,
        exclude=exclude,
        model=model,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
    )
    options = _options(settings, glob, max_bytes, fmt is ClaimsFormat.json, no_ignore=no_ignore)
    _, skipped, found, _ = run(lambda: pipeline.load_claims(paths, options))
    chosen = [
        c
        for c in found
        if (kind is None or c.kind == kind)
        and (doc is None or c.doc_id == doc)
        and (speaker is None or speaker.lower() in (c.speaker or "").lower())
    ]
    if fmt is ClaimsFormat.json:
        write(_claims_json, chosen, "-")
        return
    write(lambda _: terminal.print_claims(chosen, skipped, Console()), None, "-")


def _claims_json(claims: list[Claim]) -> str:
    payload = [c.model_dump(mode="json") for c in claims]
    return json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


@app.command("config")
def show_config(config_file: ConfigOpt = None, isolated: IsolatedOpt = False) -> None:
    """Print the settings in force, each with where it came from: a configuration file (found
    from here upward, or --config), CLAIMCHECK_CACHE_DIR or the default."""
    settings = _settings(config_file, isolated)
    write(functools.partial(config.describe, isolated=isolated), settings, "-")


cache_app = typer.Typer(
    help="The claim cache: where it is, what it holds, and emptying it. A scan trims it to "
    "cache-max-size, removing the least recently used entries.",
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info(
    cache_dir: CacheDirOpt = None, config_file: ConfigOpt = None, isolated: IsolatedOpt = False
) -> None:
    """Print where the claim cache is, its entries, their size and the size cap."""
    settings = _settings(config_file, isolated, cache_dir=cache_dir)
    held = cache.usage(settings.cache_dir)
    cap = settings.cache_max_size
    lines = [
        f"location: {settings.cache_dir}  # {settings.origin('cache-dir')}",
        f"entries: {held.entries}",
        f"size: {config.format_size(held.size)} ({held.size} bytes)",
        f"max size: {config.format_size(cap) if cap else 'no limit'}"
        f"  # {settings.origin('cache-max-size')}",
    ]
    write(lambda _: "\n".join(lines) + "\n", None, "-")


@cache_app.command("clean")
def cache_clean(
    cache_dir: CacheDirOpt = None, config_file: ConfigOpt = None, isolated: IsolatedOpt = False
) -> None:
    """Remove every entry of the claim cache: the next scan extracts every article again."""
    settings = _settings(config_file, isolated, cache_dir=cache_dir)
    removed = cache.clean(settings.cache_dir)
    size = config.format_size(removed.size)
    typer.echo(f"claimcheck: removed {removed.entries} entries ({size}) from {settings.cache_dir}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    write(lambda _: json.dumps(json_report.schema(), indent=2, sort_keys=True) + "\n", None, "-")


@app.command()
def evaluate(
    report_path: ReportPathArg,
    gold_path: GoldOpt,
) -> None:
    """Score a report against a gold file: precision and recall per contradiction kind.

    Exits 1 when a must_flag or must_not_flag item fails, else 0.
    """
    report, gold = run(lambda: (_read_json(report_path), _read_json(gold_path)))
    result = run(lambda: evaluation.evaluate(report, gold))
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
        write(concise.statistics, report, "-")
        return
    if fmt is Format.table:
        write(lambda r: terminal.print_report(r, Console(), quiet=quiet), report, "-")
        return
    renderers: dict[Format, Callable[[Report], str | Iterable[str]]] = {
        Format.json: json_report.chunks,
        Format.markdown: markdown.render,
        Format.sarif: sarif.render,
        Format.github: github.render,
        Format.html: html.render,
        Format.concise: concise.render,
    }
    write(renderers[fmt], report, "-")


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
        silence_stdout()
        typer.echo(f"claimcheck: error: {BadOutput('-', why(exc))}", err=True)
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
        silence_stdout()
        typer.echo(f"claimcheck: error: {BadOutput('-', why(exc))}", err=True)
        code = 2
    sys.exit(code)
