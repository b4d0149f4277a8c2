"""`coachbot run --demo`: the console on a practice database of its own, with a clock that /later and
/nextday move forward to the next prompt (an offset, never a sleep), so a newcomer lives a week in minutes.

The offset is kept in the demo's data folder, so a restarted demo carries on from the day it reached.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from coachbot.coaching.lifecycle import Status
from coachbot.messages import Address, Command, Incoming, Reply
from coachbot.ports import Responder
from coachbot.programme.schema import Programme
from coachbot.schedule.timetable import KINDS, due_after
from coachbot.schedule.wallclock import instant
from coachbot.settings import Secret, Settings
from coachbot.store.db import Database
from coachbot.texts import console as texts

if TYPE_CHECKING:
    from coachbot.app import App

DEMO_DATABASE_URL = "sqlite+aiosqlite:///./coachbot-demo.db"
CLOCK_COMMANDS = ("later", "nextday")


def demo_settings(settings: Settings) -> Settings:
    """The console only, on ./coachbot-demo.db, with its files under the data folder's demo/."""
    return replace(
        settings,
        database_url=Secret(DEMO_DATABASE_URL),
        telegram_token=None,
        discord_token=None,
        data_dir=settings.data_dir / "demo",
    )


class DemoClock:
    """The base clock plus an offset that only moves forward; the offset is saved in `offset_file`."""

    def __init__(self, offset_file: Path, base: Callable[[], datetime]) -> None:
        self.offset_file, self.base = offset_file, base
        try:
            self.offset = timedelta(seconds=float(offset_file.read_text().strip()))
        except (OSError, ValueError):
            self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return self.base() + self.offset

    def advance_to(self, when: datetime) -> None:
        now = self()
        if when <= now:
            return
        self.offset += when - now
        self.offset_file.parent.mkdir(parents=True, exist_ok=True)
        self.offset_file.write_text(f"{self.offset.total_seconds()}\n")


async def next_prompt(
    database: Database,
    programmes: Mapping[str, Programme],
    address: Address,
    now: datetime,
    *,
    next_day: bool,
) -> tuple[datetime, ZoneInfo] | None:
    """When the person's next prompt is due (from the next local day's start with `next_day`), and their
    zone; None while they have no active plan."""
    async with database.read() as repo:
        person = await repo.person(address.platform, address.user_id)
        enrolment = await repo.live_enrolment(person.id) if person is not None else None
        if person is None or enrolment is None or enrolment.status != Status.ACTIVE or not person.tz:
            return None
        programme = programmes.get(enrolment.programme_id)
        if programme is None:
            return None
        zone = ZoneInfo(person.tz)
        after = now
        if next_day:
            tomorrow = now.astimezone(zone).date() + timedelta(days=1)
            after = instant(tomorrow, time(0), zone) - timedelta(microseconds=1)
        dues = [due_after(kind, enrolment, programme, person.tz, after) for kind in KINDS]
    found = [due for due in dues if due is not None]
    return (min(found), zone) if found else None


class DemoControls:
    """Sits between the console and the app: the clock commands are answered here, the rest go on."""

    def __init__(self, app: App, clock: DemoClock) -> None:
        self.app, self.clock = app, clock

    async def deliver(self, incoming: Incoming, responder: Responder) -> None:
        name = incoming.name if isinstance(incoming, Command) else ""
        if name in CLOCK_COMMANDS:
            await self._move(incoming.sender, next_day=name == "nextday")
            return
        await self.app.deliver(incoming, responder)
        if name == "help":
            await self._say(incoming.sender, texts.DEMO_HELP)

    async def opening(self, replies: list[Reply], address: Address) -> list[Reply]:
        return [Reply(address, texts.DEMO_WELCOME), *replies]

    async def _move(self, address: Address, *, next_day: bool) -> None:
        programmes = self.app.coach.programmes
        found = await next_prompt(self.app.database, programmes, address, self.clock(), next_day=next_day)
        if found is None:
            await self._say(address, texts.DEMO_NOTHING_DUE)
            return
        when, zone = found
        self.clock.advance_to(when)
        await self._say(
            address, texts.DEMO_MOVED.format(when=when.astimezone(zone).strftime(texts.DEMO_WHEN))
        )
        await self.app.tick()  # the prompts now due are queued and sent at once
        await self.app.send()

    async def _say(self, address: Address, text: str) -> None:
        await self.app.adapters[address.platform].send(Reply(address, text))
