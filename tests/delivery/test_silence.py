"""A week without answers pauses the plan and its prompts (CLINICAL 8); answering keeps it going."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from coachbot.delivery.silence import pause_silent
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import CheckIn
from tests.delivery.conftest import ENROLLED_AT, enrol


async def test_seven_silent_days_pause_the_plan(any_db: Database, programmes: dict[str, Programme]) -> None:
    quiet = await enrol(any_db, programmes["calf-rehab-12w"], "quiet")
    chatty = await enrol(any_db, programmes["calf-rehab-12w"], "chatty")
    async with any_db.write() as repo:
        await repo.save_checkin(
            CheckIn(enrolment_id=chatty, kind="morning", local_date=date(2026, 3, 6), phase=1, morning=1, details={},
                    recorded_at=datetime(2026, 3, 6, 8, 0, tzinfo=UTC))
        )  # fmt: skip
    assert await pause_silent(any_db, Catalogue(programmes), ENROLLED_AT + timedelta(days=6, hours=23)) == 0
    assert await pause_silent(any_db, Catalogue(programmes), ENROLLED_AT + timedelta(days=7, minutes=1)) == 1
    async with any_db.read() as repo:
        silent = await repo.enrolment(quiet)
        talking = await repo.enrolment(chatty)
        assert silent is not None
        assert talking is not None
        assert (silent.status, silent.status_reason, talking.status) == ("paused", "silence", "active")
        assert silent.progress["paused_on"] == "2026-03-02"
        assert set((await repo.schedules(quiet)).values()) == {None}
