"""The operator's HTTP endpoint (COACHBOT_HTTP_PORT), an aiohttp server in the app's own loop: `/healthz`
(the process is up), `/readyz` (every readiness check passes, else 503 naming the failed ones) and
`/metrics` (Prometheus text format, delivery/metrics.py). The app says what is ready through `Probe`."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Protocol

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

log = logging.getLogger(__name__)


class Probe(Protocol):
    """What the endpoint asks the running app."""

    async def readiness(self) -> Mapping[str, bool]:
        """Each readiness check by name (database, adapters, ticker, leader): True when it passes."""
        ...

    async def metrics_text(self) -> bytes:
        """The Prometheus text format of the app's metrics, database gauges read now."""
        ...


def application(probe: Probe) -> web.Application:
    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def readyz(_request: web.Request) -> web.Response:
        checks = dict(await probe.readiness())
        failed = sorted(name for name, passed in checks.items() if not passed)
        body = {"status": "not ready" if failed else "ready", "failed": failed, "checks": checks}
        return web.json_response(body, status=503 if failed else 200)

    async def metrics(_request: web.Request) -> web.Response:
        try:
            body = await probe.metrics_text()
        except Exception:  # the database is away: say so rather than serve half the metrics
            log.warning("metrics: the database did not answer")
            return web.Response(status=503, text="database unavailable\n")
        # CONTENT_TYPE_LATEST carries its charset, which web.Response wants apart
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    return app


@asynccontextmanager
async def serving(probe: Probe, host: str, port: int) -> AsyncIterator[int]:
    """Serve the endpoints while the block runs; yields the bound port (port 0 picks a free one)."""
    runner = web.AppRunner(application(probe), access_log=None)  # scrapes every 15 s would flood the log
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound = runner.addresses[0][1] if runner.addresses else port
        log.info("health and metrics on http://%s:%s (/healthz, /readyz, /metrics)", host, bound)
        yield int(bound)
    finally:
        await runner.cleanup()
