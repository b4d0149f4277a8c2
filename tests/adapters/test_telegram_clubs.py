"""A club on Telegram end to end: real python-telegram-bot against the fake Bot API."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import select

from coachbot.store.tables import Enrolment, ExerciseLevel
from tests.adapters.test_telegram import (
    Bot,
    enrol,
    morning_checkin,
    session_checkin,
    telegram_bot,  # noqa: F401 (the "bot" fixture)
)
from tests.conftest import ROOT
from tests.fakes.telegram_api import BOT_ID

GROUP = -100777
ADMIN = 4000
SHIPPED = (ROOT / "programmes" / "calf-strength-12w.yaml").read_text()
PAIN = re.compile(r"\d+/10|pain|sore|clinician|refer", re.IGNORECASE)


async def test_a_club_on_telegram(bot: Bot) -> None:
    bot.api.group_chat(GROUP)
    bot.api.members[(GROUP, ADMIN)] = "administrator"
    bot.api.members[(GROUP, BOT_ID)] = "administrator"  # the bot may pin
    bot.api.send_text(GROUP, 4001, "/club start calf-strength-12w")
    await bot.api.reply_to(GROUP, "Only this group's admins can do that.")
    bot.api.send_text(
        GROUP, ADMIN, "/club start calf-strength-12w time 18:30 zone Europe/London leaderboard on"
    )
    started = await bot.api.reply_to(GROUP, "is now this group's club programme")
    join = started["reply_markup"]["inline_keyboard"][0][0]
    assert join["text"] == "Join"
    link = join["url"]
    assert link.startswith("https://t.me/coach_test_bot?start=c")
    await bot.api.wait_until(lambda: [chat for chat, _ in bot.api.pinned] == [GROUP])
    code = link.rsplit("=", 1)[1]

    # three members join through the deep link, each with their own triage
    for member, prevention in ((4101, True), (4102, True), (4103, False)):
        await enrol(bot, member, start=f"/start {code}", prevention=prevention)
        await bot.api.reply_to(member, "weekly leaderboard?")

    # one trains well and moves up, one does nothing, the injured runner follows the rehab programme
    bot.clock.now = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)
    await session_checkin(bot, 4101, "0", "0")
    bot.clock.now = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    await morning_checkin(bot, 4101, "0")
    await bot.api.reply_to(4101, "1 of 2 green sessions")
    bot.clock.now = datetime(2026, 3, 4, 19, 0, tzinfo=UTC)
    await session_checkin(bot, 4101, "1", "0")
    bot.clock.now = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)
    await morning_checkin(bot, 4101, "0")
    await bot.api.reply_to(4101, "moves up to")
    async with bot.app.database.read() as repo:
        plans = list((await repo.session.execute(select(Enrolment).order_by(Enrolment.id))).scalars())
        levels = list((await repo.session.execute(select(ExerciseLevel))).scalars())
    by_plan = {
        plan.id: {row.exercise: row.level for row in levels if row.enrolment_id == plan.id} for plan in plans
    }
    first, second, third = plans
    assert by_plan[first.id] != by_plan[second.id]  # same programme, different doses
    assert (first.programme_id, second.programme_id, third.programme_id) == (
        "calf-strength-12w",
        "calf-strength-12w",
        "calf-rehab-12w",
    )
    assert len({plan.club_id for plan in plans}) == 1

    # the club post: once on Friday 18:30 GMT, once on Monday 18:30 BST after the clocks change
    for moment in (
        datetime(2026, 3, 27, 18, 30, 5, tzinfo=UTC),
        datetime(2026, 3, 27, 18, 50, tzinfo=UTC),
        datetime(2026, 3, 30, 17, 30, 5, tzinfo=UTC),
    ):
        bot.clock.now = moment
        await bot.app.tick()
        await bot.app.send()
    await bot.api.reply_to(GROUP, "club session, Mon 30 Mar")
    posts = [text for text in bot.api.texts_to(GROUP) if "club session" in text]
    assert len(posts) == 2

    # the digest on Sunday: adherence only
    bot.clock.now = datetime(2026, 4, 5, 17, 30, 5, tzinfo=UTC)
    await bot.app.tick()
    await bot.app.send()
    digest = await bot.api.reply_to(GROUP, "Weekly club digest")
    assert "members trained this week" in str(digest["text"])
    for text in bot.api.texts_to(GROUP):
        assert not PAIN.search(text), text

    # a member who leaves the group leaves the club; their plan carries on
    bot.api.left(GROUP, 4102)  # updates are handled in order: the /club reply below comes after it
    bot.api.send_text(GROUP, ADMIN, "/club")
    await bot.api.reply_to(GROUP, "(running)")
    async with bot.app.database.read() as repo:
        plan = await repo.enrolment(second.id)
    assert plan is not None
    assert (plan.status, plan.club_id) == ("active", None)


async def test_uploading_a_club_programme_on_telegram(bot: Bot) -> None:
    bot.api.group_chat(GROUP)
    bot.api.members[(GROUP, ADMIN)] = "administrator"
    ours = SHIPPED.replace("id: calf-strength-12w", "id: harriers-calf", 1)
    broken = ours.replace("weeks: 12", "weeks: twelve", 1)
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if text.startswith("weeks:"))
    bot.api.send_document(GROUP, ADMIN, "harriers.yaml", broken.encode(), "/club upload")
    reply = await bot.api.reply_to(GROUP, "I can't use this programme yet")
    assert f"harriers.yaml:{line}: weeks:" in str(reply["text"])

    loose = ours.replace("pain_stop: 7", "pain_stop: 9", 1)
    bot.api.send_document(GROUP, ADMIN, "harriers.yaml", loose.encode(), "/club upload")
    reply = await bot.api.reply_to(GROUP, "pain_stop 9 is looser than the default 7")

    bot.api.send_document(GROUP, 4001, "harriers.yaml", ours.encode(), "/club upload")  # not an admin
    await bot.api.reply_to(GROUP, "Only this group's admins can do that.")
    assert len(bot.api.sent("getFile")) == 2  # a non-admin's file is never fetched

    bot.api.send_document(GROUP, ADMIN, "harriers.yaml", ours.encode(), "/club upload")
    await bot.api.reply_to(
        GROUP, "Saved <b>12-week calf strengthening for runners</b> (harriers-calf, version 1)"
    )
    bot.api.send_text(GROUP, ADMIN, "/club start harriers-calf time 07:00 zone Europe/Paris")
    await bot.api.reply_to(GROUP, "is now this group's club programme")
