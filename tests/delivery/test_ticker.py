"""The ticker on SQLite and PostgreSQL: due schedules become one outbox row each, never twice; after
downtime the latest prompt is sent late (under 3 h) or recorded as missed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from coachbot.cli.wiring import ticker_for
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import OutboxMessage
from tests.delivery.conftest import enrol, enrol_many

SESSION_DUE = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)  # Tuesday 07:00 in London (GMT)


@pytest.fixture
def rehab(programmes: dict[str, Programme]) -> Programme:
    return programmes["calf-rehab-12w"]


async def outbox_rows(database: Database) -> list[OutboxMessage]:
    async with database.read() as repo:
        return list((await repo.session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())


async def test_a_due_session_is_queued_once_and_the_schedule_moves_on(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    enrolment_id = await enrol(any_db, rehab, "ana")
    ticker = ticker_for(any_db, programmes)
    assert (await ticker.tick(SESSION_DUE - timedelta(seconds=1))).queued == 0
    result = await ticker.tick(SESSION_DUE + timedelta(seconds=15))
    assert (result.queued, result.missed) == (1, 0)
    assert (await ticker.tick(SESSION_DUE + timedelta(seconds=30))).queued == 0
    [row] = await outbox_rows(any_db)
    assert (row.kind, row.status, row.late, row.idempotency_key) == (
        "session",
        "pending",
        False,
        f"{enrolment_id}:2026-03-03:session",
    )
    assert "phase 1: Restore" in row.text
    assert row.choices["rows"][0][0][1] == "v1:go:checkin"
    async with any_db.read() as repo:
        schedules = await repo.schedules(enrolment_id)
    assert schedules["session"] == SESSION_DUE + timedelta(days=1)
    assert schedules["morning"] == datetime(2026, 3, 3, 8, 0, tzinfo=UTC)


async def test_two_hours_of_downtime_sends_one_late_prompt(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await enrol(any_db, rehab, "ana")
    result = await ticker_for(any_db, programmes).tick(SESSION_DUE + timedelta(hours=2))
    rows = [row for row in await outbox_rows(any_db) if row.kind == "session"]
    assert [(row.status, row.late) for row in rows] == [("pending", True)]
    assert rows[0].text.startswith("(Sorry this is late")
    assert result.queued == 2  # the 08:00 morning question is due too, 1 h late


async def test_five_hours_of_downtime_records_a_missed_prompt(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await enrol(any_db, rehab, "ana")
    await ticker_for(any_db, programmes).tick(SESSION_DUE + timedelta(hours=5))
    rows = {row.kind: row for row in await outbox_rows(any_db)}
    assert rows["session"].status == "missed"
    assert rows["morning"].status == "missed"  # 4 h late


async def test_days_of_downtime_never_burst(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await enrol(any_db, rehab, "ana")
    await ticker_for(any_db, programmes).tick(SESSION_DUE + timedelta(days=3, minutes=30))
    sessions = [row for row in await outbox_rows(any_db) if row.kind == "session"]
    assert [row.status for row in sessions] == ["missed", "missed", "missed", "pending"]
    assert sessions[-1].late is True


async def test_paused_plans_get_no_prompts(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await enrol(any_db, rehab, "ana", status="paused")
    assert (await ticker_for(any_db, programmes).tick(SESSION_DUE + timedelta(minutes=1))).queued == 0


async def test_quiet_hours_stop_late_prompts(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await enrol(any_db, rehab, "ana", local_time="21:00", quiet_start="22:00", quiet_end="07:00")
    due = datetime(2026, 3, 2, 21, 0, tzinfo=UTC)
    await ticker_for(any_db, programmes).tick(
        due + timedelta(hours=1, minutes=30)
    )  # 22:30, inside quiet hours
    [row] = [row for row in await outbox_rows(any_db) if row.kind == "session"]
    assert row.status == "missed"


async def test_dst_change_keeps_the_wall_clock_time(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    enrolment_id = await enrol(any_db, rehab, "ana")
    ticker = ticker_for(any_db, programmes)
    for day in range(26, 31):  # 26-30 March 2026; clocks go forward on the 29th
        await ticker.tick(datetime(2026, 3, day, 12, 0, tzinfo=UTC))
    async with any_db.read() as repo:
        schedules = await repo.schedules(enrolment_id)
    assert schedules["session"] == datetime(2026, 3, 31, 6, 0, tzinfo=UTC)  # 07:00 BST


async def test_each_queued_batch_wakes_the_sender_at_once(
    sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    """With 1,200 prompts due, the sender is told after each batch of 500, not once at the end."""
    due = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)
    await enrol_many(sqlite_db, programmes["calf-rehab-12w"], 1200, due)
    woken: list[int] = []
    result = await ticker_for(sqlite_db, programmes).tick(due, lambda: woken.append(1))
    assert result.queued == 1200
    assert len(woken) == 3
