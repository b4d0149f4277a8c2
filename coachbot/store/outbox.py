"""Outbox rows as the sender sees them, and the queries that claim, mark and retry them.

Claiming takes a lease (`lease_until`, `lease_owner`) in one write transaction, skipping rows another
instance holds (FOR UPDATE SKIP LOCKED on PostgreSQL); a crash leaves the lease to expire, so the row is
sent again later and only what was in flight can repeat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from coachbot.coaching.lifecycle import Reason, Status, pause
from coachbot.messages import Address, ChatKind, Reply, mention
from coachbot.store import plan_changes
from coachbot.store.repo import Repo
from coachbot.store.tables import OutboxMessage, Person
from coachbot.texts import common


@dataclass(frozen=True)
class Leased:
    """A claimed outbox row, detached from its session."""

    id: int
    enrolment_id: int | None
    platform: str
    chat_id: str
    chat_kind: str
    text: str
    choices: tuple[tuple[tuple[str, str], ...], ...]
    attempts: int
    priority: int = 1
    extras: dict[str, Any] | None = None  # a kept reply's extras and image or file (delivery/kept.py)
    payload: bytes | None = field(default=None, repr=False)

    def reply(self) -> Reply:
        """The row as a plain reply: text and buttons (a kept reply's extras: kept.reply_of)."""
        chat_kind: ChatKind = "group" if self.chat_kind == "group" else "private"
        return Reply(
            Address(self.platform, self.chat_id, self.chat_id, chat_kind),
            self.text,
            self.choices,
            private=chat_kind == "private",
        )


async def add(repo: Repo, *rows: dict[str, Any]) -> None:
    """Insert outbox rows, skipping any whose idempotency key exists already (one statement for all)."""
    if not rows:
        return
    dialect = repo.session.bind.dialect.name if repo.session.bind else "sqlite"
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(OutboxMessage).on_conflict_do_nothing(index_elements=["idempotency_key"])
    await repo.session.execute(statement, list(rows))


def row(
    key: str, platform: str, chat_id: str, kind: str, local_date: date | None, text: str,
    choices: tuple[tuple[tuple[str, str], ...], ...], status: str, now: datetime,
    enrolment_id: int | None = None, late: bool = False, chat_kind: str = "private", not_before: datetime | None = None,
) -> dict[str, Any]:  # fmt: skip
    return {
        "idempotency_key": key, "enrolment_id": enrolment_id, "platform": platform, "chat_id": chat_id,
        "chat_kind": chat_kind, "kind": kind, "local_date": local_date, "text": text,
        "choices": {"rows": [[list(button) for button in line] for line in choices]}, "status": status,
        "late": late, "attempts": 0, "not_before": not_before or now, "created_at": now,
    }  # fmt: skip


async def claim(
    repo: Repo, now: datetime, owner: str, lease: timedelta, limit: int, skip_platforms: set[str]
) -> list[Leased]:
    """Lease up to `limit` sendable rows: pending, due, and not leased by a live owner."""
    query = (
        select(OutboxMessage)
        .where(
            OutboxMessage.status == "pending",
            OutboxMessage.not_before <= now,
            or_(OutboxMessage.lease_until.is_(None), OutboxMessage.lease_until < now),
        )
        .order_by(OutboxMessage.priority, OutboxMessage.not_before, OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    if skip_platforms:
        query = query.where(OutboxMessage.platform.not_in(skip_platforms))
    rows = list((await repo.session.execute(query)).scalars())
    leased = []
    for message in rows:
        message.lease_until, message.lease_owner = now + lease, owner
        message.attempts += 1
        lines = message.choices.get("rows", [])
        choices = tuple(tuple((str(label), str(token)) for label, token in line) for line in lines)
        leased.append(
            Leased(message.id, message.enrolment_id, message.platform, message.chat_id, message.chat_kind,
                   message.text, choices, message.attempts, message.priority, message.extras, message.payload)
        )  # fmt: skip
    await repo.session.flush()
    return leased


async def mark_sent(repo: Repo, sent: list[tuple[int, str]], now: datetime) -> None:
    """Mark rows sent with their platform message ids, in one statement."""
    if not sent:
        return
    table = OutboxMessage.__table__
    assert isinstance(table, Table)
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values(
            status="sent",
            message_id=bindparam("platform_id"),
            sent_at=now,
            lease_until=None,
            lease_owner=None,
            error=None,
        )
    )
    connection = await repo.session.connection()
    await connection.execute(
        statement, [{"row_id": row_id, "platform_id": message_id} for row_id, message_id in sent]
    )


async def give_back(repo: Repo, ids: list[int], owner: str) -> None:
    """Return leased rows that were never tried (a stopping sender's queue), for any instance to send now."""
    if ids:
        await repo.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id.in_(ids),
                OutboxMessage.lease_owner == owner,
                OutboxMessage.status == "pending",
            )
            .values(lease_until=None, lease_owner=None, attempts=OutboxMessage.attempts - 1)
        )


async def release_all(repo: Repo) -> None:
    """End every lease: on SQLite one process holds the file, so a lease left over is a dead process's
    (killed mid-send); its rows go now instead of when the lease runs out."""
    await repo.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == "pending", OutboxMessage.lease_owner.is_not(None))
        .values(lease_until=None, lease_owner=None)
    )


async def retry_later(
    repo: Repo, item: Leased, not_before: datetime, error: str, *, count: bool = True
) -> None:
    values: dict[str, Any] = {
        "not_before": not_before,
        "lease_until": None,
        "lease_owner": None,
        "error": error[:200],
    }
    if not count:  # a platform-wide pause is not this message's fault
        values["attempts"] = OutboxMessage.attempts - 1
    await repo.session.execute(update(OutboxMessage).where(OutboxMessage.id == item.id).values(**values))


async def dead_letter(repo: Repo, item: Leased, error: str, pause_reason: str | None, now: datetime) -> None:
    """Give up on a row; when the person can't be reached, pause their plan with the reason."""
    await repo.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == item.id)
        .values(status="dead", error=error[:200], lease_until=None, lease_owner=None)
    )
    if pause_reason is None or item.enrolment_id is None:
        return
    enrolment = await repo.enrolment(item.enrolment_id, lock=True)
    if enrolment is None or enrolment.status != Status.ACTIVE:
        return
    await plan_changes.apply(
        repo, enrolment, pause(enrolment.status, Reason(pause_reason), now), None, None, now
    )
    await _tell_home_chat(repo, item, enrolment.person_id, now)


async def _tell_home_chat(repo: Repo, item: Leased, person_id: int, now: datetime) -> None:
    """One short notice, without any health detail, in the group the person used the bot from (Discord):
    their plan is paused because direct messages to them fail. Sent once per pause, never retried."""
    person = await repo.session.get(Person, person_id)
    if person is None or not person.home_chat_id:
        return
    text = common.UNREACHABLE_NOTICE.format(person=mention(person.user_id))
    key = f"unreachable:{item.enrolment_id}:{now:%Y%m%dT%H%M%S}"
    await add(
        repo,
        row(key, item.platform, person.home_chat_id, "notice", None, text, (), "pending", now,
            chat_kind="group"),
    )  # fmt: skip
