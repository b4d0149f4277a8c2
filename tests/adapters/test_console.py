"""The console coach end to end: typed lines in, printed replies out, state in a real SQLite file."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

from coachbot.adapters.console import ConsoleAdapter
from coachbot.cli.wiring import build
from coachbot.messages import Choice, Command, Reply, Text
from coachbot.settings import load_settings
from coachbot.store.db import Database
from tests.conftest import sqlite_url

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)  # Monday 18:00 in London

ENROL = [
    "/start",
    "I agree",
    "europe/london",
    "yes",  # the local time is right
    "34",
    "None of these",
    "no",
    "No",
    "nope",
    "none",  # the DVT risk factors (CLINICAL A9)
    "Yes",
    "3–7",
    "Tightness or cramp after I stopped",
    "yes",
    "2/10",
    "a bit",
    "Only afterwards",
    "None",
    "one",
    "10–19",
    "Mid calf",
    "No",
    "30 km",
    "Prefer not to say",
    "7:30am",
    "Every day",
    "08:00",
]


async def run_console(db_path: Path, lines: list[str], now: datetime = NOW) -> str:
    settings = load_settings({"COACHBOT_DATABASE_URL": sqlite_url(db_path)})
    stdout = io.StringIO()
    app = build(settings, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=stdout, clock=lambda: now)
    await app.run()
    return stdout.getvalue()


async def test_enrol_today_and_checkin_survive_reopening_the_database(tmp_path: Path) -> None:
    db_path = tmp_path / "coachbot.db"
    output = await run_console(db_path, [*ENROL, "/today", "/checkin", "3/10", "two", "all", "no"])
    assert "Before we start" in output
    assert "You're enrolled in 12-week calf strain rehab" in output
    assert "Sessions at 07:30 (Europe/London) on every day; morning check-in at 08:00." in output
    assert "Straight-knee calf raise" in output  # /today lists the phase-0 menu
    assert "Logged: pain 3/10 during, 2/10 now, did all." in output

    morning = await run_console(
        db_path, ["/morning", "1", "None of these"], now=datetime(2026, 3, 3, 7, 0, tzinfo=UTC)
    )
    assert "Thanks — morning 1/10 logged." in morning
    assert "1 of 2 green sessions at this level" in morning

    later = await run_console(db_path, ["/status"], now=datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
    assert "Phase 1: Restore (day 3); programme week 1." in later

    database = Database.connect(sqlite_url(db_path))
    try:
        async with database.read() as repo:
            person = await repo.person("console", _console_user())
            assert person is not None
            enrolment = await repo.live_enrolment(person.id)
            assert enrolment is not None
            [checkin, _morning] = await repo.checkins(enrolment.id)
    finally:
        await database.close()
    assert (checkin.local_date, checkin.during, checkin.after, checkin.completion) == (
        date(2026, 3, 2),
        3,
        2,
        "all",
    )
    assert checkin.sudden is False


async def test_restart_mid_conversation_resumes_at_the_same_question(tmp_path: Path) -> None:
    db_path = tmp_path / "coachbot.db"
    first = await run_console(db_path, ENROL[:14])
    last_question = first.rsplit("coachbot> ", 1)[1]
    assert last_question.startswith("How much does it hurt to walk right now?")
    second = await run_console(db_path, ENROL[14:])
    assert "You're enrolled in" in second


async def test_wrong_answer_re_asks_the_same_question_and_says_what_is_expected(tmp_path: Path) -> None:
    db_path = tmp_path / "coachbot.db"
    output = await run_console(db_path, [*ENROL, "/checkin", "it was fine I guess", "4"])
    assert "Sorry, I need a number from 0 to 10 (0 = no pain, 10 = worst imaginable)." in output
    assert output.count("Worst calf pain during today's exercises?") == 2
    assert "Calf pain now?" in output


async def test_bad_time_zone_lists_how_to_write_one(tmp_path: Path) -> None:
    output = await run_console(tmp_path / "coachbot.db", [*ENROL[:2], "Mars/Olympus", "Europe/Paris", "yes"])
    assert "like Europe/London, America/New_York or Asia/Kolkata" in output
    assert '"Mars/Olympus" isn\'t one I know' in output
    assert "How old are you?" in output


def test_typed_button_label_becomes_a_choice_and_slash_a_command() -> None:
    async def deliver(_incoming: object, _responder: object) -> None:
        return None

    adapter = ConsoleAdapter(deliver, io.StringIO(), io.StringIO(), "ana", lambda: NOW)
    assert adapter.incoming("   ") is None
    command = adapter.incoming("/Start club42")
    assert isinstance(command, Command)
    assert (command.name, command.args) == ("start", "club42")
    assert isinstance(adapter.incoming("yes"), Text)


async def test_buttons_are_printed_and_pressable() -> None:
    async def deliver(_incoming: object, _responder: object) -> None:
        return None

    stdout = io.StringIO()
    adapter = ConsoleAdapter(deliver, io.StringIO(), stdout, "ana", lambda: NOW)
    await adapter.send(Reply(adapter.address, "**Pick**", ((("Yes", "v1:q:1:yes"), ("No", "v1:q:1:no")),)))
    assert stdout.getvalue() == "coachbot> Pick\n          [Yes]  [No]\n"
    pressed = adapter.incoming("[no]")
    assert isinstance(pressed, Choice)
    assert pressed.token == "v1:q:1:no"


def _console_user() -> str:
    from coachbot.cli.wiring import _console_user as user

    return user()
