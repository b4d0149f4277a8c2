"""Auto-pause after silence (CLINICAL 8 missing data): a plan with no answer for `silence_pause_days` stops
sending prompts and says so once, through the outbox; /resume then restarts it a level lower (the re-entry
rule) and restarts the silence clock (`Progress.back_at`), so the next hourly run leaves it alone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from coachbot.coaching import lifecycle
from coachbot.coaching.lifecycle import Reason, Status
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store import outbox, plan_changes, tracking
from coachbot.store.db import Database
from coachbot.store.repo import Repo
from coachbot.store.tables import CheckIn, Enrolment, Person
from coachbot.texts import loop as texts


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
        select(Enrolment, Person, last_answer.c.last)
        .join(Person, Person.id == Enrolment.person_id)
        .outerjoin(last_answer, last_answer.c.enrolment_id == Enrolment.id)
        .where(
            Enrolment.status == Status.ACTIVE.value,
            func.coalesce(last_answer.c.last, Enrolment.created_at) < now - timedelta(days=shortest),
        )
        .with_for_update(skip_locked=True, of=Enrolment)
    )
    paused = 0
    async with database.write() as repo:
        for enrolment, person, last in (await repo.session.execute(query)).all():
            programme = programmes.get(enrolment.programme_id)
            progress = tracking.progress_of(enrolment)
            since = max(_aware(moment) for moment in (last, enrolment.created_at, progress.back_at) if moment)
            if programme is None or now - since < timedelta(days=programme.rules.silence_pause_days):
                continue
            progress = replace(progress, paused_on=since.date())
            await tracking.store_progress(repo, enrolment, progress, now)
            change = lifecycle.pause(enrolment.status, Reason.SILENCE, now)
            await plan_changes.apply(repo, enrolment, change, programme, person.tz, now)
            await _tell(repo, enrolment, person, programme.rules.silence_pause_days, now)
            paused += 1
    return paused


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes; PostgreSQL aware ones."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def _tell(repo: Repo, enrolment: Enrolment, person: Person, days: int, now: datetime) -> None:
    """The one short message the pause sends (issue 14 item 2), once per pause."""
    span = texts.SILENCE_SPANS.get(str(days), texts.SILENCE_DAYS.format(days=days))
    key = f"silence:{enrolment.id}:{now:%Y%m%dT%H%M}"
    await outbox.add(
        repo,
        outbox.row(key, person.platform, person.chat_id, "notice", None, texts.SILENCE_PAUSED.format(span=span),
                   (), "pending", now, enrolment_id=enrolment.id),
    )  # fmt: skip
