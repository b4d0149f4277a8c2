"""The ticker's claims: due schedules of people and of clubs, locked for the batch's transaction.

Rows another instance holds are skipped (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer,
so the write transaction is the lock). The caller moves each claimed schedule's next_due_at on.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from coachbot.coaching.lifecycle import Status
from coachbot.store.club_tables import Club, ClubSchedule
from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment, Person, Schedule


async def people(repo: Repo, now: datetime, limit: int) -> list[tuple[Schedule, Enrolment, Person]]:
    """Up to `limit` schedules of active plans due at `now`, the earliest first, with plan and person."""
    query = (
        select(Schedule, Enrolment, Person)
        .join(Enrolment, Enrolment.id == Schedule.enrolment_id)
        .join(Person, Person.id == Enrolment.person_id)
        .where(Schedule.next_due_at <= now, Enrolment.status == Status.ACTIVE)
        .order_by(Schedule.next_due_at)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Schedule)
    )
    return [(row[0], row[1], row[2]) for row in (await repo.session.execute(query)).all()]


async def clubs(repo: Repo, now: datetime, limit: int) -> list[tuple[ClubSchedule, Club]]:
    """Up to `limit` schedules of active clubs due at `now`, the earliest first, with the club."""
    query = (
        select(ClubSchedule, Club)
        .join(Club, Club.id == ClubSchedule.club_id)
        .where(ClubSchedule.next_due_at <= now, Club.status == "active")
        .order_by(ClubSchedule.next_due_at)
        .limit(limit)
        .with_for_update(skip_locked=True, of=ClubSchedule)
    )
    return [(row[0], row[1]) for row in (await repo.session.execute(query)).all()]
