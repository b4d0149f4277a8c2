"""The ticker: every few seconds, turn what is due in each source into outbox rows and move it on.

A *due source* (people's prompts, clubs' posts and digests) claims its due schedules; the ticker applies
the one catch-up rule to each and asks the source for the outbox rows of what fell due. One write
transaction per batch claims (FOR UPDATE SKIP LOCKED on PostgreSQL, the writer lock on SQLite), writes
outbox rows keyed (owner, local date, kind) so nothing is queued twice, and advances next_due_at. After
downtime, the latest instant less than `late_window` late (and not in quiet hours) is sent once, marked
late; older ones are recorded as missed, never sent in a burst.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar

from coachbot.store import outbox
from coachbot.store.db import Database
from coachbot.store.repo import Repo

Owner = TypeVar("Owner")
Rows = list[dict[str, object]]


@dataclass(frozen=True)
class TickerSettings:
    late_window: timedelta = timedelta(hours=3)  # send a late prompt only if less late than this
    late_after: timedelta = timedelta(minutes=5)  # sent later than this counts as late
    batch: int = 500


@dataclass
class TickResult:
    queued: int = 0
    missed: int = 0


@dataclass(frozen=True)
class Due:
    """One instant a schedule fell due, and whether to send it now (and mark it late) or record it missed."""

    at: datetime
    send: bool
    late: bool


def catch_up(
    due: datetime | None,
    following: Callable[[datetime], datetime | None],
    now: datetime,
    settings: TickerSettings,
    quiet: bool = False,
) -> tuple[list[Due], datetime | None]:
    """Every instant from `due` up to `now`, and the next one after `now`. Only the newest is sent, and
    only if less than the late window late (and, in quiet hours, not late at all); the rest are missed."""
    fallen: list[Due] = []
    while due is not None and due <= now:
        after = following(due)
        lateness = now - due
        newest = after is None or after > now
        send = newest and lateness < settings.late_window and not (quiet and lateness > settings.late_after)
        fallen.append(Due(due, send, send and lateness > settings.late_after))
        due = after
    return fallen, due


class Timed(Protocol):
    """A stored schedule: the ticker moves its next_due_at on."""

    next_due_at: datetime | None


@dataclass(frozen=True)
class Claimed(Generic[Owner]):
    """One due schedule a source claimed, with its owner (what the source writes rows for), the instant
    after a given one it is next due (None: it has no timetable any more and stops), and whether the owner
    is in quiet hours now."""

    schedule: Timed
    owner: Owner
    following: Callable[[datetime], datetime | None] | None
    quiet: bool = False


class DueSource(Protocol[Owner]):
    """Something whose schedules fall due: claim up to `limit` due at `now` (locked for the transaction),
    and turn the instants one of them fell due into outbox rows."""

    async def claim(self, repo: Repo, now: datetime, limit: int) -> Sequence[Claimed[Owner]]: ...

    async def rows(self, repo: Repo, claimed: Claimed[Owner], fallen: list[Due], now: datetime) -> Rows: ...


class Ticker:
    def __init__(
        self, database: Database, sources: Sequence[DueSource[Any]], settings: TickerSettings | None = None
    ) -> None:
        self.database, self.sources = database, sources
        self.settings = settings or TickerSettings()

    async def tick(self, now: datetime, queued: Callable[[], None] = lambda: None) -> TickResult:
        """Queue everything due at `now` in each source, batch by batch, each batch in its own
        transaction; `queued` is called after each batch that queued something (the sender starts on it
        at once)."""
        result = TickResult()
        for source in self.sources:
            while True:
                before = result.queued
                async with self.database.write() as repo:
                    batch = await source.claim(repo, now, self.settings.batch)
                    rows: Rows = []
                    for claimed in batch:
                        rows.extend(await self._advance(repo, source, claimed, now, result))
                    await outbox.add(repo, *rows)
                if result.queued > before:
                    queued()
                if len(batch) < self.settings.batch:
                    break
        return result

    async def _advance(
        self, repo: Repo, source: DueSource[Any], claimed: Claimed[Any], now: datetime, result: TickResult
    ) -> Rows:
        """Move one schedule past `now`; returns the outbox rows for what fell due (sent or missed)."""
        schedule = claimed.schedule
        if claimed.following is None:
            schedule.next_due_at = None
            return []
        fallen, schedule.next_due_at = catch_up(
            schedule.next_due_at, claimed.following, now, self.settings, claimed.quiet
        )
        result.queued += sum(due.send for due in fallen)
        result.missed += sum(not due.send for due in fallen)
        return await source.rows(repo, claimed, fallen, now)
