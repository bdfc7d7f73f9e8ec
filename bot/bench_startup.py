"""Start-up benchmark of ``newsbot console``: time from launch to its first prompt, and to its
first answers.

    python -m bot.bench --startup [REPEATS]

The console runs in a pseudo-terminal (as a person would use it) over a fresh data folder and the
seed corpus; the clock stops when ``newsdigest>`` appears, then once more when a command typed at
once is answered (the first command waits for the store and the corpus, opened behind the prompt),
and ``quit`` ends the session. Each round starts the console once per command of
``FIRST_COMMANDS`` (``incident``, ``summary``). A first, untimed run creates the store and caches
the bytecode (in the temporary folder, as an installed package has it even where
``PYTHONDONTWRITEBYTECODE`` is set), so the timed runs are ordinary restarts. Each timed run
alternates with a bare ``python -c "import json"`` (``summarizer.bench_startup``): the ratio of the
medians is what counts.
"""

from __future__ import annotations

import itertools
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from time import perf_counter

from summarizer.bench_startup import StartupTimes, compare_startup
from summarizer.errors import SummarizerError

__all__ = ["FIRST_COMMANDS", "PROMPT", "ConsoleStartup", "console_timings", "measure_console_startup"]

PROMPT = b"newsdigest> "
_WAIT_SECONDS = 120.0
_COMMAND = (sys.executable, "-m", "bot", "console")
FIRST_COMMANDS = ("incident", "summary")


@dataclass(frozen=True, slots=True)
class ConsoleStartup:
    """Median start-up of the console to its first prompt, and to its first answer to each command,
    against a bare interpreter."""

    prompt: StartupTimes
    first_answers: dict[str, StartupTimes]


def _read_prompts(leader: int, seen: bytes, count: int) -> bytes:
    """Output of the terminal read until the prompt has appeared ``count`` times."""
    while seen.count(PROMPT) < count:
        ready, _, _ = select.select([leader], [], [], _WAIT_SECONDS)
        chunk = os.read(leader, 4096) if ready else b""
        if not chunk:
            shown = seen.decode(errors="replace").strip()[-300:]
            raise SummarizerError(f"newsbot console showed no prompt: {shown or 'no output'}")
        seen += chunk
    return seen


def console_timings(environ: Mapping[str, str], command: str) -> tuple[float, float]:
    """Wall seconds from starting ``newsbot console`` in a pseudo-terminal to its first prompt, and
    to its answer to ``command`` typed at that prompt (an error reply is an error here)."""
    leader, follower = pty.openpty()
    start = perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        _COMMAND, stdin=follower, stdout=follower, stderr=follower, env=dict(environ)
    )
    os.close(follower)
    try:
        seen = _read_prompts(leader, b"", 1)
        prompt = perf_counter() - start
        os.write(leader, command.encode() + b"\n")
        answered = _read_prompts(leader, seen, 2)
        answer = perf_counter() - start
        os.write(leader, b"quit\n")
        process.wait(timeout=_WAIT_SECONDS)
    except OSError as error:  # the console ended before its prompt (the terminal closed)
        raise SummarizerError(f"newsbot console ended before its prompt: {error}") from None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(leader)
    reply = answered[len(seen):].decode(errors="replace").split("\n", 1)[-1]  # after the typed line's echo
    if reply.lstrip().startswith("Error: "):
        raise SummarizerError(f"newsbot console could not answer {command!r}: {reply.strip()[:300]}")
    return prompt, answer


def measure_console_startup(repeats: int) -> ConsoleStartup:
    """Medians over ``repeats`` rounds (one start per command of ``FIRST_COMMANDS``): the console's
    first prompt and its first answer to each command, against a bare interpreter."""
    answers: dict[str, list[float]] = {command: [] for command in FIRST_COMMANDS}
    commands = itertools.cycle(FIRST_COMMANDS)

    def seconds_to_prompt() -> float:
        command = next(commands)
        prompt, answer = console_timings(environ, command)
        answers[command].append(answer)
        return prompt

    with tempfile.TemporaryDirectory() as folder:
        environ = {**os.environ, "NEWSDIGEST_DATA_DIR": folder, "NO_COLOR": "1",
                   "PYTHONPYCACHEPREFIX": os.path.join(folder, "bytecode")}
        environ.pop("PYTHONDONTWRITEBYTECODE", None)
        console_timings(environ, FIRST_COMMANDS[0])  # creates the store: the timed runs are restarts
        prompt = compare_startup(seconds_to_prompt, repeats * len(FIRST_COMMANDS))
    return ConsoleStartup(prompt, {command: StartupTimes(statistics.median(seconds), prompt.baseline)
                                   for command, seconds in answers.items()})
