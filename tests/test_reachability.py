"""Every registry command is reachable on every platform (console, Discord, Slack)."""

from __future__ import annotations

import importlib

import pytest

from bot.core.app import build_registry

ADAPTERS = ["bot.adapters.console", "bot.adapters.discord_bot", "bot.adapters.slack_bot"]


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_every_command_is_reachable(adapter: str) -> None:
    registry = build_registry()
    names = {command.name for command in registry.commands()}
    assert {"summary", "incident", "digest", "sources", "search", "help", "reload"} <= names
    reachable = importlib.import_module(adapter).command_names(registry)
    assert names - reachable == set(), f"{adapter} cannot reach {sorted(names - reachable)}"
