"""How a platform's users type command names (``!summary``, ``/newssearch``), for ``help``.

Kept apart from the registry so that the console can name its spelling before anything heavy
is imported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Spelling"]


@dataclass(frozen=True, slots=True)
class Spelling:
    """How a platform's users type command names: after one of ``prefixes`` (Discord's ``!``, a
    slash command's ``/``) or as one of the platform's own ``names`` (typed name -> the registry's
    name: Slack's ``/newssearch`` for ``search``); replies name commands with ``shown``."""

    prefixes: tuple[str, ...] = ()
    names: Mapping[str, str] = field(default_factory=dict)
    shown: str = ""  # the prefix replies put before a command name (Discord's ``!``; none in the console)

    def typed(self, name: str) -> str:
        """How a user types the registry command ``name`` here: ``/newshelp``, ``!help``, ``help``."""
        own = next((typed for typed, named in self.names.items() if named == name), None)
        return own if own is not None else f"{self.shown}{name}"

    def command_name(self, typed: str) -> str:
        """The registry name (or alias) ``typed`` stands for; ``typed`` itself when it is none of
        the platform's spellings."""
        named = self.names.get(typed.lower())
        if named is not None:
            return named
        prefix = next((p for p in self.prefixes if typed.startswith(p) and len(typed) > len(p)), "")
        return typed[len(prefix):]
