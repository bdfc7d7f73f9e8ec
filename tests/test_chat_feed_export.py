"""``feeds export`` from chat on Discord and Slack: the channel's feeds as an OPML file in a code
block that reads back whole."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from discord_fixtures import running, services_for
from fakes.discord_server import EDITOR_ID, MANAGE_CHANNELS, VIEW_AND_SEND, fake_discord
from slack_fixtures import ADMIN, serve_slack

from bot.core.app import build_registry
from bot.feeds.opml import parse_opml

__all__ = ["fake_discord"]

NOW = datetime(2026, 12, 1, tzinfo=UTC)
FEEDS = ["https://wire.example/world_news.rss", "https://desk.example/feed?region=sahel&format=rss"]


def code_of(text: str) -> str:
    return "".join(re.findall(r"```\n?(.*?)\n?```", text, re.DOTALL))


async def test_discord_managers_get_the_feeds_as_an_opml_code_block(fake_discord, tmp_path, caplog) -> None:
    services = services_for(Path(tmp_path / "no-seeds"), tmp_path)
    assert services.store is not None
    for url in FEEDS:
        services.store.add_feed(url, now=NOW)
    async with running(fake_discord, build_registry(), services, caplog):
        export = {"id": "8", "name": "feeds", "type": 1,
                  "options": [{"name": "action", "type": 3, "value": "export"}]}
        token = await fake_discord.send_interaction(2, export, user_id=EDITOR_ID,
                                                    permissions=VIEW_AND_SEND | MANAGE_CHANNELS)
        [answer] = await fake_discord.wait_for(lambda r: token in r.path)
    data = answer.body["data"]
    assert data["content"] == "**Feeds here as OPML: 2**"
    document = code_of("".join(embed.get("description") or "" for embed in data["embeds"]))
    assert [feed.url for feed in parse_opml(document.encode())] == FEEDS


async def test_slack_managers_get_the_feeds_as_an_opml_code_block(tmp_path: Path) -> None:
    services = services_for(tmp_path / "no-seeds", tmp_path)
    assert services.store is not None
    for url in FEEDS:
        services.store.add_feed(url, now=NOW)
    async with serve_slack(build_registry(), services) as slack:
        await slack.slash("/feeds", "export", user=ADMIN)
        [answer] = await slack.fake.wait_for("response_url")
    shown = "".join(block["text"]["text"] for block in answer.payload["blocks"] if "text" in block)
    document = code_of(shown).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert [feed.url for feed in parse_opml(document.encode())] == FEEDS
    assert json.dumps(answer.payload).count("```") == 2
