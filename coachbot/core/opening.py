"""What a console shows when it starts: a welcome, and the question a person was answering when the bot
last stopped (asked again with its buttons), so a restart loses nothing."""

from __future__ import annotations

from datetime import datetime

from coachbot.core import flow
from coachbot.core.registry import FLOWS
from coachbot.core.turn import Turn
from coachbot.messages import Address, Reply, Text
from coachbot.programme.catalogue import Catalogue
from coachbot.store.db import Database
from coachbot.texts import console as texts


async def opening(database: Database, programmes: Catalogue, address: Address, now: datetime) -> list[Reply]:
    """The welcome for `address`, followed by its pending question when there is one."""
    async with database.write() as repo:
        person = await repo.person(address.platform, address.user_id)
        if person is None:
            return [Reply(address, texts.WELCOME)]
        conversation = await repo.conversation(person.id)
        if conversation is None or conversation.flow not in FLOWS:
            return [Reply(address, texts.WELCOME_BACK)]
        turn = await Turn.load(repo, Text(sender=address, at=now, text=""), now, programmes)
        return [Reply(address, texts.WELCOME_PENDING), flow.current_question(turn, FLOWS[conversation.flow])]
