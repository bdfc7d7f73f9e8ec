"""The console bot used as a person would: inputs that used to go wrong, restarts, help."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from core_fixtures import CountingExtractor, lead_summary, load_text_file

from bot.adapters.console import Console
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.corpus import Corpus, SeedDirectory
from bot.core.services import Services, build_corpus
from bot.store import Store, StoreArticles

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
HUGE = "9" * 30


def _console(services: Services, lines: str) -> Console:
    return Console(build_registry(), services, stdin=io.StringIO(lines), stdout=io.StringIO(),
                   interactive=False, color=False, user="analyst")


@pytest.fixture
def services(store: Store, tmp_path: Path) -> Services:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Convoy turned back near Qamishli\nday: 3\n"
                                 "Troops stopped a US convoy at a checkpoint. The convoy turned around.\n",
                                 encoding="utf-8")
    settings = Settings.load({}, seeds=seeds, data_dir=tmp_path / "data")
    corpus = Corpus([SeedDirectory(seeds, load_text_file)], summarize=lead_summary,
                    extract=CountingExtractor(), rescan_interval=0)
    return Services(settings, corpus, clock=lambda: NOW, fetch=None, store=store)


@pytest.mark.parametrize("line", [f"unsubscribe {HUGE}", f"feeds remove {HUGE}", f"feeds resume #{HUGE}"])
def test_huge_ids_are_a_short_not_found_not_a_crash(services: Services, line: str,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    console = _console(services, line + "\n")
    assert console.run() == 0
    output = console.stdout.getvalue()
    assert output.startswith("Error: ")
    assert "went wrong" not in output
    assert "no subscription" in output or "No such feed" in output
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def test_quit_ends_a_piped_session_too(services: Services) -> None:
    console = _console(services, "sources\nquit\nsources\n")
    assert console.run() == 0
    output = console.stdout.getvalue()
    assert output.count("Articles I know") == 1
    assert "Unknown command 'quit'" not in output


@pytest.mark.parametrize(
    "line", ["search " + "convoy " * 2000, "incident " + "x" * 20000, "summary " + "x" * 20000]
)
def test_a_very_long_query_is_not_echoed_back_whole(services: Services, line: str) -> None:
    console = _console(services, line + "\n")
    console.run()
    first = console.stdout.getvalue().splitlines()[0]
    assert len(first) < 200, first


def test_subscriptions_survive_a_restart(tmp_path: Path) -> None:
    settings = Settings(seeds=tmp_path / "no-seeds", data_dir=tmp_path / "data")
    url = f"sqlite:///{tmp_path / 'restart.sqlite3'}"
    for lines in ("subscribe daily 08:00 --tz Europe/Berlin\n", "subscriptions\n"):
        store = Store.open(url)
        try:
            services = Services(settings, build_corpus(settings, index_in_background=False),
                                clock=lambda: NOW, fetch=None, store=store)
            console = _console(services, lines)
            console.run()
        finally:
            store.close()
    assert "Subscriptions here: 1" in console.stdout.getvalue()
    assert "daily 08:00 (Europe/Berlin)" in console.stdout.getvalue()


async def test_help_reads_well_for_yes_no_options_and_choices(services: Services) -> None:
    console = _console(services, "")
    subscribe = await console.answer("help subscribe")
    feeds = await console.answer("help feeds")
    assert subscribe is not None
    assert feeds is not None
    assert "default True" not in subscribe
    assert "--incidents: include incident records (yes/no); default yes (write --incidents=no" in subscribe
    assert feeds.count("list, add, remove") == 1  # the choices are listed once
    assert "action: what to do; one of list, add, remove, pause, resume, export; default list" in feeds


@pytest.mark.parametrize("line", [f"search convoy --page {HUGE}", f"sources --page {HUGE}"])
def test_a_huge_page_is_a_usage_error_not_a_crash(store: Store, tmp_path: Path, line: str,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    settings = Settings(seeds=tmp_path / "no-seeds", data_dir=tmp_path / "data")
    [article] = load_text_file(_convoy_story(tmp_path))
    store.add_article(article, fetched_at=NOW, listed_at=NOW)
    corpus = build_corpus(settings, [StoreArticles(store)], index_in_background=False, store=store)
    console = _console(Services(settings, corpus, clock=lambda: NOW, fetch=None, store=store), line + "\n")
    assert console.run() == 0
    assert console.stdout.getvalue().startswith("Error: page must be at most ")
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def _convoy_story(folder: Path) -> Path:
    path = folder / "convoy.txt"
    path.write_text("Convoy turned back\n\nTroops stopped a convoy at a checkpoint.\n", encoding="utf-8")
    return path
