"""The club ticker: turns due club schedules into one group message each — the daily club post on the
club's training days and the weekly digest — through the same outbox, with the same catch-up rule as
personal prompts (see delivery/ticker.py). Rows are keyed (club, local date, kind): queued once a day."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from coachbot.coaching.plan import session_for, starting_levels
from coachbot.core import tokens
from coachbot.core.features import club_digest as digest
from coachbot.delivery.ticker import TickerSettings, TickResult, catch_up
from coachbot.messages import Button, join_token
from coachbot.programme.schema import Programme
from coachbot.reporting.present import session as describe_session
from coachbot.schedule import club_times as schedule
from coachbot.schedule.wallclock import parse_days
from coachbot.store import outbox
from coachbot.store.club_tables import Club, ClubSchedule
from coachbot.store.db import Database
from coachbot.store.repo import Repo
from coachbot.texts import clubs as texts


def post(club: Club, programme: Programme, day: date) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """The club post: the day's session at the programme's base level, a Done and a Join button."""
    first = programme.phases[0].number
    session = session_for(programme, first, starting_levels(programme, first), day, parse_days(club.days))
    title, shown = programme.title, day.strftime("%a %d %b")
    if session.is_rest:
        return texts.POST_REST.format(title=title, date=shown), ()
    body = describe_session(session, private=False).split("\n", 1)[-1]  # the card without its personal header
    text = "\n".join([texts.POST_HEADER.format(title=title, date=shown), body, texts.POST_FOOTER])
    return text, (
        ((texts.DONE, tokens.make(tokens.DONE, club.id)), (texts.JOIN, join_token(club.join_code))),
    )


class ClubTicker:
    def __init__(
        self, database: Database, programmes: Mapping[str, Programme], settings: TickerSettings | None = None
    ) -> None:
        self.database, self.programmes = database, programmes
        self.settings = settings or TickerSettings()

    async def tick(self, now: datetime) -> TickResult:
        result = TickResult()
        async with self.database.write() as repo:
            query = (
                select(ClubSchedule, Club)
                .join(Club, Club.id == ClubSchedule.club_id)
                .where(ClubSchedule.next_due_at <= now, Club.status == "active")
                .order_by(ClubSchedule.next_due_at)
                .with_for_update(skip_locked=True, of=ClubSchedule)
            )
            for due_schedule, club in (await repo.session.execute(query)).all():
                await outbox.add(repo, *await self._advance(repo, due_schedule, club, now, result))
        return result

    async def _advance(
        self, repo: Repo, due_schedule: ClubSchedule, club: Club, now: datetime, result: TickResult
    ) -> list[dict[str, object]]:
        programme = self.programmes.get(club.programme_id)
        if programme is None:
            due_schedule.next_due_at = None
            return []
        kind = due_schedule.kind
        fallen, due_schedule.next_due_at = catch_up(
            due_schedule.next_due_at,
            lambda at: schedule.due_after(kind, club, programme, at),
            now,
            self.settings,
        )
        rows = []
        for due in fallen:
            day = due.at.astimezone(ZoneInfo(club.tz)).date()
            text: str
            choices: tuple[tuple[Button, ...], ...]
            if kind == "post":
                text, choices = post(club, programme, day)
            elif not due.send:
                text, choices = texts.DIGEST_HEADER.format(title=programme.title), ()  # missed: a record only
            else:
                members = await digest.week(repo, club, self.programmes, now)  # custom ones included
                text, choices = (
                    digest.text(club, programme, members),
                    (((texts.JOIN, join_token(club.join_code)),),),
                )
            rows.append(
                outbox.row(
                    f"club:{club.id}:{day.isoformat()}:{kind}", club.platform, club.chat_id, f"club_{kind}", day,
                    text, choices, "pending" if due.send else "missed", now, late=due.late, chat_kind="group",
                )
            )  # fmt: skip
            result.queued += due.send
            result.missed += not due.send
        return rows
