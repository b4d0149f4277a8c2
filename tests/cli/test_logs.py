"""Secrets never reach the logs, whatever a library writes."""

from __future__ import annotations

import logging

import pytest

from coachbot.cli.logs import RedactSecrets


def test_a_token_in_a_log_record_is_replaced(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.redact")
    logger.addFilter(RedactSecrets(["123456:SECRET"]))
    with caplog.at_level(logging.INFO, logger="test.redact"):
        logger.info("HTTP Request: POST %s", "https://api.telegram.org/bot123456:SECRET/getUpdates")
    assert caplog.messages == ["HTTP Request: POST https://api.telegram.org/bot***/getUpdates"]
