"""The weekly summary: counted in the person's own week, sent with the weekly check, privately."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from coachbot.cli.wiring import ticker_for
from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import OutboxMessage
from tests.chat import Chat


async def test_the_weekly_summary_comes_with_the_weekly_check(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    coach = Coach(sqlite_db, Catalogue(programmes))
    chat = Chat(coach, now)
    await chat.enrol()  # Monday 2 March; weekly check on Sundays at 07:00 London
    for day, morning in ((1, 3), (2, 3), (3, 2)):
        chat.now = now + timedelta(days=day - 1, hours=9)
        await chat.log_session("2", "1")
        chat.now = now + timedelta(days=day, hours=-1)
        await chat.log_morning(str(morning))
    await ticker_for(sqlite_db, programmes).tick(datetime(2026, 3, 8, 7, 0, 10, tzinfo=UTC))
    async with sqlite_db.read() as repo:
        rows = list((await repo.session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())
    [summary] = [row for row in rows if row.kind == "summary" and row.status == "pending"]
    [weekly] = [row for row in rows if row.kind == "weekly" and row.status == "pending"]
    assert summary.local_date == weekly.local_date
    assert summary.chat_kind == "private"
    assert "**Your week 1**" in summary.text
    assert "Sessions done in the last 7 days: 3" in summary.text
    assert "not enough answers yet" in summary.text  # no week before to compare with
    assert "You're in phase 1" in summary.text
    assert "Next: phase 2" in summary.text
    assert "Tip — " in summary.text


def test_the_trend_compares_this_weeks_mornings_with_last_weeks() -> None:
    from datetime import date

    from coachbot.reporting.summary import trend
    from coachbot.store.tables import CheckIn

    today = date(2026, 3, 15)

    def mornings(before: int, this: int) -> list[CheckIn]:
        days = [today - timedelta(days=n) for n in range(14)]
        return [
            CheckIn(kind="morning", local_date=d, morning=this if (today - d).days < 7 else before)
            for d in days
        ]

    # 1.0: the week_worse_delta both programmes set
    assert trend(mornings(4, 2), today, 1.0) == "better"
    assert trend(mornings(2, 2), today, 1.0) == "same"
    assert trend(mornings(1, 3), today, 1.0) == "worse"
