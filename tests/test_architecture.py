"""The bot's layers hold: ``lint-imports`` checks the contracts in pyproject.toml (each layer imports
only the layers below it; adapters and scheduler, store and core never import each other upward;
only the adapters import the chat SDKs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_each_layer_imports_only_the_layers_below_it() -> None:
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert "bot layers KEPT" in result.stdout
    assert "only the adapters import the chat SDKs KEPT" in result.stdout
