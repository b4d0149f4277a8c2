"""`docker stop` sends SIGTERM: `coachbot run` stops as it does on Ctrl-C — jobs wound down, the database
closed, the instance lock released — and exits 0 instead of dying by the signal (issue 15)."""

from __future__ import annotations

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
