"""Configuration from environment variables, read once by `load_settings(environ)`.

Secrets (platform tokens, database passwords) never appear in reprs or logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from coachbot.programme.paths import data_dir
from coachbot.store.urls import parse_url

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./coachbot.db"
DATA_FOLDER = "coachbot-data"  # beside the SQLite file (or in the current folder for PostgreSQL)


class SettingsError(ValueError):
    """The environment does not describe a runnable bot; the message says which variable to fix."""


@dataclass(frozen=True)
class Secret:
    """A value that must not leak: its repr and str are masked."""

    value: str = field(repr=False)

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__


@dataclass(frozen=True)
class Settings:
    database_url: Secret
    programmes_dir: Path
    telegram_token: Secret | None = None
    discord_token: Secret | None = None
    log_level: str = "INFO"
    log_format: str = "text"  # text (one readable line) or json (one object a line)
    telegram_api_url: str | None = None
    discord_api_url: str | None = None
    discord_gateway_url: str | None = None
    discord_dev_guild: int | None = None
    tick_seconds: int = 15
    late_window_hours: float = 3.0
    retention_days: int | None = None  # delete check-ins and decisions this long after a programme ends
    data_dir: Path = Path(DATA_FOLDER)  # health files the console saves (reports, exports, charts)
    # send limits (issue 15): Telegram allows about 30 messages a second per bot, one a second per chat and
    # 20 a minute per group; Discord about 50 requests a second
    telegram_rate: float = 29.0
    telegram_chat_interval: float = 1.0
    telegram_group_per_minute: int = 20
    discord_rate: float = 45.0
    telegram_paid_broadcast: bool = False  # the bot pays for broadcasts: up to 1,000 messages a second
    database_wait_seconds: float = 30.0  # `coachbot run`: how long a PostgreSQL server may take to answer
    http_port: int | None = None  # /healthz, /readyz and /metrics (delivery/health.py); None: off
    http_host: str = "0.0.0.0"

    @property
    def database_label(self) -> str:
        """The database URL with any password hidden, for messages and logs."""
        return parse_url(self.database_url.value).label


def default_data_dir(database_url: str) -> Path:
    """The data folder of a database: `coachbot-data/` beside a SQLite file, else in the current folder."""
    parsed = parse_url(database_url)
    if parsed.database and parsed.database != ":memory:" and parsed.driver.startswith("sqlite"):
        return Path(parsed.database).parent / DATA_FOLDER
    return Path(DATA_FOLDER)


def _secret(environ: Mapping[str, str], name: str) -> Secret | None:
    value = environ.get(name, "").strip()
    return Secret(value) if value else None


def load_settings(environ: Mapping[str, str]) -> Settings:
    """Build Settings from an environment mapping (os.environ in production, a dict in tests)."""
    url = environ.get("COACHBOT_DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
    try:
        parsed = parse_url(url)
    except ValueError:
        raise SettingsError(
            "COACHBOT_DATABASE_URL is not a database URL like sqlite+aiosqlite:///./coachbot.db"
        ) from None
    if parsed.driver not in ("sqlite+aiosqlite", "postgresql+asyncpg"):
        raise SettingsError(
            "COACHBOT_DATABASE_URL must start with sqlite+aiosqlite:// or postgresql+asyncpg://"
        )
    programmes = environ.get("COACHBOT_PROGRAMMES_DIR", "").strip()
    level = environ.get("COACHBOT_LOG_LEVEL", "INFO").strip().upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise SettingsError("COACHBOT_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR")
    log_format = environ.get("COACHBOT_LOG_FORMAT", "").strip().lower() or "text"
    if log_format not in ("text", "json"):
        raise SettingsError(f"COACHBOT_LOG_FORMAT must be text or json, not {log_format!r}")
    tick_seconds = _number(environ, "COACHBOT_TICK_SECONDS", 15, 1, 300)
    late_window = _number(environ, "COACHBOT_LATE_WINDOW_HOURS", 3, 0, 24)
    retention = environ.get("COACHBOT_RETENTION_DAYS", "").strip()
    retention_days = int(_number(environ, "COACHBOT_RETENTION_DAYS", 0, 1, 36500)) if retention else None
    dev_guild = environ.get("COACHBOT_DISCORD_DEV_GUILD", "").strip()
    if dev_guild and not dev_guild.isdigit():
        raise SettingsError(
            f"COACHBOT_DISCORD_DEV_GUILD must be a server id (digits; Developer Mode → Copy Server ID), not {dev_guild!r}"
        )
    data = environ.get("COACHBOT_DATA_DIR", "").strip()
    # paid broadcasts (Telegram Stars) lift the bot-wide limit from 30 to 1,000 messages a second
    paid = _flag(environ, "COACHBOT_TELEGRAM_PAID_BROADCAST")
    telegram_rate = (1000.0, 1.0, 1000.0) if paid else (29.0, 1.0, 30.0)
    http = environ.get("COACHBOT_HTTP_PORT", "").strip()
    http_port = int(_number(environ, "COACHBOT_HTTP_PORT", 0, 0, 65535)) if http else None
    if http_port is not None and http_port != float(http):
        raise SettingsError(f"COACHBOT_HTTP_PORT must be a whole number from 0 to 65535, not {http!r}")
    return Settings(
        database_url=Secret(url),
        data_dir=Path(data) if data else default_data_dir(url),
        programmes_dir=Path(programmes) if programmes else data_dir("programmes"),
        telegram_token=_secret(environ, "TELEGRAM_TOKEN"),
        discord_token=_secret(environ, "DISCORD_TOKEN"),
        log_level=level,
        log_format=log_format,
        telegram_api_url=environ.get("COACHBOT_TELEGRAM_API_URL", "").strip() or None,
        discord_api_url=environ.get("COACHBOT_DISCORD_API_URL", "").strip() or None,
        discord_gateway_url=environ.get("COACHBOT_DISCORD_GATEWAY_URL", "").strip() or None,
        discord_dev_guild=int(dev_guild) if dev_guild else None,
        tick_seconds=int(tick_seconds),
        late_window_hours=late_window,
        retention_days=retention_days,
        telegram_rate=_number(environ, "COACHBOT_TELEGRAM_RATE", *telegram_rate),
        telegram_chat_interval=_number(environ, "COACHBOT_TELEGRAM_CHAT_INTERVAL", 1, 1, 60),
        telegram_group_per_minute=int(_number(environ, "COACHBOT_TELEGRAM_GROUP_PER_MINUTE", 20, 1, 20)),
        discord_rate=_number(environ, "COACHBOT_DISCORD_RATE", 45, 1, 50),
        telegram_paid_broadcast=paid,
        database_wait_seconds=_number(environ, "COACHBOT_DATABASE_WAIT_SECONDS", 30, 0, 3600),
        http_port=http_port,
        http_host=environ.get("COACHBOT_HTTP_HOST", "").strip() or "0.0.0.0",
    )


def _flag(environ: Mapping[str, str], name: str) -> bool:
    text = environ.get(name, "").strip().lower()
    if text in ("", "0", "false", "no", "off"):
        return False
    if text in ("1", "true", "yes", "on"):
        return True
    raise SettingsError(f"{name} must be 1 (on) or 0 (off), not {text!r}")


def _number(environ: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    text = environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise SettingsError(f"{name} must be a number from {low:g} to {high:g}, not {text!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name} must be a number from {low:g} to {high:g}, not {text!r}")
    return value
