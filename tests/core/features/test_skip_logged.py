"""/skip after today's session was logged is refused and the record kept (issue 14 item 3)."""

from __future__ import annotations

from datetime import datetime, timedelta

from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from tests.chat import Chat


async def test_skip_after_logging_keeps_the_session(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    chat.later(hours=2)
    await chat.log_session("2", "1")
    await chat.command("/skip")
    assert "You've already logged today's session" in chat.text
    assert not any(reply.choices for reply in chat.replies)  # no reasons asked: nothing to skip
    async with sqlite_db.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        [checkin] = await repo.checkins(enrolment.id)
        assert (checkin.completion, checkin.during, checkin.after) == ("all", 2, 1)
        assert checkin.details["levels"]
        assert "skipped" not in checkin.details
    await chat.command("/progress")
    assert "1 sessions done, 0 missed" in chat.text


async def test_skip_before_logging_still_skips(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now + timedelta(hours=1))
    await chat.enrol()
    await chat.command("/skip")
    await chat.press("No time")
    assert "Skipped today" in chat.text
