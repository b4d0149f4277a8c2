"""Settings come from the environment; secrets never show in reprs."""

from __future__ import annotations

import pytest

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
