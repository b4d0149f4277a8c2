"""`coachbot db upgrade` (apply the migrations, saying which) and `coachbot db current` (where the database
stands against this code's newest migration; exit 1 when it is behind, for a deploy script to check)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from coachbot.store import migrate
from coachbot.store.db import Database

Found = TypeVar("Found")


async def _on(url: str, ask: Callable[[Database], Awaitable[Found]]) -> Found:
    database = Database.connect(url)
    try:
        return await ask(database)
    finally:
        await database.close()


async def upgrade(url: str) -> int:
    done = await _on(url, migrate.upgrade)
    if done.applied:
        count = len(done.applied)
        print(f"applied {count} migration{'s' if count > 1 else ''}: {', '.join(done.applied)}")
        print(f"database is up to date (at {done.now})")
    else:
        print(f"nothing to apply: database is up to date (at {done.now})")
    return 0


async def current(url: str) -> int:
    found = await _on(url, migrate.standing)
    print(f"current: {found.current or 'none (empty database)'}")
    print(f"head:    {found.head}")
    if found.behind:
        print(f"behind by {len(found.behind)}: {', '.join(found.behind)} (run `coachbot db upgrade`)")
        return 1
    print("up to date")
    return 0
