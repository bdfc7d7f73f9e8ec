"""Every registry command is reachable on every platform (console, Discord, Slack).

The names come from the core's registry; each adapter is built the way it serves and asked, through
its platform's own interface, for every one of them. The handlers answer with their own name, so a
reply proves the request reached that command.
"""

from __future__ import annotations

import dataclasses
import json
from types import SimpleNamespace
from typing import Any

from slack_fixtures import OWNER, serve_slack

from bot.adapters.console import Console
from bot.adapters.discord_bot import NewsBot
from bot.adapters.slack_bot import slash_names
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.registry import Invocation, Registry
from bot.core.reply import Reply

SERVICES: Any = SimpleNamespace(settings=Settings(), store=None)


async def _name(inv: Invocation, services: Any) -> Reply:
    """Answers with the command's name."""
    return Reply(title=f"ran {inv.command}")


def echo_registry() -> Registry:
    """The bot's registry with every handler answering its command's name."""
    echo = Registry()
    for command in build_registry().commands():
        echo.add(dataclasses.replace(command, handler=_name))
    return echo


def test_the_registry_holds_the_main_commands() -> None:
    names = {command.name for command in build_registry().commands()}
    assert {"summary", "incident", "digest", "sources", "search", "help", "reload"} <= names


async def test_every_command_is_reachable_on_the_console() -> None:
    registry = echo_registry()
    console = Console(registry, SERVICES, interactive=False, color=False, user="me")
    for command in registry.commands():
        for typed in (command.name, f"!{command.name}", f"/{command.name}"):
            assert await console.answer(typed) == f"ran {command.name}", typed


def test_every_command_is_a_discord_prefix_and_slash_command() -> None:
    registry = echo_registry()
    bot = NewsBot(registry, SERVICES)
    names = {command.name for command in registry.commands()}
    assert {command.name for command in bot.commands} == names
    assert {command.name for command in bot.tree.get_commands()} == names


async def test_every_command_is_a_slack_slash_command() -> None:
    registry = echo_registry()
    async with serve_slack(registry) as slack:
        for number, (name, slash) in enumerate(slash_names(registry).items(), start=1):
            assert (await slack.slash(slash, user=OWNER))[0] == 200, slash
            answer = (await slack.fake.wait_for("response_url", count=number))[-1]
            assert f"ran {name}" in json.dumps(answer.payload), slash
