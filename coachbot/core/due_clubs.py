"""Clubs' due posts, a source for the ticker: the daily club post on the club's training days and the
weekly digest, one group message each, with the same catch-up rule as personal prompts. Rows are keyed
(club, local date, kind): queued once a day. Rescheduling a club is
store/schedules.py's `reschedule_club`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo

from coachbot.coaching.plan import session_for, starting_levels
from coachbot.core import tokens
from coachbot.core.features import club_digest as digest
from coachbot.delivery.ticker import Claimed, Due, Rows
from coachbot.messages import Button
from coachbot.programme.schema import Programme
from coachbot.reporting.present import session as describe_session
from coachbot.schedule.club_times import due_after
from coachbot.schedule.wallclock import parse_days
from coachbot.store import due as claims
from coachbot.store import outbox
from coachbot.store.club_tables import Club, ClubSchedule
from coachbot.store.repo import Repo
from coachbot.texts import clubs as texts

Owner = tuple[ClubSchedule, Club]


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
        (
            (texts.DONE, tokens.make(tokens.DONE, club.id)),
            (texts.JOIN, tokens.make(tokens.JOIN, club.join_code)),
        ),
    )


class DueClubs:
    def __init__(self, programmes: Mapping[str, Programme]) -> None:
        self.programmes = programmes

    async def claim(self, repo: Repo, now: datetime, limit: int) -> list[Claimed[Owner]]:
        return [self._claimed(row) for row in await claims.clubs(repo, now, limit)]

    def _claimed(self, row: Owner) -> Claimed[Owner]:
        schedule, club = row
        programme = self.programmes.get(club.programme_id)
        if programme is None:
            return Claimed(schedule, row, None)
        return Claimed(schedule, row, lambda at: due_after(schedule.kind, club, programme, at))

    async def rows(self, repo: Repo, claimed: Claimed[Owner], fallen: list[Due], now: datetime) -> Rows:
        schedule, club = claimed.owner
        programme, kind = self.programmes[club.programme_id], schedule.kind
        rows: Rows = []
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
                    (((texts.JOIN, tokens.make(tokens.JOIN, club.join_code)),),),
                )
            rows.append(
                outbox.row(
                    f"club:{club.id}:{day.isoformat()}:{kind}", club.platform, club.chat_id, f"club_{kind}", day,
                    text, choices, "pending" if due.send else "missed", now, late=due.late, chat_kind="group",
                )
            )  # fmt: skip
        return rows
