"""Telegram updates as the core's Incoming messages: commands (with /start payloads and files sent with
a caption), text, button presses, shared locations and membership changes."""

from __future__ import annotations

from datetime import datetime

from telegram import Update
from telegram.constants import ChatMemberStatus

from coachbot.messages import (
    Address,
    Attachment,
    ChatKind,
    Choice,
    Command,
    Incoming,
    Location,
    Membership,
    Text,
)

PLATFORM = "telegram"
MAX_START_PAYLOAD = 64


def translate(update: Update, at: datetime) -> Incoming | None:
    """An Update as the core's Incoming (received `at`), or None for updates the core does not handle."""
    event = str(update.update_id)
    change = update.my_chat_member
    if change is not None:
        status = change.new_chat_member.status
        gone = status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT)
        sender = _address(change.chat.id, change.chat.type, change.from_user.id)
        return Membership(sender=sender, at=at, event_id=event, status="removed" if gone else "added")
    if update.callback_query is not None:
        query = update.callback_query
        message = query.message
        if message is None or query.data is None:
            return None
        sender = _address(message.chat.id, message.chat.type, query.from_user.id)
        return Choice(sender=sender, at=at, event_id=event, token=query.data)
    message = update.message
    if message is not None and message.location is not None and message.from_user is not None:
        sender = _address(message.chat.id, message.chat.type, message.from_user.id)
        place = message.location
        return Location(
            sender=sender, at=at, event_id=event, latitude=place.latitude, longitude=place.longitude
        )
    if message is not None and message.left_chat_member is not None and not message.left_chat_member.is_bot:
        sender = _address(message.chat.id, message.chat.type, message.left_chat_member.id)
        return Membership(sender=sender, at=at, event_id=event, status="removed", member=True)
    written = message.text if message is not None and message.text is not None else None
    if message is not None and written is None and message.document is not None:
        written = message.caption  # a file sent with a command as its caption (/club upload)
    if message is None or written is None or message.from_user is None:
        return None
    sender = _address(message.chat.id, message.chat.type, message.from_user.id)
    text = written.strip()
    if text.startswith("/"):
        head, _, args = text.partition(" ")
        name = head[1:].split("@", 1)[0].lower()
        if name == "start":
            args = args.strip()[:MAX_START_PAYLOAD]
        document = message.document
        attachment = Attachment(document.file_name or "file", document.file_size or 0) if document else None
        return Command(
            sender=sender, at=at, event_id=event, name=name, args=args.strip(),
            display_name=message.from_user.first_name, attachment=attachment,
        )  # fmt: skip
    return Text(sender=sender, at=at, event_id=event, text=text)


def _address(chat_id: int, chat_type: str, user_id: int) -> Address:
    kind: ChatKind = "private" if chat_type == "private" else "group"
    return Address(PLATFORM, str(chat_id), str(user_id), kind)
