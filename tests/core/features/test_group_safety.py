"""A red flag typed in a group (CLINICAL A10): one line for the group with no health detail, the safety
message privately, the plan paused as in a private chat; ordinary group chatter still gets nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from coachbot.core.coach import Coach
from coachbot.messages import HELD_PAYLOAD, HELD_TOKEN, Address, Choice, Reply
from coachbot.store.db import Database
from coachbot.store.tables import Enrolment, OutboxMessage
from coachbot.texts import common
from coachbot.texts import groups as texts
from tests.chat import Chat
from tests.leaks import leaked

SYMPTOM = "my calf is swollen and hot today"
URGENT = "should be checked by a clinician today"


async def status_of(database: Database, platform: str, user_id: str) -> str | None:
    async with database.read() as repo:
        person = await repo.person(platform, user_id)
        enrolment = await repo.live_enrolment(person.id) if person is not None else None
    return enrolment.status if enrolment is not None else None


def assert_private(reply: Reply, platform: str, user_id: str) -> None:
    assert reply.private
    assert reply.to == Address(platform, user_id, user_id, "private")


async def test_an_enrolled_members_red_flag_in_a_group_is_answered_privately_and_pauses_the_plan(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    await Chat(coach, now, user_id="7").enrol()
    group = Chat(coach, now, user_id="7", chat_kind="group")
    message, line = await group.say(SYMPTOM)
    assert_private(message, "console", "7")
    assert URGENT in message.text
    assert line.to == group.address
    assert (line.text, line.private, line.invite, line.choices) == (
        texts.SENT_PRIVATELY.format(person="@[7]"),
        False,
        None,
        (),
    )
    assert leaked([line.text], SYMPTOM) == []
    assert await status_of(sqlite_db, "console", "7") == "referred"


async def test_group_chatter_is_still_ignored(coach: Coach, now: datetime, sqlite_db: Database) -> None:
    await Chat(coach, now, user_id="7").enrol()
    group = Chat(coach, now, user_id="7", chat_kind="group")
    for chatter in ("my pain was 6 after the hills", "great tempo run today", "calf feels fine"):
        assert await group.say(chatter) == []
    assert await status_of(sqlite_db, "console", "7") == "active"


async def test_a_telegram_user_who_never_started_the_bot_gets_a_link_and_the_message_behind_it(
    coach: Coach, now: datetime
) -> None:
    group = Chat(coach, now, user_id="8", chat_kind="group", platform="telegram")
    [line] = await group.say(SYMPTOM)  # nothing is sent to a private chat the bot may not open
    assert line.to == group.address
    assert line.invite == HELD_PAYLOAD
    assert line.text == texts.READ_PRIVATELY.format(person="@[8]")
    assert leaked([line.text, line.invite], SYMPTOM) == []

    someone_else = Chat(coach, now, user_id="9", platform="telegram")
    await someone_else.command(f"/start {HELD_PAYLOAD}")  # the link is public: it opens nothing of 8's
    assert URGENT not in someone_else.text
    assert "Before we start" in someone_else.text

    private = Chat(coach, now, user_id="8", platform="telegram")
    [message] = await private.command(f"/start {HELD_PAYLOAD}")
    assert_private(message, "telegram", "8")
    assert URGENT in message.text
    await private.command(f"/start {HELD_PAYLOAD}")  # shown once; then /start is /start again
    assert "Before we start" in private.text


async def test_a_first_start_without_the_link_still_shows_the_message_first(
    coach: Coach, now: datetime
) -> None:
    await Chat(coach, now, user_id="10", chat_kind="group", platform="telegram").say(SYMPTOM)
    private = Chat(coach, now, user_id="10", platform="telegram")
    first, *rest = await private.command("/start")
    assert URGENT in first.text
    assert "Before we start" in rest[0].text


async def test_a_telegram_member_who_started_the_bot_is_written_to_privately(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    await Chat(coach, now, user_id="11", platform="telegram").enrol()
    group = Chat(coach, now, user_id="11", chat_kind="group", platform="telegram")
    message, line = await group.say(SYMPTOM)
    assert_private(message, "telegram", "11")
    assert line.text == texts.SENT_PRIVATELY.format(person="@[11]")
    assert line.invite is None
    assert await status_of(sqlite_db, "telegram", "11") == "referred"


async def test_a_member_who_blocked_the_bot_gets_the_link_instead(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    await Chat(coach, now, user_id="12", platform="telegram").enrol()
    async with sqlite_db.write() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
        enrolment.status, enrolment.status_reason = "paused", "blocked"
    group = Chat(coach, now, user_id="12", chat_kind="group", platform="telegram")
    [line] = await group.say(SYMPTOM)
    assert line.invite == HELD_PAYLOAD
    private = Chat(coach, now, user_id="12", platform="telegram")
    [message] = await private.command(f"/start {HELD_PAYLOAD}")
    assert URGENT in message.text
    assert await status_of(sqlite_db, "telegram", "12") == "referred"


async def test_a_confidential_red_flag_is_answered_in_place_and_the_group_gets_nothing(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    await Chat(coach, now, user_id="13", platform="discord").enrol()
    group = Chat(coach, now, user_id="13", chat_kind="group", platform="discord", confidential=True)
    [message] = await group.say(SYMPTOM)
    assert (message.to, message.private) == (group.address, True)  # shown to the person alone
    assert URGENT in message.text
    assert await status_of(sqlite_db, "discord", "13") == "referred"


async def test_other_confidential_text_in_a_group_is_handled_as_a_private_message(
    coach: Coach, now: datetime
) -> None:
    group = Chat(coach, now, user_id="14", chat_kind="group", platform="discord", confidential=True)
    [reply] = await group.say("hello coach")
    assert_private(reply, "discord", "14")
    assert reply.text == common.NOT_UNDERSTOOD


async def test_read_here_shows_what_was_kept_to_the_person_alone_and_once(
    coach: Coach, now: datetime
) -> None:
    await Chat(coach, now, user_id="15", chat_kind="group", platform="discord").say(SYMPTOM)
    public = Chat(coach, now, user_id="15", chat_kind="group", platform="discord")
    assert await public._send(Choice(token=HELD_TOKEN, **public._meta())) == []  # type: ignore[arg-type]
    other = Chat(coach, now, user_id="16", chat_kind="group", platform="discord", confidential=True)
    [nothing] = await other._send(Choice(token=HELD_TOKEN, **other._meta()))  # type: ignore[arg-type]
    assert nothing.text == texts.NOTHING_KEPT
    mine = Chat(coach, now, user_id="15", chat_kind="group", platform="discord", confidential=True)
    [message] = await mine._send(Choice(token=HELD_TOKEN, **mine._meta()))  # type: ignore[arg-type]
    assert (message.to, message.private) == (mine.address, True)
    assert URGENT in message.text
    [again] = await mine._send(Choice(token=HELD_TOKEN, **mine._meta()))  # type: ignore[arg-type]
    assert again.text == texts.NOTHING_KEPT


async def test_kept_messages_add_up_and_go_out_of_date(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    group = Chat(coach, now, user_id="17", chat_kind="group", platform="telegram")
    await group.say(SYMPTOM)
    await group.say("my calf is swollen and hot and I can't stop coughing up blood")
    async with sqlite_db.read() as repo:
        kept = list((await repo.session.execute(select(OutboxMessage))).scalars())
    assert [row.status for row in kept] == ["held", "held"]  # the urgent one is not hidden by the next
    assert "emergency" in kept[-1].text

    later = Chat(coach, now + timedelta(days=8), user_id="17", platform="telegram")
    await later.command(f"/start {HELD_PAYLOAD}")
    assert "emergency" not in later.text
    assert "Before we start" in later.text
    async with sqlite_db.read() as repo:
        assert list((await repo.session.execute(select(OutboxMessage))).scalars()) == []


def test_the_scan_for_health_detail_catches_a_leak() -> None:
    from coachbot.texts import safety

    assert leaked([safety.URGENT.format(urgent="NHS 111", walk_in="a minor injuries unit")], SYMPTOM)
    assert leaked(["Ana: swollen again"], SYMPTOM)
    assert leaked([texts.SENT_PRIVATELY.format(person="@[7]")], SYMPTOM) == []


async def test_the_kept_copy_is_in_the_export_and_forget_erases_it(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    await Chat(coach, now, user_id="18", platform="telegram").enrol()
    await Chat(coach, now, user_id="18", chat_kind="group", platform="telegram").say(SYMPTOM)
    private = Chat(coach, now, user_id="18", platform="telegram")
    [export] = await private.command("/export")
    assert export.file is not None
    assert b'"status": "held"' in export.file.data
    await private.command("/forget")
    await private.press(common.FORGET_YES)
    async with sqlite_db.read() as repo:
        assert list((await repo.session.execute(select(OutboxMessage))).scalars()) == []
