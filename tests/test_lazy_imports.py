"""Start-up stays light: commands import only the libraries they use.

Each check runs in a fresh interpreter (``sys.modules`` of the test process already holds
everything) and reports which of the heavy libraries got imported.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

_HEAVY = ("sumy", "nltk", "datasketch", "scipy", "trafilatura", "feedparser")
_REPORT = f"""
import sys
print("loaded:" + ",".join(sorted(name for name in {_HEAVY!r} if name in sys.modules)))
"""

_ARTICLE = (
    "The city council approved a new budget on Monday after a long debate.\n\n"
    "The budget raises spending on schools and roads by five percent.\n\n"
    "Critics said the plan leaves too little for public transport, while supporters praised it.\n"
)


def _heavy_modules_after(code: str) -> tuple[str, str]:
    """The heavy libraries imported once ``code`` has run, and what ``code`` printed before."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code) + _REPORT],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    printed, _, loaded = result.stdout.rstrip("\n").rpartition("loaded:")
    return loaded, printed


def test_default_summary_of_a_text_file_loads_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text(_ARTICLE, encoding="utf-8")
    loaded, printed = _heavy_modules_after(f"""
        from summarizer.cli import main
        assert main(["summarize", {str(article)!r}]) == 0
    """)
    assert "budget" in printed  # the summary was written
    assert loaded == ""


def test_a_sumy_method_loads_sumy_on_first_use(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text(_ARTICLE, encoding="utf-8")
    loaded, _ = _heavy_modules_after(f"""
        from summarizer.cli import main
        assert main(["summarize", "--method", "lexrank", {str(article)!r}]) == 0
    """)
    assert {"sumy", "nltk"} <= set(loaded.split(","))


def test_console_registry_loads_no_datasketch_scipy_or_sumy() -> None:
    loaded, _ = _heavy_modules_after("""
        import bot.cli
        from bot.adapters import console
        from bot.core.app import build_registry
        assert console.Console and build_registry().commands()
    """)
    assert loaded == ""
