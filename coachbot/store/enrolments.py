"""Enrolments (a person's plans) with their exercise levels, and the person's referrals (CLINICAL A11)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from coachbot.coaching.lifecycle import LIVE, Status
from coachbot.store.tables import CheckIn, Enrolment, ExerciseLevel, Person, Referral


class Enrolments:
    """Queries about plans and referrals (a part of `Repo`)."""

    session: AsyncSession

    async def live_enrolment(self, person_id: int, *, lock: bool = False) -> Enrolment | None:
        """The person's active or paused enrolment, locked for update when asked (PostgreSQL)."""
        query = (
            select(Enrolment)
            .where(Enrolment.person_id == person_id, Enrolment.status.in_(LIVE))
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

    async def silent_plans(self, before: datetime) -> list[tuple[Enrolment, Person, datetime | None]]:
        """Active plans not answered (or, never answered, enrolled) since `before`, each with its person and
        last answer; locked, skipping plans another instance holds."""
        last_answer = (
            select(CheckIn.enrolment_id, func.max(CheckIn.recorded_at).label("last"))
            .group_by(CheckIn.enrolment_id)
            .subquery()
        )
        query = (
            select(Enrolment, Person, last_answer.c.last)
            .join(Person, Person.id == Enrolment.person_id)
            .outerjoin(last_answer, last_answer.c.enrolment_id == Enrolment.id)
            .where(
                Enrolment.status == Status.ACTIVE,
                func.coalesce(last_answer.c.last, Enrolment.created_at) < before,
            )
            .with_for_update(skip_locked=True, of=Enrolment)
        )
        return [(row[0], row[1], row[2]) for row in (await self.session.execute(query)).all()]

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
