"""A club on Discord end to end: real discord.py against the fake Discord, in a server channel and DMs."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import partial

from sqlalchemy import select

from coachbot.store.club_tables import ClubMember
from coachbot.store.tables import Enrolment, ExerciseLevel
from tests.adapters.test_discord import (
    CHANNEL,
    GUILD,
    Bot,
    answer_session,
    answer_triage,
    button_labels,
    click,
    discord_bot,  # noqa: F401 (the "bot" fixture)
    morning_checkin,
    session_checkin,
    with_button,
)
from tests.conftest import ROOT
from tests.fakes import discord_payloads as p

ADMIN = 14
SHIPPED = (ROOT / "programmes" / "calf-strength-12w.yaml").read_text()
PAIN = re.compile(r"\d+/10|pain|sore|clinician|refer", re.IGNORECASE)


def pointed(bot: Bot, token: str) -> bool:
    """The channel got its one ephemeral line pointing to the DMs."""
    return any(
        "direct messages" in m["content"] and m["flags"] & p.EPHEMERAL for m in bot.api.follow_ups(token)
    )


async def test_a_club_in_a_discord_channel(bot: Bot) -> None:
    refused = await bot.api.slash(11, "club", {"action": "start", "programme": "calf-strength-12w"}, CHANNEL)
    await bot.api.wait_until(
        lambda: any("Only this group's admins" in m["content"] for m in bot.api.follow_ups(refused))
    )
    bot.api.grant(GUILD, ADMIN, p.MANAGE_GUILD)
    options = {"action": "start", "programme": "calf-strength-12w", "time": "18:30", "timezone": "Europe/London",
               "leaderboard": True}  # fmt: skip
    await bot.api.slash(ADMIN, "club", options, CHANNEL)
    await bot.api.wait_until(lambda: bool(bot.api.in_channel(CHANNEL, ephemeral=False)))
    [announcement] = bot.api.in_channel(CHANNEL, ephemeral=False)
    assert "is now this group's club programme" in announcement["content"]
    assert button_labels(announcement) == [["Join"]]
    await bot.api.wait_until(lambda: bool(bot.api.rest("PUT", r"/messages/pins/")))  # tried: not allowed here

    # three members click Join in the channel; each answers the triage in their DMs
    for user, prevention in ((11, True), (12, True), (13, False)):
        before = len(bot.api.dms(user))
        token = await bot.api.click(user, announcement, "Join")
        consent = await with_button(bot, user, "I agree", before)
        await bot.api.wait_until(partial(pointed, bot, token))
        await click(bot, user, consent, "I agree")
        await bot.api.type_dm(user, "Europe/London")
        await bot.api.dm(user, "for you", after=before)
        await bot.api.type_dm(user, "yes")
        await bot.api.dm(user, "How old", after=before)
        await answer_triage(bot, user, prevention)
        question = await bot.api.dm(user, "leaderboard?", after=before)
        if user == 11:
            await click(bot, user, question, "Show me", "You're on the club leaderboard")
    async with bot.app.database.read() as repo:
        plans = list((await repo.session.execute(select(Enrolment).order_by(Enrolment.id))).scalars())
        members = list((await repo.session.execute(select(ClubMember).order_by(ClubMember.id))).scalars())
    assert [plan.programme_id for plan in plans] == [
        "calf-strength-12w",
        "calf-strength-12w",
        "calf-rehab-12w",
    ]
    assert [m.display_name for m in members] == ["Ana", "Ben", "Cleo"]
    assert [m.leaderboard for m in members] == [True, False, False]

    # the club post in the channel; Done opens the member's own check-in in their DMs
    await bot.scheduled(datetime(2026, 3, 2, 18, 30, 5, tzinfo=UTC))
    await bot.api.wait_until(lambda: len(bot.api.in_channel(CHANNEL, ephemeral=False)) == 2)
    post = bot.api.in_channel(CHANNEL, ephemeral=False)[-1]
    assert "club session, Mon 02 Mar" in post["content"]
    assert button_labels(post) == [["Done ✓", "Join"]]
    bot.clock.now = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)
    before = len(bot.api.dms(12))
    await bot.api.click(12, post, "Done ✓")
    during = await bot.api.dm(12, "during", after=before)
    await answer_session(bot, 12, during, "1", "0")

    # one member trains well and moves up a level; the others stay where they started
    bot.clock.now = datetime(2026, 3, 2, 19, 30, tzinfo=UTC)
    await session_checkin(bot, 11, "0", "0")
    bot.clock.now = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    await morning_checkin(bot, 11, "0", "1 of 2 green sessions")
    bot.clock.now = datetime(2026, 3, 4, 19, 0, tzinfo=UTC)
    await session_checkin(bot, 11, "1", "0")
    bot.clock.now = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)
    await morning_checkin(bot, 11, "0", "moves up to")
    async with bot.app.database.read() as repo:
        levels = list((await repo.session.execute(select(ExerciseLevel))).scalars())
    by_plan = {plan.id: {r.exercise: r.level for r in levels if r.enrolment_id == plan.id} for plan in plans}
    assert by_plan[plans[0].id] != by_plan[plans[1].id]  # same programme, different doses

    # a non-admin cannot change the club's settings
    refused = await bot.api.slash(12, "club", {"action": "settings", "time": "06:00"}, CHANNEL)
    await bot.api.wait_until(
        lambda: any("Only this group's admins" in m["content"] for m in bot.api.follow_ups(refused))
    )

    # the weekly digest: adherence only
    await bot.scheduled(datetime(2026, 3, 8, 18, 30, 5, tzinfo=UTC))
    await bot.api.wait_until(
        lambda: any("Weekly club digest" in m["content"] for m in bot.api.in_channel(CHANNEL))
    )
    digest = bot.api.in_channel(CHANNEL, ephemeral=False)[-1]
    assert "2 of 3 members trained this week: 3 sessions in all." in digest["content"]
    assert "- Ana: 2 sessions" in digest["content"]  # opted in; Ben did not

    # one post a day across the clock change: Friday 18:30 GMT, then Monday 18:30 BST
    posts = len(bot.api.in_channel(CHANNEL, ephemeral=False))
    for moment in (
        datetime(2026, 3, 27, 18, 30, 5, tzinfo=UTC),
        datetime(2026, 3, 27, 18, 40, tzinfo=UTC),
        datetime(2026, 3, 30, 17, 30, 5, tzinfo=UTC),
    ):
        await bot.scheduled(moment)
    await bot.api.wait_until(
        lambda: "Mon 30 Mar" in bot.api.in_channel(CHANNEL, ephemeral=False)[-1]["content"]
    )
    dated = [
        m["content"].split("club session, ")[1][:10]
        for m in bot.api.in_channel(CHANNEL, ephemeral=False)[posts:]
    ]
    assert dated == ["Fri 27 Mar", "Mon 30 Mar"]
    for message in bot.api.in_channel(CHANNEL, ephemeral=False):
        assert not PAIN.search(message["content"]), message["content"]


async def test_uploading_a_club_programme_on_discord(bot: Bot) -> None:
    bot.api.grant(GUILD, ADMIN, p.MANAGE_GUILD)
    ours = SHIPPED.replace("id: calf-strength-12w", "id: harriers-calf", 1)
    broken = ours.replace("weeks: 12", "weeks: twelve", 1)
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if text.startswith("weeks:"))

    async def upload(user: int, text: str, expect: str) -> p.Payload:
        token = await bot.api.slash(
            user, "club", {"action": "upload"}, CHANNEL, {"file": ("harriers.yaml", text.encode())}
        )
        await bot.api.wait_until(lambda: any(expect in m["content"] for m in bot.api.follow_ups(token)))
        return next(m for m in bot.api.follow_ups(token) if expect in m["content"])

    answer = await upload(ADMIN, broken, "I can't use this programme yet")
    assert f"harriers.yaml:{line}: weeks:" in answer["content"]
    assert answer["flags"] & p.EPHEMERAL
    await upload(
        ADMIN, ours.replace("pain_stop: 7", "pain_stop: 9", 1), "pain\\_stop 9 is looser than the default 7"
    )
    downloads = len(bot.api.downloads)
    await upload(11, ours, "Only this group's admins can do that.")
    assert len(bot.api.downloads) == downloads  # a non-admin's file is never fetched
    await upload(ADMIN, ours, "(harriers-calf, version 1)")
    await bot.api.slash(ADMIN, "club", {"action": "start", "programme": "harriers-calf"}, CHANNEL)
    await bot.api.wait_until(
        lambda: any("is now this group's club programme" in m["content"] for m in bot.api.in_channel(CHANNEL))
    )
