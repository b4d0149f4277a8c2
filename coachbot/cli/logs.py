"""Logging set-up for `coachbot run`: text or JSON lines, the configured level, and no secret ever written.

httpx logs every request URL at INFO, and Telegram URLs contain the bot token, so httpx is held at WARNING
and every record is scrubbed of the configured secrets as well (its message and its traceback, in both
formats). python-telegram-bot and discord.py log request and response bodies (what people typed, what the
bot answered) at DEBUG, so they are held at INFO even when DEBUG is asked for; coachbot's own lines carry
ids, counts and kinds, never message text, answers, scores or red-flag words.

`json` writes one object per line (python-json-logger): time (ISO 8601, UTC), level, logger, message and,
when there is one, exc_info.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from pythonjsonlogger.json import JsonFormatter

QUIET_LIBRARIES = ("httpx", "httpcore", "apscheduler", "aiosqlite", "sqlalchemy")
# at DEBUG these log every request and response body: people's messages and the bot's replies
BODY_LOGGING_LIBRARIES = ("telegram", "discord")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JSON_FIELDS = {"levelname": "level", "name": "logger"}  # record attribute → JSON key


class RedactSecrets(logging.Filter):
    """Replaces each secret with *** in the rendered message and traceback (and drops the args)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            record.msg, record.args = self._redact(message), None
        if record.exc_info:  # rendered here, so that no formatter renders the unredacted one
            record.exc_text = self._redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        return True

    def _redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


def formatter(log_format: str) -> logging.Formatter:
    """The formatter of a COACHBOT_LOG_FORMAT: `text` (one readable line) or `json` (one object a line)."""
    if log_format == "json":
        return JsonFormatter(
            "%(levelname)s %(name)s %(message)s", timestamp="time", rename_fields=JSON_FIELDS
        )
    return logging.Formatter(TEXT_FORMAT)


def configure(level: str, secrets: Iterable[str], *, console: bool = False, log_format: str = "text") -> None:
    """Log to stderr at `level` in `log_format`. In the console at WARNING or above, so that routine lines
    (migrations, ticks) never land in the middle of the chat, unless DEBUG is asked for explicitly."""
    if console and level != "DEBUG":
        level = logging.getLevelName(max(logging.WARNING, logging.getLevelName(level)))
    handler = logging.StreamHandler()
    handler.setFormatter(formatter(log_format))
    handler.addFilter(RedactSecrets(secrets))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    for name in BODY_LOGGING_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLevelName(level)))
