"""/cancel: leave the conversation in progress (its answers so far are dropped)."""

from __future__ import annotations

from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import common


async def cancel(turn: Turn) -> list[Reply]:
    if turn.person is None or turn.conversation is None:
        return [turn.say(common.NOTHING_TO_CANCEL)]
    await turn.repo.end_conversation(turn.person.id)
    return [turn.say(common.CANCELLED)]


COMMANDS = {"cancel": cancel}
