"""/export gives back everything stored about a person; /forget erases it from every table, on both databases."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, select

from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import Base
from tests.chat import Chat

USER = "u-7731"  # an id no other value in the database could contain by chance
OTHER = "u-5512"


async def logged_week(coach: Coach, now: datetime, user: str) -> Chat:
    chat = Chat(coach, now, user_id=user)
    await chat.enrol()
    for day in range(2):
        chat.now = now + timedelta(days=day, hours=9)
        await chat.log_session("2", "1")
        chat.now += timedelta(hours=14)
        await chat.log_morning("1")
    return chat


async def everything(database: Database) -> dict[str, list[dict[str, Any]]]:
    async with database.read() as repo:
        tables = {}
        for table in Base.metadata.sorted_tables:
            rows = (await repo.session.execute(select(table))).mappings().all()
            tables[table.name] = [dict(row) for row in rows]
    return tables


def mentions(rows: dict[str, list[dict[str, Any]]], needle: str) -> list[str]:
    return [f"{name}: {row}" for name, items in rows.items() for row in items if needle in repr(row)]


def pointing_at(rows: dict[str, list[dict[str, Any]]], table: str, ids: set[int]) -> list[str]:
    """Rows of any table whose foreign key points at one of `ids` in `table` (rows with no user id in them,
    such as check-ins or referrals, are found this way)."""
    found = []
    for source in Base.metadata.sorted_tables:
        for key in source.foreign_keys:
            if key.column.table.name == table:
                found += [f"{source.name}: {row}" for row in rows[source.name] if row[key.parent.name] in ids]
    return found


async def test_export_holds_the_plan_check_ins_and_decisions(
    any_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    coach = Coach(any_db, Catalogue(programmes))
    chat = await logged_week(coach, now, USER)
    await chat.command("/export")
    [reply] = chat.replies
    assert reply.file is not None
    assert reply.file.filename.endswith(".json")
    document = json.loads(reply.file.data)
    assert document["format"] == "coachbot-export"
    assert document["person"]["user_id"] == USER
    [plan] = document["enrolments"]
    assert plan["programme_id"] == "calf-rehab-12w"
    assert [(c["kind"], c["during"], c["after"], c["morning"]) for c in plan["checkins"]][:2] == [
        ("session", 2, 1, None),
        ("morning", None, None, 1),
    ]
    assert plan["decisions"]
    assert plan["triage"]["answers"]["age"] == "34"
    assert document["referrals"] == []  # none yet (tests/core/test_referral.py exports one)
    # round trip: every stored row of theirs is in the file, value for value
    stored = await everything(any_db)
    mine = {plan["id"]}
    for table, key in (("checkins", "checkins"), ("decisions", "decisions"), ("exercise_levels", "levels")):
        rows = [r for r in stored[table] if r["enrolment_id"] in mine]
        assert len(plan[key]) == len(rows)
    assert {c["id"] for c in plan["checkins"]} == {
        r["id"] for r in stored["checkins"] if r["enrolment_id"] in mine
    }
    assert json.loads(json.dumps(document)) == document


async def test_forget_leaves_no_row_behind(
    any_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    coach = Coach(any_db, Catalogue(programmes))
    chat = await logged_week(coach, now, USER)
    other = await logged_week(coach, now, OTHER)
    await chat.say("my calf is swollen and warm")  # a referral: its row names neither user nor chat
    await other.say("my calf is swollen and warm")
    group = Chat(coach, now, user_id=USER, chat_kind="group")
    await group.command("/club start calf-strength-12w", admin=True)  # a club they set up stays, nameless
    before = await everything(any_db)
    assert mentions(before, USER)
    [mine] = [row["id"] for row in before["people"] if row["user_id"] == USER]
    plans = {row["id"] for row in before["enrolments"] if row["person_id"] == mine}
    assert len(pointing_at(before, "people", {mine})) >= 2  # the plan, the referral, ...

    await chat.command("/forget")
    await chat.press("Keep my data")
    assert "Nothing was erased" in chat.text
    assert mentions(await everything(any_db), USER) == mentions(before, USER)

    await chat.command("/forget")
    await chat.press("Erase everything")
    assert "everything I stored about you is erased" in chat.text
    after = await everything(any_db)
    assert mentions(after, USER) == []
    assert pointing_at(after, "people", {mine}) == []
    assert pointing_at(after, "enrolments", plans) == []
    assert len(after["referrals"]) == len(before["referrals"]) // 2 == 1  # the other person's stays
    assert [row["user_id"] for row in after["people"]] == [OTHER]
    assert len(after["clubs"]) == 1
    assert mentions(after, OTHER) != []  # someone else's data is untouched
    assert len(after["checkins"]) == len(before["checkins"]) // 2


async def test_data_rights_are_never_exercised_in_a_group(
    any_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    coach = Coach(any_db, Catalogue(programmes))
    await logged_week(coach, now, USER)
    group = Chat(coach, now, user_id=USER, chat_kind="group")
    for command in ("/export", "/forget"):
        await group.command(command)
        [reply] = group.replies
        assert reply.file is None
        assert "private" in reply.text.lower() or "direct message" in reply.text.lower()


async def test_retention_deletes_old_history_of_ended_programmes_only(
    any_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    from coachbot.store.retention import purge
    from coachbot.store.tables import CheckIn, Decision, Enrolment

    coach = Coach(any_db, Catalogue(programmes))
    ended = await logged_week(coach, now, USER)
    await logged_week(coach, now, OTHER)  # still following the programme
    await ended.command("/stop")
    await ended.press(ended.replies[-1].choices[0][0][0])  # the first reason offered
    async with any_db.read() as repo:
        stopped = (
            await repo.session.execute(select(Enrolment).where(Enrolment.status == "stopped"))
        ).scalar_one()
        total = len((await repo.session.execute(select(CheckIn))).scalars().all())
    assert await purge(any_db, 30, now + timedelta(days=20)) == 0  # not yet 30 days after the end
    removed = await purge(any_db, 30, stopped.updated_at + timedelta(days=31))
    async with any_db.read() as repo:
        left = (await repo.session.execute(select(CheckIn.enrolment_id))).scalars().all()
        decisions = (await repo.session.execute(select(Decision.enrolment_id))).scalars().all()
        still = await repo.enrolment(stopped.id)
    assert removed > 0
    assert stopped.id not in set(left) | set(decisions)
    assert len(left) == total // 2  # the other person's history is untouched
    assert still is not None  # the plan itself stays


def has_person_key(table: Table) -> bool:
    """A person_id, an enrolment_id (a plan reaches its person) or a platform user id makes rows someone's."""
    names = {column.name for column in table.columns}
    return bool(
        names & {"person_id", "enrolment_id", "user_id"}
        or any(name.endswith("_user_id") for name in names)
        or any(key.column.table.name in ("people", "enrolments") for key in table.foreign_keys)
    )


def test_every_table_with_a_person_key_is_exported_and_erased() -> None:
    from coachbot.store.privacy import PERSONAL_TABLES, Mine

    listed = {entry.table.__tablename__ for entry in PERSONAL_TABLES}
    personal = {table.name for table in Base.metadata.sorted_tables if has_person_key(table)}
    assert {"referrals", "checkins", "clubs", "custom_programmes", "people", "outbox"} <= personal
    assert personal - listed == set()
    named = [entry for entry in PERSONAL_TABLES if entry.mine is Mine.NAMED]
    assert all(entry.column in entry.table.__table__.c for entry in named)


async def test_export_holds_a_kept_reply_with_its_image(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    """A reply kept in the outbox after a failed send (issue 15) is theirs too, image and all."""
    import base64

    from coachbot.delivery import kept
    from coachbot.messages import Reply
    from coachbot.store import outbox

    coach = Coach(sqlite_db, Catalogue(programmes))
    chat = await logged_week(coach, now, USER)
    progress = Reply(chat.address, "Your progress", image=b"\x89PNG-chart", private=True)
    async with sqlite_db.write() as repo:
        await outbox.add(repo, *kept.rows([progress], "update-1", now, now))
    await chat.command("/export")
    [reply] = chat.replies
    assert reply.file is not None
    document = json.loads(reply.file.data)
    [kept_row] = [message for message in document["messages"] if message["kind"] == "reply"]
    assert base64.b64decode(kept_row["payload"]) == b"\x89PNG-chart"
