"""House rules that keep the code base in shape: import layers and lazy heavy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sklearn", "matplotlib", "scipy", "networkx", "rapidfuzz", "rich", "dask", "pdfplumber", "onnxruntime",
         "tokenizers")


def test_import_layers_and_forbidden_imports_hold():
    pytest.importorskip("importlinter")
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("code", ["import policydiff", "from policydiff.cli import cli; cli(['--help'])"])
def test_importing_the_package_and_help_load_no_heavy_library(code):
    probe = (
        f"import sys\ntry:\n    {code}\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
