"""Small wrappers around python-telegram-bot calls for the adapter: fetching a command's file, and reading
a 429's retry_after whichever type PTB gives it."""

from __future__ import annotations

import logging
import warnings
from dataclasses import replace
from datetime import timedelta

from telegram import Update
from telegram.error import RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

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
