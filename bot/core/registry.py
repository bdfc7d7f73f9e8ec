"""The command registry: every command declared once, parsed once, dispatched once.

Adapters build their platform commands (discord prefix and slash commands, Slack slash commands
and mentions, console lines) from ``Registry.commands()`` and call ``Registry.dispatch``.
"""

from __future__ import annotations

import enum
import inspect
import io
import logging
import re
import shlex
from collections.abc import Awaitable, Callable, Container, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from bot import metrics
from bot.core.format import shorten
from bot.core.mentions import GroupDirectory
from bot.core.reply import Reply
from bot.core.spelling import Spelling

__all__ = [
    "ArgumentError",
    "Command",
    "Invocation",
    "ManagerStatus",
    "Param",
    "Permission",
    "Registry",
    "RetryLater",
    "split_words",
    "unknown_command",
]

log = logging.getLogger(__name__)

ParamType = type[str] | type[int] | type[float] | type[bool] | type[date]
Handler = Callable[["Invocation", Any], Awaitable[Reply]]
H = TypeVar("H", bound=Handler)


class ArgumentError(ValueError):
    """A command line that does not fit the command's parameters (``usage``: the command's usage line)."""

    def __init__(self, message: str, usage: str | None = None) -> None:
        super().__init__(message)
        self.usage = usage


def unknown_command(name: str, spelling: Spelling | None = None) -> str:
    """The one message for a command name nobody registered (a long name is cut), naming the help
    command as the platform's users type it (``spelling``)."""
    return f"Unknown command {shorten(name, 40)!r}. Try {(spelling or Spelling()).typed('help')}."


_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
_HELP_FLAGS = frozenset({"--help", "-h"})  # after a command name: that command's help


class Quoted(str):
    """A word the user put in quotes: always a word, never an option."""

    __slots__ = ()


def _typed_dashes(word: str, flags: Container[str]) -> str:
    """``word`` with an opening em or en dash read as ``--`` when that makes it one of ``flags``:
    phones and word processors turn a typed ``--sentences`` into ``—sentences``."""
    if word[:1] not in ("—", "–") or isinstance(word, Quoted):
        return word
    dashed = "--" + word[1:]
    return dashed if dashed.partition("=")[0] in flags else word


def _is_misspelt_option(word: str, flags: Container[str]) -> bool:
    """Whether an unquoted ``word`` looks like an option typed with one dash: ``-n``, or
    ``-sentences`` for ``--sentences``; other words starting with a dash (``-ism``, ``-5``) are words."""
    if word[:1] != "-" or isinstance(word, Quoted):
        return False
    return re.fullmatch(r"-[a-zA-Z]", word) is not None or "-" + word.partition("=")[0] in flags


def split_words(line: str) -> list[str]:
    """Split a typed line into words: quoted phrases stay whole (as ``Quoted``), typographic quotes
    count as quotes.

    An apostrophe inside a word (``Assad's``) is a letter, not an opening quote: when a line does not
    split as a shell would, it is split again with only double quotes quoting.
    """
    line = line.translate(_SMART_QUOTES)
    try:
        return _lex(line, quotes="'\"", escape="\\")
    except ValueError:
        pass
    try:
        return _lex(line, quotes='"', escape="")
    except ValueError as exc:
        raise ArgumentError(f"Cannot read the arguments: {exc}.") from None


def _lex(line: str, *, quotes: str, escape: str) -> list[str]:
    """Split ``line`` as a POSIX shell would, with these quote and escape characters; a word that
    opens with a quote is ``Quoted``."""
    stream = io.StringIO(line)
    lexer = shlex.shlex(stream, posix=True)
    lexer.whitespace_split = True
    lexer.quotes = quotes
    lexer.escape = escape
    lexer.commenters = ""
    words: list[str] = []
    while True:
        ahead = line[stream.tell():].lstrip(lexer.whitespace)[:1]
        word = lexer.get_token()
        if word is None:
            return words
        words.append(Quoted(word) if ahead and ahead in quotes else word)


@dataclass(frozen=True, slots=True)
class RetryLater:
    """A manager status the platform will not look up for ``seconds`` more (it is rate limited)."""

    seconds: int


# True or False; None: the lookup failed (ask again at once); RetryLater: ask again after a while
ManagerStatus = bool | RetryLater | None


class Permission(enum.Enum):
    """Who may run a command."""

    EVERYONE = "everyone"
    MANAGER = "manager"  # a channel manager in its channel (never in a direct message), or an owner
    OWNER = "owner"  # the operator: the console, or an account in NEWSDIGEST_OWNERS

    def allows(self, invocation: Invocation) -> bool:
        """Whether the invocation's user may run a command needing this permission."""
        if self is Permission.EVERYONE or invocation.is_owner:
            return True
        return self is Permission.MANAGER and invocation.is_manager is True

    def refusal(self, command: str, invocation: Invocation) -> str:
        """The one short reply for a user this permission refuses (a manager status that could
        not be looked up gets its own, so the user knows to try again, and when)."""
        status = invocation.is_manager
        if self is Permission.MANAGER and not isinstance(status, bool):
            when = f"in {status.seconds} s" if isinstance(status, RetryLater) else "in a moment"
            return f"Sorry, I couldn't check your permissions; try again {when}."
        who = "the bot's operator" if self is Permission.OWNER else "channel managers"
        return f"Sorry, only {who} may use {command} here."


@dataclass(frozen=True, slots=True)
class Param:
    """A typed parameter. Positional ones come first; ``rest`` takes all remaining words;
    ``verbatim`` (a command's only parameter) takes the rest of the line as typed, quotes and line
    breaks included, for a pasted document."""

    name: str
    type: ParamType = str
    help: str = ""
    default: Any = None
    positional: bool = False
    rest: bool = False
    verbatim: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    @property
    def flag(self) -> str:
        """The option spelling, e.g. ``--sentences``."""
        return "--" + self.name.replace("_", "-")

    def convert(self, raw: str) -> Any:
        """Turn one raw word into this parameter's type, or raise ``ArgumentError``."""
        try:
            value = _CONVERTERS[self.type](raw)
        except ValueError:
            kind = {int: "a whole number", float: "a number", date: "a date (YYYY-MM-DD)",
                    bool: "yes or no"}.get(self.type, "text")
            raise ArgumentError(f"{self.name} must be {kind}, not {raw!r}") from None
        if self.choices and value not in self.choices:
            raise ArgumentError(f"{self.name} must be one of: {', '.join(self.choices)}")
        if self.minimum is not None and value < self.minimum:
            raise ArgumentError(f"{self.name} must be at least {self.minimum:g}")
        if self.maximum is not None and value > self.maximum:
            raise ArgumentError(f"{self.name} must be at most {self.maximum:g}")
        return value


def _parse_bool(raw: str) -> bool:
    """Read yes/no words as a bool."""
    lowered = raw.lower()
    if lowered in {"1", "true", "yes", "on", "y"}:
        return True
    if lowered in {"0", "false", "no", "off", "n"}:
        return False
    raise ValueError(raw)


_CONVERTERS: dict[ParamType, Callable[[str], Any]] = {
    str: str,
    int: int,
    float: float,
    bool: _parse_bool,
    date: date.fromisoformat,
}


@dataclass(frozen=True, slots=True)
class Command:
    """A command: its name, handler, parameters and permission; its help is the handler's docstring."""

    name: str
    handler: Handler
    params: tuple[Param, ...] = ()
    permission: Permission = Permission.EVERYONE
    aliases: tuple[str, ...] = ()
    slow: bool = False  # adapters defer the reply (Discord's 3-second deadline)
    # the arguments for which the handler itself keeps the action for managers (feeds add, ...)
    manager_action: Callable[[Mapping[str, Any]], bool] | None = None

    @property
    def help(self) -> str:
        """The one-line help: the first paragraph of the handler's docstring, without its full stop."""
        first = (inspect.getdoc(self.handler) or "").split("\n\n", 1)[0]
        return " ".join(first.split()).removesuffix(".")

    @property
    def verbatim(self) -> Param | None:
        """The parameter that takes the rest of the line as typed, when the command has one."""
        return next((p for p in self.params if p.verbatim), None)

    def needs_manager_status(self, args: Mapping[str, Any]) -> bool:
        """Whether running this command with ``args`` needs to know if the user is a channel manager."""
        if self.permission is Permission.MANAGER:
            return True
        return self.manager_action is not None and self.manager_action(args)

    @property
    def usage(self) -> str:
        """One usage line generated from the parameters."""
        parts = [self.name]
        for p in self.params:
            if p.positional:
                label = f"{p.name}..." if p.rest else p.name
                parts.append(f"[{label}]")
            else:
                parts.append(f"[{p.flag} {p.name.upper()}]" if p.type is not bool else f"[{p.flag}]")
        return " ".join(parts)

    def parse(self, words: list[str]) -> dict[str, Any]:
        """Parse split words (``--flag value`` or ``--flag=value``, positionals in order)."""
        by_flag = {p.flag: p for p in self.params}
        positionals = [p for p in self.params if p.positional]
        values: dict[str, Any] = {}
        loose: list[str] = []
        i = 0
        while i < len(words):
            word = _typed_dashes(words[i], by_flag)
            if word.startswith("--") and len(word) > 2 and not isinstance(word, Quoted):
                name, eq, inline = word.partition("=")
                param = by_flag.get(name)
                if param is None:
                    raise ArgumentError(f"unknown option {name}")
                if param.type is bool and not eq:
                    values[param.name] = True
                else:
                    if not eq:
                        i += 1
                        if i >= len(words):
                            raise ArgumentError(f"{name} needs a value")
                        inline = words[i]
                    values[param.name] = param.convert(inline)
            elif _is_misspelt_option(word, by_flag):
                raise ArgumentError(f"unknown option {shorten(word, 40)}; options start with --")
            else:
                loose.append(word)
            i += 1
        for param in positionals:
            if not loose:
                break
            if param.rest:
                values[param.name] = param.convert(" ".join(loose))
                loose = []
            else:
                values[param.name] = param.convert(loose.pop(0))
        if loose:
            raise ArgumentError(f"unexpected argument {loose[0]!r}")
        for param in self.params:
            values.setdefault(param.name, param.default)
        return values


@dataclass(frozen=True, slots=True)
class Invocation:
    """One request to run a command: who, where, and the parsed arguments."""

    command: str
    args: Mapping[str, Any]
    platform: str  # "console", "discord", "slack"
    channel: str
    user: str
    workspace: str | None = None
    # manages this channel (Discord Manage Channels, Slack admins or list); None: the platform
    # could not tell (a failed lookup, or one rate limited: RetryLater), so manager actions are
    # refused with a "try again"
    is_manager: ManagerStatus = False
    extra: Mapping[str, Any] = field(default_factory=dict)
    is_owner: bool = False  # the operator (console, NEWSDIGEST_OWNERS): global feeds and reload
    groups: GroupDirectory | None = None  # the platform's roles or user groups, where it has them
    spelling: Spelling = field(default_factory=Spelling)  # how command names are typed there


class Registry:
    """All commands by name and alias."""

    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}
        self._names: dict[str, str] = {}

    def add(self, command: Command) -> None:
        """Register a command; names and aliases must be unique, and every handler needs a docstring."""
        if not command.help:
            raise ValueError(f"command {command.name!r} has no help: give its handler a docstring")
        for name in (command.name, *command.aliases):
            if name in self._names:
                raise ValueError(f"command name {name!r} is already taken")
            self._names[name] = command.name
        self._commands[command.name] = command

    def command(
        self,
        name: str,
        *params: Param,
        permission: Permission = Permission.EVERYONE,
        aliases: tuple[str, ...] = (),
        slow: bool = False,
    ) -> Callable[[H], H]:
        """Decorator form of ``add``."""

        def register(handler: H) -> H:
            self.add(Command(name, handler, params, permission, aliases, slow))
            return handler

        return register

    def commands(self) -> list[Command]:
        """Every command, in registration order."""
        return list(self._commands.values())

    def get(self, name: str) -> Command | None:
        """The command with this name or alias."""
        key = self._names.get(name.lower())
        return self._commands[key] if key else None

    def parse_line(self, line: str, spelling: Spelling | None = None) -> tuple[Command, dict[str, Any]]:
        """Parse ``summary --sentences 2 "some title"`` into a command and its arguments; the command
        name may be typed as the platform spells it (``spelling``: ``/newssearch``, ``!summary``).

        Raises ``ArgumentError``; when the command is known, the error carries its usage line.
        ``summary --help`` (or ``-h``) is ``help summary``.
        """
        spelling = spelling or Spelling()
        first, *rest = line.split(maxsplit=1) or [""]
        pasted = self.get(spelling.command_name(first))
        verbatim = pasted.verbatim if pasted is not None else None
        if pasted is not None and verbatim is not None:  # a pasted document: no words to split
            text = rest[0].strip() if rest else ""
            if (asked := self._help_asked(pasted, [text])) is not None:
                return asked
            return pasted, {verbatim.name: verbatim.convert(text) if text else verbatim.default}
        words = split_words(line)
        if not words:
            raise ArgumentError(f"No command given. Try {spelling.typed('help')}.")
        command = self.get(spelling.command_name(words[0]))
        if command is None:
            raise ArgumentError(unknown_command(words[0], spelling))
        if (asked := self._help_asked(command, words[1:])) is not None:
            return asked
        try:
            return command, command.parse(words[1:])
        except ArgumentError as exc:
            raise ArgumentError(str(exc), usage=command.usage) from None

    def _help_asked(self, command: Command, words: list[str]) -> tuple[Command, dict[str, Any]] | None:
        """The ``help`` command for ``command`` when ``--help`` or ``-h`` (``—help`` too) is one of its
        unquoted words (for a command that takes a pasted document, its whole text)."""
        helper = self.get("help")
        if helper is None or not any(
            _typed_dashes(word, _HELP_FLAGS) in _HELP_FLAGS and not isinstance(word, Quoted) for word in words
        ):
            return None
        return helper, helper.parse([command.name])

    async def run_line(
        self,
        line: str,
        services: Any,
        *,
        platform: str,
        channel: str,
        user: str,
        workspace: str | None = None,
        is_manager: ManagerStatus | Callable[[], Awaitable[ManagerStatus]] = False,
        is_owner: bool = False,
        extra: Mapping[str, Any] | None = None,
        groups: GroupDirectory | None = None,
        spelling: Spelling | None = None,
    ) -> Reply:
        """Parse a typed line (without the prefix) and dispatch it; a bad line gets an error reply
        with the command's usage line, never an exception. ``is_manager`` may be a lookup, then
        awaited only for commands that need it; ``spelling`` is how the platform's users type
        command names (for ``help``)."""
        try:
            command, args = self.parse_line(line, spelling)
        except ArgumentError as exc:
            return Reply.failure(str(exc), usage=exc.usage)
        if callable(is_manager):
            is_manager = await is_manager() if command.needs_manager_status(args) else False
        invocation = Invocation(command.name, args, platform, channel, user, workspace, is_manager,
                                extra or {}, is_owner, groups, spelling or Spelling())
        return await self.dispatch(invocation, services)

    async def dispatch(self, invocation: Invocation, services: Any) -> Reply:
        """Run a command and turn every failure into an error reply (never a traceback)."""
        command = self.get(invocation.command)
        if command is None:
            return Reply.failure(unknown_command(invocation.command, invocation.spelling))
        if not command.permission.allows(invocation):
            return Reply.failure(command.permission.refusal(command.name, invocation))
        try:
            with metrics.COMMAND_SECONDS.labels(command=command.name).time():
                return await command.handler(invocation, services)
        except ArgumentError as exc:
            return Reply.failure(str(exc), usage=command.usage)
        except Exception:
            log.exception("command %s failed", command.name)
            return Reply.failure(f"Something went wrong running {command.name}; it has been logged.")
