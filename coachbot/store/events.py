"""De-duplication of incoming platform events: an update or interaction id is handled once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from coachbot.store.tables import ProcessedEvent


class Events:
    """The processed-events ledger (a part of `Repo`)."""

    session: AsyncSession

    async def first_time(self, platform: str, event_id: str, now: datetime) -> bool:
        """Record an event id; False if it was recorded before (the platform delivered it again)."""
        if await self.session.get(ProcessedEvent, (platform, event_id)) is not None:
            return False
        self.session.add(ProcessedEvent(platform=platform, event_id=event_id, seen_at=now))
        await self.session.flush()
        return True
