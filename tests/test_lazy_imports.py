"""Start-up stays light: commands import only the libraries they use.

Each check runs in a fresh interpreter (``sys.modules`` of the test process already holds
everything) and reports which of the heavy libraries got imported.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

_HEAVY = (
    "sumy", "nltk", "datasketch", "scipy", "trafilatura", "feedparser", "numpy", "httpx",
    "charset_normalizer", "yaml", "pycountry", "rouge_score", "concurrent.futures.process", "email.utils",
)  # fmt: skip
_CONSOLE_NEEDS = {"httpx", "email.utils"}  # the bot's store and fetcher, imported by its services
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


def test_console_registry_loads_no_datasketch_scipy_sumy_or_numpy() -> None:
    loaded, _ = _heavy_modules_after("""
        import bot.cli
        from bot.adapters import console
        from bot.core.app import build_registry
        assert console.Console and build_registry().commands()
    """)
    assert set(loaded.split(",")) - {""} <= _CONSOLE_NEEDS


def test_other_subcommands_load_nothing_until_they_run() -> None:
    loaded, printed = _heavy_modules_after("""
        from summarizer.cli import build_parser
        print(build_parser().format_help())
    """)
    assert "evaluate" in printed
    assert "incidents" in printed
    assert loaded == ""


def test_a_feed_loads_feedparser_and_a_url_loads_the_http_stack(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>T</title><item><title>Budget</title>"
        f"<description>{_ARTICLE}</description></item></channel></rss>",
        encoding="utf-8",
    )
    loaded, _ = _heavy_modules_after(f"""
        from summarizer.cli import main
        main(["summarize", {str(feed)!r}])
        main(["summarize", "--timeout", "0.01", "http://127.0.0.1:9/"])
    """)
    assert {"feedparser", "httpx"} <= set(loaded.split(","))


def test_front_matter_loads_yaml_and_a_non_utf8_file_loads_charset_normalizer(tmp_path: Path) -> None:
    markdown = tmp_path / "one.md"
    markdown.write_text(f"---\ntitle: Budget\n---\n{_ARTICLE}", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 owners approved the budget on Monday.".encode("latin-1"))
    loaded, _ = _heavy_modules_after(f"""
        from summarizer.cli import main
        assert main(["summarize", {str(markdown)!r}]) == 0
        assert main(["summarize", {str(latin)!r}]) == 1
    """)
    assert {"yaml", "charset_normalizer"} <= set(loaded.split(","))
