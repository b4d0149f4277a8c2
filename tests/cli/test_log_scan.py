"""The logs of real `coachbot run`s, scanned (issue 17): in text and JSON, at DEBUG, a person enrols, checks in
with pain scores and types a red flag, and no token, database password, score or red-flag word is logged.

The console runs on PostgreSQL with a password in the URL (the server trusts the test's connections, so any
password does); the Telegram run uses a token against the fake Bot API, whose library logs bodies at DEBUG.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.adapters.test_console import ENROL
from tests.conftest import postgres_database
from tests.fakes.telegram_api import TOKEN, FakeTelegram

PASSWORD = "pw-Never-In-Logs-7731"
RED_FLAG = "my calf is hot, red and swollen"
CHECKIN = ["/checkin", "7/10", "six", "all", "no"]  # pain 7 during, 6 now: scores that must stay private
HEALTH = ["swollen", RED_FLAG, "7/10", "6/10", "pain 7"]
JSON_KEYS = {"time", "level", "logger", "message"}


def _lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def _assert_nothing_private(stderr: str, *secrets: str) -> None:
    for private in (*secrets, *HEALTH):
        assert private.lower() not in stderr.lower(), private


def _json_records(stderr: str) -> Iterator[dict[str, object]]:
    for line in _lines(stderr):
        record = json.loads(line)  # every line is one object
        assert isinstance(record, dict), line
        assert record.keys() >= JSON_KEYS, line
        yield record


@pytest.mark.parametrize("log_format", ["text", "json"])
async def test_a_console_journey_logs_no_password_and_no_health_data(tmp_path: Path, log_format: str) -> None:
    async with postgres_database() as url:
        with_password = make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)
        env = {**os.environ, "COACHBOT_DATABASE_URL": with_password, "COACHBOT_LOG_LEVEL": "DEBUG",
               "COACHBOT_LOG_FORMAT": log_format, "TELEGRAM_TOKEN": "", "DISCORD_TOKEN": ""}  # fmt: skip
        typed = "\n".join([*ENROL, *CHECKIN, RED_FLAG]) + "\n"
        result = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "coachbot", "run"], input=typed, capture_output=True,
            text=True, env=env, cwd=tmp_path, check=False, timeout=120,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Logged: pain 7/10 during, 6/10 now" in result.stdout  # the journey happened
    assert "clinician" in result.stdout  # and the red flag was answered
    _assert_nothing_private(result.stderr, PASSWORD)
    if log_format == "json":
        loggers = {record["logger"] for record in _json_records(result.stderr)}
        assert "coachbot.app" in loggers, (
            loggers
        )  # below WARNING reached the console: the scan read the bot's own lines
    else:
        assert " DEBUG " in result.stderr or " INFO " in result.stderr, result.stderr


async def _say(api: FakeTelegram, chat: int, text: str) -> None:
    before = len(api.texts_to(chat))
    api.send_text(chat, chat, text)
    await api.wait_until(lambda: len(api.texts_to(chat)) > before)


@pytest.mark.skipif(sys.platform == "win32", reason="stopped by SIGTERM")
@pytest.mark.parametrize("log_format", ["text", "json"])
async def test_a_telegram_run_at_debug_logs_no_token_and_no_message(tmp_path: Path, log_format: str) -> None:
    chat = 4242
    async with FakeTelegram() as api:
        env = {**os.environ, "COACHBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
               "TELEGRAM_TOKEN": TOKEN, "COACHBOT_TELEGRAM_API_URL": api.url, "COACHBOT_LOG_LEVEL": "DEBUG",
               "COACHBOT_LOG_FORMAT": log_format, "DISCORD_TOKEN": ""}  # fmt: skip
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "coachbot", "run", env=env, cwd=tmp_path, stderr=asyncio.subprocess.PIPE
        )
        try:
            api.private_chat(chat)
            await _say(api, chat, "/start")
            await _say(api, chat, RED_FLAG)
            await api.reply_to(chat, "clinician")
            bot.terminate()
            async with asyncio.timeout(20):
                _out, err = await bot.communicate()
        finally:
            if bot.returncode is None:
                bot.kill()
                await bot.wait()
    stderr = err.decode()
    assert bot.returncode == 0, stderr
    _assert_nothing_private(stderr, TOKEN, TOKEN.split(":")[1])
    if log_format == "json":
        loggers = {record["logger"] for record in _json_records(stderr)}
        assert {"coachbot.cli.signals", "telegram.ext.Application"} <= loggers, loggers
