"""The clinician report: its content, a one-page PDF, the check-ins CSV, /report privately, the CLI."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coachbot.cli.main import main
from coachbot.core import report_files
from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.reporting import report
from coachbot.store.db import Database
from tests.chat import Chat


async def logged(coach: Coach, now: datetime) -> Chat:
    """Enrolled, two green sessions with settled mornings (an advance), then a weekly check."""
    chat = Chat(coach, now)
    await chat.enrol()
    for day in (1, 2):
        chat.now = now + timedelta(days=day - 1, hours=9)
        await chat.log_session("1", "1")
        chat.now = now + timedelta(days=day, hours=-1)
        await chat.log_morning("1")
    return chat


async def test_the_report_holds_triage_tests_and_every_decision(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    coach = Coach(sqlite_db, Catalogue(programmes))
    chat = await logged(coach, now)
    async with sqlite_db.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        [plan] = await repo.enrolments(person.id)
        data = await report_files.gather(
            repo, plan, programmes[plan.programme_id], "Europe/London", chat.now.date()
        )
    text = "\n".join(line for _, line in report.lines(data))
    assert "Pattern: grade1" in text
    assert "age=34" in text
    assert "not a diagnosis" in text
    assert re.search(r"advance .*L\d→L\d \[10\]", text)  # the decision, its rule row and its reason
    document = report.pdf(data)
    assert document.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", document)) == 1  # one page
    rows = list(csv.DictReader(io.StringIO(report.checkins_csv(data.checkins).decode())))
    assert [(r["kind"], r["during"], r["morning"]) for r in rows][:2] == [
        ("session", "1", ""),
        ("morning", "", "1"),
    ]
    assert len(rows) == len(data.checkins)


async def test_report_is_sent_privately_as_pdf_and_csv(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    coach = Coach(sqlite_db, Catalogue(programmes))
    chat = await logged(coach, now)
    await chat.command("/report")
    pdf, table = chat.replies
    assert pdf.file is not None
    assert table.file is not None
    assert pdf.file.filename.endswith(".pdf")
    assert table.file.filename.endswith(".csv")
    assert pdf.private
    assert table.private
    group = Chat(coach, now, chat_kind="group")
    await group.command("/report")
    assert [reply.file for reply in group.replies] == [None]


async def test_report_from_the_command_line(
    tmp_path: Path, programmes: dict[str, Programme], now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    database = Database.connect(url)
    from coachbot.store import migrate

    await migrate.upgrade(database)
    await logged(Coach(database, Catalogue(programmes)), now)
    await database.close()
    monkeypatch.setenv("COACHBOT_DATABASE_URL", url)
    out = tmp_path / "report.pdf"
    import asyncio

    assert (
        await asyncio.to_thread(main, ["report", "--platform", "console", "--user", "42", "--out", str(out)])
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert out.with_suffix(".csv").read_text().startswith("local_date,kind,")
