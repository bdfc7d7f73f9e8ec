"""Settings from the environment and an optional TOML file kept outside the repository.

Environment variables win over the file. Tokens (and the database URL, which may carry a
password) are held as ``Secret``: their value never appears in a repr, a str, a log line or a
traceback's locals dump; code that needs it calls ``reveal()``.
"""

from __future__ import annotations

import hmac
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, NamedTuple, NoReturn, final

from summarizer.methods import available_methods

__all__ = [
    "SETTING_SOURCES",
    "ConfigError",
    "Secret",
    "SettingSource",
    "Settings",
    "default_config_file",
    "default_seeds_dir",
    "port",
]


class ConfigError(ValueError):
    """A setting that cannot be used; ``str(error)`` is one readable line."""


@final
class Secret:
    """A token or password: compared in constant time, never shown."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value:
            raise ConfigError("a secret cannot be empty")
        self._value = value

    def reveal(self) -> str:
        """The secret value, for the one call that needs it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self) -> NoReturn:
        raise TypeError("secrets cannot be pickled")


def default_seeds_dir() -> Path:
    """The repository's ``seeds/`` next to the package (editable install), else ``./seeds``."""
    beside_package = Path(__file__).resolve().parent.parent / "seeds"
    return beside_package if beside_package.is_dir() else Path.cwd() / "seeds"


def _xdg(variable: str, fallback: str) -> Path:
    """An XDG base directory."""
    value = os.environ.get(variable)
    return Path(value) if value else Path.home() / fallback


def default_config_file() -> Path:
    """``$XDG_CONFIG_HOME/newsdigest/config.toml``."""
    return _xdg("XDG_CONFIG_HOME", ".config") / "newsdigest" / "config.toml"


def _default_data_dir() -> Path:
    return _xdg("XDG_DATA_HOME", ".local/share") / "newsdigest"


def _text(raw: str) -> str:
    return raw.strip()


def _secret(raw: str) -> Secret | None:
    raw = raw.strip()
    return Secret(raw) if raw else None


def _optional_text(raw: str) -> str | None:
    return raw.strip() or None


def _optional_int(raw: str) -> int | None:
    raw = raw.strip()
    return int(raw) if raw else None


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise ValueError(raw)
    return value


def port(raw: str) -> int:
    """A TCP port number, 1 to 65535 (``ValueError`` otherwise)."""
    value = int(raw.strip())
    if not 1 <= value <= 65535:
        raise ValueError(raw)
    return value


def _optional_port(raw: str) -> int | None:
    return port(raw) if raw.strip() else None


def _path(raw: str) -> Path:
    return Path(raw.strip()).expanduser()


def _words(raw: str) -> tuple[str, ...]:
    return tuple(w for w in (part.strip() for part in raw.replace(";", ",").split(",")) if w)


_OWNER_PLATFORMS = ("discord", "slack")


def _owners(raw: str) -> tuple[str, ...]:
    """``discord:1234, slack:U123``: platform-qualified user ids."""
    owners = _words(raw)
    for owner in owners:
        platform, sep, user = owner.partition(":")
        if not sep or platform not in _OWNER_PLATFORMS or not user.strip():
            raise ValueError(owner)
    return owners


def _pairs(raw: str) -> tuple[tuple[str, str], ...]:
    """``a=b, c=d`` as ``(("a", "b"), ("c", "d"))``."""
    pairs = []
    for word in _words(raw):
        key, sep, value = word.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ValueError(word)
        pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


def _flag(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError(raw)


class SettingSource(NamedTuple):
    """Where a setting comes from and what it means (the operator's guide's table is built from it)."""

    variable: str  # environment variable
    parse: Callable[[str], Any]  # text (environment or TOML value) to setting value
    meaning: str  # one line for operators
    default: str | None = None  # how the default reads when the field's own value would not say it


SETTING_SOURCES: dict[str, SettingSource] = {
    "discord_token": SettingSource("DISCORD_TOKEN", _secret, "Discord bot token"),
    "discord_guild_id": SettingSource(
        "DISCORD_GUILD_ID", _optional_int,
        "sync slash commands to this one server (they appear at once) instead of globally"),
    "discord_shard_id": SettingSource(
        "DISCORD_SHARD_ID", _optional_int,
        "serve only this shard (0 to `DISCORD_SHARD_COUNT` - 1) in this process; set both"),
    "discord_shard_count": SettingSource(
        "DISCORD_SHARD_COUNT", _optional_int, "number of Discord shards, one process each"),
    "slack_bot_token": SettingSource("SLACK_BOT_TOKEN", _secret, "Slack bot token (`xoxb-...`)"),
    "slack_signing_secret": SettingSource(
        "SLACK_SIGNING_SECRET", _secret, "Slack HTTP mode: the app's request signing secret"),
    "slack_app_token": SettingSource(
        "SLACK_APP_TOKEN", _secret, "Slack Socket Mode: app-level token (`xapp-...`)"),
    "slack_api_url": SettingSource(
        "SLACK_API_URL", _optional_text, "Slack Web API base URL (e.g. GovSlack's)", "Slack's"),
    "slack_managers": SettingSource(
        "NEWSDIGEST_SLACK_MANAGERS", _words,
        "Slack user ids allowed manager commands besides workspace admins (comma-separated)"),
    "owners": SettingSource(
        "NEWSDIGEST_OWNERS", _owners,
        "the operator's chat accounts, e.g. `discord:1234, slack:U012AB`: `reload` and every feed, "
        "also in direct messages"),
    "slack_command_prefix": SettingSource(
        "NEWSDIGEST_SLACK_COMMAND_PREFIX", _text,
        "Slack slash commands as `/PREFIXsummary` (e.g. `news-`)"),
    "slack_commands": SettingSource(
        "NEWSDIGEST_SLACK_COMMANDS", _pairs, "own slash command names, e.g. `summary=/sum, search=/find`"),
    "database_url": SettingSource(
        "NEWSDIGEST_DATABASE_URL", _secret,
        "`postgresql+psycopg://user:password@host:5432/db` for PostgreSQL",
        "SQLite file in the data folder"),
    "seeds": SettingSource(
        "NEWSDIGEST_SEEDS", _path, "folder of seed articles", "the repository's `seeds/`"),
    "data_dir": SettingSource(
        "NEWSDIGEST_DATA_DIR", _path, "folder of the SQLite file and the console history",
        "`$XDG_DATA_HOME/newsdigest`, else `~/.local/share/newsdigest`"),
    "prefix": SettingSource("NEWSDIGEST_PREFIX", _text, "prefix of typed commands"),
    "sentences": SettingSource("NEWSDIGEST_SENTENCES", _positive_int, "summary length in sentences"),
    "method": SettingSource("NEWSDIGEST_METHOD", _text, "summarization method (`summarizer methods`)"),
    "digest_size": SettingSource("NEWSDIGEST_DIGEST_SIZE", _positive_int, "stories in a digest"),
    "digest_grace": SettingSource(
        "NEWSDIGEST_DIGEST_GRACE", _positive_int,
        "minutes a missed digest slot may be late (after downtime) before it is skipped"),
    "page_size": SettingSource("NEWSDIGEST_PAGE_SIZE", _positive_int, "lines per `sources`/`search` page"),
    "fetch_urls": SettingSource(
        "NEWSDIGEST_FETCH_URLS", _flag,
        "let `summary URL` fetch an article the bot does not know (public addresses only)"),
    "metrics_port": SettingSource(
        "NEWSDIGEST_METRICS_PORT", _optional_port,
        "serve Prometheus `/metrics` and `/healthz` on this port from `discord`, `slack` and `scheduler`"),
    "metrics_host": SettingSource(
        "NEWSDIGEST_METRICS_HOST", _text,
        "address the metrics port binds (`0.0.0.0` only behind a firewall or in a container network)"),
    "log_level": SettingSource(
        "NEWSDIGEST_LOG_LEVEL", _text,
        "log verbosity (`console` and `feeds` log warnings only unless `--log-level` is given)"),
}


@dataclass(frozen=True)
class Settings:
    """Everything the bot is configured with. Build it with ``Settings.load()``."""

    discord_token: Secret | None = None
    discord_guild_id: int | None = None
    discord_shard_id: int | None = None
    discord_shard_count: int | None = None
    slack_bot_token: Secret | None = None
    slack_signing_secret: Secret | None = None
    slack_app_token: Secret | None = None
    slack_api_url: str | None = None
    slack_managers: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    slack_command_prefix: str = ""
    slack_commands: tuple[tuple[str, str], ...] = ()
    database_url: Secret | None = None
    seeds: Path = field(default_factory=default_seeds_dir)
    data_dir: Path = field(default_factory=_default_data_dir)
    prefix: str = "!"
    sentences: int = 3
    method: str = "default"
    digest_size: int = 5
    digest_grace: int = 60
    page_size: int = 10
    fetch_urls: bool = True
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    log_level: str = "INFO"
    config_file: Path | None = None

    @property
    def discord_shard(self) -> tuple[int, int] | None:
        """(shard id, shard count) when this process serves one Discord shard, else None."""
        if self.discord_shard_id is None or self.discord_shard_count is None:
            return None
        return self.discord_shard_id, self.discord_shard_count

    def owner_ids(self, platform: str) -> frozenset[str]:
        """The operator's user ids on ``platform`` (from ``NEWSDIGEST_OWNERS``)."""
        return frozenset(user for owner in self.owners
                         for name, _, user in [owner.partition(":")] if name == platform)

    @property
    def sqlite_path(self) -> Path:
        """Where the default SQLite store lives when no database URL is set."""
        return self.data_dir / "newsdigest.sqlite3"

    @classmethod
    def load(
        cls,
        environ: Mapping[str, str] | None = None,
        config_file: Path | None = None,
        **overrides: Any,
    ) -> Settings:
        """Read the TOML file (``config_file``, ``NEWSDIGEST_CONFIG`` or the XDG default if it
        exists), then the environment, then ``overrides`` (command-line options)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        path = config_file or (_path(env["NEWSDIGEST_CONFIG"]) if env.get("NEWSDIGEST_CONFIG") else None)
        if path is None and default_config_file().is_file():
            path = default_config_file()
        if path is not None:
            path = path.expanduser()
            values.update(_read_toml(path))
            values["config_file"] = path
        for name, (variable, parse, *_) in SETTING_SOURCES.items():
            raw = env.get(variable)
            if raw is not None and raw.strip():
                values[name] = _parse(name, variable, parse, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)
        if "seeds" in values and not settings.seeds.expanduser().is_dir():
            # Checked here so the option, the environment and the config file are refused alike.
            raise ConfigError(f"seeds {settings.seeds}: not a folder")
        if not settings.prefix:
            raise ConfigError("the command prefix cannot be empty")
        given = (settings.discord_shard_id is not None, settings.discord_shard_count is not None)
        shard = settings.discord_shard
        if any(given) and (shard is None or not 0 <= shard[0] < shard[1]):
            raise ConfigError("DISCORD_SHARD_ID and DISCORD_SHARD_COUNT go together, "
                              "with 0 <= DISCORD_SHARD_ID < DISCORD_SHARD_COUNT")
        methods = available_methods()
        if settings.method not in methods:
            raise ConfigError(f"method {settings.method!r} is not a summarization method; "
                              f"choose one of: {', '.join(methods)}")
        return settings


def _parse(name: str, origin: str, parse: Callable[[str], Any], raw: str) -> Any:
    try:
        return parse(raw)
    except (ValueError, ConfigError):
        # Never echo the raw value: it may be a token.
        raise ConfigError(f"{origin} has an invalid value for {name}") from None


def _read_toml(path: Path) -> dict[str, Any]:
    """Settings from a TOML file: top-level keys named like the settings, or a [newsdigest] table."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    table = data.get("newsdigest", data)
    if not isinstance(table, dict):
        raise ConfigError(f"config file {path}: [newsdigest] must be a table")
    known = {f.name for f in fields(Settings)} - {"config_file"}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"config file {path}: unknown setting {key!r}")
        parse = SETTING_SOURCES[key].parse
        values[key] = _parse(key, str(path), parse, _toml_text(value))
    return values


def _toml_text(value: object) -> str:
    """A TOML value as the text the environment would hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)
