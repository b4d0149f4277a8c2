"""What the running app tells its health endpoint (delivery/health.py's `Probe`): the readiness checks
(database, adapters, ticker, leader) and the metrics. The app records each tick here (`ticked`)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from coachbot.delivery.metrics import Metrics
from coachbot.ports import Adapter
from coachbot.store import gauges
from coachbot.store.db import Database

TICKS_OF_GRACE = 3  # /readyz fails when the ticker has not run for this many ticks


@dataclass
class AppProbe:
    database: Database
    adapters: Mapping[str, Adapter]
    leading: asyncio.Event
    tick_seconds: float
    clock: Callable[[], datetime]
    metrics: Metrics = field(default_factory=Metrics)
    last_tick: float | None = None  # the loop's time when the last tick ended; None: no tick yet

    def __post_init__(self) -> None:
        self.metrics.platforms(list(self.adapters))

    def ticked(self, lag: float) -> None:
        """A tick ended now; it started `lag` seconds after its schedule."""
        self.last_tick = asyncio.get_running_loop().time()
        self.metrics.tick_lag.set(lag)
        self.metrics.last_tick.set_to_current_time()

    def ticking(self) -> bool:
        """The ticker ran within the last TICKS_OF_GRACE ticks."""
        if self.last_tick is None:
            return False
        return asyncio.get_running_loop().time() - self.last_tick <= TICKS_OF_GRACE * self.tick_seconds

    async def readiness(self) -> Mapping[str, bool]:
        checks = {"database": await gauges.answers(self.database)}
        checks.update({f"adapter:{name}": adapter.connected for name, adapter in self.adapters.items()})
        checks["ticker"] = self.ticking()
        checks["leader"] = self.leading.is_set() or (checks["database"] and await self._another_leads())
        return checks

    async def _another_leads(self) -> bool:
        try:
            return await gauges.another_leads(self.database)
        except Exception:  # the database went away since the first check
            return False

    async def metrics_text(self) -> bytes:
        return await self.metrics.scrape(self.database, self.clock(), self.leading.is_set())
