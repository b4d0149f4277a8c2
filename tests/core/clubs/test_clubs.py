"""Club journeys through the Coach and the club ticker: set-up by an admin, joining, posts, the digest."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import select

from coachbot.cli.wiring import ticker_for
from coachbot.core.coach import Coach
from coachbot.core.features.club_codes import programme_for, share_code
from coachbot.messages import JOIN_PREFIX, Reply
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.club_tables import Club, ClubMember
from coachbot.store.db import Database
from coachbot.store.tables import Enrolment, OutboxMessage
from tests.chat import Chat

STRENGTH = "12-week calf strengthening for runners"
PAIN = re.compile(r"\d+/10|pain|sore|refer|clinician|phase", re.IGNORECASE)


def join_code(replies: list[Reply]) -> str:
    tokens = [token for reply in replies for row in reply.choices for _, token in row]
    return next(token for token in tokens if token.startswith(JOIN_PREFIX)).removeprefix(JOIN_PREFIX)


async def start_club(coach: Coach, now: datetime, settings: str = "time 18:30 zone Europe/London") -> str:
    admin = Chat(coach, now, user_id="900", chat_kind="group")
    await admin.command(f"/club start calf-strength-12w {settings}", admin=True)
    assert "is now this group's club programme" in admin.text
    [announcement] = admin.replies
    assert announcement.broadcast
    assert announcement.pin
    return join_code(admin.replies)


async def outbox(database: Database, kind: str | None = None) -> list[OutboxMessage]:
    async with database.read() as repo:
        query = select(OutboxMessage).order_by(OutboxMessage.id)
        if kind:
            query = query.where(OutboxMessage.kind == kind)
        return list((await repo.session.execute(query)).scalars())


async def test_only_admins_set_up_a_club_and_bad_settings_say_what_is_expected(
    coach: Coach, now: datetime
) -> None:
    member = Chat(coach, now, user_id="5", chat_kind="group")
    await member.command("/club start calf-strength-12w")
    assert member.text == "Only this group's admins can do that."
    admin = Chat(coach, now, user_id="900", chat_kind="group")
    await admin.command("/club start calf-strength-12w zone Mars/Base", admin=True)
    assert admin.text.startswith("Sorry, I need")
    assert "Europe/London" in admin.text
    await admin.command("/club start marathon-in-a-week", admin=True)
    assert "I don't know the programme 'marathon-in-a-week'" in admin.text
    await admin.command("/club settings time 7:00", admin=True)
    assert "no club programme yet" in admin.text
    async with coach.database.read() as repo:
        assert (await repo.session.execute(select(Club))).first() is None


async def test_members_join_by_code_and_each_keeps_a_private_plan(coach: Coach, now: datetime) -> None:
    code = await start_club(coach, now)
    ana = Chat(coach, now, user_id="1")
    await ana.enrol(STRENGTH, start=f"/start {code}")
    assert "Welcome to the club" in ana.text
    await ana.press("Show me")
    assert "You're on the club leaderboard" in ana.text

    injured = Chat(coach, now, user_id="2")  # the triage puts an injured runner on the rehab programme
    await injured.enrol(start=f"/start {code}")
    assert "Welcome to the club" in injured.text
    async with coach.database.read() as repo:
        plans = {e.person_id: e for e in (await repo.session.execute(select(Enrolment))).scalars()}
        members = list((await repo.session.execute(select(ClubMember))).scalars())
    assert {plan.programme_id for plan in plans.values()} == {"calf-strength-12w", "calf-rehab-12w"}
    assert len(members) == 2
    assert {plan.club_id for plan in plans.values()} == {members[0].club_id}


async def test_a_referred_person_is_not_enrolled_and_the_club_is_not_told(
    coach: Coach, now: datetime
) -> None:
    code = await start_club(coach, now)
    ben = Chat(coach, now, user_id="3")
    await ben.command(f"/start {code}")
    await ben.press("I agree")
    await ben.say("Europe/London")
    await ben.press("Yes")
    await ben.say("34")
    await ben.press("None of these")
    await ben.press("Yes")  # an emergency sign
    async with coach.database.read() as repo:
        assert (await repo.session.execute(select(ClubMember))).first() is None
    assert await outbox(coach.database) == []


async def test_one_club_post_a_day_across_the_clock_change(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    await start_club(coach, now, "time 18:30 zone Europe/London days every day")
    ticker = ticker_for(sqlite_db, coach.programmes)
    moments = [  # the programme's first phase trains on Monday, Wednesday and Friday
        datetime(2026, 3, 27, 18, 30, tzinfo=UTC),  # Friday 18:30 GMT
        datetime(2026, 3, 27, 18, 45, tzinfo=UTC),  # again the same evening: nothing new
        datetime(2026, 3, 28, 18, 30, tzinfo=UTC),  # Saturday: no session, no post
        datetime(2026, 3, 30, 17, 29, tzinfo=UTC),  # Monday, a minute early (18:29 BST)
        datetime(2026, 3, 30, 17, 30, tzinfo=UTC),  # Monday 18:30 BST, after the clocks went forward
    ]
    for moment in moments:
        await ticker.tick(moment)
    posts = [row for row in await outbox(sqlite_db, "club_post") if row.status == "pending"]
    assert [row.local_date.isoformat() for row in posts if row.local_date] == ["2026-03-27", "2026-03-30"]
    assert posts[1].not_before == datetime(2026, 3, 30, 17, 30, tzinfo=UTC)
    assert all(row.chat_kind == "group" and row.chat_id == "-100" for row in posts)
    assert "club session" in posts[-1].text
    labels = [label for row in posts[-1].choices["rows"] for label, _ in row]
    assert labels == ["Done ✓", "Join"]


async def test_done_opens_the_members_own_check_in_privately(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    code = await start_club(coach, now)
    ana = Chat(coach, now, user_id="1")
    await ana.enrol(STRENGTH, start=f"/start {code}")
    await ticker_for(sqlite_db, coach.programmes).tick(datetime(2026, 3, 2, 18, 30, tzinfo=UTC))
    [post] = await outbox(sqlite_db, "club_post")
    done = next(token for row in post.choices["rows"] for label, token in row if label == "Done ✓")
    in_group = Chat(coach, datetime(2026, 3, 2, 19, 0, tzinfo=UTC), user_id="1", chat_kind="group")
    await in_group._send(in_group_choice(in_group, done))
    [question] = in_group.replies
    assert question.to.chat_kind == "private"
    assert question.to.chat_id == "1"
    assert "during" in question.text


def in_group_choice(chat: Chat, token: str):  # type: ignore[no-untyped-def]
    from coachbot.messages import Choice

    return Choice(token=token, **chat._meta())  # type: ignore[arg-type]


async def test_the_weekly_digest_counts_sessions_and_never_shows_pain(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    code = await start_club(coach, now, "time 18:30 zone Europe/London leaderboard on digest sun")
    ana = Chat(coach, now, user_id="1")
    await ana.enrol(STRENGTH, start=f"/start {code}", display_name="Ana")
    await ana.press("Show me")
    ben = Chat(coach, now, user_id="2")
    await ben.enrol(STRENGTH, start=f"/start {code}")
    for day in (3, 4, 5):
        ana.now = datetime(2026, 3, day, 19, 0, tzinfo=UTC)
        await ana.command("/checkin")
        for answer in ("7", "6", "All", "No"):
            await ana.press(answer)
    await ticker_for(sqlite_db, coach.programmes).tick(datetime(2026, 3, 8, 18, 30, tzinfo=UTC))
    [digest] = await outbox(sqlite_db, "club_digest")
    assert "1 of 2 members trained this week: 3 sessions in all." in digest.text
    assert "New this week: 2 joined" in digest.text
    assert "- Ana: 3 sessions, streak" in digest.text
    assert not PAIN.search(digest.text)


async def test_stopping_a_club_ends_links_but_keeps_plans(coach: Coach, now: datetime) -> None:
    code = await start_club(coach, now)
    ana = Chat(coach, now, user_id="1")
    await ana.enrol(STRENGTH, start=f"/start {code}")
    admin = Chat(coach, now, user_id="900", chat_kind="group")
    await admin.command("/club stop", admin=True)
    assert "has stopped" in admin.text
    async with coach.database.read() as repo:
        plan = (await repo.session.execute(select(Enrolment))).scalar_one()
        member = (await repo.session.execute(select(ClubMember))).scalar_one()
    assert (plan.status, plan.club_id) == ("active", None)
    assert member.left_at is not None
    await ana.command(f"/start {code}")
    assert "no longer works" in ana.text


def test_share_codes_are_stable_and_name_their_programme(programmes: dict[str, Programme]) -> None:
    code = share_code("calf-strength-12w")
    assert code == share_code("calf-strength-12w")
    assert len(code) == 9
    found = programme_for(Catalogue(programmes), code.upper())
    assert found is not None
    assert found.id == "calf-strength-12w"
    assert programme_for(Catalogue(programmes), "p00000000") is None


async def test_start_with_a_share_code_offers_that_programme(coach: Coach, now: datetime) -> None:
    cleo = Chat(coach, now, user_id="4")
    await cleo.enrol(STRENGTH, start=f"/start {share_code('calf-strength-12w')}")
    await cleo.command("/programme share")
    assert share_code("calf-strength-12w") in cleo.text


def test_a_streak_counts_planned_days_done_in_a_row_in_the_members_own_days() -> None:
    from datetime import date

    from coachbot.core.features.club_digest import streak

    planned = {"mon", "wed", "fri"}
    done = {date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 6), date(2026, 3, 9)}  # Mon Wed Fri Mon
    assert streak(done, planned, date(2026, 3, 9)) == 4
    assert streak(done, planned, date(2026, 3, 10)) == 4  # Tuesday is a rest day
    assert streak(done, planned, date(2026, 3, 11)) == 4  # Wednesday not done yet today
    assert streak(done, planned, date(2026, 3, 12)) == 0  # Wednesday was missed


async def test_removing_the_bot_from_the_group_stops_its_club(coach: Coach, now: datetime) -> None:
    from coachbot.messages import Address, Membership

    code = await start_club(coach, now)
    ana = Chat(coach, now, user_id="1")
    await ana.enrol(STRENGTH, start=f"/start {code}")
    removed = Membership(
        sender=Address("console", "-100", "bot", "group"), at=now, event_id="x", status="removed"
    )
    assert await coach.handle(removed, now) == []
    async with coach.database.read() as repo:
        club = (await repo.session.execute(select(Club))).scalar_one()
        plan = (await repo.session.execute(select(Enrolment))).scalar_one()
    assert club.status == "stopped"
    assert (plan.status, plan.club_id) == ("active", None)


async def test_joining_a_second_club_leaves_the_first(coach: Coach, now: datetime) -> None:
    first = await start_club(coach, now)
    other = Chat(coach, now, user_id="901", chat_kind="group")
    other.address = other.address.__class__("console", "-200", "901", "group")
    await other.command("/club start calf-strength-12w", admin=True)
    second = join_code(other.replies)
    ana = Chat(coach, now, user_id="1")
    await ana.enrol(STRENGTH, start=f"/start {first}")
    await ana.command(f"/start {second}")
    assert "You're now in the club, and you keep your own plan" in ana.text
    async with coach.database.read() as repo:
        members = list((await repo.session.execute(select(ClubMember).order_by(ClubMember.id))).scalars())
        plan = (await repo.session.execute(select(Enrolment))).scalar_one()
    assert [m.left_at is None for m in members] == [False, True]
    assert plan.club_id == members[1].club_id


async def test_club_days_off_the_programme_pattern_still_get_posts(coach: Coach, now: datetime) -> None:
    admin = Chat(coach, now, user_id="900", chat_kind="group")
    await admin.command("/club start calf-strength-12w days tue,thu", admin=True)
    # CLINICAL A23: the Mon/Wed/Fri pattern is mapped onto the club's days, it no longer silences them
    assert "Club post: 18:00 (UTC) on Tue, Thu" in admin.text
    assert "no club post will come" not in admin.text
    await admin.command("/club settings days mon,tue", admin=True)
    assert "on Mon;" in admin.text  # strength days are never consecutive: Tuesday rests
