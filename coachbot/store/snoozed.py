"""Snoozed prompts in the outbox (rows keyed `<prompt key>:snooze`), settled just before the sender claims.

A snoozed prompt whose check-in has been answered since is dropped (`answered`): answering twice must not
silently replace a score. One more than the late window past its time (the bot was down) is `missed`, as the
ticker treats any prompt; one more than `late_after` past it is sent marked late (issue 14 item 4).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from coachbot.store.repo import Repo
from coachbot.store.tables import OutboxMessage
from coachbot.texts import prompts as texts

SNOOZE_SUFFIX = ":snooze"


async def settle(repo: Repo, now: datetime, late_window: timedelta, late_after: timedelta) -> None:
    """Drop, miss or mark late the snoozed prompts that are due now."""
    query = select(OutboxMessage).where(
        OutboxMessage.status == "pending",
        OutboxMessage.idempotency_key.endswith(SNOOZE_SUFFIX),
        OutboxMessage.not_before <= now,
        OutboxMessage.lease_until.is_(None),
    )
    for row in (await repo.session.execute(query)).scalars():
        if await _answered(repo, row):
            row.status = "answered"
            continue
        lateness = now - row.not_before
        if lateness >= late_window:
            row.status = "missed"
        elif lateness > late_after and not row.late and not row.text.startswith(texts.LATE):
            row.late, row.text = True, texts.LATE + "\n" + row.text
    await repo.session.flush()


async def _answered(repo: Repo, row: OutboxMessage) -> bool:
    if row.enrolment_id is None or row.local_date is None:
        return False
    return await repo.checkin(row.enrolment_id, row.kind, row.local_date) is not None
