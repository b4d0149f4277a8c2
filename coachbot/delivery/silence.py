"""Auto-pause after silence (CLINICAL 8 missing data): a plan with no answer for `silence_pause_days` stops
sending prompts; /resume then restarts it a level lower (the re-entry rule)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import func, select

from coachbot import tracking
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import CheckIn, Enrolment, Schedule


async def pause_silent(database: Database, programmes: Mapping[str, Programme], now: datetime) -> int:
    """Pause every active plan whose last answer (or enrolment) is older than its programme allows."""
    known = programmes.every() if isinstance(programmes, Catalogue) else list(programmes.values())
    shortest = min((p.rules.silence_pause_days for p in known), default=7)
    last_answer = (
        select(CheckIn.enrolment_id, func.max(CheckIn.recorded_at).label("last"))
        .group_by(CheckIn.enrolment_id)
        .subquery()
    )
    query = (
        select(Enrolment, last_answer.c.last)
        .outerjoin(last_answer, last_answer.c.enrolment_id == Enrolment.id)
        .where(
            Enrolment.status == "active",
            func.coalesce(last_answer.c.last, Enrolment.created_at) < now - timedelta(days=shortest),
        )
        .with_for_update(skip_locked=True, of=Enrolment)
    )
    paused = 0
    async with database.write() as repo:
        for enrolment, last in (await repo.session.execute(query)).all():
            programme = programmes.get(enrolment.programme_id)
            since = last or enrolment.created_at
            if programme is None or now - since < timedelta(days=programme.rules.silence_pause_days):
                continue
            enrolment.status, enrolment.status_reason, enrolment.updated_at = "paused", "silence", now
            progress = replace(tracking.progress_of(enrolment), paused_on=since.date())
            await tracking.store_progress(repo, enrolment, progress, now)
            for schedule in (
                await repo.session.execute(select(Schedule).where(Schedule.enrolment_id == enrolment.id))
            ).scalars():
                schedule.next_due_at = None
            paused += 1
    return paused
