"""The Slack app over the REAL registry and services on seeds/: what a Slack user actually gets."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml
from slack_fixtures import CHANNEL, SlackHarness, serve_slack

from bot.adapters.slack_bot import slash_names
from bot.adapters.slack_manifest import MANIFEST_PATH, build_manifest, render_manifest
from bot.adapters.slack_manifest import main as manifest_main
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.services import Services

REPO_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HOSTILE_ARTICLE = """Title: Ping storm <!channel> hits *newsrooms*

Attackers wrote <!channel> and <!here> and @everyone into a story about <@U123> near Qamishli.
A second sentence links <https://evil.example|a harmless label> and `code` for good measure.
The third sentence says _nothing_ and ~strikes~ nobody at all.
"""


def services_for(seeds: Path, tmp_path: Path) -> Services:
    return Services.build(Settings(seeds=seeds, data_dir=tmp_path / "data", fetch_urls=False))


def shown(payload: dict) -> str:
    parts = []
    for block in payload["blocks"]:
        if "text" in block:
            parts.append(block["text"]["text"])
        parts += [f["text"] for f in block.get("fields", []) + block.get("elements", [])]
    return "\n".join(parts)


@pytest.fixture
async def real(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with serve_slack(build_registry(), services_for(REPO_SEEDS, tmp_path)) as harness:
        yield harness


async def test_summary_of_the_seed_article(real: SlackHarness) -> None:
    status, _ = await real.slash("/summary", "--sentences 2")
    assert status == 200
    [answer] = await real.fake.wait_for("response_url", timeout=30)
    assert answer.payload["response_type"] == "in_channel"
    text = shown(answer.payload)
    assert "Qamishli" in text or "convoy" in text
    assert not answer.payload["blocks"][0]["text"]["text"].startswith(":warning:")


async def test_incident_qamishli_gets_an_incident_card(real: SlackHarness) -> None:
    await real.slash("/incident", "Qamishli")
    [answer] = await real.fake.wait_for("response_url", timeout=30)
    text = shown(answer.payload)
    assert "Qamishli" in text
    assert "MRAP" in text or "convoy" in text.lower()


async def test_mention_summary_is_answered_in_thread(real: SlackHarness) -> None:
    await real.mention("<@U0BOT> summary --sentences 1")
    [post] = await real.fake.wait_for("chat.postMessage", timeout=30)
    assert post.payload["channel"] == CHANNEL
    assert post.payload["thread_ts"] == "1700000100.000200"


async def test_help_takes_a_command_by_its_slack_name(real: SlackHarness) -> None:
    """Slack keeps /search for itself: the bot's is /newssearch, and help explains it by that name."""
    await real.slash("/newshelp", "/newssearch")
    [answer] = await real.fake.wait_for("response_url", timeout=30)
    assert "Usage: search" in shown(answer.payload)


async def test_a_mention_takes_the_slash_form_of_a_command(real: SlackHarness) -> None:
    """``@newsdigest /newssearch convoy`` is the search, as ``/newssearch convoy`` is."""
    await real.mention("<@U0BOT> /newssearch convoy")
    [post] = await real.fake.wait_for("chat.postMessage", timeout=30)
    assert post.payload["text"] == "Articles matching 'convoy'"


async def test_reload_is_refused_to_readers(real: SlackHarness) -> None:
    await real.slash("/reload")
    [answer] = await real.fake.wait_for("response_url", timeout=30)
    assert answer.payload["response_type"] == "ephemeral"
    assert "operator" in answer.payload["text"]


async def test_a_hostile_seed_article_pings_nobody(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    async with serve_slack(build_registry(), services_for(seeds, tmp_path)) as slack:
        await slack.slash("/summary")
        await slack.slash("/sources")
        await slack.mention("<@U0BOT> digest", event_id="EvDigest")
        answers = await slack.fake.wait_for("response_url", 2, timeout=30)
        posts = await slack.fake.wait_for("chat.postMessage", timeout=30)
    for call in [*answers, *posts]:
        sent = json.dumps(call.payload, ensure_ascii=False)
        for forbidden in ("<!channel>", "<!here>", "<@U123>", "@everyone", "<https://evil", "*newsrooms*"):
            assert forbidden not in sent, (forbidden, call.payload)
    assert "Ping storm" in json.dumps([a.payload for a in answers], ensure_ascii=False)


def test_the_committed_manifest_lists_every_command_the_app_serves() -> None:
    registry = build_registry()
    committed = MANIFEST_PATH.read_text(encoding="utf-8")
    assert committed == render_manifest(build_manifest(registry)), (
        "bot/adapters/slack_manifest.yaml is stale: python -m bot.adapters.slack_manifest > it")
    manifest = yaml.safe_load(committed)
    listed = {entry["command"] for entry in manifest["features"]["slash_commands"]}
    assert listed == set(slash_names(registry).values())
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "commands", "chat:write", "app_mentions:read", "users:read", "channels:read", "usergroups:read",
        "channels:history", "groups:history", "groups:read", "im:read", "mpim:read"}
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == ["app_mention"]
    assert manifest["settings"]["socket_mode_enabled"] is True


def test_the_http_mode_manifest_posts_commands_and_events_to_the_request_url() -> None:
    url = "https://bot.example.org/slack/events"
    manifest = build_manifest(build_registry(), request_url=url)
    assert manifest["settings"]["socket_mode_enabled"] is False
    assert manifest["settings"]["event_subscriptions"]["request_url"] == url
    assert {entry["url"] for entry in manifest["features"]["slash_commands"]} == {url}


def test_manifest_cli_prints_yaml_with_the_configured_names(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSDIGEST_SLACK_COMMANDS", "summary=/sum")
    assert manifest_main(["--request-url", "https://bot.example.org/slack/events"]) == 0
    manifest = yaml.safe_load(capsys.readouterr().out)
    assert manifest["settings"]["socket_mode_enabled"] is False
    assert manifest["features"]["slash_commands"][0]["command"] == "/sum"


def test_manifest_cli_reports_bad_names(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSDIGEST_SLACK_COMMANDS", "summary=/Bad Name")
    assert manifest_main([]) == 2
    assert "not a valid Slack command" in capsys.readouterr().err
