"""`docker stop`, systemd and Kubernetes send SIGTERM, a terminal's Ctrl-C sends SIGINT: while the app runs,
either sets an event the app waits on, so the bot stops polling, lets in-flight sends finish and be
recorded, releases its lock, closes the database and exits 0 (issue 15)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Iterator

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT)


@contextlib.contextmanager
def sets_on_signals(event: asyncio.Event) -> Iterator[None]:
    loop = asyncio.get_running_loop()

    def stop(number: signal.Signals) -> None:
        log.warning("%s: stopping (in-flight sends finish and are recorded)", number.name)
        event.set()

    for number in SIGNALS:
        with contextlib.suppress(NotImplementedError, ValueError):  # no handlers on this loop or thread
            loop.add_signal_handler(number, stop, number)
    try:
        yield
    finally:
        for number in SIGNALS:
            with contextlib.suppress(NotImplementedError, ValueError):
                loop.remove_signal_handler(number)


async def run_until_signalled(run: Callable[[], Awaitable[None]], event: asyncio.Event) -> None:
    """`coachbot run`: the app runs with both signals setting its stop event, during migrations too."""
    with sets_on_signals(event):
        await run()
