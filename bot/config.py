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
from typing import Any, NoReturn, final

from summarizer.methods import available_methods

__all__ = ["ConfigError", "Secret", "Settings", "default_config_file", "default_seeds_dir"]


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


# Setting name -> (environment variable, parser from text).
_SOURCES: dict[str, tuple[str, Callable[[str], Any]]] = {
    "discord_token": ("DISCORD_TOKEN", _secret),
    "discord_guild_id": ("DISCORD_GUILD_ID", _optional_int),
    "discord_shard_id": ("DISCORD_SHARD_ID", _optional_int),
    "discord_shard_count": ("DISCORD_SHARD_COUNT", _optional_int),
    "slack_bot_token": ("SLACK_BOT_TOKEN", _secret),
    "slack_signing_secret": ("SLACK_SIGNING_SECRET", _secret),
    "slack_app_token": ("SLACK_APP_TOKEN", _secret),
    "slack_api_url": ("SLACK_API_URL", _optional_text),
    "slack_managers": ("NEWSDIGEST_SLACK_MANAGERS", _words),
    "owners": ("NEWSDIGEST_OWNERS", _owners),
    "slack_command_prefix": ("NEWSDIGEST_SLACK_COMMAND_PREFIX", _text),
    "slack_commands": ("NEWSDIGEST_SLACK_COMMANDS", _pairs),
    "database_url": ("NEWSDIGEST_DATABASE_URL", _secret),
    "seeds": ("NEWSDIGEST_SEEDS", _path),
    "data_dir": ("NEWSDIGEST_DATA_DIR", _path),
    "prefix": ("NEWSDIGEST_PREFIX", _text),
    "sentences": ("NEWSDIGEST_SENTENCES", _positive_int),
    "method": ("NEWSDIGEST_METHOD", _text),
    "digest_size": ("NEWSDIGEST_DIGEST_SIZE", _positive_int),
    "digest_grace": ("NEWSDIGEST_DIGEST_GRACE", _positive_int),
    "page_size": ("NEWSDIGEST_PAGE_SIZE", _positive_int),
    "fetch_urls": ("NEWSDIGEST_FETCH_URLS", _flag),
    "log_level": ("NEWSDIGEST_LOG_LEVEL", _text),
}


@dataclass(frozen=True)
class Settings:
    """Everything the bot is configured with. Build it with ``Settings.load()``."""

    discord_token: Secret | None = None
    discord_guild_id: int | None = None
    discord_shard_id: int | None = None  # this process serves shard ID of COUNT (one shard a process)
    discord_shard_count: int | None = None
    slack_bot_token: Secret | None = None
    slack_signing_secret: Secret | None = None
    slack_app_token: Secret | None = None
    slack_api_url: str | None = None
    slack_managers: tuple[str, ...] = ()  # Slack user ids allowed to run manager commands
    owners: tuple[str, ...] = ()  # "discord:1234", "slack:U123": the operator's chat accounts
    slack_command_prefix: str = ""  # "news-" serves /news-summary, /news-incident...
    slack_commands: tuple[tuple[str, str], ...] = ()  # (command, slash command) overrides
    database_url: Secret | None = None  # None: SQLite file under data_dir
    seeds: Path = field(default_factory=default_seeds_dir)
    data_dir: Path = field(default_factory=_default_data_dir)
    prefix: str = "!"
    sentences: int = 3
    method: str = "default"
    digest_size: int = 5
    digest_grace: int = 60  # minutes: a digest slot missed by longer (downtime) is skipped
    page_size: int = 10
    fetch_urls: bool = True  # summary URL fetches unknown URLs
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
        for name, (variable, parse) in _SOURCES.items():
            raw = env.get(variable)
            if raw is not None and raw.strip():
                values[name] = _parse(name, variable, parse, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)
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
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
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
        _, parse = _SOURCES[key]
        values[key] = _parse(key, str(path), parse, _toml_text(value))
    return values


def _toml_text(value: object) -> str:
    """A TOML value as the text the environment would hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)
