"""Which commands work in a group is the core's decision (messages.GROUP_COMMANDS, which the Discord adapter
reads to run the others in DMs): the core answers exactly those in a group and every other one privately."""

from __future__ import annotations

from datetime import datetime

from coachbot.core.coach import Coach
from coachbot.messages import GROUP_COMMANDS
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.texts import common
from tests.chat import Chat


async def test_the_core_answers_in_a_group_exactly_the_group_commands(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    group = Chat(Coach(sqlite_db, Catalogue(programmes)), now, user_id="7", chat_kind="group")
    for name in sorted({*common.COMMANDS, "club"}):
        replies = await group.command(f"/{name}")
        kept_private = [reply.text for reply in replies] == [common.PRIVATE_ONLY.format(name=name)]
        assert kept_private is (name not in GROUP_COMMANDS), name
    assert {*common.COMMANDS, "club"} >= GROUP_COMMANDS
