"""Every output format reads only the Report: no renderer imports the NLP or link side."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import claimcheck.report

from ..conftest import ROOT

# What the scan computes with; a renderer that needs any of it reads something not in the Report.
SCAN_SIDE = ("claimcheck.link", "claimcheck.extract", "claimcheck.judge", "claimcheck.nlp", "spacy")
RENDERERS = sorted(m.name for m in pkgutil.iter_modules(claimcheck.report.__path__))


def test_the_renderers_are_all_listed() -> None:
    assert {"html", "json", "sarif", "markdown", "github", "concise", "terminal"} <= set(RENDERERS)


@pytest.mark.parametrize("name", RENDERERS)
def test_a_renderer_imports_nothing_of_the_scan(name: str) -> None:
    """In a fresh interpreter, importing it loads none of the scan's modules."""
    code = (
        "import sys, importlib\n"
        f"importlib.import_module('claimcheck.report.{name}')\n"
        f"print('\\n'.join(m for m in sys.modules if m.startswith({SCAN_SIDE!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == []
