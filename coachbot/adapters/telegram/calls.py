"""Small wrappers around python-telegram-bot calls for the adapter: fetching a command's file, reading
a 429's retry_after whichever type PTB gives it, and settling a pressed keyboard."""

from __future__ import annotations

import logging
import warnings
from dataclasses import replace
from datetime import timedelta

from telegram import CallbackQuery, Message, Update
from telegram.constants import ParseMode
from telegram.error import RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from coachbot.adapters.telegram.format import answered, pressed_label
from coachbot.messages import MAX_ATTACHMENT_BYTES, Command

log = logging.getLogger(__name__)


async def download(update: Update, command: Command) -> Command:
    """Fetch a command's file when it is small enough (larger ones reach the core without data)."""
    attachment, message = command.attachment, update.message
    if attachment is None or message is None or message.document is None:
        return command
    if attachment.size > MAX_ATTACHMENT_BYTES:
        return command
    try:
        file = await message.document.get_file()
        data = bytes(await file.download_as_bytearray())
    except TelegramError as error:
        log.warning("could not download a file: %s", type(error).__name__)
        return replace(command, attachment=None)
    return replace(command, attachment=replace(attachment, data=data[: MAX_ATTACHMENT_BYTES + 1]))


def seconds(error: RetryAfter) -> float:
    """retry_after in seconds, whether PTB gives an int (until v23) or a timedelta."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = error.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


async def settle(query: CallbackQuery, *, show_answer: bool) -> None:
    """After a press in a private chat the pressed message's keyboard gives way to the answer, so it
    can't be pressed twice; an older message's keyboard just goes (the core says it is old). Group
    messages keep their buttons: they are for every member."""
    message = query.message
    if not isinstance(message, Message) or message.chat.type != "private" or query.data is None:
        return
    label = pressed_label(message.reply_markup, query.data) if show_answer else None
    try:
        if label is not None and message.text is not None:
            await message.edit_text(answered(message.text_html, label), parse_mode=ParseMode.HTML)
        else:
            await message.edit_reply_markup(reply_markup=None)
    except TelegramError as error:  # too old to edit, or edited already: the core has answered anyway
        log.info("could not settle a keyboard: %s", type(error).__name__)
