"""What an adapter raises when a send fails, in platform-neutral terms the sender knows how to handle."""

from __future__ import annotations


class DeliveryError(Exception):
    """Base class; the message is for logs and never contains a token."""


class RetryAfter(DeliveryError):
    """The platform asked us to wait (HTTP 429 with retry_after): pause that platform's sender."""

    def __init__(self, seconds: float, message: str = "rate limited") -> None:
        super().__init__(message)
        self.seconds = seconds


class TemporaryFailure(DeliveryError):
    """5xx, timeouts, connection errors: try again later with backoff."""


class Blocked(DeliveryError):
    """The person blocked the bot or closed their DMs (Telegram 403, Discord 50007): never retry."""


class Rejected(DeliveryError):
    """The platform refused the message itself (HTTP 400): retrying would not help."""
