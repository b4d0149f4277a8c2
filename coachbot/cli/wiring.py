"""The composition root: the only place that builds the database, coach, delivery and adapters into an App.

Telegram when TELEGRAM_TOKEN is set, Discord when DISCORD_TOKEN is set (both share one database, one coach
and one rate limiter), otherwise the console (also for `coachbot run --demo`).
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import TextIO

from coachbot.adapters.console import ConsoleAdapter, files_folder
from coachbot.adapters.discord.adapter import DiscordAdapter
from coachbot.adapters.telegram.adapter import TelegramAdapter
from coachbot.app import App, utc_now
from coachbot.cli.demo import DemoClock, DemoControls
from coachbot.core.coach import Coach
from coachbot.core.due_clubs import DueClubs
from coachbot.core.due_people import DuePeople
from coachbot.core.opening import opening
from coachbot.delivery.limits import RateLimiter, limits_from
from coachbot.delivery.ticker import Ticker, TickerSettings
from coachbot.messages import Address, Reply
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.loader import load_directory
from coachbot.programme.schema import Programme
from coachbot.schedule.wallclock import zones_like
from coachbot.settings import Settings
from coachbot.store.db import Database
from coachbot.texts import common


def ticker_for(
    database: Database, programmes: Mapping[str, Programme], settings: TickerSettings | None = None
) -> Ticker:
    """The one ticker, over people's due prompts and clubs' due posts and digests."""
    return Ticker(database, [DuePeople(programmes), DueClubs(programmes)], settings)


def build(
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    clock: Callable[[], datetime] = utc_now,
    demo: bool = False,
) -> App:
    """Wire the app: Telegram when TELEGRAM_TOKEN is set, Discord when DISCORD_TOKEN is set (both at once
    share one database and one coach), otherwise the console; `demo`: the console with a movable clock
    (pass demo.demo_settings(settings))."""
    if demo:
        clock = DemoClock(settings.data_dir / "clock-offset", clock)
    programmes = Catalogue(load_directory(settings.programmes_dir))
    database = Database.connect(settings.database_url.value)
    ticker_settings = TickerSettings(late_window=timedelta(hours=settings.late_window_hours))
    app = App(
        settings,
        database,
        Coach(database, programmes),
        ticker_for(database, programmes, ticker_settings),
        RateLimiter(limits_from(settings)),
        clock,
    )
    if settings.telegram_token is not None:
        app.adapters["telegram"] = TelegramAdapter(
            settings.telegram_token.value,
            app.deliver,
            common.COMMANDS,
            api_url=settings.telegram_api_url,
            clock=clock,
            limiter=app.limiter,
            paid_broadcast=settings.telegram_paid_broadcast,
        )
    if settings.discord_token is not None:
        app.adapters["discord"] = DiscordAdapter(
            settings.discord_token.value,
            app.deliver,
            common.COMMANDS,
            api_url=settings.discord_api_url,
            gateway_url=settings.discord_gateway_url,
            dev_guild=settings.discord_dev_guild,
            clock=clock,
            limiter=app.limiter,
            zones=zones_like,
        )
    if app.adapters and not demo:
        return app
    app.adapters.clear()
    controls = DemoControls(app, clock) if isinstance(clock, DemoClock) else None
    user = _console_user()

    async def welcome(address: Address) -> list[Reply]:
        replies = await opening(database, programmes, address, clock())
        return replies if controls is None else await controls.opening(replies, address)

    app.adapters["console"] = ConsoleAdapter(
        app.deliver if controls is None else controls.deliver,
        stdin or sys.stdin,
        stdout or sys.stdout,
        user,
        clock,
        files=files_folder(settings.data_dir, user),
        opening=welcome,
    )
    return app


def _console_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "console"
