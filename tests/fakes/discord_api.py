"""A fake Discord (REST API v10 and gateway) on 127.0.0.1 that the real discord.py connects to.

REST (aiohttp, JSON and multipart): users/@me, applications/@me, command sync (global and guild), interaction
callbacks answered with 200 JSON (acknowledging twice, or after 3 s, fails as on Discord), follow-up
webhooks (edit and delete of the original too), DM channels, and messages, validated like Discord
(2,000 characters, five rows of five buttons, unique custom ids of at most 100 characters, no empty
message). Closed DMs answer 403 code 50007; tests can script 429 (with retry_after, rate-limit headers
and a Via header, as discord.py expects) and 5xx. Every REST call is recorded.

Gateway (WebSocket): HELLO, heartbeat ACKs, IDENTIFY → READY and one GUILD_CREATE per guild, refused
privileged intents, RESUME → invalid session; tests dispatch INTERACTION_CREATE and MESSAGE_CREATE (in a
DM, or in a server channel mentioning the bot).
Payloads come from tests.fakes.discord_payloads.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes import discord_payloads as p
from tests.fakes.loopback import serve

WAIT_LIMIT = 10.0  # seconds a test waits for an expected call before failing
ANSWER_WITHIN = 3.0  # seconds Discord gives a bot to acknowledge an interaction
MAX_CONTENT = 2000
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content
BOT_USER = p.user(p.APPLICATION_ID, "coachbot", bot=True)
SNOWFLAKES = re.compile(r"/\d+")
MESSAGE_ROUTE = re.compile(r"/channels/(\d+)/messages$")


@dataclass
class Call:
    method: str
    path: str
    body: Any
    status: int = 200


@dataclass
class Failure:
    status: int
    code: int
    message: str
    retry_after: float | None = None


@dataclass
class _Interaction:
    payload: p.Payload
    dispatched_at: float
    channel_id: int
    guild_id: int | None
    response: p.Payload | None = None
    original: int | None = None  # the message id of the original response or of the first follow-up


@dataclass
class FakeDiscord:
    """The fake server's state; start it with `async with FakeDiscord() as api`."""

    calls: list[Call] = field(default_factory=list)
    users: dict[int, p.Payload] = field(default_factory=dict)
    guilds: dict[int, p.Payload] = field(default_factory=dict)
    channels: dict[int, p.Payload] = field(default_factory=dict)
    permissions: dict[tuple[int, int], int] = field(default_factory=dict)  # (guild, user) -> rights
    messages: dict[int, p.Payload] = field(default_factory=dict)
    commands: dict[int | None, list[p.Payload]] = field(default_factory=dict)  # guild id (None: global)
    closed_dms: set[int] = field(default_factory=set)
    failures: dict[str, deque[Failure]] = field(default_factory=dict)
    identified: list[p.Payload] = field(default_factory=list)
    answer_within: float = ANSWER_WITHIN
    bot_can_pin: bool = False  # the bot's role has Manage Messages
    uploads: dict[int, bytes] = field(default_factory=dict)  # files people attached, by attachment id
    downloads: list[int] = field(default_factory=list)
    pinned: list[tuple[int, int]] = field(default_factory=list)  # (channel, message)
    url: str = ""

    def __post_init__(self) -> None:
        self._ids = itertools.count(1_100_000_000_000_000_000)
        self._interactions: dict[str, _Interaction] = {}
        self._sockets: list[web.WebSocketResponse] = []
        self._sequence = 0
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/gateway"

    # --- test controls -------------------------------------------------------------------------

    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{id}/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner, self.url = await serve(app)
        return self

    async def __aexit__(self, *_exc: object) -> None:
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def person(self, user_id: int, name: str = "Ana") -> p.Payload:
        self.users[user_id] = p.user(user_id, name)
        return self.users[user_id]

    def server(self, guild_id: int, channel_id: int, name: str = "Harriers") -> None:
        """A guild with one text channel, which the bot has joined (sent in GUILD_CREATE on IDENTIFY)."""
        channel = p.text_channel(channel_id, guild_id, "training")
        self.channels[channel_id] = channel
        self.guilds[guild_id] = p.guild(guild_id, name, owner_id=1, channels=[channel], members=[])

    def grant(self, guild_id: int, user_id: int, permissions: int) -> None:
        self.permissions[(guild_id, user_id)] = permissions

    def fail(self, route: str, failure: Failure, times: int = 1) -> None:
        """Answer the next `times` calls of `route` (like "POST /channels/messages") with `failure`."""
        self.failures.setdefault(route, deque()).extend(failure for _ in range(times))

    async def wait_until(self, check: Callable[[], bool]) -> None:
        """Wait until `check()` holds, woken by each call or gateway event (never by polling)."""
        async with asyncio.timeout(WAIT_LIMIT), self._changed:
            await self._changed.wait_for(check)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def dm_channel_of(self, user_id: int) -> int | None:
        return next(
            (
                int(cid)
                for cid, channel in self.channels.items()
                if channel["type"] == 1 and channel["recipients"][0]["id"] == str(user_id)
            ),
            None,
        )

    def in_channel(self, channel_id: int | None, *, ephemeral: bool | None = None) -> list[p.Payload]:
        """Messages that reached a channel, in order (ephemeral ones only their person saw)."""
        return [
            message
            for message in self.messages.values()
            if channel_id is not None
            and message["channel_id"] == str(channel_id)
            and (ephemeral is None or bool(message["flags"] & p.EPHEMERAL) == ephemeral)
        ]

    def dms(self, user_id: int) -> list[p.Payload]:
        return self.in_channel(self.dm_channel_of(user_id))

    async def dm(self, user_id: int, containing: str, *, after: int = 0) -> p.Payload:
        """The first DM to `user_id` after the first `after` whose text contains `containing`."""

        def found() -> p.Payload | None:
            return next((m for m in self.dms(user_id)[after:] if containing in m["content"]), None)

        await self.wait_until(lambda: found() is not None)
        message = found()
        assert message is not None
        return message

    def rest(self, method: str, pattern: str) -> list[Call]:
        """Recorded calls whose method matches and path matches `pattern` (a regular expression)."""
        return [call for call in self.calls if call.method == method and re.search(pattern, call.path)]

    # --- the gateway ---------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return bool(self._sockets) and bool(self.identified)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_json({"op": 10, "d": {"heartbeat_interval": 41_250}, "s": None, "t": None})
        try:
            async for frame in socket:
                if frame.type is not WSMsgType.TEXT:
                    continue
                await self._gateway_op(socket, json.loads(frame.data))
        finally:
            if socket in self._sockets:
                self._sockets.remove(socket)
            await self._notify()
        return socket

    async def _gateway_op(self, socket: web.WebSocketResponse, message: p.Payload) -> None:
        op, data = message["op"], message.get("d") or {}
        if op == 1:
            await socket.send_json({"op": 11, "d": None, "s": None, "t": None})
        elif op == 2:
            if data["token"] != p.TOKEN:
                await socket.close(code=4004, message=b"Authentication failed.")
                return
            if data.get("intents", 0) & PRIVILEGED_INTENTS:
                await socket.close(code=4014, message=b"Disallowed intent(s).")
                return
            self.identified.append(data)
            self._sockets.append(socket)
            session = f"session-{len(self.identified)}"
            await self._send(socket, "READY", p.ready(BOT_USER, list(self.guilds), session, self.gateway_url))
            for guild in self.guilds.values():
                await self._send(socket, "GUILD_CREATE", guild)
            await self._notify()
        elif op == 6:  # RESUME: sessions do not survive here; the client identifies again
            await socket.send_json({"op": 9, "d": False, "s": None, "t": None})

    async def _send(self, socket: web.WebSocketResponse, event: str, data: p.Payload) -> None:
        self._sequence += 1
        await socket.send_json({"op": 0, "t": event, "s": self._sequence, "d": data})

    async def dispatch(self, event: str, data: p.Payload) -> None:
        assert self._sockets, "no client is connected to the gateway"
        await self._send(self._sockets[-1], event, data)

    # --- what people do ------------------------------------------------------------------------

    def _new_id(self) -> int:
        return next(self._ids)

    def _dm_with(self, user_id: int) -> p.Payload:
        existing = self.dm_channel_of(user_id)
        if existing is not None:
            return self.channels[existing]
        channel = p.dm_channel(self._new_id(), self.users[user_id])
        self.channels[int(channel["id"])] = channel
        return channel

    async def _interact(self, kind: int, user_id: int, channel_id: int | None, data: p.Payload,
                        source: p.Payload | None = None) -> str:  # fmt: skip
        channel = self.channels[channel_id] if channel_id is not None else self._dm_with(user_id)
        guild_id = int(channel["guild_id"]) if "guild_id" in channel else None
        rights = p.EVERYONE_PERMISSIONS | self.permissions.get((guild_id or 0, user_id), 0)
        interaction_id = self._new_id()
        token = f"interaction-token-{interaction_id}"
        payload = p.interaction(
            kind, interaction_id, token, self.users[user_id], channel, data,
            guild_id=guild_id, permissions=rights, source=source,
        )  # fmt: skip
        loop = asyncio.get_running_loop()
        self._interactions[token] = _Interaction(payload, loop.time(), int(channel["id"]), guild_id)
        await self.dispatch("INTERACTION_CREATE", payload)
        return token

    async def slash(self, user_id: int, name: str, options: p.Payload | None = None,
                    channel_id: int | None = None, files: dict[str, tuple[str, bytes]] | None = None) -> str:  # fmt: skip
        """The person uses /name in a server channel (channel_id) or in their DM with the bot; `files`
        fills attachment options (option name -> file name and contents)."""
        guild_id = int(self.channels[channel_id]["guild_id"]) if channel_id is not None else None
        registered = guild_id if any(c["name"] == name for c in self.commands.get(guild_id, [])) else None
        command = next(c for c in self.commands.get(registered, []) if c["name"] == name)
        data = p.slash_data(command["id"], name, options or {}, guild_id=registered)
        for option, (filename, contents) in (files or {}).items():
            attachment_id = self._new_id()
            self.uploads[attachment_id] = contents
            url = f"{self.url}/attachments/{attachment_id}/{filename}"
            data["options"].append({"name": option, "type": 11, "value": str(attachment_id)})
            data.setdefault("resolved", {}).setdefault("attachments", {})[str(attachment_id)] = p.attachment(
                attachment_id, filename, len(contents), url
            )
        return await self._interact(2, user_id, channel_id, data)

    async def autocomplete(self, user_id: int, name: str, option: str, typed: str) -> str:
        command = next(c for c in self.commands.get(None, []) if c["name"] == name)
        return await self._interact(4, user_id, None, p.autocomplete_data(command["id"], name, option, typed))

    async def click(self, user_id: int, message: p.Payload, label: str) -> str:
        """The person clicks the button labelled `label` on `message`."""
        button = next(
            b for row in message["components"] for b in row["components"] if b.get("label") == label
        )
        channel_id = int(message["channel_id"])
        in_dm = self.channels[channel_id]["type"] == 1
        return await self._interact(
            3, user_id, None if in_dm else channel_id, p.button_data(button["custom_id"]), source=message
        )

    async def submit(self, user_id: int, custom_id: str, values: dict[str, str]) -> str:
        """The person submits a modal in their DM with the bot."""
        return await self._interact(5, user_id, None, p.modal_data(custom_id, values))

    async def type_dm(self, user_id: int, text: str) -> None:
        channel = self._dm_with(user_id)
        message = p.message(self._new_id(), int(channel["id"]), self.users[user_id], text)
        await self.dispatch("MESSAGE_CREATE", message)

    async def post(self, user_id: int, channel_id: int, text: str, *, mention_bot: bool = True) -> str:
        """The person posts `text` in a server channel, mentioning the bot first (Discord then sends the
        content to a bot without the message-content intent; otherwise it arrives empty). Returns the
        message id."""
        channel = self.channels[channel_id]
        content = f"<@{p.APPLICATION_ID}> {text}" if mention_bot else ""
        message = p.message(
            self._new_id(), channel_id, self.users[user_id], content, guild_id=int(channel["guild_id"]),
            mentions=[BOT_USER] if mention_bot else [],
        )  # fmt: skip
        await self.dispatch("MESSAGE_CREATE", message)
        return str(message["id"])

    def public(self) -> list[p.Payload]:
        """Every message the bot posted in a server channel that every member there can read."""
        return [m for m in self.messages.values() if "guild_id" in m and not m["flags"] & p.EPHEMERAL]

    async def replay(self, token: str) -> None:
        """Dispatch an interaction again, as the gateway may after a reconnect."""
        await self.dispatch("INTERACTION_CREATE", self._interactions[token].payload)

    def response(self, token: str) -> p.Payload | None:
        return self._interactions[token].response

    def guild_responses(self) -> list[p.Payload]:
        """The bot's answers to interactions that happened in server channels."""
        return [i.response for i in self._interactions.values() if i.guild_id is not None and i.response]

    def follow_ups(self, token: str) -> list[p.Payload]:
        return [m for m in self.messages.values() if m.get("interaction_token") == token]

    async def _attachment(self, request: web.Request) -> web.Response:
        """Discord's CDN: an attachment's contents."""
        attachment_id = int(request.match_info["id"])
        if attachment_id not in self.uploads:
            return web.Response(status=404)
        self.downloads.append(attachment_id)
        await self._notify()
        return web.Response(body=self.uploads[attachment_id], content_type="application/octet-stream")

    # --- REST ----------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["path"]
        body = await self._body(request)
        call = Call(request.method, path, body)
        self.calls.append(call)
        try:
            response = await self._route(request, path, body)
        except web.HTTPException as error:
            response = error
        call.status = response.status
        await self._notify()
        return response

    async def _body(self, request: web.Request) -> Any:
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            payload = json.loads(str(form.get("payload_json", "{}")))
            payload["_files"] = [
                getattr(form[key], "filename", key) for key in form if key.startswith("files[")
            ]
            return payload
        if request.can_read_body:
            return await request.json()
        return None

    async def _route(self, request: web.Request, path: str, body: Any) -> web.StreamResponse:
        method = request.method
        webhook = path.startswith(("/webhooks/", "/interactions/"))
        if not webhook and request.headers.get("Authorization") != f"Bot {p.TOKEN}":
            return _error(401, 0, "401: Unauthorized")
        key = f"{method} {SNOWFLAKES.sub('', path)}"
        queue = self.failures.get(key)
        if queue:
            return _failure(queue.popleft())
        if method == "GET" and path == "/users/@me":
            return _json(BOT_USER)
        if method == "GET" and path == "/oauth2/applications/@me":
            return _json(p.application(p.user(1, "owner")))
        if method == "GET" and path == "/gateway/bot":
            return _json(
                {"url": self.gateway_url, "shards": 1, "session_start_limit": {"total": 1000, "remaining": 999,
                 "reset_after": 0, "max_concurrency": 1}}
            )  # fmt: skip
        if match := re.fullmatch(rf"/applications/{p.APPLICATION_ID}(?:/guilds/(\d+))?/commands", path):
            guild = int(match[1]) if match[1] else None
            if method == "PUT":
                self.commands[guild] = [self._registered(c, guild) for c in body]
            return _json(self.commands.get(guild, []))
        if method == "POST" and (match := re.fullmatch(r"/interactions/(\d+)/([\w-]+)/callback", path)):
            return self._callback(match[2], body)
        if match := re.fullmatch(
            rf"/webhooks/{p.APPLICATION_ID}/([\w-]+)(?:/messages/(@original|\d+))?", path
        ):
            return self._webhook(method, match[1], match[2], body)
        if method == "POST" and path == "/users/@me/channels":
            return _json(self._dm_with(int(body["recipient_id"])))
        if method == "POST" and (match := MESSAGE_ROUTE.fullmatch(path)):
            return self._channel_message(int(match[1]), body)
        if method == "PUT" and (match := re.fullmatch(r"/channels/(\d+)/messages/pins/(\d+)", path)):
            if not self.bot_can_pin:
                return _error(403, 50013, "Missing Permissions")
            self.pinned.append((int(match[1]), int(match[2])))
            return web.Response(status=204)
        return _error(404, 0, "404: Not Found")

    def _registered(self, command: p.Payload, guild: int | None) -> p.Payload:
        registered = dict(command, id=str(self._new_id()), application_id=str(p.APPLICATION_ID), version="1")
        if registered.get("default_member_permissions") is not None:
            registered["default_member_permissions"] = str(registered["default_member_permissions"])
        if guild is not None:
            registered["guild_id"] = str(guild)
        return registered

    def _callback(self, token: str, body: p.Payload) -> web.Response:
        interaction = self._interactions.get(token)
        if (
            interaction is None
            or asyncio.get_running_loop().time() - interaction.dispatched_at > self.answer_within
        ):
            return _error(404, 10062, "Unknown interaction")
        if interaction.response is not None:
            return _error(400, 40060, "Interaction has already been acknowledged.")
        kind, data = body["type"], body.get("data") or {}
        if kind in (4, 7) and (problem := _check_message(data)):
            return problem
        interaction.response = body
        flags = int(data.get("flags") or 0)
        result: p.Payload = {
            "interaction": {
                "id": interaction.payload["id"], "type": interaction.payload["type"],
                "response_message_loading": kind == 5, "response_message_ephemeral": bool(flags & p.EPHEMERAL),
            },
            "resource": {"type": kind},
        }  # fmt: skip
        if kind in (4, 5):
            message = self._store(interaction.channel_id, data, flags, interaction.guild_id, token)
            interaction.original = int(message["id"])
            result["resource"]["message"] = message
        elif kind == 6 and "message" in interaction.payload:
            # a deferred update: the clicked message is the original response, edited through the webhook
            interaction.original = int(interaction.payload["message"]["id"])
        return _json(result)

    def _webhook(self, method: str, token: str, which: str | None, body: Any) -> web.StreamResponse:
        interaction = self._interactions.get(token)
        if interaction is None or interaction.response is None:
            return _error(404, 10015, "Unknown Webhook")
        if method == "POST" and which is None:
            if problem := _check_message(body):
                return problem
            flags = int(body.get("flags") or 0)
            if interaction.response["type"] == 5 and interaction.original is not None:
                original = self.messages[interaction.original]
                if original["content"] == "" and not original.get("_followed"):
                    # the first follow-up after "thinking…" replaces the deferred message
                    replacement = self._store(
                        interaction.channel_id, body, flags, interaction.guild_id, token
                    )
                    del self.messages[int(replacement["id"])]
                    original.update(content=replacement["content"], components=replacement["components"],
                                    attachments=replacement["attachments"])  # fmt: skip
                    original["_followed"] = True
                    return _json(original)
            return _json(self._store(interaction.channel_id, body, flags, interaction.guild_id, token))
        target = interaction.original if which == "@original" else int(which or 0)
        if target is None or target not in self.messages:
            return _error(404, 10008, "Unknown Message")
        if method == "DELETE":
            del self.messages[target]
            return web.Response(status=204)
        if method == "PATCH":
            self.messages[target].update({k: v for k, v in body.items() if k in ("content", "components")})
            return _json(self.messages[target])
        return _json(self.messages[target])

    def _channel_message(self, channel_id: int, body: p.Payload) -> web.Response:
        channel = self.channels.get(channel_id)
        if channel is None:
            return _error(404, 10003, "Unknown Channel")
        if channel["type"] == 1 and int(channel["recipients"][0]["id"]) in self.closed_dms:
            return _error(403, 50007, "Cannot send messages to this user")
        if problem := _check_message(body):
            return problem
        guild_id = int(channel["guild_id"]) if "guild_id" in channel else None
        return _json(self._store(channel_id, body, 0, guild_id, None))

    def _store(self, channel_id: int, body: p.Payload, flags: int, guild_id: int | None,
               token: str | None) -> p.Payload:  # fmt: skip
        attachments = [{"id": str(self._new_id()), "filename": name, "size": 1, "url": "x", "proxy_url": "x"}
                       for name in body.get("_files", [])]  # fmt: skip
        message = p.message(
            self._new_id(), channel_id, BOT_USER, body.get("content", ""), components=body.get("components"),
            guild_id=guild_id, flags=flags, attachments=attachments,
        )  # fmt: skip
        if token is not None:
            message["interaction_token"] = token
        self.messages[int(message["id"])] = message
        return message


def _check_message(body: p.Payload) -> web.Response | None:
    """Discord's checks on a message body: length, emptiness, component layout and custom ids."""
    content = body.get("content") or ""
    rows = body.get("components") or []
    if len(content) > MAX_CONTENT:
        return _error(400, 50035, "Invalid Form Body: content: Must be 2000 or fewer in length.")
    if not content and not rows and not body.get("_files") and not body.get("embeds"):
        return _error(400, 50006, "Cannot send an empty message")
    seen: set[str] = set()
    if len(rows) > 5:
        return _error(400, 50035, "Invalid Form Body: components: Must be 5 or fewer in length.")
    for row in rows:
        if row.get("type") != 1 or not 1 <= len(row.get("components", [])) <= 5:
            return _error(
                400, 50035, "Invalid Form Body: components.0.components: Must be 5 or fewer in length."
            )
        for button in row["components"]:
            custom_id = button.get("custom_id")
            if custom_id is not None and (len(custom_id) > 100 or custom_id in seen):
                return _error(400, 50035, "Invalid Form Body: custom_id: invalid or duplicated")
            if len(button.get("label") or "") > 80:
                return _error(400, 50035, "Invalid Form Body: label: Must be 80 or fewer in length.")
            if custom_id is not None:
                seen.add(custom_id)
    return None


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON answer with Discord's bare content type (discord.py reads a body as JSON only then)."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers=headers, content_type="application/json"
    )


def _error(status: int, code: int, message: str) -> web.Response:
    return _json({"message": message, "code": code}, status=status)


def _failure(failure: Failure) -> web.Response:
    if failure.status != 429:
        return _error(failure.status, failure.code, failure.message)
    wait = failure.retry_after or 1.0
    headers = {
        "Retry-After": str(int(wait + 0.999)), "X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset-After": str(wait), "X-RateLimit-Bucket": "fake-bucket", "X-RateLimit-Scope": "user",
        "Via": "1.1 google",
    }  # fmt: skip
    body = {"message": "You are being rate limited.", "retry_after": wait, "global": False, "code": 0}
    return _json(body, status=429, headers=headers)
