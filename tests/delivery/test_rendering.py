"""A reply is fitted to what its adapter renders before it is sent (ports.Renders): what the adapter cannot
show goes as text only with a warning, never silently; a reply with nothing it can show is refused."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from coachbot.adapters.console import ConsoleAdapter
from coachbot.cli.wiring import build
from coachbot.delivery.rendering import Fitted, fit
from coachbot.messages import Address, Attachment, Reply, Text
from coachbot.ports import Lane, Rejected, Renders
from coachbot.settings import load_settings
from tests.adapters.test_console import ENROL, NOW
from tests.conftest import sqlite_url
from tests.fakes.platform import RecordingPlatform

TO = Address("test", "1", "1")
CHART = b"\x89PNG"
TEXT_ONLY = Renders(buttons=False, images=False, files=False)


def test_content_the_adapter_cannot_show_goes_as_text_only_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    reply = Reply(TO, "Your progress", ((("Yes", "v1:q:1:yes"),),), image=CHART)
    with caplog.at_level(logging.WARNING, logger="coachbot.delivery.rendering"):
        fitted = fit(reply, TEXT_ONLY)
    assert fitted == Reply(TO, "Your progress")
    assert caplog.messages == ["reply to test sent as text only: it renders no buttons, image"]


def test_a_reply_with_nothing_the_adapter_can_show_is_refused(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="coachbot.delivery.rendering"), pytest.raises(Rejected):
        fit(Reply(TO, "", image=CHART), TEXT_ONLY)
    assert caplog.messages == ["reply to test refused: it renders no image"]


def test_hints_the_adapter_lacks_are_dropped_quietly_and_the_rest_is_untouched(
    caplog: pytest.LogCaptureFixture,
) -> None:
    reply = Reply(TO, "Join us", image=CHART, invite="message", form="Note", pin=True, location="Share")
    with caplog.at_level(logging.DEBUG, logger="coachbot.delivery.rendering"):
        assert fit(reply, Renders()) == Reply(TO, "Join us", image=CHART)
        assert fit(reply, Renders(invites=True, pins=True, forms=True, locations=True)) == reply
    assert caplog.messages == []


async def test_the_outbox_sender_is_given_fitted_sends() -> None:
    platform = RecordingPlatform(renders=Renders(files=False))
    send = Fitted(platform)
    await send(Reply(TO, "Your export", file=Attachment("export.json", 2, b"{}")), Lane.BULK)
    assert platform.sent == [Reply(TO, "Your export")]
    assert platform.lanes == [Lane.BULK]


async def test_the_app_answers_a_console_that_saves_no_files_with_the_text_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = load_settings({"COACHBOT_DATABASE_URL": sqlite_url(tmp_path / "coachbot.db")})
    stdout = io.StringIO()
    app = build(
        settings, stdin=io.StringIO("\n".join([*ENROL, "/export"]) + "\n"), stdout=stdout, clock=lambda: NOW
    )
    console = app.adapters["console"]
    assert isinstance(console, ConsoleAdapter)
    console.renders = Renders(files=False)
    with caplog.at_level(logging.WARNING, logger="coachbot.delivery.rendering"):
        await app.run()
    assert "Here is everything I store about you, as JSON" in stdout.getvalue()
    assert "(saved " not in stdout.getvalue()
    assert caplog.messages == ["reply to console sent as text only: it renders no file"]


class _Decided:
    """The coach's part, already decided: the replies of one committed turn."""

    def __init__(self, replies: list[Reply]) -> None:
        self.replies = replies

    async def handle(self, incoming: Text, now: object) -> list[Reply]:
        return self.replies


async def test_a_refused_reply_does_not_hold_back_the_rest_of_the_turn(tmp_path: Path) -> None:
    settings = load_settings({"COACHBOT_DATABASE_URL": sqlite_url(tmp_path / "coachbot.db")})
    app = build(settings, stdin=io.StringIO(""), stdout=io.StringIO(), clock=lambda: NOW)
    platform = RecordingPlatform(renders=Renders(images=False))
    app.adapters["test"] = platform
    chart, after = Reply(TO, "", image=CHART), Reply(TO, "Send /checkin after your session.")
    app.coach = _Decided([chart, after])  # type: ignore[assignment]
    await app.deliver(Text(sender=TO, at=NOW, event_id="", text="/progress"))
    assert platform.sent == [after]
