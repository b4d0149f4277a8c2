"""A plan's prompts in the outbox, as the skip and snooze features ask about them (keys `<plan>:<day>:<kind>`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select, update

from coachbot.store.repo import Repo
from coachbot.store.tables import OutboxMessage


async def skip_pending(repo: Repo, key: str) -> None:
    """A prompt not sent yet is no longer needed (its session was skipped)."""
    await repo.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.idempotency_key == key, OutboxMessage.status == "pending")
        .values(status="skipped")
    )


async def sent(repo: Repo, key: str) -> OutboxMessage | None:
    """The prompt with this key, if it has been sent."""
    query = select(OutboxMessage).where(OutboxMessage.idempotency_key == key, OutboxMessage.status == "sent")
    return (await repo.session.execute(query)).scalar_one_or_none()


async def sent_on(repo: Repo, enrolment_id: int, day: date, kinds: Sequence[str]) -> list[OutboxMessage]:
    """The plan's prompts of these kinds sent for a local day, the latest first."""
    query = (
        select(OutboxMessage)
        .where(
            OutboxMessage.enrolment_id == enrolment_id,
            OutboxMessage.local_date == day,
            OutboxMessage.status == "sent",
            OutboxMessage.kind.in_(kinds),
        )
        .order_by(OutboxMessage.sent_at.desc(), OutboxMessage.id.desc())
    )
    return list((await repo.session.execute(query)).scalars())


async def exists(repo: Repo, key: str) -> bool:
    """Whether any message with this key was ever queued."""
    query = select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key)
    return (await repo.session.execute(query)).first() is not None
