"""Telegram through python-telegram-bot 22, embedded in our own event loop (never run_polling, no JobQueue).

Updates become Incoming messages for the `deliver` callback, each with its chat as the way back (`Answer`);
replies are sent as HTML with inline keyboards.
Button presses are always answered (answerCallbackQuery). Send failures are translated into the delivery
errors the outbox sender understands.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from cachetools import TTLCache
from telegram import (
    BotCommand,
    InlineKeyboardMarkup,
    InputFile,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from coachbot import ports as errors
from coachbot.adapters.ordering import STOP_GRACE_SECONDS
from coachbot.adapters.telegram.calls import download, seconds, settle
from coachbot.adapters.telegram.format import keyboard, location_keyboard, split, to_html
from coachbot.adapters.telegram.incoming import translate
from coachbot.adapters.telegram.pacing import Pacing
from coachbot.adapters.telegram.updates import ChatOrderedProcessor, stop_within
from coachbot.messages import HELD_PAYLOAD, Address, Choice, Command, Reply, mention
from coachbot.ports import Deliver, Lane, Limiter, Renders
from coachbot.texts import common, groups

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
ADMIN_CACHE_SECONDS = 60
NAME_CACHE_SECONDS = 3600


class TelegramAdapter:
    """`run` polls until cancelled; `send` works only while `run` is active. Forms are not Telegram's: a
    question answered in a few words is answered by typing them."""

    renders = Renders(invites=True, pins=True, locations=True)

    def __init__(
        self,
        token: str,
        deliver: Deliver,
        commands: Mapping[str, str],
        *,
        limiter: Limiter,
        api_url: str | None = None,
        poll_timeout: float = 10.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        paid_broadcast: bool = False,
    ) -> None:
        self._token = token
        self.limiter = limiter
        self.paid_broadcast = paid_broadcast  # every send carries allow_paid_broadcast
        self.deliver = deliver
        self.commands = commands
        self.api_url = api_url.rstrip("/") if api_url else None
        self.poll_timeout = poll_timeout
        self.clock = clock
        self._application: Application | None = None  # type: ignore[type-arg]
        self.stop_grace = STOP_GRACE_SECONDS
        self._admins: TTLCache[tuple[int, int], bool] = TTLCache(maxsize=10_000, ttl=ADMIN_CACHE_SECONDS)
        # first names of people seen lately, for mentions in groups (never stored: only what Telegram sent)
        self._names: TTLCache[str, str] = TTLCache(maxsize=10_000, ttl=NAME_CACHE_SECONDS)
        self.ready = asyncio.Event()
        self._signed_in = False  # getMe answered: sends work
        self._leading = asyncio.Event()  # the run's: this instance should also be polling
        # chats shown the Share location keyboard: the next plain message there takes it away
        self._location_shown: TTLCache[int, bool] = TTLCache(maxsize=10_000, ttl=NAME_CACHE_SECONDS)

    def __repr__(self) -> str:
        return f"TelegramAdapter(api_url={self.api_url!r})"  # never the token

    @property
    def connected(self) -> bool:
        """Signed in to the Bot API; on the leading instance also polling (`ports.Adapter`)."""
        return self._signed_in and (self.ready.is_set() or not self._leading.is_set())

    def _build(self) -> Application:  # type: ignore[type-arg]
        self._processor = ChatOrderedProcessor()  # concurrent across chats, in order within one
        builder = (
            ApplicationBuilder().token(self._token).job_queue(None)
            .concurrent_updates(self._processor)
            .rate_limiter(Pacing(self.limiter))  # coachbot's limits, per API call
        )  # fmt: skip
        if self.api_url:
            builder = builder.base_url(f"{self.api_url}/bot").base_file_url(f"{self.api_url}/file/bot")
        application = builder.build()
        application.add_handler(TypeHandler(Update, self._on_update))
        application.add_error_handler(self._on_error)
        return application

    @staticmethod
    async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("telegram update failed: %s", type(context.error).__name__, exc_info=context.error)

    async def run(self, leading: asyncio.Event) -> None:
        """Send at once; poll for updates only while this instance leads (one poller per bot)."""
        application = self._application = self._build()
        self._leading = leading
        await application.initialize()
        self._signed_in = True
        try:
            await application.bot.set_my_commands(
                [BotCommand(name, description) for name, description in self.commands.items()]
            )
            await leading.wait()
            assert application.updater is not None
            await application.updater.start_polling(
                allowed_updates=ALLOWED_UPDATES,
                timeout=timedelta(seconds=self.poll_timeout),
                bootstrap_retries=-1,  # keep retrying with PTB's backoff when the network is down
                error_callback=self._polling_error,
            )
            await application.start()
            self.ready.set()
            await asyncio.Event().wait()  # until cancelled
        finally:
            self.ready.clear()
            self._signed_in = False
            if application.updater is not None and application.updater.running:
                await application.updater.stop()
            if application.running:
                await stop_within(application, self._processor, self.stop_grace)
            await application.shutdown()
            self._application = None

    @staticmethod
    def _polling_error(error: TelegramError) -> None:
        log.warning("telegram polling: %s (retrying)", type(error).__name__)

    # --- incoming ------------------------------------------------------------------------------

    async def _on_update(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        incoming = translate(update, self.clock())
        if update.effective_user is not None:
            self._names[str(update.effective_user.id)] = update.effective_user.first_name
        if update.callback_query is not None:
            # always answered, even for a stale button, so the client stops its spinner
            await update.callback_query.answer()
        if isinstance(incoming, Command) and incoming.sender.chat_kind == "group":
            admin = await self.is_admin(int(incoming.sender.chat_id), int(incoming.sender.user_id))
            incoming = replace(incoming, admin=admin)
            if admin:  # files are fetched only for admins' commands
                incoming = await download(update, incoming)
        if incoming is None:
            return
        answer = Answer(self)
        try:
            await self.deliver(incoming, answer)
        except errors.Blocked:
            if incoming.sender.chat_kind != "group":
                raise
            await self._unreachable(incoming.sender)
            return
        if update.callback_query is not None and isinstance(incoming, Choice):
            await settle(update.callback_query, show_answer=not answer.stale)

    async def _unreachable(self, sender: Address) -> None:
        """A private answer to something said in a group was refused (the person blocked the bot, or never
        started it): tell the group, with no detail, and link the private chat, where whatever the core
        kept for them is shown (/start message)."""
        text = groups.PRIVATE_CHAT_CLOSED.format(person=mention(sender.user_id))
        try:
            await self.send(Reply(sender, text, invite=HELD_PAYLOAD))
        except errors.DeliveryError as error:
            log.warning("telegram group notice failed: %s", type(error).__name__)

    async def is_admin(self, chat_id: int, user_id: int) -> bool:
        """The person is the group's creator or an administrator, asked of Telegram (cached a minute)."""
        key = (chat_id, user_id)
        if key not in self._admins:
            assert self._application is not None
            try:
                member = await self._application.bot.get_chat_member(chat_id, user_id)
            except TelegramError as error:  # can't tell: refuse rather than guess
                log.warning("getChatMember failed: %s", type(error).__name__)
                return False
            self._admins[key] = member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
        return self._admins[key]

    # --- outgoing ------------------------------------------------------------------------------

    def _deep_link(self, payload: str) -> str | None:
        """A t.me link that opens the private chat with the bot and sends /start <payload> (bots cannot
        message people first)."""
        if self._application is None or not self._application.bot.username:
            return None
        return f"https://t.me/{self._application.bot.username}?start={payload}"

    def _invite_link(self, payload: str | None) -> tuple[str, str] | None:
        url = self._deep_link(payload) if payload is not None else None
        return (common.CONTINUE_PRIVATELY, url) if url else None

    async def send(self, reply: Reply, lane: Lane = Lane.REPLY) -> str:
        """Send a reply (split over several messages if long), each message waiting for the limits in
        `lane`; returns the last message id."""
        if self._application is None:
            raise errors.TemporaryFailure("telegram adapter is not running")
        if reply.private and reply.to.chat_kind == "group":
            # defence in depth: personal data never goes to a group, whatever the core asked
            raise errors.Rejected("a private reply was addressed to a group chat")
        bot = self._application.bot
        chat_id = int(reply.to.chat_id)
        markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None = keyboard(
            reply.choices, self._invite_link(reply.invite), self._deep_link
        )
        if markup is None and reply.location is not None and reply.to.chat_kind == "private":
            markup, self._location_shown[chat_id] = location_keyboard(reply.location), True
        elif markup is None and self._location_shown.pop(chat_id, False):
            markup = ReplyKeyboardRemove()  # the zone was typed: no Share location button left behind
        paced: dict[str, Any] = {"rate_limit_args": lane}
        if self.paid_broadcast:
            paced["allow_paid_broadcast"] = True
        try:
            if reply.image is not None:
                sent = await bot.send_photo(
                    chat_id, reply.image, caption=to_html(reply.text, self._names)[:1024] or None, parse_mode=ParseMode.HTML,
                    reply_markup=markup, **paced,
                )  # fmt: skip
                return str(sent.message_id)
            pieces = split(to_html(reply.text, self._names))
            message_id = ""
            for index, piece in enumerate(pieces):
                last = index == len(pieces) - 1
                sent = await bot.send_message(
                    chat_id,
                    piece,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup if last else None,
                    **paced,
                )
                message_id = str(sent.message_id)
            if reply.file is not None:
                document = InputFile(reply.file.data, filename=reply.file.filename)
                message_id = str((await bot.send_document(chat_id, document, **paced)).message_id)
            if reply.pin and reply.to.chat_kind == "group":
                await self._pin(chat_id, int(message_id))
            return message_id
        except RetryAfter as error:
            raise errors.RetryAfter(seconds(error)) from error
        except Forbidden as error:
            raise errors.Blocked(error.message) from error
        except BadRequest as error:
            if "chat not found" in error.message.lower():
                raise errors.Blocked(error.message) from error
            raise errors.Rejected(error.message) from error
        except NetworkError as error:  # timeouts, connection errors and 5xx
            raise errors.TemporaryFailure(error.message) from error

    async def _pin(self, chat_id: int, message_id: int) -> None:
        """Pin a club's join message where the bot has the right to; without it the message still stands."""
        assert self._application is not None
        try:
            await self._application.bot.pin_chat_message(chat_id, message_id, disable_notification=True)
        except TelegramError as error:
            log.info("could not pin in %s: %s", chat_id, type(error).__name__)


@dataclass
class Answer:
    """The way back to one update (`ports.Responder`): its chat, through `send`; notes whether the core
    answered a press as one on an older message's button (Reply.stale), whose buttons then just go."""

    adapter: TelegramAdapter
    stale: bool = False

    async def respond(self, reply: Reply) -> str:
        self.stale = self.stale or reply.stale
        return await self.adapter.send(reply, Lane.REPLY)
