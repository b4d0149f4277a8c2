"""Auto-pause after silence (CLINICAL 8 missing data): a plan with no answer for `silence_pause_days` stops
sending prompts and says so once, through the outbox; /resume then restarts it a level lower (the re-entry
rule) and restarts the silence clock (`Progress.back_at`), so the next hourly run leaves it alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from coachbot.coaching import lifecycle
from coachbot.coaching.lifecycle import Reason
from coachbot.programme.catalogue import Catalogue
from coachbot.store import outbox, plan_changes, rule_state
from coachbot.store.db import Database
from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment, Person
from coachbot.texts import loop as texts


async def pause_silent(database: Database, programmes: Catalogue, now: datetime) -> int:
    """Pause every active plan whose last answer (or enrolment) is older than its programme allows."""
    shortest = min((p.rules.silence_pause_days for p in programmes.every()), default=7)
    paused = 0
    async with database.write() as repo:
        for enrolment, person, last in await repo.silent_plans(now - timedelta(days=shortest)):
            programme = programmes.get(enrolment.programme_id)
            progress = rule_state.progress_of(enrolment)
            since = max(_aware(moment) for moment in (last, enrolment.created_at, progress.back_at) if moment)
            if programme is None or now - since < timedelta(days=programme.rules.silence_pause_days):
                continue
            progress = replace(progress, paused_on=since.date())
            await rule_state.store_progress(repo, enrolment, progress, now)
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
