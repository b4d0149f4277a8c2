"""Settings come from the environment; secrets never show in reprs."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachbot.app import build
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
