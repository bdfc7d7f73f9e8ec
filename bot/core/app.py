"""The whole command set: every command module registers into one registry."""

from __future__ import annotations

from bot.core import commands, subscription_commands
from bot.core.registry import Registry

__all__ = ["build_registry"]


def build_registry() -> Registry:
    """A registry holding every command the bot serves, on every platform."""
    registry = Registry()
    commands.register(registry)
    subscription_commands.register(registry)
    return registry
