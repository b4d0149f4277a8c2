"""`coachbot run --demo` (issue 14, item 14): its own database, and /later and /nextday move the bot's
injected clock to the next prompt, so a week passes in a few lines."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from coachbot.cli.demo import demo_settings
from coachbot.cli.wiring import build
from coachbot.settings import load_settings
from tests.adapters.test_console import ENROL, NOW


async def run_demo(lines: list[str], now: datetime = NOW) -> str:
    settings = demo_settings(load_settings({}))
    stdout = io.StringIO()
    app = build(
        settings, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=stdout, clock=lambda: now, demo=True
    )
    await app.run()
    return stdout.getvalue()


async def test_later_and_nextday_jump_to_the_next_prompts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    output = await run_demo([*ENROL, "/later", "/later", "/nextday"])
    assert output.startswith("coachbot> Demo mode")
    assert (tmp_path / "coachbot-demo.db").exists()
    assert not (tmp_path / "coachbot.db").exists()
    session, morning, next_day = output.split("⏩")[1:]
    assert session.startswith(" It's now Tuesday 03 March, 07:30 for you.")
    assert "Daily session, Tue 03 Mar" in session
    assert morning.startswith(" It's now Tuesday 03 March, 08:00 for you.")
    assert "Good morning! How does your calf feel" in morning
    assert next_day.startswith(" It's now Wednesday 04 March, 07:30 for you.")
    assert "Daily session, Wed 04 Mar" in next_day


async def test_the_demo_clock_survives_a_restart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    await run_demo([*ENROL, "/nextday", "/nextday"])
    assert "Phase 1: Restore (day 3)" in await run_demo(["/status"])


async def test_help_lists_the_clock_commands_and_nothing_due_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    output = await run_demo(["/help", "/later"])
    assert "- /later — jump to the next prompt" in output
    assert "- /nextday — jump to the first prompt of the next day" in output
    assert "Nothing is scheduled yet: /start enrols you" in output


async def test_outside_the_demo_the_clock_commands_are_unknown(tmp_path: Path) -> None:
    from tests.adapters.test_console import run_console

    output = await run_console(tmp_path / "coachbot.db", ["/nextday", "/help"])
    assert "⏩" not in output
    assert "/nextday" not in output.split("coachbot> ")[-1]  # the plain /help does not list them


def test_demo_settings_leave_the_real_database_alone() -> None:
    settings = demo_settings(load_settings({"TELEGRAM_TOKEN": "123:abc", "COACHBOT_DATA_DIR": "/srv/data"}))
    assert settings.database_url.value == "sqlite+aiosqlite:///./coachbot-demo.db"
    assert settings.telegram_token is None
    assert settings.data_dir == Path("/srv/data/demo")
