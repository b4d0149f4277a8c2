"""When the next prompt is due: a plan's schedules (session, morning, weekly) and a club's (post, digest).

One `set_due` writes both kinds of schedule row; `reschedule_club` points a club's schedules at their next
instants (from the pure schedule/ maths), or at none while it is not active; a plan's are rescheduled by
store/plan_changes.py, the one path for plans.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from coachbot.programme.schema import Programme
from coachbot.schedule import club_times
from coachbot.store.club_tables import Club, ClubSchedule
from coachbot.store.tables import OutboxMessage, Schedule

Due = TypeVar("Due", Schedule, ClubSchedule)  # a plan's schedule row or a club's


async def set_due(
    session: AsyncSession,
    table: type[Due],
    owner: InstrumentedAttribute[int],
    owner_id: int,
    kind: str,
    due: datetime | None,
) -> None:
    """Set when the `kind` prompt of one owner (a plan or a club) is next due, adding its row if new."""
    query = select(table).where(owner == owner_id, table.kind == kind)
    row = (await session.execute(query)).scalar_one_or_none()
    if row is None:
        session.add(table(**{owner.key: owner_id, "kind": kind, "next_due_at": due}))
    else:
        row.next_due_at = due
    await session.flush()


class Schedules:
    """A plan's schedules and the prompts queued for it (a part of `Repo`)."""

    session: AsyncSession

    async def set_schedule(self, enrolment_id: int, kind: str, due: datetime | None) -> None:
        await set_due(self.session, Schedule, Schedule.enrolment_id, enrolment_id, kind, due)

    async def set_club_schedule(self, club_id: int, kind: str, due: datetime | None) -> None:
        await set_due(self.session, ClubSchedule, ClubSchedule.club_id, club_id, kind, due)

    async def schedules(self, enrolment_id: int) -> dict[str, datetime | None]:
        query = select(Schedule).where(Schedule.enrolment_id == enrolment_id)
        return {row.kind: row.next_due_at for row in (await self.session.execute(query)).scalars()}

    async def withdraw_prompts(self, enrolment_id: int, kinds: tuple[str, ...]) -> int:
        """Prompts of the plan queued but not yet sent (a snoozed session, a sender behind) are marked
        "paused" instead: a paused plan gets none. Returns how many were withdrawn."""
        result = await self.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.enrolment_id == enrolment_id,
                OutboxMessage.status == "pending",
                OutboxMessage.kind.in_(kinds),
            )
            .values(status="paused", lease_until=None)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def reschedule_club(repo: Schedules, club: Club, programme: Programme, now: datetime) -> None:
    """Point the club's schedules at their next instants after now (none unless the club is active)."""
    for kind in club_times.KINDS:
        due = club_times.due_after(kind, club, programme, now) if club.status == "active" else None
        await repo.set_club_schedule(club.id, kind, due)
