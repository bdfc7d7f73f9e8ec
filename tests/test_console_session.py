"""A console user going through the whole command set, in process and through ``newsbot console``."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from core_fixtures import CountingExtractor, lead_summary, load_text_file

from bot.adapters.console import Console, ConsoleSender, Startup, render
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.corpus import Corpus, SeedDirectory
from bot.core.reply import Field, Reply, Section
from bot.core.services import Services
from bot.vocabulary import Destination

REPO = Path(__file__).resolve().parent.parent
NEWSBOT = Path(sys.executable).parent / "newsbot"


def _write(folder: Path, name: str, title: str, body: str, day: int) -> None:
    (folder / name).write_text(f"{title}\nday: {day}\n{body}\n", encoding="utf-8")


@pytest.fixture
def console(tmp_path: Path) -> Console:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _write(seeds, "a.txt", "Convoy turned back near Qamishli",
           "Troops stopped a US convoy at a checkpoint. The convoy turned around. "
           "Officials confirmed the standoff.\nPLACE: Qamishli @ 2026-11-02", 3)
    _write(seeds, "b.txt", "Markets rally on trade news",
           "Stocks rose sharply on Monday. Traders cheered the deal. Bonds fell.", 5)
    for day in range(6, 20):
        _write(seeds, f"z{day}.txt", f"Weather report {day}", f"Rain expected on day {day}. Wind later.", day)
    settings = Settings.load({}, seeds=seeds, data_dir=tmp_path / "data", page_size=5)
    corpus = Corpus([SeedDirectory(seeds, load_text_file)], summarize=lead_summary,
                    extract=CountingExtractor(), rescan_interval=0)
    return Console(build_registry(), Services(settings, corpus, fetch=None),
                   interactive=False, color=False, user="analyst")


async def test_scripted_session_over_the_whole_command_set(console: Console, tmp_path: Path) -> None:
    async def ask(line: str) -> str:
        answer = await console.answer(line)
        assert answer is not None
        assert "Traceback" not in answer
        return answer

    newest = await ask("!summary")
    assert newest.startswith("Weather report 19")
    assert "Reading time: 1 min read" in newest
    assert "Number: #1" in newest

    qamishli = await ask('summary "convoy qamishli" --sentences 1')
    assert qamishli.splitlines()[0] == "Convoy turned back near Qamishli"
    assert "Troops stopped a US convoy at a checkpoint." in qamishli
    assert "The convoy turned around." not in qamishli
    assert "1 of 4 sentences" in qamishli
    assert "Markets rally" in await ask("/summary 15")

    cards = await ask("!incident Qamishli")
    assert "2 Nov 2026 · Qamishli, Syria" in cards
    assert "Vehicles: 5 × MRAP" in cards
    assert "Casualties: none reported" in cards
    assert "Source: Convoy turned back near Qamishli (#16)" in cards
    assert (await ask("incident Aleppo")).startswith("No incidents matching 'Aleppo'")
    assert "Latest incidents" in await ask("incident --limit 1")
    assert "No incidents since 3 Nov 2026" in await ask("incident --since 2026-11-03")

    digest = await ask("!digest --limit 3")
    assert digest.startswith("Digest: 3 top stories")
    digest = await ask("digest --since 2026-11-01 --limit 25")
    assert "Convoy turned back near Qamishli" in digest
    assert "2 Nov 2026 · Qamishli, Syria" in digest  # the incidents follow the stories

    page = await ask("sources")
    assert "#1 · Weather report 19 — Wire" in page
    assert "16 articles · page 1 of 4" in page
    assert "#16 · " in await ask("articles --page 4")

    assert "#16 · Convoy turned back" in await ask("search convoy")
    assert (await ask("search volcano")).startswith("No article contains 'volcano'")

    listing = await ask("help")
    for name in ("summary", "incident", "digest", "sources", "search", "help", "reload"):
        assert f"• {name}" in listing
    assert "Usage: summary [article...]" in await ask("help summary")

    _write(tmp_path / "seeds", "new.txt", "Fresh bulletin", "Something new happened.", 25)
    assert "1 new" in await ask("reload")
    assert (await ask("summary")).startswith("Fresh bulletin")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("summary --sentences lots", "Error: sentences must be a whole number, not 'lots'\n  Usage: summary"),
        ("summary --method nonsense", "Error: method must be one of:"),
        ("summary 99", "Error: There is no article number 99; sources lists 1 to 16."),
        ("summary -1", "Error: There is no article number -1; sources lists 1 to 16."),
        ("summary 1 -n 2", "Error: unknown option -n; options start with --\n  Usage: summary"),
        ("summary volcano eruption", "Error: No article matches 'volcano eruption'."),
        ("summary https://example.org/x", "fetching URLs is turned off"),
        ("incident --since last-week",
         "Error: since must be a date (YYYY-MM-DD), not 'last-week'\n  Usage: incident"),
        ("sources --page 9", "Error: page must be at most 4\n  Usage: sources"),
        ("search", "Error: search needs words to look for"),
        ("help nosuch", "Error: Unknown command 'nosuch'. Try help."),
        ("frobnicate", "Error: Unknown command 'frobnicate'. Try help."),
        ('summary "unclosed', "Error: Cannot read the arguments"),
    ],
)
async def test_wrong_input_gets_a_short_error(console: Console, line: str, expected: str) -> None:
    answer = await console.answer(line)
    assert answer is not None
    assert expected in answer
    assert "Traceback" not in answer


async def test_blank_lines_and_comments_are_ignored(console: Console) -> None:
    assert await console.answer("   ") is None
    assert await console.answer("# a comment") is None
    assert await console.answer("!") is None


async def test_only_the_operator_may_reload(console: Console) -> None:
    for manager in (False, True):
        reply = await console.registry.run_line("reload", console.services, platform="slack", channel="C1",
                                                user="U1", is_manager=manager)
        assert reply.error
        assert reply.title == "Sorry, only the bot's operator may use reload here."
    assert "Reloaded" in (await console.answer("reload") or "")


def test_piped_session_runs_every_line_and_exits_zero(console: Console) -> None:
    console.stdin = io.StringIO("!summary\n\n!incident Qamishli\nnope\n")
    console.stdout = io.StringIO()
    assert console.run() == 0
    output = console.stdout.getvalue()
    assert output.startswith("Weather report 19")
    assert "Qamishli, Syria" in output
    assert "Unknown command 'nope'" in output
    assert "\x1b[" not in output


class _ClosedPipe(io.StringIO):
    """A stdout whose reader went away (``newsbot console | head``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def _recording_close(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    closed: list[str] = []
    monkeypatch.setattr(services, "close", lambda: closed.append("closed"))
    return closed


def test_the_services_a_startup_built_are_closed_when_the_session_fails(
        console: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    services = console.services
    closed = _recording_close(services, monkeypatch)
    monkeypatch.setattr(Services, "build", classmethod(lambda cls, settings: services))
    failing = Console(startup=Startup(services.settings), stdin=io.StringIO("help\n"), stdout=_ClosedPipe(),
                      interactive=False, color=False, user="analyst")
    with pytest.raises(BrokenPipeError):
        failing.run()
    assert closed == ["closed"]  # the store is closed all the same


def test_services_handed_to_the_console_are_left_to_their_owner(
        console: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    closed = _recording_close(console.services, monkeypatch)
    console.stdin, console.stdout = io.StringIO("help\n"), io.StringIO()
    assert console.run() == 0
    assert closed == []


def test_render_strips_terminal_escapes_from_article_text() -> None:
    reply = Reply(
        title="Evil \x1b[2J\x1b]0;pwned\x07title",
        sections=(Section(title="A\u202eB", body="line one\nline\x1b[31m two",
                          fields=(Field("k", "v\x9b"),)),),
        footer="f",
    )
    plain = render(reply)
    assert "\x1b" not in plain
    assert "\x07" not in plain
    assert "\u202e" not in plain
    assert "Evil [2J]0;pwnedtitle" in plain
    coloured = render(reply, color=True)
    assert coloured.count("\x1b[0m") >= 3  # our own styles only
    assert "\x1b[2J" not in coloured


async def test_console_sender_prints_digests() -> None:
    stream = io.StringIO()
    sender = ConsoleSender(stream, color=False)
    await sender.post(Destination("console", "#news"), Reply(title="Digest: 1 top story", footer="1 story"))
    assert stream.getvalue() == "── to #news ──\nDigest: 1 top story\n1 story\n\n"


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDIGEST_", "DISCORD_", "SLACK_"))}
    env.update({
        "NEWSDIGEST_SEEDS": str(REPO / "seeds"),
        "NEWSDIGEST_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "NEWSDIGEST_FETCH_URLS": "no",
    })
    return env


def test_newsbot_console_with_piped_stdin(tmp_path: Path) -> None:
    """The whole session, then a clean exit that closes the store: SQLite checkpoints its
    write-ahead log into the database file and removes the -wal and -shm files."""
    result = subprocess.run(
        [str(NEWSBOT), "console"], input="!summary\n!incident Qamishli\n!digest\nhelp\n",
        capture_output=True, text=True, env=_env(tmp_path), timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    assert "\x1b[" not in out
    assert "min read" in out
    assert "Qamishli" in out
    assert "MRAP" in out
    assert "Digest: 1 top story" in out
    assert "summary [article...]" in out
    left = sorted(p.name for p in (tmp_path / "data").iterdir())
    assert left == ["newsdigest.sqlite3", "newsdigest.sqlite3.migrate-lock"]


def test_console_never_imports_chat_sdks(tmp_path: Path) -> None:
    code = ("import sys; from bot.cli import main; rc = main(['console']); "
            "assert not any(m.split('.')[0] in {'discord', 'slack_bolt', 'slack_sdk'} for m in sys.modules), "
            "sorted(m for m in sys.modules if m.startswith(('discord', 'slack'))); sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], input="help\n", capture_output=True, text=True,
                            env=_env(tmp_path), timeout=600, check=False)
    assert result.returncode == 0, result.stderr


def _read_until(fd: int, marker: bytes, timeout: float = 300.0) -> bytes:
    """Bytes from a pseudo-terminal up to and including ``marker``."""
    deadline = time.monotonic() + timeout
    data = b""
    while marker not in data:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no {marker!r} in {data!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data


def test_interactive_terminal_session(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    env = _env(tmp_path) | {"TERM": "xterm", "COLUMNS": "100"}
    process = subprocess.Popen([str(NEWSBOT), "console"], stdin=terminal, stdout=terminal, stderr=terminal,
                               env=env, close_fds=True)
    os.close(terminal)
    try:
        banner = _read_until(controller, b"newsdigest> ")
        assert b"type help, or quit" in banner
        os.write(controller, b"!summary --sentences 1\r")
        answer = _read_until(controller, b"newsdigest> ")
        assert b"\x1b[1m" in answer  # bold title on a terminal
        assert b"min read" in answer
        os.write(controller, b"incident Qamishli\r")
        assert b"MRAP" in _read_until(controller, b"newsdigest> ")
        os.write(controller, b"quit\r")
        assert process.wait(timeout=300) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)
    assert "summary --sentences 1" in (tmp_path / "data" / "console_history").read_text(encoding="utf-8")
