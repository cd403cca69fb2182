"""Shared fixtures: the statistical pipeline is loaded once per test session."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from claimcheck import nlp as nlp_module

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# A user's environment for what the slow tests install: no PYTHONPATH, through which the
# checkout (or the egg-info a build leaves in it) would shadow the installed package.
USER_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
# The checkout first on the path: `python -m claimcheck` from another folder runs the checkout.
CHECKOUT_ENV = {**USER_ENV, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="session", autouse=True)
def platform_cache(scratch: Path) -> Iterator[Path]:
    """The platform's cache folder, where a scan keeps claims by default, in `scratch` for the
    session: tests never write to the user's own cache, nor read what it holds."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(scratch / "xdg-cache"))
        patch.delenv("CLAIMCHECK_CACHE_DIR", raising=False)
        yield scratch / "xdg-cache" / "claimcheck"


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
        # With the pip the venv brings, as a user's (Python 3.11's: pip 23.2).
        self.pip(str(self.wheel))
        subprocess.run(
            [str(self.bin / "claimcheck"), "model", "install"],
            env=USER_ENV,
            check=True,
            capture_output=True,
        )

    def pip(self, *args: str) -> None:
        subprocess.run(
            [str(self.bin / "python"), "-m", "pip", "install", "--quiet", *args],
            env=USER_ENV,
            check=True,
            capture_output=True,
        )


@pytest.fixture(scope="session")
def scratch() -> Iterator[Path]:
    """A folder for the whole session outside pytest's own temporary folders, which another
    pytest run on the machine may prune while the slow tests still use them."""
    with tempfile.TemporaryDirectory(prefix="claimcheck-tests-") as folder:
        yield Path(folder)


@pytest.fixture
def scratch_path(scratch: Path, request: pytest.FixtureRequest) -> Path:
    """tmp_path, but in `scratch`: for the slow tests that run for a minute or more."""
    folder = scratch / re.sub(r"\W", "_", request.node.name)
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def installed(scratch: Path) -> Installed:
    """Built and installed once per session: the packaging and CI example tests share it."""
    (scratch / "installed").mkdir()
    return Installed(scratch / "installed")


# Commits in the temporary repositories the CI tests make, whatever the machine's git config.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "claimcheck tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "claimcheck tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


@pytest.fixture(scope="session")
def source_repo(scratch: Path) -> tuple[Path, str]:
    """A git repository holding the checkout as it is on disk (uncommitted edits included),
    committed once: what a user's `pip install git+URL@rev` or pre-commit `repo:` gets.
    Returns its path and the commit."""
    spec = importlib.util.spec_from_file_location("clean_folder", ROOT / ".ci" / "clean_folder.py")
    assert spec is not None and spec.loader is not None
    clean_folder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(clean_folder)
    repo: Path = clean_folder.source_copy(scratch / "claimcheck-source")
    return repo, git(repo, "rev-parse", "HEAD")
