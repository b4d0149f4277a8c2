"""People's due prompts, a source for the ticker: session, morning and weekly prompts, and with each
weekly check that is sent the person's weekly summary, in a message of its own. Rows are keyed
(enrolment, local date, kind)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from coachbot.core.daily_prompts import prompt
from coachbot.delivery.ticker import Claimed, Due, Rows
from coachbot.programme.schema import Programme
from coachbot.reporting.summary import summary
from coachbot.schedule.quiet_hours import quiet_hours
from coachbot.schedule.timetable import due_after
from coachbot.store import due as store
from coachbot.store import outbox
from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment, Person, Schedule

Owner = tuple[Schedule, Enrolment, Person]


def in_quiet_hours(enrolment: Enrolment, local: time) -> bool:
    quiet = quiet_hours(enrolment.quiet_start, enrolment.quiet_end)
    return quiet is not None and quiet.contains(local)


class DuePeople:
    def __init__(self, programmes: Mapping[str, Programme]) -> None:
        self.programmes = programmes

    async def claim(self, repo: Repo, now: datetime, limit: int) -> list[Claimed[Owner]]:
        return [self._claimed(row, now) for row in await store.people(repo, now, limit)]

    def _claimed(self, row: Owner, now: datetime) -> Claimed[Owner]:
        schedule, enrolment, person = row
        programme, tz = self.programmes.get(enrolment.programme_id), person.tz
        if programme is None or not tz:
            return Claimed(schedule, row, None)
        return Claimed(
            schedule,
            row,
            lambda due: due_after(schedule.kind, enrolment, programme, tz, due),
            in_quiet_hours(enrolment, now.astimezone(ZoneInfo(tz)).time()),
        )

    async def rows(self, repo: Repo, claimed: Claimed[Owner], fallen: list[Due], now: datetime) -> Rows:
        schedule, enrolment, person = claimed.owner
        programme = self.programmes[enrolment.programme_id]
        zone = ZoneInfo(person.tz or "UTC")
        rows: Rows = []
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
        if schedule.kind == "weekly":
            rows.extend(await self._summaries(repo, enrolment, person, programme, rows, now))
        return rows

    async def _summaries(
        self,
        repo: Repo,
        enrolment: Enrolment,
        person: Person,
        programme: Programme,
        rows: Rows,
        now: datetime,
    ) -> Rows:
        """With each weekly check that is sent, the person's weekly summary, in a message of its own."""
        weekly = [row for row in rows if row["status"] == "pending"]
        if not weekly:
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
