"""``import-opml`` from chat: a manager pastes an OPML file and the channel follows its feeds, all of
them or, when anything in the file is wrong, none; on Discord, Slack and the console."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from discord_fixtures import running, services_for
from fakes.discord_server import APPLICATION_ID, EDITOR_ID, MANAGE_CHANNELS, VIEW_AND_SEND, fake_discord
from slack_fixtures import ADMIN, CHANNEL, USER, serve_slack

from bot.core.app import build_registry
from bot.core.reply import Reply
from bot.core.services import Services
from bot.core.subscription_commands import CHAT_IMPORT_FEEDS
from bot.vocabulary import Destination

__all__ = ["fake_discord"]

FEEDS = ["https://8.8.8.8/world.rss", "https://8.8.4.4/feed?region=sahel&format=rss"]


def opml(urls: list[str], *, extra: str = "") -> str:
    outlines = "".join(
        f'\n    <outline type="rss" text="Feed {n}" title="Feed {n}" xmlUrl="{url.replace("&", "&amp;")}"/>'
        for n, url in enumerate(urls, 1)
    )
    head = f'<?xml version="1.0"?>{extra}\n<opml version="2.0">\n  <head><title>Mine</title></head>'
    return f'{head}\n  <body>\n    <outline text="News">{outlines}\n    </outline>\n  </body>\n</opml>'


def followed(services: Services, here: Destination) -> list[str]:
    assert services.store is not None
    return [feed.url for feed in services.store.feeds(here) if not feed.operator]


async def ask(services: Services, line: str, *, manager: bool = True) -> Reply:
    return await build_registry().run_line(line, services, platform="console", channel="console", user="me",
                                           is_manager=manager)


async def test_a_pasted_file_in_a_code_block_adds_every_feed_once(tmp_path: Path) -> None:
    services = services_for(tmp_path / "no-seeds", tmp_path)
    here = Destination("console", "console")
    reply = await ask(services, f"import-opml ```xml\n{opml(FEEDS)}\n```")
    assert reply.title == "Imported 2 feeds of 2"
    assert followed(services, here) == FEEDS
    again = await ask(services, f"import-opml {opml(FEEDS)}")
    assert again.title == "Imported 0 feeds of 2"
    assert again.footer is not None
    assert again.footer.startswith("2 already followed here")


@pytest.mark.parametrize(("document", "message"), [
    (opml([*FEEDS, "http://127.0.0.1:8080/feed.xml"]), "127.0.0.1"),
    (opml(FEEDS, extra='<!DOCTYPE opml [<!ENTITY x "y">]>'), "DTD"),
    (opml([f"https://8.8.8.8/{n}.rss" for n in range(CHAT_IMPORT_FEEDS + 1)]), "more than 100 at once"),
    ("<opml version='2.0'><body><outline text='No address'/></body></opml>", "has no xmlUrl"),
    ("feeds: https://8.8.8.8/world.rss", "not XML"),
])
async def test_a_bad_file_imports_nothing_and_says_why(tmp_path: Path, document: str, message: str) -> None:
    services = services_for(tmp_path / "no-seeds", tmp_path)
    reply = await ask(services, f"import-opml {document}")
    assert reply.error
    assert message in reply.title
    assert reply.title.endswith("nothing imported.")
    assert followed(services, Destination("console", "console")) == []


async def test_only_managers_import_and_an_empty_paste_gets_the_usage(tmp_path: Path) -> None:
    services = services_for(tmp_path / "no-seeds", tmp_path)
    refused = await ask(services, f"import-opml {opml(FEEDS)}", manager=False)
    assert refused.error
    assert "manager" in refused.title
    empty = await ask(services, "import-opml")
    assert empty.error
    assert "paste the OPML file" in empty.title
    assert followed(services, Destination("console", "console")) == []


async def test_discord_slash_command_imports_a_pasted_file(fake_discord, tmp_path, caplog) -> None:
    services = services_for(tmp_path / "no-seeds", tmp_path)
    async with running(fake_discord, build_registry(), services, caplog):
        command = {"id": "9", "name": "import-opml", "type": 1,
                   "options": [{"name": "opml", "type": 3, "value": opml(FEEDS[:1])}]}
        token = await fake_discord.send_interaction(2, command, user_id=EDITOR_ID,
                                                    permissions=VIEW_AND_SEND | MANAGE_CHANNELS)
        [answer] = await fake_discord.wait_for(lambda r: r.path == f"/webhooks/{APPLICATION_ID}/{token}")
    assert "Imported 1 feed of 1" in json.dumps(answer.body)
    [feed] = [f for f in services.store.feeds() if not f.operator] if services.store else []
    assert feed.url == FEEDS[0]


async def test_slack_slash_command_imports_a_pasted_file(tmp_path: Path) -> None:
    services = services_for(tmp_path / "no-seeds", tmp_path)
    # as Slack sends typed text: &, < and > escaped
    document = opml(FEEDS).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    async with serve_slack(build_registry(), services) as slack:
        await slack.slash("/import-opml", document, user=USER)
        await slack.slash("/import-opml", f"```{document}```", user=ADMIN)
        refused, imported = await slack.fake.wait_for("response_url", 2)
    assert "only channel managers" in json.dumps(refused.payload)
    assert "Imported 2 feeds of 2" in json.dumps(imported.payload)
    assert services.store is not None
    assert {f.url for f in services.store.feeds() if not f.operator} == set(FEEDS)
    followers = {d.channel for f in services.store.feeds() for d in services.store.feed_followers(f.id)}
    assert followers == {CHANNEL}
