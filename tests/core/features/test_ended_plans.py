"""/report and /progress still answer after /stop or a completed programme (issue 14 item 6)."""

from __future__ import annotations

from datetime import datetime, timedelta

from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from tests.chat import Chat


async def _logged_once(chat: Chat, now: datetime) -> None:
    await chat.enrol()
    chat.now = now + timedelta(hours=9)
    await chat.log_session("2", "1")


async def test_report_and_progress_after_stop(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await _logged_once(chat, now)
    await chat.command("/stop")
    await chat.press("Yes")
    assert "Stopped" in chat.text
    await chat.command("/report")
    assert "not enrolled" not in chat.text
    assert [reply.file.filename.rsplit(".", 1)[1] for reply in chat.replies if reply.file] == ["pdf", "csv"]
    await chat.command("/progress")
    [reply] = chat.replies
    assert reply.image is not None
    assert "1 sessions done" in reply.text
    await chat.command("/today")
    assert "not enrolled" in chat.text  # only the read-only commands see an ended plan


async def test_report_after_a_completed_programme(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await _logged_once(chat, now)
    async with sqlite_db.write() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        enrolment.status, enrolment.status_reason = "completed", "graduated"
    await chat.command("/report")
    assert any(reply.file is not None for reply in chat.replies)
    await chat.command("/progress")
    assert chat.replies[0].image is not None


async def test_never_enrolled_is_still_told_to_start(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.command("/report")
    assert "not enrolled" in chat.text
    await chat.command("/progress")
    assert "not enrolled" in chat.text
