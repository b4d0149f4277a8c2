"""`docker stop` sends SIGTERM: `coachbot run` stops as it does on Ctrl-C — jobs wound down, the database
closed, the instance lock released — and exits 0 instead of dying by the signal (issue 15)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_stops_the_bot_cleanly(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "COACHBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        "TELEGRAM_TOKEN": "",
        "DISCORD_TOKEN": "",
    }
    bot = subprocess.Popen(
        [sys.executable, "-m", "coachbot", "run"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert bot.stdout is not None
        first = bot.stdout.readline()  # the welcome line: migrated, scheduled and reading
        assert first.startswith("coachbot> Welcome to coachbot"), first
        bot.send_signal(signal.SIGTERM)
        code = bot.wait(timeout=20)
    finally:
        if bot.poll() is None:
            bot.kill()
    stderr = bot.stderr.read() if bot.stderr else ""
    assert code == 0, stderr
    assert "Traceback" not in stderr
    # the lock was released: a second bot on the same database starts and stops the same way
    again = subprocess.run(
        [sys.executable, "-m", "coachbot", "run"], input="", capture_output=True, text=True, env=env,
        cwd=tmp_path, check=False, timeout=60,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
async def test_sigterm_mid_fan_out_records_every_send_and_loses_none(tmp_path: Path) -> None:
    """Prompts are going out when SIGTERM comes: the bot exits 0 within 10 s; every message Telegram
    received is recorded as sent, and every other row is pending and free for the next start."""
    from sqlalchemy import select

    from coachbot.store.db import Database
    from coachbot.store.tables import OutboxMessage
    from tests.adapters.test_telegram_delivery import queue_prompts
    from tests.fakes.telegram_api import TOKEN, FakeTelegram

    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    async with FakeTelegram(delay=0.05) as api:
        await queue_prompts(url, api, 200)
        env = {**os.environ, "COACHBOT_DATABASE_URL": url, "TELEGRAM_TOKEN": TOKEN,
               "COACHBOT_TELEGRAM_API_URL": api.url, "COACHBOT_TELEGRAM_RATE": "30"}  # fmt: skip
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "coachbot", "run", env=env, cwd=tmp_path, stderr=asyncio.subprocess.PIPE
        )
        try:
            await api.wait_until(lambda: len(api.sent()) >= 20)
            bot.send_signal(signal.SIGTERM)
            loop = asyncio.get_running_loop()
            start = loop.time()
            async with asyncio.timeout(10):
                _out, err = await bot.communicate()
            stopped_in = loop.time() - start
        finally:
            if bot.returncode is None:
                bot.kill()
                await bot.wait()
        assert bot.returncode == 0, err.decode()
        assert stopped_in < 10
        received = {int(params["chat_id"]) for params in api.sent()}
    database = Database.connect(url)
    try:
        async with database.read() as repo:
            rows = (await repo.session.execute(select(OutboxMessage))).scalars().all()
    finally:
        await database.close()
    assert {int(row.chat_id) for row in rows if row.status == "sent"} == received
    assert len(received) < 200  # it stopped mid-way...
    assert {(row.status, row.lease_owner) for row in rows if int(row.chat_id) not in received} == {
        ("pending", None)
    }  # ...and the rest will go at the next start
