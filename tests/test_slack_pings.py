"""Alert pings on Slack: a manager names a user group (checked with ``usergroups.list``); the alert
post mentions exactly that group; article text still pings nobody."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from discord_fixtures import services_for
from fakes.recording_sender import FakeClock
from fakes.slack_api import ANALYSTS_GROUP_ID
from incident_fixtures import store_incidents
from slack_fixtures import ADMIN, CHANNEL, USER, serve_slack

from bot.adapters.slack_client import web_client
from bot.adapters.slack_groups import SlackUserGroups
from bot.adapters.slack_render import unescape_incoming
from bot.adapters.slack_sender import SlackSender
from bot.core.app import build_registry
from bot.core.mentions import MentionError
from bot.scheduler import CorpusComposer, Scheduler
from bot.vocabulary import Ping
from summarizer.articles.model import Article, content_id

STORY = ("Rebel fighters shelled the market in Idlib on Monday <!channel>. Local medics said four people "
         "were killed <!subteam^S0OTHERS> and nine wounded @everyone.")


async def test_a_manager_sets_a_group_ping_and_only_alerts_mention_it(tmp_path: Path) -> None:
    services = services_for(tmp_path / "no-seeds", tmp_path)
    store = services.store
    assert store is not None
    async with serve_slack(build_registry(), services) as slack:
        refusals = [(ADMIN, "@ghosts", "this workspace has no user group '@ghosts'; nothing changed"),
                    (USER, "@analysts", "only channel managers")]
        for number, (user, group, message) in enumerate(refusals, start=1):
            await slack.slash("/subscribe", f"daily 08:00 --alert 2 --ping {group}", user=user)
            answers = await slack.fake.wait_for("response_url", count=number)
            assert message in answers[-1].payload["text"]
        slack.fake.usergroups_error = "missing_scope"
        await slack.slash("/subscribe", "daily 08:00 --alert 2 --ping @analysts", user=ADMIN)
        answers = await slack.fake.wait_for("response_url", count=3)
        assert "needs the usergroups:read scope" in answers[-1].payload["text"]
        slack.fake.usergroups_error = None
        slack.fake.fail("usergroups.list", 503)  # a proxy's HTML page, not Slack's JSON
        await slack.slash("/subscribe", "daily 09:00 --alert 2 --ping @analysts", user=ADMIN)
        answers = await slack.fake.wait_for("response_url", count=4)
        assert "Slack did not answer; try again in a minute; nothing changed" in answers[-1].payload["text"]
        assert store.subscriptions() == []

        await slack.slash("/subscribe", "daily 08:00 --alert 2 --ping @Analysts", user=ADMIN)
        answers = await slack.fake.wait_for("response_url", count=5)
        assert "pinging @analysts" in json.dumps(answers[-1].payload)
        [subscription] = store.subscriptions()
        assert subscription.ping == Ping(ANALYSTS_GROUP_ID, "analysts")
        assert subscription.destination.channel == CHANNEL

        clock = FakeClock(services.clock() + timedelta(seconds=1))
        store.add_article(Article(id=content_id(STORY), title="Market shelled in Idlib", text=STORY,
                                  source="Wire", url="https://news.example/idlib", published=clock()),
                          fetched_at=clock(), listed_at=clock())
        [stored] = store.articles()
        store_incidents(store, stored.id, [{"fatalities": 4}], now=clock())
        sender = SlackSender.connect("xoxb-test", slack.fake.api_url)
        scheduler = Scheduler(store, {"slack": sender}, CorpusComposer(services.corpus), clock=clock,
                              sleep=clock.sleep, worker="test")
        assert [(o.kind, o.state) for o in await scheduler.run_once()] == [("alert", "sent")]

        [alert] = slack.fake.calls_to("chat.postMessage")
    mention = f"<!subteam^{ANALYSTS_GROUP_ID}> "
    assert alert.payload["text"].startswith(mention + "Alert: 4 fatalities reported")
    blocks = json.dumps(alert.payload["blocks"], ensure_ascii=False)
    assert blocks.count("<!subteam^") == 1
    assert alert.payload["blocks"][0]["text"]["text"].startswith(mention)
    assert "Market shelled in Idlib" in blocks
    assert "<!channel>" not in blocks
    assert "@everyone" not in blocks


async def test_groups_are_found_by_id_handle_or_formatted_mention(tmp_path: Path) -> None:
    async with serve_slack() as slack:
        groups = SlackUserGroups(web_client("xoxb-test", slack.fake.api_url, retry_rate_limits=False))
        expected = Ping(ANALYSTS_GROUP_ID, "analysts")
        for typed in (ANALYSTS_GROUP_ID, "analysts", "Analysts",
                      unescape_incoming(f"<!subteam^{ANALYSTS_GROUP_ID}>"),
                      unescape_incoming(f"<!subteam^{ANALYSTS_GROUP_ID}|@analysts>")):
            assert await groups.find(typed) == expected, typed
        with pytest.raises(MentionError, match="no user group '@here'"):
            await groups.find(unescape_incoming("<!here>"))
