"""Start-up benchmark of ``newsbot console``: time from launch to its first prompt.

    python -m bot.bench --startup [REPEATS]

The console runs in a pseudo-terminal (as a person would use it) over a fresh data folder; the
clock stops when ``newsdigest>`` appears, then ``quit`` ends the session. A first, untimed run
creates the store, so the timed runs are ordinary restarts. Each timed run alternates with a bare
``python -c "import json"`` (``summarizer.bench_startup``): the ratio of the medians is what counts.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from time import perf_counter

from summarizer.bench_startup import StartupTimes, compare_startup
from summarizer.errors import SummarizerError

__all__ = ["PROMPT", "measure_console_startup", "seconds_to_prompt"]

PROMPT = b"newsdigest> "
_WAIT_SECONDS = 120.0
_COMMAND = (sys.executable, "-m", "bot", "console")


def seconds_to_prompt(environ: Mapping[str, str]) -> float:
    """Wall seconds from starting ``newsbot console`` in a pseudo-terminal to its first prompt."""
    leader, follower = pty.openpty()
    start = perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        _COMMAND, stdin=follower, stdout=follower, stderr=follower, env=dict(environ)
    )
    os.close(follower)
    seen = b""
    try:
        while PROMPT not in seen:
            ready, _, _ = select.select([leader], [], [], _WAIT_SECONDS)
            chunk = os.read(leader, 4096) if ready else b""
            if not chunk:
                shown = seen.decode(errors="replace").strip()[-300:]
                raise SummarizerError(f"newsbot console showed no prompt: {shown or 'no output'}")
            seen += chunk
        seconds = perf_counter() - start
        os.write(leader, b"quit\n")
        process.wait(timeout=_WAIT_SECONDS)
    except OSError as error:  # the console ended before its prompt (the terminal closed)
        raise SummarizerError(f"newsbot console ended before its prompt: {error}") from None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(leader)
    return seconds


def measure_console_startup(repeats: int) -> StartupTimes:
    """Median seconds to the console's first prompt and of a bare interpreter, over ``repeats`` runs."""
    with tempfile.TemporaryDirectory() as folder:
        environ = {**os.environ, "NEWSDIGEST_DATA_DIR": folder, "NO_COLOR": "1"}
        seconds_to_prompt(environ)  # creates the store: the timed runs are restarts
        return compare_startup(lambda: seconds_to_prompt(environ), repeats)
