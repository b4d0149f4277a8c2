"""A loopback fake platform for the fan-out benchmark: POST /send accepts messages up to a rate and
answers 429 with retry_after beyond it, like Telegram's flood control. GET /stats reports what it saw.

Run as its own process so its memory never counts against the bot's.
"""

from __future__ import annotations

import argparse
import math
import time
from collections import Counter

from aiohttp import web


class Endpoint:
    def __init__(self, rate: float) -> None:
        self.rate = rate  # messages a second; 0 = unlimited
        self.tokens = rate
        self.stamp = time.monotonic()
        self.seen: Counter[str] = Counter()
        self.rejected = 0

    def _allow(self) -> float:
        """0 when the message may pass, else the seconds to wait (a token bucket of one second)."""
        if not self.rate:
            return 0.0
        now = time.monotonic()
        self.tokens = min(self.rate, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate

    async def send(self, request: web.Request) -> web.Response:
        body = await request.json()
        wait = self._allow()
        if wait:
            self.rejected += 1
            retry_after = math.ceil(wait)  # Telegram gives whole seconds
            return web.json_response(
                {"ok": False, "error_code": 429, "parameters": {"retry_after": retry_after}}, status=429
            )
        self.seen[body["key"]] += 1
        return web.json_response({"ok": True, "message_id": sum(self.seen.values())})

    async def stats(self, _request: web.Request) -> web.Response:
        duplicates = sum(count - 1 for count in self.seen.values())
        return web.json_response(
            {"delivered": len(self.seen), "duplicates": duplicates, "rejected": self.rejected}
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--rate", type=float, default=0)
    args = parser.parse_args()
    endpoint = Endpoint(args.rate)
    app = web.Application()
    app.router.add_post("/send", endpoint.send)
    app.router.add_get("/stats", endpoint.stats)
    web.run_app(app, host="127.0.0.1", port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
