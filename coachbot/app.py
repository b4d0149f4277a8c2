"""The composition root: the only place that builds the database, coach and adapters and runs them.

`build(settings, ...)` wires; `App.run()` applies migrations, then runs the enabled adapters until one ends.
"""

from __future__ import annotations

import asyncio
import getpass
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol, TextIO

from coachbot.adapters.console import ConsoleAdapter
from coachbot.coach import Coach
from coachbot.messages import Incoming, Reply
from coachbot.programme.loader import load_directory
from coachbot.settings import Settings, SettingsError
from coachbot.store import migrate
from coachbot.store.db import Database


def utc_now() -> datetime:
    return datetime.now(UTC)


class Adapter(Protocol):
    """A platform connection: `run` until stopped; `send` only while `run` is active."""

    async def run(self) -> None: ...

    async def send(self, reply: Reply) -> str: ...


@dataclass
class App:
    settings: Settings
    database: Database
    coach: Coach
    clock: Callable[[], datetime]
    adapters: dict[str, Adapter] = field(default_factory=dict)

    async def deliver(self, incoming: Incoming) -> None:
        """The callback adapters get: let the coach decide, then send each reply where it belongs."""
        for reply in await self.coach.handle(incoming, self.clock()):
            await self.adapters[reply.to.platform].send(reply)

    async def run(self) -> None:
        await migrate.upgrade(self.database)
        try:
            tasks = [asyncio.create_task(adapter.run(), name=name) for name, adapter in self.adapters.items()]
            done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            for task in done:
                task.result()
        finally:
            await self.database.close()


def build(
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> App:
    """Wire the app; with no platform token the console is the platform."""
    programmes = load_directory(settings.programmes_dir)
    database = Database.connect(settings.database_url.value)
    app = App(settings, database, Coach(database, programmes), clock)
    if settings.telegram_token is None and settings.discord_token is None:
        user = _console_user()
        app.adapters["console"] = ConsoleAdapter(
            app.deliver, stdin or sys.stdin, stdout or sys.stdout, user, clock
        )
    else:
        raise SettingsError(
            "TELEGRAM_TOKEN or DISCORD_TOKEN is set, but this version has only the console; "
            "unset them to chat in the terminal"
        )
    return app


def _console_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "console"
