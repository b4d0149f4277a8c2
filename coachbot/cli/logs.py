"""Logging set-up for `coachbot run`: one format, the configured level, and no secret ever written.

httpx logs every request URL at INFO, and Telegram URLs contain the bot token, so httpx is held at WARNING
and every record is scrubbed of the configured secrets as well.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

QUIET_LIBRARIES = ("httpx", "httpcore", "apscheduler", "aiosqlite")


class RedactSecrets(logging.Filter):
    """Replaces each secret with *** in the rendered message (and drops the args it came from)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        return True


def configure(level: str, secrets: Iterable[str], *, console: bool = False) -> None:
    """Log to stderr at `level`; in the console at WARNING or above, so that routine lines (migrations,
    ticks) never land in the middle of the chat."""
    if console:
        level = logging.getLevelName(max(logging.WARNING, logging.getLevelName(level)))
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
