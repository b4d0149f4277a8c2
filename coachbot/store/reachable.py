"""Waiting for the database at start-up: a PostgreSQL server that is still starting (a compose file that
starts both at once) or a network that is not up yet gets a few more tries before the bot gives up.

Between tries the wait doubles from 1 s up to 30 s; each failed try is one log line with the driver's reason;
after `patience` seconds in all the last error is raised, for the command line to print as one line.
"""

from __future__ import annotations

import asyncio
import logging

from coachbot.store.db import Database, DatabaseError, failure_reason

log = logging.getLogger(__name__)

FIRST_WAIT_SECONDS = 1.0
MOST_WAIT_SECONDS = 30.0
UNREACHABLE = (
    OSError,
    DatabaseError,
)  # refused, timed out, an unknown host (all OSError), or the server said no


async def wait_until_reachable(database: Database, label: str, patience: float, stop: asyncio.Event) -> bool:
    """True once the database answers; False when `stop` is set while waiting (a SIGTERM)."""
    loop = asyncio.get_running_loop()
    give_up_at, wait = loop.time() + patience, FIRST_WAIT_SECONDS
    while True:
        try:
            async with database.engine.connect() as connection:
                await connection.exec_driver_sql("SELECT 1")
            return True
        except UNREACHABLE as error:
            left = give_up_at - loop.time()
            if left <= 0:
                raise
            pause = min(wait, left)
            log.warning(
                "database %s not reachable (%s); trying again in %.0f s", label, failure_reason(error), pause
            )
            try:
                await asyncio.wait_for(stop.wait(), pause)
                return False
            except TimeoutError:
                wait = min(wait * 2, MOST_WAIT_SECONDS)
