"""Queries and changes, one method per question the coach asks of the store.

A `Repo` lives inside one unit of work opened by `Database.read()` or `Database.write()`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from coachbot.store.tables import (
    CheckIn,
    Conversation,
    Decision,
    Enrolment,
    ExerciseLevel,
    OutboxMessage,
    Person,
    ProcessedEvent,
    Referral,
    Schedule,
)

LIVE_STATUSES = ("active", "paused", "referred")


class Repo:
    """The store as the coach sees it."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # people

    async def person(self, platform: str, user_id: str) -> Person | None:
        query = select(Person).where(Person.platform == platform, Person.user_id == user_id)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def add_person(self, platform: str, user_id: str, chat_id: str, now: datetime) -> Person:
        person = Person(platform=platform, user_id=user_id, chat_id=chat_id, created_at=now)
        self.session.add(person)
        await self.session.flush()
        return person

    # enrolments

    async def live_enrolment(self, person_id: int, *, lock: bool = False) -> Enrolment | None:
        """The person's active or paused enrolment, locked for update when asked (PostgreSQL)."""
        query = (
            select(Enrolment)
            .where(Enrolment.person_id == person_id, Enrolment.status.in_(LIVE_STATUSES))
            .order_by(Enrolment.id.desc())
            .limit(1)
        )
        if lock:
            query = query.with_for_update()
        return (await self.session.execute(query)).scalar_one_or_none()

    async def latest_enrolment(self, person_id: int) -> Enrolment | None:
        """The person's newest enrolment whatever its status (a stopped or completed plan too), for
        read-only commands such as /report and /progress."""
        query = (
            select(Enrolment).where(Enrolment.person_id == person_id).order_by(Enrolment.id.desc()).limit(1)
        )
        return (await self.session.execute(query)).scalar_one_or_none()

    async def enrolments(self, person_id: int) -> list[Enrolment]:
        """Every plan of the person, oldest first."""
        query = select(Enrolment).where(Enrolment.person_id == person_id).order_by(Enrolment.id)
        return list((await self.session.execute(query)).scalars())

    async def enrolment(self, enrolment_id: int, *, lock: bool = False) -> Enrolment | None:
        query = select(Enrolment).where(Enrolment.id == enrolment_id)
        if lock:
            query = query.with_for_update()
        return (await self.session.execute(query)).scalar_one_or_none()

    async def add_enrolment(self, enrolment: Enrolment, levels: dict[str, int], now: datetime) -> Enrolment:
        enrolment.levels = [
            ExerciseLevel(exercise=exercise, level=level, updated_at=now)
            for exercise, level in levels.items()
        ]
        self.session.add(enrolment)
        await self.session.flush()
        return enrolment

    async def set_level(self, enrolment: Enrolment, exercise: str, level: int, now: datetime) -> None:
        for row in enrolment.levels:
            if row.exercise == exercise:
                row.level, row.updated_at = level, now
                return
        enrolment.levels.append(ExerciseLevel(exercise=exercise, level=level, updated_at=now))

    # check-ins and decisions

    async def checkin(self, enrolment_id: int, kind: str, local_date: date) -> CheckIn | None:
        query = select(CheckIn).where(
            CheckIn.enrolment_id == enrolment_id,
            CheckIn.kind == kind,
            CheckIn.local_date == local_date,
        )
        return (await self.session.execute(query)).scalar_one_or_none()

    async def checkin_or_new(
        self, enrolment: Enrolment, kind: str, local_date: date, now: datetime
    ) -> CheckIn:
        """The check-in of that kind for that day (answering again replaces it), or a new, unsaved one."""
        checkin = await self.checkin(enrolment.id, kind, local_date)
        if checkin is None:
            checkin = CheckIn(enrolment_id=enrolment.id, kind=kind, local_date=local_date, details={})
        checkin.phase, checkin.recorded_at = enrolment.phase, now
        return checkin

    async def save_checkin(self, checkin: CheckIn) -> CheckIn:
        self.session.add(checkin)
        await self.session.flush()
        return checkin

    async def checkins(self, enrolment_id: int) -> list[CheckIn]:
        query = select(CheckIn).where(CheckIn.enrolment_id == enrolment_id).order_by(CheckIn.local_date)
        return list((await self.session.execute(query)).scalars())

    async def add_decision(self, decision: Decision) -> None:
        self.session.add(decision)
        await self.session.flush()

    async def decisions(self, enrolment_id: int) -> list[Decision]:
        query = select(Decision).where(Decision.enrolment_id == enrolment_id).order_by(Decision.id)
        return list((await self.session.execute(query)).scalars())

    # referrals (CLINICAL A11): per person, with or without a plan

    async def add_referral(self, referral: Referral) -> Referral:
        self.session.add(referral)
        await self.session.flush()
        return referral

    async def referrals(self, person_id: int) -> list[Referral]:
        """Every referral of the person, oldest first."""
        query = select(Referral).where(Referral.person_id == person_id).order_by(Referral.at, Referral.id)
        return list((await self.session.execute(query)).scalars())

    async def last_referral(self, person_id: int) -> Referral | None:
        query = (
            select(Referral)
            .where(Referral.person_id == person_id)
            .order_by(Referral.at.desc(), Referral.id.desc())
            .limit(1)
        )
        return (await self.session.execute(query)).scalar_one_or_none()

    # conversation state

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

    # de-duplication

    async def first_time(self, platform: str, event_id: str, now: datetime) -> bool:
        """Record an event id; False if it was recorded before (the platform delivered it again)."""
        if await self.session.get(ProcessedEvent, (platform, event_id)) is not None:
            return False
        self.session.add(ProcessedEvent(platform=platform, event_id=event_id, seen_at=now))
        await self.session.flush()
        return True

    # schedules

    async def set_schedule(self, enrolment_id: int, kind: str, due: datetime | None) -> None:
        query = select(Schedule).where(Schedule.enrolment_id == enrolment_id, Schedule.kind == kind)
        schedule = (await self.session.execute(query)).scalar_one_or_none()
        if schedule is None:
            self.session.add(Schedule(enrolment_id=enrolment_id, kind=kind, next_due_at=due))
        else:
            schedule.next_due_at = due
        await self.session.flush()

    async def withdraw_prompts(self, enrolment_id: int, kinds: tuple[str, ...]) -> int:
        """Prompts of the plan queued but not yet sent (a snoozed session, a sender behind) are marked
        "paused" instead: a paused plan gets none. Returns how many were withdrawn."""
        result = await self.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.enrolment_id == enrolment_id,
                OutboxMessage.status == "pending",
                OutboxMessage.kind.in_(kinds),
            )
            .values(status="paused", lease_until=None)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def schedules(self, enrolment_id: int) -> dict[str, datetime | None]:
        query = select(Schedule).where(Schedule.enrolment_id == enrolment_id)
        return {row.kind: row.next_due_at for row in (await self.session.execute(query)).scalars()}
