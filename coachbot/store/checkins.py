"""An enrolment's check-ins (session, morning, weekly answers) and the decisions the rules took from them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from coachbot.store.tables import CheckIn, Decision, Enrolment


class CheckIns:
    """Queries about check-ins and decisions (a part of `Repo`)."""

    session: AsyncSession

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

    async def done_days(
        self, enrolment_id: int, done: tuple[str, ...], since: date, today: date
    ) -> set[date]:
        """Local days after `since`, up to `today`, with a session whose completion is one of `done`."""
        query = select(CheckIn.local_date).where(
            CheckIn.enrolment_id == enrolment_id,
            CheckIn.kind == "session",
            CheckIn.completion.in_(done),
            CheckIn.local_date > since,
            CheckIn.local_date <= today,
        )
        return set((await self.session.execute(query)).scalars())

    async def add_decision(self, decision: Decision) -> None:
        self.session.add(decision)
        await self.session.flush()

    async def decisions(self, enrolment_id: int) -> list[Decision]:
        query = select(Decision).where(Decision.enrolment_id == enrolment_id).order_by(Decision.id)
        return list((await self.session.execute(query)).scalars())
