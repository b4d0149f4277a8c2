"""A fake Telegram Bot API on 127.0.0.1 that the real python-telegram-bot talks to through `base_url`.

It keeps chats and updates, answers getUpdates with real long-poll and offset semantics, and validates
like Telegram: text length after entity parsing, HTML entities, callback_data size, unknown chats (400),
blocked users (403). Tests can make it answer 429 with retry_after, 5xx, or slowly (everywhere, or one
chat's sends held until the test lets them go). Every call is recorded,
and the messages the bot sent are kept (`messages`) so that a press carries the pressed message as
Telegram sends it, and edits change it (or fail as Telegram's do: unknown message, nothing modified).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

from tests.fakes.loopback import serve

TOKEN = "123456:TEST-token-for-the-fake-api"
BOT_ID = 123456
BOT = {"id": BOT_ID, "is_bot": True, "first_name": "coachbot", "username": "coach_test_bot"}
WAIT_LIMIT = 10.0  # seconds a test waits for an expected call before failing
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses larger files
JSON_PARAMS = frozenset(
    {"reply_markup", "commands", "allowed_updates", "chat_id", "user_id", "offset", "limit", "timeout",
     "message_id", "show_alert", "cache_time", "scope", "link_preview_options"}
)  # fmt: skip
ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
    "can_delete_stories",
)  # fmt: skip
ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "tg-spoiler",
        "blockquote",
    }
)


class _EntityChecker(HTMLParser):
    """Parses Telegram-flavoured HTML: only known tags, properly nested; collects the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.error = self.error or f'Unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.error = self.error or f'Unexpected end tag "{tag}"'
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible_text(text: str, parse_mode: str | None) -> tuple[str, str | None]:
    """The text as users see it and a parse error, as Telegram's entity parser would report it."""
    if parse_mode != "HTML":
        return text, None
    if re.search(r"&(?!(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", text):
        return html.unescape(text), "Can't parse entities: unsupported character entity"
    if re.search(r"<(?![a-zA-Z/])", text):
        return text, "Can't parse entities: unexpected '<'"
    checker = _EntityChecker()
    checker.feed(text)
    checker.close()
    if checker.stack and checker.error is None:
        checker.error = f'Can\'t find end tag corresponding to start tag "{checker.stack[-1]}"'
    error = f"Can't parse entities: {checker.error}" if checker.error else None
    return "".join(checker.text), error


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    ok: bool = True  # False when the fake answered with an error
    at: float = field(default_factory=lambda: asyncio.get_running_loop().time())  # when it arrived


MESSAGE_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None


@dataclass
class FakeTelegram:
    """The fake server's state; start it with `async with FakeTelegram() as api`."""

    calls: list[Call] = field(default_factory=list)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    members: dict[tuple[int, int], str] = field(default_factory=dict)  # (chat, user) -> status
    blocked: set[int] = field(default_factory=set)
    pinned: list[tuple[int, int]] = field(default_factory=list)  # (chat, message)
    files: dict[str, bytes] = field(default_factory=dict)  # file_id -> contents
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)  # the bot's messages, by message id
    failures: dict[str, deque[Failure]] = field(default_factory=dict)
    delay: float = 0.0
    held: dict[int, asyncio.Event] = field(default_factory=dict)  # sends to a chat wait for its event
    url: str = ""
    # Telegram's flood control, when set: more than `per_second` messages in any second (all chats) is
    # answered 429, and so is every message for `penalty` seconds after, counted in `flood_answers`
    per_second: int = 0
    penalty: int = 3
    flood_answers: int = 0

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._next_update = 1
        self._next_message = 1
        self._new_update = asyncio.Event()
        self._new_call = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._penalised_until = 0.0

    # --- test controls -------------------------------------------------------------------------

    async def __aenter__(self) -> FakeTelegram:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.*}", self._file)
        self._runner, self.url = await serve(app)
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def private_chat(self, user_id: int, first_name: str = "Ana") -> dict[str, Any]:
        chat = {"id": user_id, "type": "private", "first_name": first_name}
        self.chats[user_id] = chat
        return chat

    def group_chat(self, chat_id: int, title: str = "Harriers") -> dict[str, Any]:
        chat = {"id": chat_id, "type": "supergroup", "title": title}
        self.chats[chat_id] = chat
        return chat

    def fail(
        self, method: str, status: int, description: str, retry_after: int | None = None, times: int = 1
    ) -> None:
        queue = self.failures.setdefault(method, deque())
        queue.extend(Failure(status, description, retry_after) for _ in range(times))

    def _push(self, kind: str, payload: dict[str, Any]) -> int:
        update_id = self._next_update
        self._next_update += 1
        self._updates.append({"update_id": update_id, kind: payload})
        self._new_update.set()
        return update_id

    def user(self, user_id: int, first_name: str = "Ana") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name}

    def send_text(self, chat_id: int, user_id: int, text: str, *, at: int = 1_772_442_000) -> int:
        """The person types `text` (commands included) in a chat; returns the update id."""
        message: dict[str, Any] = {
            "message_id": self._message_id(), "date": at, "chat": self.chats[chat_id], "from": self.user(user_id), "text": text,
        }  # fmt: skip
        if text.startswith("/"):
            length = len(text.split()[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self._push("message", message)

    def press(self, chat_id: int, user_id: int, data: str, message_id: int) -> int:
        """The person taps a button of the bot's message `message_id` (one the fake doesn't know is sent
        as a bare "…" message, as in older tests)."""
        message = self.messages.get(message_id) or {
            "message_id": message_id, "date": 1_772_442_000, "chat": self.chats[chat_id], "text": "…",
        }  # fmt: skip
        query = {
            "id": f"cb{self._next_update}", "from": self.user(user_id), "chat_instance": str(chat_id), "data": data,
            "message": message,
        }  # fmt: skip
        return self._push("callback_query", query)

    def send_location(self, chat_id: int, user_id: int, latitude: float, longitude: float) -> int:
        """The person shares their location (the Share location button)."""
        message: dict[str, Any] = {
            "message_id": self._message_id(), "date": 1_772_442_000, "chat": self.chats[chat_id],
            "from": self.user(user_id), "location": {"latitude": latitude, "longitude": longitude},
        }  # fmt: skip
        return self._push("message", message)

    def send_document(self, chat_id: int, user_id: int, name: str, data: bytes, caption: str) -> int:
        """The person sends a file with a caption (a command, e.g. /club upload)."""
        file_id = f"doc{len(self.files) + 1}"
        self.files[file_id] = data
        document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name,
                    "mime_type": "application/yaml", "file_size": len(data)}  # fmt: skip
        message: dict[str, Any] = {
            "message_id": self._message_id(), "date": 1_772_442_000, "chat": self.chats[chat_id],
            "from": self.user(user_id), "document": document, "caption": caption,
        }  # fmt: skip
        if caption.startswith("/"):
            message["caption_entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(caption.split()[0])}
            ]
        return self._push("message", message)

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return self._error(401, "Unauthorized")
        data = self.files.get(request.match_info["path"].removeprefix("documents/"))
        if data is None:
            return self._error(404, "Not Found")
        return web.Response(body=data, content_type="application/octet-stream")

    async def _api_getFile(self, params: dict[str, Any]) -> Any:  # noqa: N802
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            return self._error(400, "Bad Request: invalid file_id")
        if len(self.files[file_id]) > MAX_DOWNLOAD:
            return self._error(400, "Bad Request: file is too big")
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(self.files[file_id]),
                "file_path": f"documents/{file_id}"}  # fmt: skip

    def left(self, chat_id: int, user_id: int) -> int:
        """A member left the group: Telegram's service message."""
        message = {
            "message_id": self._message_id(), "date": 1_772_442_000, "chat": self.chats[chat_id],
            "from": self.user(user_id), "left_chat_member": self.user(user_id),
        }  # fmt: skip
        return self._push("message", message)

    def bot_status(self, chat_id: int, user_id: int, status: str) -> int:
        """The bot was blocked/removed ("kicked"), or added back ("member"), in a chat."""
        new: dict[str, Any] = {"status": status, "user": BOT}
        if status == "kicked":
            new["until_date"] = 0  # Telegram's "forever"
        change = {
            "chat": self.chats[chat_id], "from": self.user(user_id), "date": 1_772_442_000,
            "old_chat_member": {"status": "member", "user": BOT}, "new_chat_member": new,
        }  # fmt: skip
        return self._push("my_chat_member", change)

    async def wait_until(self, check: Callable[[], bool]) -> None:
        """Wait for calls to arrive until `check()` holds (woken by each call, never by polling)."""
        async with asyncio.timeout(WAIT_LIMIT), self._new_call:
            await self._new_call.wait_for(check)

    async def reply_to(self, chat_id: int, containing: str) -> dict[str, Any]:
        """The first sendMessage to `chat_id` whose text contains `containing`, once it has been sent."""

        def found() -> dict[str, Any] | None:
            return next(
                (p for p in self.sent() if p.get("chat_id") == chat_id and containing in str(p.get("text"))),
                None,
            )

        await self.wait_until(lambda: found() is not None)
        result = found()
        assert result is not None
        return result

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """Parameters of the calls of `method` that succeeded (what people actually received)."""
        return [call.params for call in self.calls if call.method == method and call.ok]

    def _flooded(self, now: float) -> bool:
        if not self.per_second:
            return False
        if now < self._penalised_until:
            return True
        count = 0
        for call in reversed(self.calls[:-1]):  # calls arrive in time order; the last is this one
            if now - call.at >= 1.0:
                break
            count += call.ok and call.method in MESSAGE_METHODS
        if count < self.per_second:
            return False
        self._penalised_until = now + self.penalty
        return True

    def busiest_second(self) -> int:
        """The most messages delivered in any one second (a sliding window), to check a rate limit."""
        times = [call.at for call in self.calls if call.ok and call.method in MESSAGE_METHODS]
        start, most = 0, 0
        for end, at in enumerate(times):
            while at - times[start] >= 1.0:
                start += 1
            most = max(most, end - start + 1)
        return most

    def texts_to(self, chat_id: int) -> list[str]:
        return [str(params["text"]) for params in self.sent() if params.get("chat_id") == chat_id]

    def _message_id(self) -> int:
        self._next_message += 1
        return self._next_message

    # --- the API -------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return self._error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls.append(Call(method, params))
        now = self.calls[-1].at
        if method in MESSAGE_METHODS and self._flooded(now):
            self.calls[-1].ok = False
            self.flood_answers += 1
            return self._error(429, f"Too Many Requests: retry after {self.penalty}", self.penalty)
        async with self._new_call:
            self._new_call.notify_all()
        if self.delay and method != "getUpdates":
            await asyncio.sleep(self.delay)
        queue = self.failures.get(method)
        if queue:
            failure = queue.popleft()
            self.calls[-1].ok = False
            return self._error(failure.status, failure.description, failure.retry_after)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            self.calls[-1].ok = False
            return self._error(404, "Not Found: method not found")
        result = await handler(params)
        if isinstance(result, web.Response):
            self.calls[-1].ok = False
            return result
        return web.json_response({"ok": True, "result": result})

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                params[key] = (
                    value
                    if not isinstance(value, str)
                    else (json.loads(value) if key in JSON_PARAMS else value)
                )
        return params

    @staticmethod
    def _error(status: int, description: str, retry_after: int | None = None) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        return web.json_response(body, status=status)

    async def _api_getMe(self, _params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        return BOT

    async def _api_deleteWebhook(self, _params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    async def _api_setMyCommands(self, _params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:  # noqa: N802
        offset, timeout = int(params.get("offset") or 0), float(params.get("timeout") or 0)
        if offset:
            self._updates = [update for update in self._updates if update["update_id"] >= offset]
        if not self._updates and timeout:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
        return list(self._updates[: int(params.get("limit") or 100)])

    def _check_chat(self, chat_id: Any) -> web.Response | None:
        if int(chat_id) not in self.chats:
            return self._error(400, "Bad Request: chat not found")
        if int(chat_id) in self.blocked:
            return self._error(403, "Forbidden: bot was blocked by the user")
        return None

    def _check_markup(self, markup: Any) -> web.Response | None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                    return self._error(400, "Bad Request: BUTTON_DATA_INVALID")
        return None

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        if (gate := self.held.get(int(params.get("chat_id") or 0))) is not None:
            await gate.wait()  # a slow chat, without sleeps: answered once the test sets the event
        problem = self._check_chat(params.get("chat_id")) or self._check_markup(params.get("reply_markup"))
        if problem is not None:
            return problem
        shown, error = visible_text(str(params.get("text", "")), params.get("parse_mode"))
        if error:
            return self._error(400, f"Bad Request: {error}")
        if not shown.strip():
            return self._error(400, "Bad Request: message text is empty")
        if len(shown) > MAX_TEXT:
            return self._error(400, "Bad Request: message is too long")
        return self._message(params, text=shown)

    async def _api_sendPhoto(self, params: dict[str, Any]) -> Any:  # noqa: N802
        problem = self._check_chat(params.get("chat_id")) or self._check_markup(params.get("reply_markup"))
        if problem is not None:
            return problem
        if "photo" not in params:
            return self._error(400, "Bad Request: there is no photo in the request")
        return self._message(
            params, photo=[{"file_id": "p1", "file_unique_id": "u1", "width": 1000, "height": 600}]
        )

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:  # noqa: N802
        shown, error = visible_text(str(params.get("text", "")), params.get("parse_mode"))
        if error:
            return self._error(400, f"Bad Request: {error}")
        return self._edit(params, text=shown)

    async def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:  # noqa: N802
        return self._edit(params)

    def _edit(self, params: dict[str, Any], **content: Any) -> Any:
        """Change a message the bot sent: its text (if given) and its keyboard (none unless given)."""
        problem = self._check_chat(params.get("chat_id")) or self._check_markup(params.get("reply_markup"))
        if problem is not None:
            return problem
        message = self.messages.get(int(params.get("message_id") or 0))
        if message is None or message["chat"]["id"] != int(params["chat_id"]):
            return self._error(400, "Bad Request: message to edit not found")
        changed = dict(message, **content)
        changed.pop("reply_markup", None)
        if params.get("reply_markup"):
            changed["reply_markup"] = params["reply_markup"]
        if changed == message:
            return self._error(400, "Bad Request: message is not modified")
        self.messages[message["message_id"]] = changed
        return changed

    def keyboard_of(self, message_id: int) -> list[list[dict[str, Any]]]:
        """The buttons a message shows now (after any edits)."""
        return list(self.messages[message_id].get("reply_markup", {}).get("inline_keyboard", []))

    async def _api_sendDocument(self, params: dict[str, Any]) -> Any:  # noqa: N802
        problem = self._check_chat(params.get("chat_id"))
        if problem is not None:
            return problem
        document: Any = params.get("document")
        data = document.file.read() if hasattr(document, "file") else b""
        params["document_bytes"] = data
        if not data:
            return self._error(400, "Bad Request: file must be non-empty")
        name = getattr(document, "filename", "file")
        return self._message(
            params, document={"file_id": "sent", "file_unique_id": "sent", "file_name": name}
        )

    async def _api_pinChatMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        problem = self._check_chat(params.get("chat_id"))
        if problem is not None:
            return problem
        if self.members.get((int(params["chat_id"]), BOT_ID)) != "administrator":
            return self._error(400, "Bad Request: not enough rights to manage pinned messages in the chat")
        self.pinned.append((int(params["chat_id"]), int(params["message_id"])))
        return True

    async def _api_answerCallbackQuery(self, _params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    async def _api_getChatMember(self, params: dict[str, Any]) -> Any:  # noqa: N802
        chat, user = int(params["chat_id"]), int(params["user_id"])
        if chat not in self.chats:
            return self._error(400, "Bad Request: chat not found")
        status = self.members.get((chat, user), "member")
        member: dict[str, Any] = {"status": status, "user": self.user(user)}
        if status == "creator":
            member["is_anonymous"] = False
        if status == "administrator":  # Telegram sends every right of an administrator
            member.update(
                {"can_be_edited": False, "is_anonymous": False, **dict.fromkeys(ADMIN_RIGHTS, True)}
            )
        return member

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        """A new message from the bot, kept; its id is also noted in the call's params (`_message_id`)."""
        message = {
            "message_id": self._message_id(), "date": 1_772_442_000, "chat": self.chats[int(params["chat_id"])],
            "from": BOT, **content,
        }  # fmt: skip
        if (params.get("reply_markup") or {}).get("inline_keyboard"):  # Telegram shows only inline ones
            message["reply_markup"] = params["reply_markup"]
        self.messages[message["message_id"]] = message
        params["_message_id"] = message["message_id"]
        return message
