"""A red flag typed in a group chat (CLINICAL A10): the group gets one line with no health detail, the
person gets the full safety message privately, and a plan is paused exactly as in a private chat.

The referral itself is safety_net.red_flag (which may first ask a confirming question), run with the turn re-addressed to the person's private chat.
Where the bot cannot write there yet (a Telegram user who never started it) or the message may be
refused (closed Discord DMs, a blocked bot), the private replies are also kept (store/held.py) and
shown when the person opens the private chat (/start, features/start.py) or asks for them (Read it here). A confidential turn (a Discord slash
command in a server channel) is answered in place, seen by the person alone, and the group gets nothing.
"""

from __future__ import annotations

from dataclasses import replace

from coachbot.coaching.lifecycle import Reason
from coachbot.core import safety_net, tokens
from coachbot.core.turn import Turn
from coachbot.messages import HELD_PAYLOAD, Reply, mention
from coachbot.store import held
from coachbot.texts import groups as texts

# platforms where a bot may write to a person first (Discord: anyone who shares a server with it)
OPENS_PRIVATE_CHATS = frozenset({"discord", "console"})


def mentions_red_flag(turn: Turn) -> bool:
    """Free text in a group that describes a red flag of the writer's own (the engine discounts other
    people's symptoms, past ones and training talk: those stay group chatter)."""
    detection = safety_net.detection(turn) if turn.in_group else None
    return detection is not None and detection.found


async def red_flag(turn: Turn) -> list[Reply]:
    """Refer as in a private chat; the private replies go first, so the group line follows only once the
    platform took them (a refusal stops the rest and the adapter tells the group instead)."""
    if turn.incoming.confidential:  # nobody else saw it: answer right there, for the person alone
        return [replace(reply, private=True) for reply in await safety_net.red_flag(turn)]
    group, reachable = turn.address, _reachable(turn)
    turn.go_private()
    private = [
        replace(reply, private=True)
        for reply in await safety_net.red_flag(turn)
        if reply.to.chat_kind == "private"
    ]
    if not private:
        return []
    await held.hold(turn.repo, private, turn.now)
    person = mention(group.user_id)
    if reachable:
        return [*private, Reply(group, texts.SENT_PRIVATELY.format(person=person))]
    return [Reply(group, texts.READ_PRIVATELY.format(person=person), invite=HELD_PAYLOAD)]


def _reachable(turn: Turn) -> bool:
    """The bot may write to the person's private chat now (it can still be refused: then the adapter
    tells the group, and the kept copy waits)."""
    if turn.address.platform in OPENS_PRIVATE_CHATS:
        return True
    blocked = turn.enrolment is not None and turn.enrolment.status_reason == Reason.BLOCKED
    return turn.person is not None and not blocked  # a person exists once they wrote to the bot privately


async def read_here(turn: Turn) -> list[Reply]:
    """The Read it here button under a group line (Discord, when the DM was refused): show what is kept
    for the person who pressed, to them alone; nothing where the group would see it."""
    if not turn.incoming.confidential:
        return []
    chat = turn.private_address()
    kept = await held.release(turn.repo, chat.platform, chat.chat_id, turn.now)
    if not kept:
        return [turn.say(texts.NOTHING_KEPT)]
    return [turn.say(text, choices) for text, choices in kept]


def is_confidential_in_group(turn: Turn) -> bool:
    """A Discord interaction in a server channel that no group route took: the person's own business."""
    return turn.in_group and turn.incoming.confidential and turn.command() is None


CHOICES = {tokens.HELD: read_here}
GROUP_CHOICES = frozenset(CHOICES)  # pressed under the group line
