"""claimcheck installed as a user installs it: the wheel or the sdist in a fresh virtual
environment outside the checkout, scanning a folder from another working directory."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from .conftest import CHECKOUT_ENV, ROOT, USER_ENV, Installed

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Made-up articles: two outlets disagree on one figure.
ARTICLES = {
    "ledger.txt": "Storm cuts power\n\nMayor Tom Becker said 300 homes lost power on Tuesday.\n",
    "courier.md": "# Outage\n\nMayor Tom Becker said 3,000 homes lost power on Tuesday.\n",
}


def _scan(claimcheck: list[str], articles: Path, cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    done = subprocess.run(
        [*claimcheck, "scan", str(articles), "--json", "-", "--no-cache", "--jobs", "1"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout


def _check_installed(installed: Installed, scratch_path: Path) -> None:
    articles = scratch_path / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    elsewhere = scratch_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [str(installed.bin / "python"), "-c", "import claimcheck.lexicon as l; print(l.MODELS)"],
        cwd=elsewhere,
        env=USER_ENV,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed.venv), where
    code, out = _scan([str(installed.bin / "claimcheck")], articles, elsewhere, USER_ENV)
    assert code == 1, out
    report = json.loads(out)
    assert report["skipped"] == []
    assert [c["kind"] for c in report["contradictions"]] == ["quantity"]
    # The installed package reports exactly what the checkout does.
    checkout = _scan([sys.executable, "-m", "claimcheck"], articles, elsewhere, CHECKOUT_ENV)
    assert (code, out) == checkout


def test_wheel_ships_every_asset(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    assets = sorted(p.name for p in (ROOT / "models").iterdir() if p.suffix != ".py")
    shipped = sorted(Path(n).name for n in names if n.startswith("claimcheck/models/"))
    assert set(assets) <= set(shipped)
    templates = ROOT / "claimcheck" / "report" / "templates"
    page = {f"claimcheck/report/templates/{p.name}" for p in templates.iterdir()}
    assert page and page <= set(names)  # the HTML report's template, style and script
    assert "claimcheck/requirements-model.txt" in names  # what `claimcheck model install` reads
    assert any(n.endswith("licenses/LICENSE") for n in names)


def test_wheel_lists_every_subpackage() -> None:
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    inits = (ROOT / "claimcheck").rglob("__init__.py")
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in inits}
    assert found | {"claimcheck.models"} == listed


def test_installed_wheel_scans_from_another_folder(
    installed: Installed, scratch_path: Path
) -> None:
    installed.pip("--no-deps", "--force-reinstall", str(installed.wheel))
    _check_installed(installed, scratch_path)


def test_installed_sdist_scans_from_another_folder(
    installed: Installed, scratch_path: Path
) -> None:
    installed.pip("--no-deps", "--force-reinstall", str(installed.sdist))
    _check_installed(installed, scratch_path)


def test_metadata_without_deprecation(installed: Installed) -> None:
    assert "deprecat" not in installed.build_log.lower()
    # setuptools frames each of its warnings in "!!" lines (a data folder missing from
    # `packages`, a malformed setting, ...): building claimcheck prints none.
    assert "!!" not in installed.build_log, installed.build_log
    metadata = _wheel_metadata(installed.wheel)
    assert "License-Expression: MIT" in metadata
    assert "Classifier: Typing :: Typed" in metadata
    assert "Project-URL: Source, " in metadata


def _wheel_metadata(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return archive.read(name).decode("utf-8")


def _pyproject() -> dict[str, dict[str, dict[str, list[str]]]]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)
