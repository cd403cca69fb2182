"""Settings from pyproject.toml's [tool.claimcheck] or claimcheck.toml, and flags over them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import config
from claimcheck.cli import app
from claimcheck.errors import BadConfig, UnknownKind
from claimcheck.schema import CONTRADICTION_KINDS

from .conftest import ROOT

runner = CliRunner()


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "pyproject.toml",
            '[tool.claimcheck]\nselect = ["quantity", "date"]\n',
            {"select": ("quantity", "date")},
        ),
        ("pyproject.toml", '[tool.claimcheck]\nignore = ["wording"]\n', {"ignore": ("wording",)}),
        ("pyproject.toml", "[tool.claimcheck]\nmin-confidence = 0.6\n", {"min_confidence": 0.6}),
        ("pyproject.toml", "[tool.claimcheck]\nmin-confidence = 1\n", {"min_confidence": 1.0}),
        ("claimcheck.toml", 'fail-on = ["entity"]\n', {"fail_on": ("entity",)}),
        (
            "claimcheck.toml",
            'exclude = ["drafts", "*.jsonl"]\n',
            {"exclude": ("drafts", "*.jsonl")},
        ),
        (
            "claimcheck.toml",
            'model = "en_core_web_md"\njobs = 2\n',
            {"model": "en_core_web_md", "jobs": 2},
        ),
        # near misses: another tool's table, or no table at all, configures nothing
        ("pyproject.toml", '[tool.ruff]\nselect = ["E"]\n', {}),
        ("pyproject.toml", '[project]\nname = "x"\n', {}),
    ],
)
def test_settings_from_a_file(
    tmp_path: Path, name: str, text: str, expected: dict[str, object]
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    settings = config.load(tmp_path)
    for key, value in expected.items():
        assert getattr(settings, key) == value
    assert {k.replace("-", "_") for k, v in settings.origins.items() if v != "default"} == set(
        expected
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[tool.claimcheck]\nselcet = ["quantity"]\n',
            "pyproject.toml [tool.claimcheck]: unknown key 'selcet'",
        ),
        (
            '[tool.claimcheck]\nselect = ["figures"]\n',
            "pyproject.toml [tool.claimcheck]: select: unknown kind 'figures'",
        ),
        (
            "[tool.claimcheck]\nmin-confidence = 1.5\n",
            "min-confidence: expected a number from 0 to 1, not 1.5",
        ),
        (
            '[tool.claimcheck]\nmin-confidence = "high"\n',
            "min-confidence: expected a number from 0 to 1, not 'high'",
        ),
        ("[tool.claimcheck]\njobs = true\n", "jobs: expected a whole number"),
        (
            '[tool.claimcheck]\nexclude = "drafts"\n',
            "exclude: expected a list of glob patterns, not 'drafts'",
        ),
        (
            '[tool.claimcheck]\nignore = "wording"\n',
            "ignore: expected a list of kinds, not 'wording'",
        ),
        ("[tool.claimcheck]\nbaseline = \n", "pyproject.toml: not valid TOML"),
        (
            "[tool]\nclaimcheck = 3\n",
            "pyproject.toml [tool.claimcheck]: expected a table of settings",
        ),
    ],
)
def test_bad_file_is_one_line_naming_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises((BadConfig, UnknownKind), match=None) as caught:
        config.load()
    assert message in str(caught.value)
    result = runner.invoke(app, ["scan", "."])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert message in result.output


def test_claimcheck_toml_wins_and_parents_are_searched(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\njobs = 3\nbaseline = "b.json"\n')
    nested = tmp_path / "articles" / "2026"
    nested.mkdir(parents=True)
    found = config.load(nested)
    assert found.jobs == 3
    # a path in the file is relative to the file, shown relative to the current folder
    assert (Path.cwd() / (found.baseline or "")).resolve() == (tmp_path / "b.json").resolve()
    (nested / "claimcheck.toml").write_text("jobs = 1\n")
    assert (config.load(nested).jobs, config.load(nested).baseline) == (1, None)


def test_flags_override_the_file(tmp_path: Path) -> None:
    (tmp_path / "claimcheck.toml").write_text('select = ["date"]\nmin-confidence = 0.7\n')
    settings = config.load(tmp_path, {"select": "quantity, entity", "min-confidence": None})
    assert settings.select == ("quantity", "entity")
    assert settings.min_confidence == 0.7
    assert settings.origin("select") == "--select"
    assert settings.origin("min-confidence").endswith("claimcheck.toml")


def test_a_scheduler_flag_means_the_dask_engine_and_one_in_a_file_waits_for_it(
    tmp_path: Path,
) -> None:
    address = "tcp://10.0.0.5:8786"
    flagged = config.load(tmp_path, {"scheduler": address, "engine": None})
    assert (flagged.engine, flagged.scheduler) == ("dask", address)
    (tmp_path / "claimcheck.toml").write_text(f'scheduler = "{address}"\n')
    filed = config.load(tmp_path)
    assert (filed.engine, filed.scheduler) == ("local", address)
    assert config.load(tmp_path, {"engine": "dask"}).engine == "dask"
    with pytest.raises(BadConfig, match="only --engine dask runs on a scheduler"):
        config.load(tmp_path, {"scheduler": address, "engine": "local"})


@pytest.mark.parametrize(
    ("select", "ignore", "fail_on", "kinds", "failing"),
    [
        (None, None, None, set(CONTRADICTION_KINDS), set(CONTRADICTION_KINDS)),
        ("quantity,date", None, None, {"quantity", "date"}, {"quantity", "date"}),
        (
            None,
            "wording,dispute",
            "wording,date",
            set(CONTRADICTION_KINDS) - {"wording", "dispute"},
            {"date"},
        ),
        ("quantity", "quantity", None, set(), set()),
        ("entity", None, "quantity", {"entity"}, set()),
    ],
)
def test_reported_and_failing_kinds(
    tmp_path: Path,
    select: str | None,
    ignore: str | None,
    fail_on: str | None,
    kinds: set[str],
    failing: set[str],
) -> None:
    flags = {"select": select, "ignore": ignore, "fail-on": fail_on}
    settings = config.load(tmp_path, flags)
    assert (settings.kinds, settings.failing) == (kinds, failing)


def test_config_command_says_where_each_value_comes_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nignore = ["wording"]\njobs = 1\n')
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# configuration: pyproject.toml [tool.claimcheck]"
    assert 'ignore = ["wording"]  # pyproject.toml [tool.claimcheck]' in lines
    assert "jobs = 1  # pyproject.toml [tool.claimcheck]" in lines
    assert "min-confidence = 0.0  # default" in lines
    assert [line.split(" = ")[0] for line in lines[1:]] == list(config.KEYS)


def test_settings_fields_are_the_keys() -> None:
    fields = set(config.Settings.__dataclass_fields__) - {"file", "origins"}
    assert fields == {key.replace("-", "_") for key in config.KEYS}


# Made-up articles: two outlets disagree on one figure (a quantity finding).
ARTICLES = {
    "ledger.txt": "Storm cuts power\n\nMayor Tom Becker said 300 homes lost power on Tuesday.\n",
    "courier.md": "# Outage\n\nMayor Tom Becker said 3,000 homes lost power on Tuesday.\n",
}


@pytest.mark.model
@pytest.mark.parametrize(
    ("file", "flags", "code", "found"),
    [
        ("", [], 1, 1),
        ("", ["--ignore", "quantity"], 0, 0),
        ("", ["--select", "date,entity"], 0, 0),
        ('select = ["date"]\n', [], 0, 0),
        ('select = ["date"]\n', ["--select", "quantity"], 1, 1),
        ('fail-on = ["date"]\n', [], 0, 1),  # reported, but not a failing kind
        ("min-confidence = 1.0\n", [], 0, 0),  # the near-copy pair is 0.99 sure, not certain
        ('exclude = ["courier.md"]\n', [], 0, 0),
    ],
)
def test_scan_follows_the_settings(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    file: str,
    flags: list[str],
    code: int,
    found: int,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "articles" / name).write_text(text, encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text(file, encoding="utf-8")
    result = runner.invoke(app, ["scan", "articles", "--quiet", "--no-cache", *flags])
    assert result.exit_code == code, result.output
    assert f"{found} contradiction{'' if found == 1 else 's'}," in result.stdout


def test_readme_example_and_table(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Configuration", 1)[1].split("### Exit codes", 1)[0]
    (example,) = re.findall(r"```toml\n(.*?)```", section, flags=re.DOTALL)
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    settings = config.load(tmp_path)
    assert all(settings.origin(key) != config.DEFAULT for key in config.KEYS)
    assert re.findall(r"^\| `([a-z-]+)` \| `--\1` \|", section, flags=re.MULTILINE) == list(
        config.KEYS
    )


def _config(*args: str) -> tuple[int, str]:
    """`claimcheck config ARGS`: exit code, and stdout or the error line."""
    result = runner.invoke(app, ["config", *args])
    return result.exit_code, result.stdout if result.exit_code == 0 else result.output


def test_config_names_a_file_instead_of_the_one_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claimcheck.toml").write_text("jobs = 1\n")
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "strict.toml").write_text('min-confidence = 0.8\nbaseline = "known.json"\n')
    (tmp_path / "ci" / "pyproject.toml").write_text('[tool.claimcheck]\nselect = ["date"]\n')
    code, out = _config("--config", "ci/strict.toml")
    assert code == 0
    assert out.splitlines()[0] == "# configuration: ci/strict.toml"
    assert "min-confidence = 0.8  # ci/strict.toml" in out
    assert "jobs = 0  # default" in out  # claimcheck.toml here is not read
    assert 'baseline = "ci/known.json"  # ci/strict.toml' in out  # relative to the file
    code, out = _config("--config", "ci/pyproject.toml")
    assert 'select = ["date"]  # ci/pyproject.toml [tool.claimcheck]' in out


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "missing.toml: no such file; check the path given to --config"),
        ({"missing.toml/a.txt": ""}, "missing.toml: is a folder; give --config a claimcheck"),
        ({"missing.toml": "jobs = \n"}, "missing.toml: not valid TOML"),
        ({"missing.toml": "jbos = 2\n"}, "missing.toml: unknown key 'jbos'"),
        ({"missing.toml": "jobs = -1\n"}, "missing.toml: jobs: expected a whole number"),
    ],
)
def test_a_bad_config_file_is_exit_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    for command in (["config"], ["scan", "."], ["cache", "info"]):
        result = runner.invoke(app, [*command, "--config", "missing.toml"])
        assert result.exit_code == 2
        assert result.output.startswith(f"claimcheck: error: {message}")
        assert result.output.count("\n") == 1


def test_a_pyproject_named_needs_the_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nselect = ["E"]\n')
    with pytest.raises(BadConfig, match=r"no \[tool.claimcheck\] table; add one"):
        config.load(file=tmp_path / "pyproject.toml")


def test_isolated_reads_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claimcheck.toml").write_text('select = ["date"]\njobs = 1\n')
    code, out = _config("--isolated")
    assert code == 0
    assert (
        out.splitlines()[0] == "# configuration: none, --isolated ignores every configuration file"
    )
    assert all(line.endswith("# default") for line in out.splitlines()[1:])
    settings = config.load(flags={"jobs": 2}, isolated=True)
    assert (settings.select, settings.jobs) == (CONTRADICTION_KINDS, 2)
    # even a file that could not be read is not looked at
    (tmp_path / "claimcheck.toml").write_text("not toml at all")
    assert _config("--isolated")[0] == 0
    code, out = _config("--isolated", "--config", "claimcheck.toml")
    assert code == 2
    assert "--config: cannot be used with --isolated" in out


@pytest.mark.parametrize(
    ("value", "size"),
    [
        (0, 0),
        (4096, 4096),
        ('"500 MB"', 500_000_000),
        ('"2GB"', 2_000_000_000),
        ('"1.5 GiB"', 1_610_612_736),
        ('"64 kib"', 65_536),
        ('"3 TB"', 3_000_000_000_000),
        ('"100"', 100),
    ],
)
def test_cache_max_size_reads_units(tmp_path: Path, value: object, size: int) -> None:
    (tmp_path / "claimcheck.toml").write_text(f"cache-max-size = {value}\n")
    assert config.load(tmp_path).cache_max_size == size


@pytest.mark.parametrize("value", ['"lots"', '"1 PB"', "-1", "true", '"5 MB free"', "1.5"])
def test_cache_max_size_rejects_what_is_not_a_size(tmp_path: Path, value: str) -> None:
    (tmp_path / "claimcheck.toml").write_text(f"cache-max-size = {value}\n")
    with pytest.raises(BadConfig, match='cache-max-size: expected a size such as "500 MB"'):
        config.load(tmp_path)


def test_cache_dir_from_file_then_environment_then_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform_cache: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert Path(config.load(tmp_path).cache_dir) == platform_cache  # the platform's folder
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "claimcheck.toml").write_text('cache-dir = "build/claims"\n')
    settings = config.load(tmp_path / "project")
    assert Path(settings.cache_dir) == Path("project/build/claims")  # relative to the file
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "/srv/claims")
    settings = config.load(tmp_path / "project")
    assert (settings.cache_dir, settings.origin("cache-dir")) == (
        "/srv/claims",
        "CLAIMCHECK_CACHE_DIR",
    )
    settings = config.load(tmp_path / "project", {"cache-dir": "here"})
    assert (settings.cache_dir, settings.origin("cache-dir")) == ("here", "--cache-dir")


def test_readme_states_the_default_cache_cap() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    default = config.format_size(config.Settings.cache_max_size)
    assert f'| `"{default}"` |' in readme
    assert f"(default {default}" in readme


@pytest.mark.model
def test_scan_reads_the_file_named_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "articles" / name).write_text(text, encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text('select = ["date"]\n', encoding="utf-8")
    (tmp_path / "figures.toml").write_text('select = ["quantity"]\n', encoding="utf-8")
    scan = ["scan", "articles", "--quiet", "--no-cache"]
    for extra, code in (([], 0), (["--config", "figures.toml"], 1), (["--isolated"], 1)):
        result = runner.invoke(app, [*scan, *extra])
        assert result.exit_code == code, (extra, result.output)
