"""The console as a first experience (issue 14, item 13): a welcome, quiet logs, the pending question
asked again after a restart, and every button still shown pressable by its label."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path

from coachbot.adapters.console import ConsoleAdapter
from coachbot.cli.logs import configure
from coachbot.messages import Choice, Reply, Text
from tests.adapters.test_console import ENROL, NOW, run_console


async def test_a_new_console_says_how_to_begin(tmp_path: Path) -> None:
    output = await run_console(tmp_path / "coachbot.db", [])
    assert output.startswith("coachbot> Welcome to coachbot. Type /start to begin")


async def test_after_a_restart_the_pending_question_is_asked_again(tmp_path: Path) -> None:
    db_path = tmp_path / "coachbot.db"
    await run_console(db_path, ENROL[:14])
    again = await run_console(db_path, [])
    welcome, question = again.split("coachbot> ")[1:]
    assert welcome.startswith("Welcome back. We were in the middle of this")
    assert question.startswith("How much does it hurt to walk right now?")
    enrolled = await run_console(db_path, ENROL[14:])
    assert "You're enrolled in" in enrolled


async def test_once_enrolled_a_restart_welcomes_back(tmp_path: Path) -> None:
    db_path = tmp_path / "coachbot.db"
    await run_console(db_path, ENROL)
    assert (await run_console(db_path, [])).startswith("coachbot> Welcome back. /today shows")


async def test_any_button_still_shown_can_be_typed() -> None:
    async def deliver(_incoming: object, _responder: object) -> None:
        return None

    adapter = ConsoleAdapter(deliver, io.StringIO(), io.StringIO(), "ana", lambda: NOW)
    await adapter.send(Reply(adapter.address, "Session time", ((("Done — log it", "v1:go:checkin"),),)))
    await adapter.send(Reply(adapter.address, "Pain?", ((("0", "v1:q:4:0"), ("1", "v1:q:4:1")),)))
    older = adapter.incoming("done — log it")
    assert isinstance(older, Choice)
    assert older.token == "v1:go:checkin"
    await adapter.send(Reply(adapter.address, "Pain now?", ((("2", "v1:q:5:2"),),)))
    current = adapter.incoming("2")
    assert isinstance(current, Choice)
    assert current.token == "v1:q:5:2"
    # an earlier question's buttons are retired: the typed words go to the current question
    assert isinstance(adapter.incoming("1"), Text)


def test_console_logs_only_warnings() -> None:
    configure("INFO", [], console=True)
    try:
        assert logging.getLogger().getEffectiveLevel() == logging.WARNING
        assert not logging.getLogger("alembic.runtime.migration").isEnabledFor(logging.INFO)
    finally:
        configure("INFO", [])


def test_coachbot_run_prints_no_migration_or_tick_lines(tmp_path: Path) -> None:
    env = {"COACHBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'c.db'}", "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "coachbot", "run"],
        input="/help\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no Alembic INFO lines, no tick lines
    assert result.stdout.startswith("coachbot> Welcome to coachbot. Type /start to begin")
