"""Typed options (Discord's slash options, Command.options) reach the core as the argument text they stand
for, the words a person types after the command on Telegram or the console; typed arguments are untouched."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from types import MappingProxyType

import pytest

from coachbot.core.options import arguments, with_arguments
from coachbot.messages import Address, Command, OptionValue

AT = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def command(name: str, args: str = "", options: Mapping[str, OptionValue] | None = None) -> Command:
    given = MappingProxyType(dict(options or {}))
    return Command(sender=Address("discord", "1", "1"), at=AT, name=name, args=args, options=given)


@pytest.mark.parametrize(
    ("name", "options", "typed"),
    [
        ("start", {"code": "club-7k2"}, "club-7k2"),
        ("checkin", {"which": "session"}, ""),
        ("checkin", {"which": "weekly"}, "weekly"),
        ("settings", {"morning": "08:00", "timezone": "Europe/Paris"}, "zone Europe/Paris morning 08:00"),
        ("snooze", {"minutes": 60}, "60 min"),
        ("club", {"action": "status"}, ""),
        ("club", {"action": "start", "programme": "calf-strength-12w", "time": "18:30", "timezone": "Europe/London"},
         "start calf-strength-12w time 18:30 zone Europe/London"),
        ("club", {"action": "settings", "programme": "ignored", "days": "mon,wed", "leaderboard": False},
         "settings days mon,wed leaderboard off"),
        ("club", {"action": "settings", "digest": "sun", "leaderboard": True}, "settings digest sun leaderboard on"),
    ],
)  # fmt: skip
def test_options_read_as_the_words_typed_after_the_command(
    name: str, options: dict[str, OptionValue], typed: str
) -> None:
    assert arguments(command(name, options=options)) == typed
    assert with_arguments(command(name, options=options)).args == typed


def test_a_typed_command_keeps_its_text() -> None:
    typed = command("settings", "zone Europe/Paris time 07:30")
    assert with_arguments(typed) is typed
    assert arguments(typed) == "zone Europe/Paris time 07:30"


def test_options_are_read_only_and_empty_by_default() -> None:
    assert command("help").options == {}
    with pytest.raises(TypeError):
        command("snooze", options={"minutes": 30}).options["minutes"] = 60  # type: ignore[index]
