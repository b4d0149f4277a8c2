"""Private messages kept for a person who could not be written to privately at the time (CLINICAL A10).

They are outbox rows with status `held`, addressed to the person's private chat, which the sender never
claims: they are shown when the person asks for them (Telegram: /start message from the deep link;
Discord: a button only they see the answer to). A new hold replaces the last one; one older than
HELD_FOR is out of date and is deleted the next time anything is held or released. /export and /forget
find them like any other message to the person's private chat.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import uuid4

from sqlalchemy import ColumnElement, delete, select

from coachbot.messages import Button, Reply
from coachbot.store import outbox
from coachbot.store.repo import Repo
from coachbot.store.tables import OutboxMessage

HELD = "held"
HELD_FOR = timedelta(days=7)

Kept = tuple[str, tuple[tuple[Button, ...], ...]]  # a kept message's text and its buttons


def _of(platform: str, chat_id: str) -> ColumnElement[bool]:
    return (
        (OutboxMessage.platform == platform)
        & (OutboxMessage.chat_id == chat_id)
        & (OutboxMessage.status == HELD)
    )


async def _drop_out_of_date(repo: Repo, now: datetime) -> None:
    """Kept messages older than HELD_FOR, anyone's: out of date, and health data kept for nothing."""
    old = (OutboxMessage.status == HELD) & (OutboxMessage.created_at < now - HELD_FOR)
    await repo.session.execute(delete(OutboxMessage).where(old))


async def hold(repo: Repo, replies: list[Reply], now: datetime) -> None:
    """Keep `replies` (all to one private chat) until the person asks, beside anything kept before (a
    later, milder message never hides an earlier, more serious one)."""
    if not replies:
        return
    to = replies[0].to
    await _drop_out_of_date(repo, now)
    stamp = f"{now:%Y%m%dT%H%M%S%f}:{uuid4().hex[:8]}"  # two holds in the same instant are both kept
    await outbox.add(
        repo,
        *(
            outbox.row(f"held:{to.platform}:{to.chat_id}:{stamp}:{n}", to.platform, to.chat_id, HELD, None,
                       reply.text, reply.choices, HELD, now)
            for n, reply in enumerate(replies)
        ),
    )  # fmt: skip


async def release(repo: Repo, platform: str, chat_id: str, now: datetime) -> list[Kept]:
    """What is kept for this private chat, oldest first, marked sent."""
    await _drop_out_of_date(repo, now)
    query = select(OutboxMessage).where(_of(platform, chat_id)).order_by(OutboxMessage.id)
    rows = list((await repo.session.execute(query)).scalars())
    found: list[Kept] = []
    for row in rows:
        lines = row.choices.get("rows", [])
        choices = tuple(tuple((str(label), str(token)) for label, token in line) for line in lines)
        found.append((row.text, choices))
        row.status, row.sent_at = "sent", now
    await repo.session.flush()
    return found
