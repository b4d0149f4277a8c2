"""What the coach answers when no command, button or conversation took a message: an unknown command,
something it did not understand, or a button from an older message."""

from __future__ import annotations

from dataclasses import replace

from coachbot.core.turn import Turn
from coachbot.messages import Choice, Reply
from coachbot.texts import common


async def unknown_command(turn: Turn) -> list[Reply]:
    found = turn.command()
    return [turn.say(common.UNKNOWN_COMMAND.format(name=found.name if found else ""))]


async def not_understood(turn: Turn) -> list[Reply]:
    if isinstance(turn.incoming, Choice):
        return [replace(turn.say(common.OLD_BUTTON), stale=True)]
    return [turn.say(common.NOT_UNDERSTOOD)]
