"""Settings: environment over TOML, secrets never shown, bad values one readable line."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest

from bot.config import ConfigError, Secret, Settings


def test_environment_is_read_and_tokens_stay_secret(tmp_path: Path) -> None:
    env = {
        "DISCORD_TOKEN": "discord-very-secret",
        "SLACK_BOT_TOKEN": "xoxb-very-secret",
        "NEWSDIGEST_DATABASE_URL": "postgresql+psycopg://u:pw-secret@127.0.0.1/db",
        "DISCORD_GUILD_ID": "1234",
        "NEWSDIGEST_SEEDS": str(tmp_path),
        "NEWSDIGEST_SLACK_MANAGERS": "U1, U2",
    }
    settings = Settings.load(env, config_file=None)
    assert settings.discord_token is not None
    assert settings.discord_token.reveal() == "discord-very-secret"
    assert settings.database_url is not None
    assert settings.discord_guild_id == 1234
    assert settings.seeds == tmp_path
    assert settings.slack_managers == ("U1", "U2")
    shown = repr(settings) + str(settings) + f"{settings.slack_bot_token}"
    for value in ("discord-very-secret", "xoxb-very-secret", "pw-secret"):
        assert value not in shown


def test_secret_never_logged_or_pickled(caplog: pytest.LogCaptureFixture) -> None:
    token = Secret("xoxb-123")
    with caplog.at_level(logging.INFO):
        logging.getLogger("t").info("token %s %r", token, token)
    assert "xoxb-123" not in caplog.text
    with pytest.raises(TypeError):
        pickle.dumps(token)
    assert token == Secret("xoxb-123")
    assert token != Secret("xoxb-124")


def test_toml_file_then_environment_wins(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[newsdigest]\nprefix = "?"\nsentences = 4\nslack_managers = ["U9"]\n'
                      'fetch_urls = false\n', encoding="utf-8")
    settings = Settings.load({"NEWSDIGEST_SENTENCES": "2"}, config_file=config)
    assert settings.prefix == "?"
    assert settings.sentences == 2
    assert settings.slack_managers == ("U9",)
    assert settings.fetch_urls is False
    assert settings.config_file == config


@pytest.mark.parametrize(
    ("env", "text", "message"),
    [
        ({"NEWSDIGEST_SENTENCES": "zero"}, None, "NEWSDIGEST_SENTENCES has an invalid value"),
        ({"DISCORD_GUILD_ID": "abc"}, None, "DISCORD_GUILD_ID"),
        ({}, "nonsense = 1\n", "unknown setting 'nonsense'"),
        ({}, "prefix = [\n", "not valid TOML"),
    ],
)
def test_bad_values_are_one_line(tmp_path: Path, env: dict[str, str], text: str | None, message: str) -> None:
    config = None
    if text is not None:
        config = tmp_path / "c.toml"
        config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        Settings.load(env, config_file=config)
    assert "\n" not in str(info.value)


def test_bad_token_value_is_not_echoed(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("discord_guild_id = 'hunter2-token'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Settings.load({}, config_file=config)
    assert "hunter2" not in str(info.value)


def test_missing_config_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        Settings.load({}, config_file=tmp_path / "absent.toml")


def test_owners_are_platform_qualified_user_ids(tmp_path: Path) -> None:
    owners = {"NEWSDIGEST_OWNERS": "discord:1234, slack:U0OWNER;slack:U0TWO"}
    settings = Settings.load(owners, data_dir=tmp_path)
    assert settings.owner_ids("discord") == {"1234"}
    assert settings.owner_ids("slack") == {"U0OWNER", "U0TWO"}
    assert settings.owner_ids("console") == frozenset()
    for bad in ("1234", "teams:1", "discord:", "slack: "):
        with pytest.raises(ConfigError, match="NEWSDIGEST_OWNERS"):
            Settings.load({"NEWSDIGEST_OWNERS": bad}, data_dir=tmp_path)
