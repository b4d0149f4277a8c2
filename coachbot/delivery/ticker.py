"""The ticker: every few seconds, turn due schedules into outbox rows and move each schedule on.

One write transaction per batch claims due schedules (FOR UPDATE SKIP LOCKED on PostgreSQL, the writer lock
on SQLite), writes outbox rows keyed (enrolment, local date, kind) so nothing is queued twice, and advances
next_due_at. After downtime, the latest prompt less than `late_window` late (and not in quiet hours) is
sent once, marked late; older ones are recorded as missed, never sent in a burst.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from coachbot.delivery import outbox
from coachbot.programme.schema import Programme
from coachbot.prompts import prompt
from coachbot.schedule import parse_time
from coachbot.scheduling import due_after
from coachbot.store.db import Database
from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment, Person, Schedule


@dataclass(frozen=True)
class TickerSettings:
    late_window: timedelta = timedelta(hours=3)  # send a late prompt only if less late than this
    late_after: timedelta = timedelta(minutes=5)  # sent later than this counts as late
    batch: int = 500


@dataclass
class TickResult:
    queued: int = 0
    missed: int = 0


def in_quiet_hours(enrolment: Enrolment, local: time) -> bool:
    if not enrolment.quiet_start or not enrolment.quiet_end:
        return False
    start, end = parse_time(enrolment.quiet_start), parse_time(enrolment.quiet_end)
    return start <= local < end if start < end else (local >= start or local < end)


class Ticker:
    def __init__(
        self, database: Database, programmes: Mapping[str, Programme], settings: TickerSettings | None = None
    ) -> None:
        self.database, self.programmes = database, programmes
        self.settings = settings or TickerSettings()

    async def tick(self, now: datetime) -> TickResult:
        """Queue everything due at `now`, batch by batch, each batch in its own transaction."""
        result = TickResult()
        while True:
            async with self.database.write() as repo:
                batch = await self._claim(repo, now)
                rows: list[dict[str, object]] = []
                for schedule, enrolment, person in batch:
                    rows.extend(self._advance(schedule, enrolment, person, now, result))
                await outbox.add(repo, *rows)
            if len(batch) < self.settings.batch:
                return result

    async def _claim(self, repo: Repo, now: datetime) -> list[tuple[Schedule, Enrolment, Person]]:
        query = (
            select(Schedule, Enrolment, Person)
            .join(Enrolment, Enrolment.id == Schedule.enrolment_id)
            .join(Person, Person.id == Enrolment.person_id)
            .where(Schedule.next_due_at <= now, Enrolment.status == "active")
            .order_by(Schedule.next_due_at)
            .limit(self.settings.batch)
            .with_for_update(skip_locked=True, of=Schedule)
        )
        return [(row[0], row[1], row[2]) for row in (await repo.session.execute(query)).all()]

    def _advance(
        self, schedule: Schedule, enrolment: Enrolment, person: Person, now: datetime, result: TickResult
    ) -> list[dict[str, object]]:
        """Move one schedule past `now`; returns the outbox rows for what fell due (sent or missed)."""
        programme = self.programmes.get(enrolment.programme_id)
        if programme is None or not person.tz:
            schedule.next_due_at = None
            return []
        rows: list[dict[str, object]] = []
        zone = ZoneInfo(person.tz)
        due = schedule.next_due_at
        while due is not None and due <= now:
            following = due_after(schedule.kind, enrolment, programme, person.tz, due)
            lateness = now - due
            newest = following is None or following > now
            quiet = in_quiet_hours(enrolment, now.astimezone(zone).time())
            send = (
                newest
                and lateness < self.settings.late_window
                and not (quiet and lateness > self.settings.late_after)
            )
            late = send and lateness > self.settings.late_after
            day = due.astimezone(zone).date()
            text, choices = prompt(schedule.kind, enrolment, programme, day, late)
            rows.append(
                outbox.row(
                    f"{enrolment.id}:{day.isoformat()}:{schedule.kind}", person.platform, person.chat_id,
                    schedule.kind, day, text, choices, "pending" if send else "missed", now,
                    enrolment_id=enrolment.id, late=late,
                ),
            )  # fmt: skip
            result.queued += send
            result.missed += not send
            due = following
        schedule.next_due_at = due
        return rows
