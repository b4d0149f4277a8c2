"""Settings come from the environment; secrets never show in reprs."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachbot.cli.wiring import build
from coachbot.settings import SettingsError, load_settings


def test_defaults_use_a_local_sqlite_file() -> None:
    settings = load_settings({})
    assert settings.database_url.value == "sqlite+aiosqlite:///./coachbot.db"
    assert settings.telegram_token is None
    assert (settings.programmes_dir / "calf-rehab-12w.yaml").is_file()


def test_tokens_and_passwords_never_appear_in_repr() -> None:
    settings = load_settings(
        {
            "TELEGRAM_TOKEN": "123456:SECRET-telegram",
            "DISCORD_TOKEN": "discord-SECRET",
            "COACHBOT_DATABASE_URL": "postgresql+asyncpg://bot:hunter2@db/coachbot",
        }
    )
    shown = repr(settings) + str(settings.telegram_token) + settings.database_label
    assert "SECRET" not in shown
    assert "hunter2" not in shown
    assert settings.telegram_token is not None
    assert settings.telegram_token.value == "123456:SECRET-telegram"
    assert settings.database_label == "postgresql+asyncpg://bot:***@db/coachbot"


def test_bad_log_level() -> None:
    with pytest.raises(SettingsError, match="COACHBOT_LOG_LEVEL"):
        load_settings({"COACHBOT_LOG_LEVEL": "LOUD"})


def test_discord_settings_and_both_platforms_at_once(tmp_path: Path) -> None:
    environ = {
        "TELEGRAM_TOKEN": "123456:SECRET-telegram",
        "DISCORD_TOKEN": "discord-SECRET",
        "COACHBOT_DISCORD_DEV_GUILD": "123456789012345678",
        "COACHBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'both.db'}",
    }
    settings = load_settings(environ)
    assert settings.discord_dev_guild == 123456789012345678
    assert settings.discord_api_url is None
    app = build(settings)
    assert sorted(app.adapters) == ["discord", "telegram"]
    assert "SECRET" not in repr(app.adapters["discord"]) + repr(app.adapters["telegram"])


def test_a_dev_guild_must_be_a_server_id() -> None:
    with pytest.raises(SettingsError, match="Copy Server ID"):
        load_settings({"COACHBOT_DISCORD_DEV_GUILD": "my server"})


def test_send_limits_are_settings_that_reach_the_running_app(tmp_path: Path) -> None:
    """Issue 15 item 2: the platforms' limits come from the environment, with Telegram's default at 29/s."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'limits.db'}"
    app = build(load_settings({"COACHBOT_DATABASE_URL": url}))
    assert app.limiter.limits["telegram"].per_second == 29
    assert app.limiter.limits["discord"].per_second == 45
    environ = {
        "COACHBOT_DATABASE_URL": url,
        "COACHBOT_TELEGRAM_RATE": "12",
        "COACHBOT_TELEGRAM_CHAT_INTERVAL": "2",
        "COACHBOT_TELEGRAM_GROUP_PER_MINUTE": "10",
        "COACHBOT_DISCORD_RATE": "20",
    }
    limits = build(load_settings(environ)).limiter.limits
    assert (limits["telegram"].per_second, limits["telegram"].per_chat_interval) == (12, 2)
    assert limits["telegram"].per_group_minute == 10
    assert limits["discord"].per_second == 20


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("COACHBOT_TELEGRAM_RATE", "45"),
        ("COACHBOT_TELEGRAM_GROUP_PER_MINUTE", "60"),
        ("COACHBOT_DISCORD_RATE", "0"),
    ],
)
def test_a_send_limit_above_the_platforms_is_refused(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=f"{name} must be a number from"):
        load_settings({name: value})


def test_the_health_endpoint_is_off_unless_a_port_is_set() -> None:
    assert load_settings({}).http_port is None
    settings = load_settings({"COACHBOT_HTTP_PORT": "8080", "COACHBOT_HTTP_HOST": "127.0.0.1"})
    assert (settings.http_port, settings.http_host) == (8080, "127.0.0.1")
    assert load_settings({"COACHBOT_HTTP_PORT": "9090"}).http_host == "0.0.0.0"
    for bad in ("http", "80.5", "70000"):
        with pytest.raises(SettingsError, match="COACHBOT_HTTP_PORT"):
            load_settings({"COACHBOT_HTTP_PORT": bad})


def test_paid_broadcast_allows_up_to_a_thousand_a_second() -> None:
    paid = load_settings({"COACHBOT_TELEGRAM_PAID_BROADCAST": "1"})
    assert (paid.telegram_paid_broadcast, paid.telegram_rate) == (True, 1000)
    assert (
        load_settings(
            {"COACHBOT_TELEGRAM_PAID_BROADCAST": "yes", "COACHBOT_TELEGRAM_RATE": "400"}
        ).telegram_rate
        == 400
    )
    with pytest.raises(SettingsError, match="COACHBOT_TELEGRAM_RATE must be a number from 1 to 1000"):
        load_settings({"COACHBOT_TELEGRAM_PAID_BROADCAST": "1", "COACHBOT_TELEGRAM_RATE": "5000"})
    with pytest.raises(SettingsError, match="COACHBOT_TELEGRAM_PAID_BROADCAST must be 1"):
        load_settings({"COACHBOT_TELEGRAM_PAID_BROADCAST": "maybe"})


def test_log_format_is_text_or_json() -> None:
    assert load_settings({}).log_format == "text"
    assert load_settings({"COACHBOT_LOG_FORMAT": " JSON "}).log_format == "json"
    with pytest.raises(SettingsError, match="COACHBOT_LOG_FORMAT"):
        load_settings({"COACHBOT_LOG_FORMAT": "yaml"})
