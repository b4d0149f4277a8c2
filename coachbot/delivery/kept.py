"""Replies kept in the outbox: one that failed to send after its turn committed is written here, in the
reply lane (priority 0, ahead of scheduled prompts), and the sender retries it like a prompt, so the
person gets it once (issue 15, "durable replies").

A kept reply keeps everything an adapter renders: buttons, invite, pin, location, form, its image or file.
A private reply that answered something said in a group is kept for the person's private chat, where
the sender may deliver it (it never posts personal data to a group).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from coachbot.delivery.limits import Lane
from coachbot.messages import Address, Attachment, Reply
from coachbot.ports import RetryAfter
from coachbot.store import outbox
from coachbot.store.db import Database

log = logging.getLogger(__name__)

FLAGS = ("private", "broadcast", "pin", "forgotten", "stale")
WORDS = ("invite", "form", "location")
KEPT_REPLY_WAIT_SECONDS = 2.0  # a reply whose send failed is tried again from the outbox this much later


async def keep(
    database: Database, replies: Sequence[Reply], event_id: str, error: Exception, now: datetime
) -> None:
    """Keep the replies of one event whose send failed with `error`, to be sent after its retry-after (or
    a couple of seconds); the caller wakes the sender."""
    wait = error.seconds if isinstance(error, RetryAfter) else KEPT_REPLY_WAIT_SECONDS
    async with database.write() as repo:
        await outbox.add(repo, *rows(replies, event_id, now, now + timedelta(seconds=wait)))
    log.warning("%s replies kept in the outbox after a failed send: %s", len(replies), type(error).__name__)


def rows(
    replies: Sequence[Reply], event_id: str, now: datetime, not_before: datetime
) -> list[dict[str, Any]]:
    """Outbox rows for the replies of one incoming event, keyed by it, so a retry can't keep them twice."""
    kept = []
    for index, reply in enumerate(replies):
        to = reply.to
        if reply.private and to.chat_kind == "group":
            to = Address(to.platform, to.user_id, to.user_id, "private")
        key = f"reply:{to.platform}:{event_id}:{index}"[:96]
        row = outbox.row(
            key, to.platform, to.chat_id, "reply", None, reply.text, reply.choices, "pending", now,
            chat_kind=to.chat_kind, not_before=not_before,
        )  # fmt: skip
        extras: dict[str, Any] = {name: True for name in FLAGS if getattr(reply, name)}
        extras |= {name: getattr(reply, name) for name in WORDS if getattr(reply, name) is not None}
        if reply.image is not None:
            extras["image"] = True
        if reply.file is not None:
            extras["file"] = reply.file.filename
        row |= {
            "priority": int(Lane.REPLY),
            "extras": extras,
            "payload": reply.image if reply.image is not None else reply.file.data if reply.file else None,
        }
        kept.append(row)
    return kept


def reply_of(item: outbox.Leased) -> Reply:
    """A leased row as the reply to send: a kept reply as it was (its extras, image or file), any other
    row as its text and buttons."""
    reply = item.reply()
    if item.extras is None:
        return reply
    changes: dict[str, Any] = {name: bool(item.extras.get(name)) for name in FLAGS}
    changes |= {name: item.extras[name] for name in WORDS if name in item.extras}
    payload = item.payload or b""
    changes["image"] = payload if item.extras.get("image") else None
    if "file" in item.extras:
        changes["file"] = Attachment(item.extras["file"], len(payload), payload)
    return replace(reply, **changes)
