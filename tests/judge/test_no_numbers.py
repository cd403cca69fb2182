"""Issue 21: no number in judge code. Levels, weights, thresholds, windows and hand-set scores are
data under models/ with the script that made them (judge.json: bench/weights.py; limits.json:
bench/limits.py); the judge modules hold no float but 0 and 1 and no module-level count."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ..conftest import ROOT

JUDGE = ROOT / "claimcheck" / "judge"
MODULES = sorted(JUDGE.glob("*.py"))
# extract/names.py decides when two names are one, for the entity judge.
MODULES.append(ROOT / "claimcheck" / "extract" / "names.py")
# Arithmetic, not judgement: (module, literal) -> why it stays in the code.
ARITHMETIC = {
    # a figure's last stated digit: ten to the power of its decimal places
    ("quantity.py", 10.0),
}


def _numbers(path: Path) -> list[tuple[int, float]]:
    """Float literals other than 0 and 1 anywhere, and numbers above 1 in module-level
    assignments, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and type(node.value) is float
        and node.value not in (0.0, 1.0)
    ]
    for statement in tree.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            found += [
                (node.lineno, node.value)
                for node in ast.walk(statement.value)
                if isinstance(node, ast.Constant) and type(node.value) is int and node.value > 1
            ]
    return [(line, value) for line, value in found if (path.name, value) not in ARITHMETIC]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_number_in_judge_code(path: Path) -> None:
    assert _numbers(path) == [], f"{path.name}: move these to models/limits.json (bench/limits.py)"


def test_the_check_finds_a_hidden_threshold(tmp_path: Path) -> None:
    code = tmp_path / "judge.py"
    code.write_text("WINDOW = 4\n\ndef f(x):\n    return x >= 0.7 or x * 1.0 == 0.0\n")
    assert _numbers(code) == [(4, 0.7), (1, 4)]
