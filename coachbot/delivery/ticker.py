"""The ticker: every few seconds, turn due schedules into outbox rows and move each schedule on.

One write transaction per batch claims due schedules (FOR UPDATE SKIP LOCKED on PostgreSQL, the writer lock
on SQLite), writes outbox rows keyed (enrolment, local date, kind) so nothing is queued twice, and advances
next_due_at. After downtime, the latest prompt less than `late_window` late (and not in quiet hours) is
sent once, marked late; older ones are recorded as missed, never sent in a burst.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from coachbot.core.daily_prompts import prompt
from coachbot.programme.schema import Programme
from coachbot.reporting.summary import summary
from coachbot.schedule.quiet_hours import quiet_hours
from coachbot.schedule.timetable import due_after
from coachbot.store import outbox
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


@dataclass(frozen=True)
class Due:
    """One instant a schedule fell due, and whether to send it now (and mark it late) or record it missed."""

    at: datetime
    send: bool
    late: bool


def catch_up(
    due: datetime | None,
    following: Callable[[datetime], datetime | None],
    now: datetime,
    settings: TickerSettings,
    quiet: bool = False,
) -> tuple[list[Due], datetime | None]:
    """Every instant from `due` up to `now`, and the next one after `now`. Only the newest is sent, and
    only if less than the late window late (and, in quiet hours, not late at all); the rest are missed."""
    fallen: list[Due] = []
    while due is not None and due <= now:
        after = following(due)
        lateness = now - due
        newest = after is None or after > now
        send = newest and lateness < settings.late_window and not (quiet and lateness > settings.late_after)
        fallen.append(Due(due, send, send and lateness > settings.late_after))
        due = after
    return fallen, due


def in_quiet_hours(enrolment: Enrolment, local: time) -> bool:
    quiet = quiet_hours(enrolment.quiet_start, enrolment.quiet_end)
    return quiet is not None and quiet.contains(local)


class Ticker:
    def __init__(
        self, database: Database, programmes: Mapping[str, Programme], settings: TickerSettings | None = None
    ) -> None:
        self.database, self.programmes = database, programmes
        self.settings = settings or TickerSettings()

    async def tick(self, now: datetime, queued: Callable[[], None] = lambda: None) -> TickResult:
        """Queue everything due at `now`, batch by batch, each batch in its own transaction; `queued` is
        called after each batch that queued something (the sender starts on it at once)."""
        result = TickResult()
        while True:
            before = result.queued
            async with self.database.write() as repo:
                batch = await self._claim(repo, now)
                rows: list[dict[str, object]] = []
                for schedule, enrolment, person in batch:
                    rows.extend(self._advance(schedule, enrolment, person, now, result))
                    if schedule.kind == "weekly":
                        rows.extend(await self._summaries(repo, enrolment, person, rows, now))
                await outbox.add(repo, *rows)
            if result.queued > before:
                queued()
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

    async def _summaries(
        self, repo: Repo, enrolment: Enrolment, person: Person, rows: list[dict[str, object]], now: datetime
    ) -> list[dict[str, object]]:
        """With each weekly check that is sent, the person's weekly summary, in a message of its own."""
        programme = self.programmes.get(enrolment.programme_id)
        weekly = [
            row for row in rows
            if row["enrolment_id"] == enrolment.id and row["kind"] == "weekly" and row["status"] == "pending"
        ]  # fmt: skip
        if programme is None or not weekly:
            return []
        checkins = await repo.checkins(enrolment.id)
        summaries = []
        for row in weekly:
            day = row["local_date"]
            assert isinstance(day, date)
            text = summary(enrolment, programme, checkins, day)
            summaries.append(
                outbox.row(
                    f"{enrolment.id}:{day.isoformat()}:summary", person.platform, person.chat_id, "summary", day,
                    text, (), "pending", now, enrolment_id=enrolment.id,
                )
            )  # fmt: skip
        return summaries

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
        quiet = in_quiet_hours(enrolment, now.astimezone(zone).time())
        fallen, schedule.next_due_at = catch_up(
            schedule.next_due_at,
            lambda due: due_after(schedule.kind, enrolment, programme, person.tz or "UTC", due),
            now,
            self.settings,
            quiet,
        )
        for due in fallen:
            day = due.at.astimezone(zone).date()
            text, choices = prompt(schedule.kind, enrolment, programme, day, due.late)
            rows.append(
                outbox.row(
                    f"{enrolment.id}:{day.isoformat()}:{schedule.kind}", person.platform, person.chat_id,
                    schedule.kind, day, text, choices, "pending" if due.send else "missed", now,
                    enrolment_id=enrolment.id, late=due.late,
                ),
            )  # fmt: skip
            result.queued += due.send
            result.missed += not due.send
        return rows
