"""While a plan is paused for safety (CLINICAL A12) /today shows no exercises and says why and what next,
/status says since when, the tier, why and the next step, and no scheduled session reaches the person."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from coachbot.cli.wiring import ticker_for
from coachbot.coaching import regions
from coachbot.core.coach import Coach
from coachbot.core.safety_pause import SafetyPause, status_text, today_text
from coachbot.delivery.limits import PlatformLimits, RateLimiter
from coachbot.delivery.sender import OutboxSender
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import OutboxMessage
from coachbot.texts import safety
from tests.chat import Chat
from tests.core.test_referral_wording import ZONE_OF, repeated_phrases
from tests.fakes.platform import RecordingPlatform

SESSION_DUE = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)  # Tuesday 07:00 London, the first session prompt


def exercise_names(programme: Programme) -> list[str]:
    return [exercise.name for exercise in programme.exercises]


def shows_no_exercise(text: str, programme: Programme) -> bool:
    return not any(name in text for name in exercise_names(programme)) and "Cue:" not in text


async def outbox(database: Database) -> list[OutboxMessage]:
    async with database.read() as repo:
        return list((await repo.session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())


async def test_today_while_referred_shows_no_exercise_but_why_and_what_next(
    coach: Coach, now: datetime, programmes: dict[str, Programme]
) -> None:
    rehab = programmes["calf-rehab-12w"]
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/today")
    assert not shows_no_exercise(chat.text, rehab)  # an active plan shows the session
    await chat.say("my calf is swollen")
    assert safety.CONFIRM["dvt"] in chat.text  # one sign alone: asked first (CLINICAL A6)
    await chat.press("Yes")
    chat.later(days=2)
    await chat.command("/today")
    [reply] = chat.replies
    assert shows_no_exercise(reply.text, rehab)
    assert "/checkin" not in reply.text
    assert "No exercises today: your plan is paused for safety" in reply.text
    assert "since Mon 02 Mar" in reply.text
    assert "because you told me about a swollen calf" in reply.text
    assert "Next step: get checked by a clinician today" in reply.text
    assert "NHS 111" in reply.text
    assert "send /resume" in reply.text
    assert "DVT" not in reply.text
    assert "clot" not in reply.text  # why is what they reported, never a diagnosis


async def test_status_while_referred_says_since_when_the_tier_why_and_the_next_step(
    coach: Coach, now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    chat.later(hours=30)  # Tuesday
    await chat.say("Since this morning the pain wakes me up at night")
    chat.later(days=1)
    await chat.command("/status")
    assert "paused until you've been assessed" in chat.text
    assert "Paused for safety since Tue 03 Mar: routine, to be seen within a few days" in chat.text
    assert "because you told me about pain at rest or pain that wakes you at night" in chat.text
    assert "Next step: book an appointment with a physiotherapist or doctor" in chat.text


async def test_today_during_the_rest_after_a_stop_shows_no_exercise_and_the_re_check_date(
    coach: Coach, now: datetime, programmes: dict[str, Programme]
) -> None:
    rehab = programmes["calf-rehab-12w"]
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    for answer in ("3", "2", "All", "Yes"):  # something sudden: stop and re-triage
        await chat.press(answer)
    chat.later(days=1)
    await chat.command("/today")
    assert shows_no_exercise(chat.text, rehab)
    assert "paused for a rest from loading** (since Mon 02 Mar" in chat.text
    assert "Next step: on Thu 05 Mar, send /resume" in chat.text
    await chat.command("/status")
    assert "Paused for a rest from loading since Mon 02 Mar" in chat.text
    chat.later(days=3)
    await chat.command("/today")
    assert shows_no_exercise(chat.text, rehab)
    assert "the rest is over: send /resume" in chat.text


async def test_no_session_prompt_is_queued_or_sent_while_referred(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    ticker = ticker_for(sqlite_db, programmes)
    await ticker.tick(SESSION_DUE)
    platform = RecordingPlatform()
    limiter = RateLimiter({"console": PlatformLimits(per_second=1000)})
    sender = OutboxSender(sqlite_db, {"console": platform.send}, limiter, "test", rng=random.Random(1))
    assert await sender.run_once(SESSION_DUE) == 1  # the session card went out
    chat.now = SESSION_DUE + timedelta(minutes=5)
    await chat.command("/snooze 1h")  # the same card is queued again for 08:05
    chat.later(minutes=1)
    await chat.say("my calf is suddenly swollen and warm")
    statuses = [(row.kind, row.status) for row in await outbox(sqlite_db)]
    assert ("session", "paused") in statuses  # the snoozed card was withdrawn
    assert ("session", "pending") not in statuses
    for day in range(1, 8):
        await ticker.tick(SESSION_DUE + timedelta(days=day, minutes=1))
        await sender.run_once(SESSION_DUE + timedelta(days=day, minutes=2))
    assert len(platform.sent) == 1  # nothing after the referral: no session, no morning question
    assert [row.status for row in await outbox(sqlite_db) if row.status == "pending"] == []


def test_pause_texts_read_once_in_every_region() -> None:
    pauses = [
        *(SafetyPause("referred", date(2026, 3, 2), "you told me about a swollen calf", tier) for tier in safety.NEXT_STEPS),
        SafetyPause("resting", date(2026, 3, 2), safety.WHY_REST, rest_until=date(2026, 3, 5)),
        SafetyPause("resting", date(2026, 3, 2), safety.WHY_REST, rest_until=date(2026, 3, 1)),
    ]  # fmt: skip
    for zone in ZONE_OF.values():
        region = regions.region_for(zone)
        for pause in pauses:
            for text in (
                today_text(pause, region, date(2026, 3, 3)),
                status_text(pause, region, date(2026, 3, 3)),
            ):
                assert repeated_phrases(text) == [], text
                assert "/resume" in text


async def test_today_names_the_most_serious_referral_of_the_pause(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("I coughed up some blood this morning")
    chat.later(hours=1)
    await chat.say("and my calf pain wakes me up every night")
    await chat.command("/today")
    assert "emergency" in chat.text.lower() or "999" in chat.text
    assert "book an appointment" not in chat.text
