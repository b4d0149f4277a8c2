"""store/plan_changes.py on SQLite and PostgreSQL: `apply` writes the status and moves or clears the prompts,
as the /pause, silence and dead-letter paths each did on their own before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from coachbot.coaching import lifecycle
from coachbot.coaching.lifecycle import Reason
from coachbot.programme.schema import Programme
from coachbot.schedule.timetable import KINDS, due_after
from coachbot.store import outbox
from coachbot.store.db import Database
from coachbot.store.plan_changes import apply, reschedule
from coachbot.store.repo import Repo
from coachbot.store.tables import OutboxMessage
from tests import factories

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
ZONE = "Europe/London"


async def _enrolled(database: Database, programme: Programme) -> int:
    """An active, scheduled plan with a session prompt and a notice queued for it."""
    async with database.write() as repo:
        enrolment = await factories.enrolment(repo, NOW, programme_id=programme.id)
        await reschedule(repo, enrolment, programme, ZONE, NOW)
        for kind in ("session", "notice"):
            await outbox.add(
                repo, outbox.row(f"{kind}:1", "console", "1", kind, None, kind, (), "pending", NOW,
                                 enrolment_id=enrolment.id),
            )  # fmt: skip
        return enrolment.id


async def _outbox(repo: Repo) -> dict[str, str]:
    rows = (await repo.session.execute(select(OutboxMessage.kind, OutboxMessage.status))).all()
    return {kind: status for kind, status in rows}


async def test_a_pause_empties_the_schedules_and_withdraws_queued_prompts(
    any_db: Database, programmes: dict[str, Programme]
) -> None:
    programme = programmes["calf-rehab-12w"]
    enrolment_id = await _enrolled(any_db, programme)
    later = NOW + timedelta(hours=1)
    async with any_db.write() as repo:
        enrolment = await repo.enrolment(enrolment_id)
        assert enrolment is not None
        assert all(await repo.schedules(enrolment_id))
        await apply(repo, enrolment, lifecycle.pause("active", Reason.SILENCE, later), programme, ZONE, later)
    async with any_db.read() as repo:
        enrolment = await repo.enrolment(enrolment_id)
        assert enrolment is not None
        assert (enrolment.status, enrolment.status_reason) == ("paused", "silence")
        assert enrolment.updated_at.replace(tzinfo=UTC) == later
        assert await repo.schedules(enrolment_id) == dict.fromkeys(KINDS)
        assert await _outbox(repo) == {"session": "paused", "notice": "pending"}  # a notice still goes


async def test_resuming_points_every_schedule_at_its_next_due_instant(
    any_db: Database, programmes: dict[str, Programme]
) -> None:
    programme = programmes["calf-rehab-12w"]
    enrolment_id = await _enrolled(any_db, programme)
    later = NOW + timedelta(days=3)
    async with any_db.write() as repo:
        enrolment = await repo.enrolment(enrolment_id)
        assert enrolment is not None
        await apply(repo, enrolment, lifecycle.pause("active", Reason.SICK, NOW), None, None, NOW)
        await apply(repo, enrolment, lifecycle.resume(enrolment.status, later), programme, ZONE, later)
        expected = {kind: due_after(kind, enrolment, programme, ZONE, later) for kind in KINDS}
    async with any_db.read() as repo:
        enrolment = await repo.enrolment(enrolment_id)
        assert enrolment is not None
        assert (enrolment.status, enrolment.status_reason) == ("active", None)
        dues = await repo.schedules(enrolment_id)
        assert {kind: due.replace(tzinfo=UTC) if due else None for kind, due in dues.items()} == expected
        assert all(expected.values())


async def test_a_new_reason_for_a_paused_plan_leaves_its_prompts_alone(
    any_db: Database, programmes: dict[str, Programme]
) -> None:
    programme = programmes["calf-rehab-12w"]
    enrolment_id = await _enrolled(any_db, programme)
    async with any_db.write() as repo:
        enrolment = await repo.enrolment(enrolment_id)
        assert enrolment is not None
        await apply(repo, enrolment, lifecycle.pause("active", "stop:rule2", NOW), programme, ZONE, NOW)
        await outbox.add(repo, outbox.row("morning:1", "console", "1", "morning", None, "m", (), "pending",
                                          NOW, enrolment_id=enrolment_id))  # fmt: skip
        await apply(repo, enrolment, lifecycle.pause("paused", Reason.SCREENED_STOP, NOW), None, None, NOW)
    async with any_db.read() as repo:
        enrolment = await repo.enrolment(enrolment_id)
        assert enrolment is not None
        assert (enrolment.status, enrolment.status_reason) == ("paused", "stop:sudden")
        assert (await _outbox(repo))["morning"] == "pending"  # not rescheduled: nothing withdrawn


async def test_a_dead_letter_for_a_blocked_chat_pauses_the_plan_through_apply(
    any_db: Database, programmes: dict[str, Programme]
) -> None:
    programme = programmes["calf-rehab-12w"]
    enrolment_id = await _enrolled(any_db, programme)
    async with any_db.write() as repo:
        row = (
            await repo.session.execute(select(OutboxMessage).where(OutboxMessage.kind == "notice"))
        ).scalar_one()
        leased = outbox.Leased(row.id, enrolment_id, "console", "1", "private", row.text, (), 1)
        await outbox.dead_letter(repo, leased, "403 blocked", Reason.BLOCKED, NOW)
    async with any_db.read() as repo:
        enrolment = await repo.enrolment(enrolment_id)
        assert enrolment is not None
        assert (enrolment.status, enrolment.status_reason) == ("paused", "blocked")
        assert await repo.schedules(enrolment_id) == dict.fromkeys(KINDS)
        assert await _outbox(repo) == {"session": "paused", "notice": "dead"}
