"""The unit of work: a `Repo` holds one session opened by `Database.read()` or `Database.write()`.

Its queries live with their aggregate, one module each: persons (people and their conversation state),
enrolments (levels, referrals), checkins (and decisions), schedules, events (de-duplication).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from coachbot.store.checkins import CheckIns
from coachbot.store.enrolments import Enrolments
from coachbot.store.events import Events
from coachbot.store.persons import People
from coachbot.store.schedules import Schedules

__all__ = ["Repo"]


class Repo(People, Enrolments, CheckIns, Schedules, Events):
    """The store as the coach sees it."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def flush(self) -> None:
        """Write the changes made so far to the rows in hand (ids are known afterwards)."""
        await self.session.flush()
