"""Same input, same bytes: JSON and SARIF do not depend on file order, cache or run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import SEEDS

runner = CliRunner()
pytestmark = pytest.mark.model


def _scan(paths: list[str], name: str, *extra: str) -> tuple[bytes, bytes]:
    args = ["scan", *paths, "--json", f"{name}.json", "--sarif", f"{name}.sarif", "-q"]
    result = runner.invoke(app, [*args, "--exit-zero", *extra])
    assert result.exit_code == 0, result.output
    return Path(f"{name}.json").read_bytes(), Path(f"{name}.sarif").read_bytes()


def test_order_cache_and_rerun_give_identical_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    files = sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))
    first = _scan(files, "a")
    # Reversed order and every claim from the cache the first run filled.
    second = _scan(files[::-1], "b")
    # Interleaved order, folder given once, no cache: extracted afresh.
    third = _scan([*files[1::2], "seeds/", *files[::2]], "c", "--no-cache")
    assert first == second == third
    json_text = first[0].decode()
    assert str(tmp_path) not in json_text
    assert '"path": "seeds/' in json_text
