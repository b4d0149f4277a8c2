"""`docker stop` sends SIGTERM: while the app runs, it sets an event the app waits on, so the bot stops the
way Ctrl-C stops it (jobs wound down, lock released, database closed) and exits 0 (issue 15)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator

log = logging.getLogger(__name__)


@contextlib.contextmanager
def sets_on_sigterm(event: asyncio.Event) -> Iterator[None]:
    loop = asyncio.get_running_loop()

    def terminated() -> None:
        log.warning("SIGTERM: stopping (running jobs finish, sent messages are recorded)")
        event.set()

    with contextlib.suppress(NotImplementedError):  # no signal handlers on this platform's loop
        loop.add_signal_handler(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        with contextlib.suppress(NotImplementedError):
            loop.remove_signal_handler(signal.SIGTERM)
