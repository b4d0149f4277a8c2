"""Messages kept for someone who could not be written to privately (CLINICAL A10), on both databases:
never claimed by the sender, shown once, replaced by a newer hold, gone after a week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from coachbot.messages import Address, Reply
from coachbot.store import held, outbox
from coachbot.store.db import Database
from coachbot.store.tables import OutboxMessage

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ANA = Address("telegram", "501", "501", "private")


async def test_kept_messages_are_shown_once_in_order_and_never_sent_by_the_sender(any_db: Database) -> None:
    async with any_db.write() as repo:
        await held.hold(repo, [Reply(ANA, "first", ((("Yes", "v1:q:1:a:yes"),),)), Reply(ANA, "second")], NOW)
        assert await outbox.claim(repo, NOW + timedelta(hours=1), "me", timedelta(minutes=1), 10, set()) == []
    async with any_db.write() as repo:
        assert await held.release(repo, "telegram", "502", NOW) == []  # someone else's chat
        shown = await held.release(repo, "telegram", "501", NOW)
    assert shown == [("first", ((("Yes", "v1:q:1:a:yes"),),)), ("second", ())]
    async with any_db.write() as repo:
        assert await held.release(repo, "telegram", "501", NOW) == []
        statuses = list((await repo.session.execute(select(OutboxMessage.status))).scalars())
    assert statuses == ["sent", "sent"]


async def test_a_new_hold_is_kept_beside_the_last_and_a_week_old_one_goes(any_db: Database) -> None:
    async with any_db.write() as repo:
        await held.hold(repo, [Reply(ANA, "older")], NOW)
        await held.hold(repo, [Reply(ANA, "newer")], NOW + timedelta(minutes=1))
    async with any_db.write() as repo:  # a milder later message never hides a more serious earlier one
        released = await held.release(repo, "telegram", "501", NOW + timedelta(minutes=2))
        assert released == [("older", ()), ("newer", ())]
        await held.hold(repo, [Reply(ANA, "stale")], NOW)
    async with any_db.write() as repo:
        assert await held.release(repo, "telegram", "501", NOW + held.HELD_FOR + timedelta(seconds=1)) == []
        texts = list((await repo.session.execute(select(OutboxMessage.text))).scalars())
    assert texts == ["older", "newer"]  # the shown ones stay as sent; the stale one is deleted
