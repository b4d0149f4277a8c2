"""Secrets never reach the logs, whatever a library writes."""

from __future__ import annotations

import io
import json
import logging
import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from coachbot.cli.logs import RedactSecrets, formatter
from coachbot.store.db import Database


def test_a_token_in_a_log_record_is_replaced(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.redact")
    logger.addFilter(RedactSecrets(["123456:SECRET"]))
    with caplog.at_level(logging.INFO, logger="test.redact"):
        logger.info("HTTP Request: POST %s", "https://api.telegram.org/bot123456:SECRET/getUpdates")
    assert caplog.messages == ["HTTP Request: POST https://api.telegram.org/bot***/getUpdates"]


def _logger(name: str, log_format: str, secrets: list[str]) -> tuple[logging.Logger, io.StringIO]:
    """A logger writing through the handler set-up `configure` uses, into a string."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter(log_format))
    handler.addFilter(RedactSecrets(secrets))
    logger = logging.getLogger(name)
    logger.handlers, logger.propagate = [handler], False
    logger.setLevel(logging.INFO)
    return logger, stream


def test_json_lines_carry_time_level_logger_message_and_the_traceback() -> None:
    logger, stream = _logger("test.json", "json", ["hunter2"])
    logger.info("outbox %s: sent", 7)
    try:
        raise ConnectionError("no route to postgresql://bot:hunter2@db/coachbot")
    except ConnectionError:
        logger.exception("tick failed")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert {key: first[key] for key in ("level", "logger", "message")} == {
        "level": "INFO",
        "logger": "test.json",
        "message": "outbox 7: sent",
    }
    assert datetime.fromisoformat(first["time"]).utcoffset() == timedelta(0)
    assert second["message"] == "tick failed"
    assert "ConnectionError: no route to postgresql://bot:***@db/coachbot" in second["exc_info"]
    assert "hunter2" not in stream.getvalue()


def test_text_lines_stay_as_they_were_and_tracebacks_are_redacted() -> None:
    logger, stream = _logger("test.text", "text", ["123456:SECRET"])
    try:
        raise ValueError("https://api.telegram.org/bot123456:SECRET/getMe")
    except ValueError:
        logger.exception("telegram %s failed", "getMe")
    text = stream.getvalue()
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ERROR test.text: telegram getMe failed\n", text)
    assert "ValueError: https://api.telegram.org/bot***/getMe" in text
    assert "SECRET" not in text


async def test_a_failed_statement_shows_no_values_in_its_error(sqlite_db: Database) -> None:
    """A logged database traceback never carries an answer, a score or a message's text."""
    with pytest.raises(DBAPIError) as failed:
        async with sqlite_db.engine.connect() as connection:
            await connection.execute(
                text("SELECT :typed FROM no_such_table"), {"typed": "my calf is swollen"}
            )
    assert "swollen" not in str(failed.value)
    assert "SQL parameters hidden" in str(failed.value)
