"""Errors the summarizer raises for bad input or bad arguments: each carries one readable line."""

from __future__ import annotations

__all__ = ["InputError", "SummarizerError", "UsageError"]


class SummarizerError(Exception):
    """Base class: ``str(error)`` is a short message fit for a user, never a traceback."""


class InputError(SummarizerError):
    """The input cannot be used: empty, binary, too large, unreadable, unreachable, malformed."""


class UsageError(SummarizerError):
    """The arguments are wrong: unknown method, impossible length, conflicting options."""
