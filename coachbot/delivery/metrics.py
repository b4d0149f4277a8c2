"""The Prometheus metrics of one app, in a registry of its own (never the process-wide one, so several apps
in one process, as in tests, keep their own counts). The sender counts its outcomes and times its sends, the
app counts updates and records its ticks; the outbox and referral gauges are read from the database when
`/metrics` is scraped (delivery/health.py), so they hold across restarts and instances."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from coachbot.ports import RetryAfter
from coachbot.store import gauges
from coachbot.store.db import Database

SEND_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """Every coachbot metric, prefixed `coachbot_`."""

    def __init__(self) -> None:
        self.registry = registry = CollectorRegistry(auto_describe=True)
        self.sends = Counter("coachbot_sends", "Outbox messages sent", ["platform"], registry=registry)
        self.rate_limited = Counter(
            "coachbot_rate_limited", "Sends answered with 429 (retry after)", ["platform"], registry=registry
        )
        self.send_errors = Counter(
            "coachbot_send_errors", "Sends that failed (blocked, rejected, temporary)", ["platform"],
            registry=registry,
        )  # fmt: skip
        self.send_seconds = Histogram(
            "coachbot_send_seconds", "Time of one outbox send, limits included", ["platform"],
            buckets=SEND_BUCKETS, registry=registry,
        )  # fmt: skip
        self.updates = Counter(
            "coachbot_updates", "Incoming updates handled", ["platform"], registry=registry
        )
        self.tick_lag = Gauge(
            "coachbot_tick_lag_seconds",
            "How late the last tick started against its schedule",
            registry=registry,
        )
        self.last_tick = Gauge(
            "coachbot_last_tick_timestamp_seconds", "When the last tick ended (Unix time)", registry=registry
        )
        self.outbox = Gauge(
            "coachbot_outbox_messages", "Outbox rows by platform and state (pending, leased, dead)",
            ["platform", "state"], registry=registry,
        )  # fmt: skip
        self.referrals = Gauge(
            "coachbot_referrals", "Referrals recorded, by tier", ["tier"], registry=registry
        )
        self.instances = Gauge("coachbot_instances", "Instances this process runs (1)", registry=registry)
        self.leader = Gauge("coachbot_leader", "1 while this instance leads, else 0", registry=registry)
        self.instances.set(1)
        self._platforms: list[str] = []

    def platforms(self, names: list[str]) -> None:
        """Show every platform's counters and outbox states from the start (at 0), so a rate or an alert
        over them is never empty."""
        self._platforms = list(names)
        for name in names:
            for counter in (self.sends, self.rate_limited, self.send_errors, self.updates):
                counter.labels(platform=name)

    def sent(self, platform: str, seconds: float, error: Exception | None) -> None:
        """One send's outcome: sent (error None), rate limited (RetryAfter) or failed."""
        self.send_seconds.labels(platform=platform).observe(seconds)
        if error is None:
            self.sends.labels(platform=platform).inc()
        elif isinstance(error, RetryAfter):
            self.rate_limited.labels(platform=platform).inc()
        else:
            self.send_errors.labels(platform=platform).inc()

    async def scrape(self, database: Database, now: datetime, leading: bool) -> bytes:
        """The text format of every metric, with the database gauges read now."""
        outbox: dict[tuple[str, ...], int] = {
            (name, state): 0 for name in self._platforms for state in gauges.OUTBOX_STATES
        }
        outbox.update(await gauges.outbox_by_platform(database, now))
        self._set(self.outbox, outbox, ("platform", "state"))
        self._set(self.referrals, {(tier,): n for tier, n in (await gauges.referrals_by_tier(database)).items()},
                  ("tier",))  # fmt: skip
        self.leader.set(1 if leading else 0)
        return generate_latest(self.registry)

    @staticmethod
    def _set(gauge: Gauge, values: Mapping[tuple[str, ...], int], names: tuple[str, ...]) -> None:
        gauge.clear()  # a platform whose rows are all sent shows no stale count
        for labels, value in values.items():
            gauge.labels(**dict(zip(names, labels, strict=True))).set(value)
