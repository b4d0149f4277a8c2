"""Serving a fake platform's aiohttp application on 127.0.0.1, on a free port."""

from __future__ import annotations

from aiohttp import web


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    """Start `app` and return its runner (to clean up) and its base URL, http://127.0.0.1:<port>."""
    # connections a client library leaves open must not hold a test up for aiohttp's default 60 s
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"
