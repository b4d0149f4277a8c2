"""A strict fake Telegram Bot API in its own process, for the delivery benchmark (issue 15).

    python -m benchmarks.delivery.fake_bot_api --port 8081 --token 123:abc [--rate 30] [--fail-5xx 5] ...

Enough of the Bot API for python-telegram-bot 22 (getMe, setMyCommands, deleteWebhook, getUpdates with
long-poll and offset, sendMessage, sendPhoto, sendDocument, answerCallbackQuery, editMessage*), with the
limits of limits.py per token, and optional faults: a share of sends answered 502, 429 (retry_after 1, no
penalty) or "lost" (delivered and recorded, but answered 504). Every delivered message is recorded.

Control endpoints for the driver: GET /stats (counters and reply latencies), GET /messages (every delivered
message as [chat id, text prefix, monotonic, wall time]), POST /inject {"chat_id", "text"} (an update for
getUpdates: a person typing in a private chat).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import time
from typing import Any

from aiohttp import web

from benchmarks.delivery.limits import Limits

SENDS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})
EDITS = frozenset({"editMessageText", "editMessageReplyMarkup", "answerCallbackQuery"})
PREFIX = 40  # characters of each delivered text kept


class FakeBotApi:
    def __init__(
        self, token: str, limits: Limits, faults: tuple[float, float, float], seed: int, fanout_below: int
    ) -> None:
        self.token, self.limits, self.fanout_below = token, limits, fanout_below
        self.fanout_chats: set[int] = set()  # chats below `fanout_below` that got at least one message
        self.fanout_messages = 0
        self.last_delivery = 0.0
        self.fail_5xx, self.fail_429, self.lost = (share / 100 for share in faults)
        self.rng = random.Random(seed)
        self.messages: list[tuple[int, str, float, float]] = []
        self.counts = {
            "calls": 0,
            "rejected_429": 0,
            "injected_5xx": 0,
            "injected_429": 0,
            "lost_answers": 0,
            "lost_answers_fanout": 0,
        }
        self.in_flight = 0
        self.updates: list[dict[str, Any]] = []
        self.next_update, self.next_message = 1, 1
        self.new_update = asyncio.Event()
        self.handed_out: dict[int, float] = {}  # chat -> when its update went out in getUpdates
        self.latencies: list[float] = []
        self.started = time.monotonic()

    # --- control -----------------------------------------------------------------------------

    async def stats(self, _request: web.Request) -> web.Response:
        return web.json_response(
            {
                **self.counts,
                "delivered": len(self.messages),
                "breaches_429": self.limits.breaches,
                "breached": self.limits.breached,
                "429_while_penalised": self.limits.while_penalised,
                "in_flight": self.in_flight,
                "fanout_distinct": len(self.fanout_chats),
                "fanout_messages": self.fanout_messages,
                "last_delivery": self.last_delivery,
                "latencies": self.latencies,
                "waiting_replies": len(self.handed_out),
                "monotonic": time.monotonic(),
                "wall": time.time(),
            }
        )

    async def all_messages(self, _request: web.Request) -> web.Response:
        return web.Response(text=json.dumps(self.messages), content_type="application/json")

    async def inject(self, request: web.Request) -> web.Response:
        body = await request.json()
        chat_id, text = int(body["chat_id"]), str(body["text"])
        person = {"id": chat_id, "is_bot": False, "first_name": f"P{chat_id}"}
        message: dict[str, Any] = {
            "message_id": self._message_id(),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": person["first_name"]},
            "from": person,
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        self.updates.append({"update_id": self.next_update, "message": message})
        self.next_update += 1
        self.new_update.set()
        return web.json_response({"ok": True})

    # --- the Bot API -------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self.error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await self.params(request)
        self.counts["calls"] += 1
        if method == "getUpdates":
            return self.ok(await self.get_updates(params))
        if method in SENDS:
            self.in_flight += 1
            try:
                return self.send(method, params)
            finally:
                self.in_flight -= 1
        if method in EDITS:
            return self.ok(True if method == "answerCallbackQuery" else self.bot_message(params, ""))
        if method == "getMe":
            return self.ok({"id": 1, "is_bot": True, "first_name": "bench", "username": "bench_bot"})
        if method in ("setMyCommands", "deleteWebhook", "close", "logOut"):
            return self.ok(True)
        return self.error(404, "Not Found: method not found")

    def send(self, method: str, params: dict[str, Any]) -> web.Response:
        chat_id = int(params.get("chat_id") or 0)
        paid = str(params.get("allow_paid_broadcast", "")).lower() in ("true", "1")
        now = time.monotonic()
        retry_after = self.limits.check(chat_id, now, paid)
        if retry_after is not None:
            self.counts["rejected_429"] += 1
            return self.error(429, f"Too Many Requests: retry after {retry_after}", retry_after)
        draw = self.rng.random()
        if draw < self.fail_5xx:
            self.counts["injected_5xx"] += 1
            return self.error(502, "Bad Gateway")
        if draw < self.fail_5xx + self.fail_429:
            self.counts["injected_429"] += 1
            return self.error(429, "Too Many Requests: retry after 1", 1)
        text = str(params.get("text") or params.get("caption") or method)
        self.limits.record(chat_id, now, paid)
        self.messages.append((chat_id, text[:PREFIX], now, time.time()))
        if 0 < chat_id < self.fanout_below:
            self.last_delivery = now  # of a fan-out message (replies to /checkin don't count)
            self.fanout_chats.add(chat_id)
            self.fanout_messages += 1
        if chat_id in self.handed_out:
            self.latencies.append(now - self.handed_out.pop(chat_id))
        if draw < self.fail_5xx + self.fail_429 + self.lost:
            self.counts["lost_answers"] += 1
            if 0 < chat_id < self.fanout_below:
                self.counts["lost_answers_fanout"] += 1
            return self.error(504, "Gateway Timeout")
        return self.ok(self.bot_message(params, text))

    async def get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset, timeout = int(params.get("offset") or 0), float(params.get("timeout") or 0)
        if offset:
            self.updates = [update for update in self.updates if update["update_id"] >= offset]
        if not self.updates and timeout:
            self.new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.new_update.wait(), timeout)
        handed = self.updates[: int(params.get("limit") or 100)]
        now = time.monotonic()
        for update in handed:
            self.handed_out.setdefault(update["message"]["chat"]["id"], now)
        return handed

    def bot_message(self, params: dict[str, Any], text: str) -> dict[str, Any]:
        chat_id = int(params.get("chat_id") or 0)
        kind = "group" if chat_id < 0 else "private"
        return {
            "message_id": int(params.get("message_id") or 0) or self._message_id(),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": kind, **({"title": "g"} if chat_id < 0 else {"first_name": "p"})},
            "from": {"id": 1, "is_bot": True, "first_name": "bench", "username": "bench_bot"},
            "text": text or "…",
        }

    def _message_id(self) -> int:
        self.next_message += 1
        return self.next_message

    @staticmethod
    async def params(request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            params.update({key: value for key, value in (await request.post()).items()})
        return params

    @staticmethod
    def ok(result: Any) -> web.Response:
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def error(status: int, description: str, retry_after: int | None = None) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        return web.json_response(body, status=status)


def application(api: FakeBotApi) -> web.Application:
    app = web.Application(client_max_size=64 * 1024 * 1024)
    app.router.add_route("*", "/bot{token}/{method}", api.handle)
    app.router.add_get("/stats", api.stats)
    app.router.add_get("/messages", api.all_messages)
    app.router.add_post("/inject", api.inject)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--rate", type=int, default=30, help="bot-wide messages a second")
    parser.add_argument("--paid-rate", type=int, default=1000, help="... with allow_paid_broadcast")
    parser.add_argument("--group-per-minute", type=int, default=20)
    parser.add_argument("--penalty", type=float, default=5.0, help="seconds a bot-wide breach blocks sends")
    parser.add_argument("--fail-5xx", type=float, default=0.0, help="percent of sends answered 502")
    parser.add_argument("--fail-429", type=float, default=0.0, help="percent of sends answered 429")
    parser.add_argument("--lost", type=float, default=0.0, help="percent delivered but answered 504")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--fanout-below", type=int, default=9_000_000, help="chat ids counted as fan-out")
    args = parser.parse_args()
    limits = Limits(args.rate, args.paid_rate, group_per_minute=args.group_per_minute, penalty=args.penalty)
    api = FakeBotApi(
        args.token, limits, (args.fail_5xx, args.fail_429, args.lost), args.seed, args.fanout_below
    )
    web.run_app(application(api), host="127.0.0.1", port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
