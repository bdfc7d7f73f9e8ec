"""The method registry: one name maps to a description and a sentence scorer."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from summarizer.document import Document
from summarizer.errors import UsageError

__all__ = ["Method", "Options", "Scorer", "lookup", "register", "registered"]

Options = Mapping[str, object]


Scorer = Callable[[Document, Options], Sequence[float]]
"""Rates every sentence of a non-empty document (higher is better; equal scores favour earlier ones)."""


@dataclass(frozen=True, slots=True)
class Method:
    """A named summarization method: what it does, how it scores, which options it accepts."""

    name: str
    description: str
    scorer: Scorer
    options: frozenset[str] = field(default_factory=frozenset)


_METHODS: dict[str, Method] = {}


def register(method: Method) -> Method:
    """Add ``method`` to the registry (a name may be registered once)."""
    if method.name in _METHODS:
        raise ValueError(f"method {method.name!r} is already registered")
    _METHODS[method.name] = method
    return method


def registered() -> dict[str, Method]:
    """All registered methods, by name, in registration order."""
    return dict(_METHODS)


def lookup(name: str) -> Method:
    """The method called ``name``; an unknown name raises ``UsageError`` listing the valid ones."""
    try:
        return _METHODS[name]
    except KeyError:
        valid = ", ".join(_METHODS)
        raise UsageError(f"unknown method {name!r}; choose one of: {valid}") from None
