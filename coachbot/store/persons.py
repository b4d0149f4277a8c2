"""People and their conversation state: who is talking to the bot, and which step of a flow they are on."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from coachbot.store.tables import Conversation, Person


class People:
    """Queries about people (a part of `Repo`)."""

    session: AsyncSession

    async def person(self, platform: str, user_id: str) -> Person | None:
        query = select(Person).where(Person.platform == platform, Person.user_id == user_id)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def add_person(self, platform: str, user_id: str, chat_id: str, now: datetime) -> Person:
        person = Person(platform=platform, user_id=user_id, chat_id=chat_id, created_at=now)
        self.session.add(person)
        await self.session.flush()
        return person

    async def conversation(self, person_id: int) -> Conversation | None:
        return await self.session.get(Conversation, person_id)

    async def set_conversation(
        self, person_id: int, flow: str, step: str, answers: dict[str, Any], now: datetime
    ) -> Conversation:
        """Move the person to a step; the serial changes every time so stale buttons can be told apart."""
        conversation = await self.session.get(Conversation, person_id)
        if conversation is None:
            conversation = Conversation(person_id=person_id, serial=0)
            self.session.add(conversation)
        conversation.flow, conversation.step = flow, step
        conversation.answers = dict(answers)
        conversation.serial = (conversation.serial or 0) + 1
        conversation.updated_at = now
        await self.session.flush()
        return conversation

    async def end_conversation(self, person_id: int) -> None:
        conversation = await self.session.get(Conversation, person_id)
        if conversation is not None:
            await self.session.delete(conversation)
            await self.session.flush()
