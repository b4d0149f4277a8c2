"""The weekly club digest: sessions done, streaks and new members — adherence only, never pain.

Each member's week and streak are counted in their own local days (a member in Sydney and one in London
each get their own "this week"). Only completion is read from the check-ins; pain scores never leave here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from coachbot.coaching.constants import TRAINED
from coachbot.programme.schema import WEEKDAYS, Programme
from coachbot.schedule.timetable import days_for
from coachbot.store import clubs as store
from coachbot.store.club_tables import Club
from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment
from coachbot.texts import clubs as texts

WEEK = timedelta(days=7)
STREAK_LOOKBACK = 90  # days


@dataclass(frozen=True)
class MemberWeek:
    name: str
    sessions: int  # sessions done in the member's last seven local days
    streak: int  # planned training days done in a row, up to the member's today
    new: bool  # joined in the last seven days
    leaderboard: bool  # opted in to be named


def streak(done: set[date], planned: set[str], today: date) -> int:
    """Planned training days done in a row, counting back from today (today may still be to come)."""
    count, day = 0, today
    for _ in range(STREAK_LOOKBACK):
        if WEEKDAYS[day.weekday()] in planned:
            if day in done:
                count += 1
            elif day != today:
                break
        day -= timedelta(days=1)
    return count


async def week(
    repo: Repo, club: Club, programmes: Mapping[str, Programme], now: datetime
) -> list[MemberWeek]:
    result = []
    for member, person, enrolment in await store.members(repo, club.id):
        today = now.astimezone(ZoneInfo(person.tz or club.tz)).date()
        done = await _done_days(repo, enrolment, today) if enrolment is not None else set()
        planned: set[str] = set()
        programme = programmes.get(enrolment.programme_id) if enrolment is not None else None
        if enrolment is not None and programme is not None:
            planned = set(days_for("session", enrolment, programme))
        result.append(
            MemberWeek(
                name=member.display_name or "",
                sessions=sum(1 for day in done if today - day < WEEK),
                streak=streak(done, planned, today),
                new=now - member.joined_at < WEEK,
                leaderboard=member.leaderboard,
            )
        )
    return result


async def _done_days(repo: Repo, enrolment: Enrolment, today: date) -> set[date]:
    """Local days with a session logged as done (all, most or some of it)."""
    return await repo.done_days(enrolment.id, TRAINED, today - timedelta(days=STREAK_LOOKBACK), today)


def text(club: Club, programme: Programme, members: list[MemberWeek]) -> str:
    lines = [texts.DIGEST_HEADER.format(title=programme.title)]
    if not members:
        return "\n".join([*lines, texts.DIGEST_EMPTY])
    active = sum(1 for m in members if m.sessions)
    total = sum(m.sessions for m in members)
    lines.append(texts.DIGEST_TOTALS.format(active=active, members=len(members), sessions=total))
    joined = sum(1 for m in members if m.new)
    if joined:
        lines.append(texts.DIGEST_NEW.format(count=joined))
    named = sorted(
        (m for m in members if m.leaderboard and m.name), key=lambda m: (-m.sessions, -m.streak, m.name)
    )
    if club.leaderboard and named:
        lines.append(texts.DIGEST_LEADERBOARD)
        lines.extend(
            texts.DIGEST_ENTRY.format(name=m.name, sessions=m.sessions, streak=m.streak) for m in named
        )
    lines.append(texts.DIGEST_NUDGE)
    return "\n".join(lines)
