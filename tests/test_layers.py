"""Imports go downwards only (hanmark → gui → storage → corpus) and no Qt below gui."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed in this environment")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout


@pytest.mark.parametrize("package", ["corpus", "storage"])
def test_no_qt_below_gui(package):
    """The same rule read straight from the source, so it holds even without import-linter."""
    offenders = []
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in {"PySide6", "shiboken6", "gui", "hanmark"}:
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []
