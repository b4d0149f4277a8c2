"""Retention: check-ins, decisions and referrals of a programme that ended (stopped or completed) more
than N days ago are deleted automatically when COACHBOT_RETENTION_DAYS is set (off by default). The
plan's row, levels and the person stay, so they can still /export what remains or come back; a referral
made before any plan stays until /forget."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select

from coachbot.coaching import lifecycle
from coachbot.store.db import Database
from coachbot.store.tables import CheckIn, Decision, Enrolment, Referral

ENDED = tuple(status.value for status in lifecycle.ENDED)


async def purge(database: Database, days: int, now: datetime) -> int:
    """Delete what retention allows; returns how many rows went."""
    ended = (
        select(Enrolment.id)
        .where(Enrolment.status.in_(ENDED), Enrolment.updated_at < now - timedelta(days=days))
        .scalar_subquery()
    )
    removed = 0
    async with database.write() as repo:
        for table in (CheckIn, Decision, Referral):
            result = await repo.session.execute(delete(table).where(table.enrolment_id.in_(ended)))
            removed += result.rowcount or 0  # type: ignore[attr-defined]
    return removed
