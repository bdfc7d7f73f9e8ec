"""The terminal adapter: ``newsbot console``.

Reads command lines from a terminal (readline history, a prompt) or from piped stdin, with or
without the command prefix, and prints each reply: coloured on a terminal, plain when piped.
The local user is the operator (a manager and an owner). ``ConsoleSender`` prints scheduled
digests the same way.

``newsbot console`` shows its prompt at once: the command set, the store and the corpus are opened
in a background thread (``Startup``), and the first command waits until they are ready. Nothing
heavy (the store's libraries, the summarizer's pipeline) is imported before the prompt.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.adapters.console_stop import StopOnTerminate
from bot.config import Settings
from bot.core.reply import Field, Reply, Section
from bot.core.shutdown_grace import SHUTDOWN_GRACE
from bot.core.spelling import Spelling
from bot.vocabulary import Destination
from summarizer.terminal import printable

if TYPE_CHECKING:
    import asyncio

    from bot.core.registry import Registry
    from bot.core.services import Services

__all__ = ["Console", "ConsoleSender", "Startup", "render", "run"]

_QUIT = frozenset({"quit", "exit", ":q"})


class _Style:
    """ANSI styles, or nothing when colour is off."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def heading(self, text: str) -> str:
        return self._wrap("1;36", text)

    def error(self, text: str) -> str:
        return self._wrap("1;31", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def link(self, text: str) -> str:
        return self._wrap("4;34", text)


def _fields_lines(fields: tuple[Field, ...], style: _Style) -> list[str]:
    inline = [f for f in fields if f.inline]
    lines = []
    if inline:
        lines.append(" · ".join(f"{style.dim(printable(f.name) + ':')} {printable(f.value)}" for f in inline))
    lines.extend(f"{style.dim(printable(f.name) + ':')} {printable(f.value)}" for f in fields if not f.inline)
    return lines


def _section_lines(section: Section, style: _Style, width: int | None) -> list[str]:
    lines: list[str] = []
    if section.title:
        lines.append(style.heading(printable(section.title)))
    if section.code:
        lines.extend(printable(section.body).split("\n"))
    for paragraph in printable(section.body).split("\n") if section.body and not section.code else ():
        lines.extend(_wrap(paragraph, width, "  ", "  "))
    for bullet in section.bullets:
        lines.extend(_wrap(printable(bullet), width, "  • ", "    "))
    lines.extend("  " + line for line in _fields_lines(section.fields, style))
    if section.url:
        lines.append("  " + style.link(printable(section.url)))
    return lines


def _wrap(text: str, width: int | None, first: str, rest: str) -> list[str]:
    if width is None or not text:
        return [first + text]
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first]


def render(reply: Reply, *, color: bool = False, width: int | None = None) -> str:
    """A reply as terminal text: title, sections, links, footer (wrapped to ``width`` when given)."""
    style = _Style(color)
    title = printable(reply.title)
    lines = [style.error("Error: " + title) if reply.error else style.bold(title)]
    for section in reply.sections:
        block = _section_lines(section, style, width)
        if block:
            if section.title:
                lines.append("")
            lines.extend(block)
    for link in reply.links:
        lines.append(f"→ {printable(link.label)}: {style.link(printable(link.url))}")
    if reply.footer:
        lines.append(style.dim(printable(reply.footer)))
    return "\n".join(lines)


class ConsoleSender:
    """Prints scheduled digests to a stream (the console's ``Sender``)."""

    platform = "console"

    def __init__(self, stream: TextIO | None = None, *, color: bool | None = None) -> None:
        self._stream = stream or sys.stdout
        self._color = _use_color(self._stream) if color is None else color

    async def post(self, destination: Destination, reply: Reply, *, key: str | None = None,
                   retry: bool = False) -> None:
        """Print ``reply`` under a line naming its channel (a console cannot take a post back)."""
        header = f"── to {printable(destination.channel)} ──"
        self._stream.write(f"{header}\n{render(reply, color=self._color)}\n\n")
        self._stream.flush()


def _use_color(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


class Startup:
    """The command set and the services (store opened and migrated, corpus read), built in a
    background thread once ``start`` is called; ``wait`` returns them, or raises what stopped them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._built: tuple[Registry, Services] | None = None
        self._owns_services = False  # built here, so closed here (ready services have an owner)
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._build, name="console-startup", daemon=True)

    @classmethod
    def ready(cls, registry: Registry, services: Services) -> Startup:
        """A start-up already done (no thread)."""
        startup = cls(services.settings)
        startup._built = (registry, services)
        return startup

    def start(self) -> None:
        """Begin building in the background (once; a start-up already done has nothing to build)."""
        if self._built is None and self._thread.ident is None:
            self._thread.start()

    def wait(self) -> tuple[Registry, Services]:
        """The registry and services, once built; raises the error that stopped the build."""
        self.start()
        if self._thread.ident is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._built is not None
        return self._built

    def close(self) -> None:
        """Wait for the start-up, then close the services it built (a start-up given ready
        services leaves them to their owner); raises the error that stopped the build."""
        _, services = self.wait()
        if self._owns_services:
            services.close()

    def _build(self) -> None:
        try:
            from bot.core.app import build_registry  # noqa: PLC0415 (heavy: imported after the prompt)
            from bot.core.services import Services  # noqa: PLC0415

            services = Services.build(self.settings)
            services.corpus.articles()  # reads the seeds now rather than at the first command
            self._built, self._owns_services = (build_registry(), services), True
        except Exception as error:  # handed to the thread that waits
            self._error = error


class Console:
    """One console session: lines in, rendered replies out."""

    def __init__(
        self,
        registry: Registry | None = None,
        services: Services | None = None,
        *,
        startup: Startup | None = None,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        interactive: bool | None = None,
        color: bool | None = None,
        user: str | None = None,
        shutdown_grace: float = SHUTDOWN_GRACE,
    ) -> None:
        """A session over ``registry`` and ``services``, or over what ``startup`` builds (the first
        command waits for it); on SIGTERM the answer under way gets ``shutdown_grace`` seconds."""
        if startup is None:
            if registry is None or services is None:
                raise TypeError("Console needs a registry and services, or a startup")
            startup = Startup.ready(registry, services)
        self.startup = startup
        self.settings = startup.settings
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        if interactive is None:
            interactive = self.stdin.isatty() and self.stdout.isatty()
        self.interactive = interactive
        self.color = _use_color(self.stdout) if color is None else color
        self.user = user or _local_user()
        self.spelling = Spelling(prefixes=(self.settings.prefix, "/"))  # the prefix is optional
        self.shutdown_grace = shutdown_grace

    @property
    def registry(self) -> Registry:
        """The command set (waits for the start-up)."""
        return self.startup.wait()[0]

    @property
    def services(self) -> Services:
        """The services (waits for the start-up)."""
        return self.startup.wait()[1]

    def command_text(self, line: str) -> str | None:
        """The command part of a typed line (prefix optional), or None for blank lines and comments."""
        text = line.strip()
        if not text or text.startswith("#"):
            return None
        for prefix in self.spelling.prefixes:
            if text.startswith(prefix):
                return text[len(prefix) :].strip() or None
        return text

    async def answer(self, line: str) -> str | None:
        """The rendered reply to one typed line (None when there is nothing to answer)."""
        text = self.command_text(line)
        if text is None:
            return None
        reply = await self.registry.run_line(
            text, self.services, platform="console", channel="console", user=self.user, is_manager=True,
            is_owner=True, spelling=self.spelling,
        )
        width = min(shutil.get_terminal_size().columns, 110) if self.interactive else None
        return render(reply, color=self.color, width=width)

    def run(self) -> int:
        """Answer every line until end of input (or ``quit``); returns the exit status. The start-up
        runs meanwhile; it is waited for before the first answer and before leaving, so its error
        (a store that cannot be opened) is raised. The services it built are closed on leaving,
        however the session ends. SIGTERM lets the command under way print its reply, then ends
        the session (``console_stop``)."""
        history = _History(self.settings.data_dir / "console_history") if self.interactive else None
        if self.interactive:
            self._write("newsdigest console · type help, or quit\n")
        self.startup.start()
        runner: asyncio.Runner | None = None
        stop = StopOnTerminate(self.shutdown_grace)
        try:
            with stop.installed():
                for line in self._lines():
                    if line.strip().lower() in _QUIT:
                        break
                    with stop.busy():
                        try:
                            self.startup.wait()  # Ctrl-C may interrupt this wait, like any command
                            runner = runner or _event_loop()
                            output = runner.run(stop.answer(self.answer(line)))
                        except KeyboardInterrupt:
                            self._write("\n(interrupted)\n")
                            continue
                        if output is not None:
                            self._write(output + "\n\n")
                    if stop.requested:
                        break
        finally:
            try:
                if runner is not None:
                    runner.close()
                if history is not None:
                    history.save()
            finally:
                self.startup.close()
        return 0

    def _lines(self) -> Iterator[str]:
        if not self.interactive:
            yield from self.stdin
            return
        while True:
            try:
                yield input("newsdigest> ")
            except EOFError:
                self._write("\n")
                return
            except KeyboardInterrupt:
                self._write("\n")

    def _write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()


class _History:
    """readline history kept under the data directory (when readline is available)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            import readline  # noqa: PLC0415 (optional: absent on some platforms)
        except ImportError:
            self._readline = None
            return
        self._readline = readline
        readline.set_history_length(1000)
        if path.is_file():
            with contextlib.suppress(OSError):
                readline.read_history_file(path)

    def save(self) -> None:
        if self._readline is None:
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._readline.write_history_file(self.path)


def _event_loop() -> asyncio.Runner:
    """The loop every command of the session runs on, made at the first command (asyncio is
    imported after the prompt, by then mostly loaded by the start-up thread)."""
    import asyncio  # noqa: PLC0415

    return asyncio.Runner()


def _local_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "console"


def run(settings: Settings) -> int:
    """``newsbot console``: serve the whole command set in this terminal (the prompt comes first,
    the store and the corpus open behind it); returns the exit status."""
    return Console(startup=Startup(settings)).run()
