"""Pause-and-refer (CLINICAL 9.2 row 1): a red flag stops the plan and sends the message of its tier.

Resuming after a referral needs the person to confirm a clinician has seen them (conversation/resume.py).
"""

from __future__ import annotations

from coachbot.coaching.redflags import Tier
from coachbot.coaching.regions import region_for
from coachbot.coaching.safety import detect
from coachbot.conversation.turn import Turn
from coachbot.messages import Reply, Text
from coachbot.texts import safety


def message_for(tier: Tier, zone: str | None, reason: str = "default") -> str:
    region = region_for(zone)
    if tier == "emergency":
        return safety.EMERGENCY.format(emergency=region.emergency)
    if tier == "urgent":
        return safety.URGENT.format(urgent=region.urgent)
    return safety.ROUTINE.format(reason=safety.ROUTINE_REASONS.get(reason, safety.ROUTINE_REASONS["default"]))


async def refer(turn: Turn, tier: Tier, reasons: tuple[str, ...]) -> list[Reply]:
    """Freeze the plan at `tier`, close any open questions, and say what to do."""
    if turn.enrolment is not None:
        turn.enrolment.status = "referred"
        turn.enrolment.status_reason = f"{tier}:{','.join(reasons)}"[:64]
        turn.enrolment.updated_at = turn.now
    if turn.person is not None and turn.conversation is not None:
        await turn.repo.end_conversation(turn.person.id)
        turn.conversation = None
    zone = turn.person.tz if turn.person is not None else None
    return [turn.say(message_for(tier, zone, reasons[0] if reasons else "default"))]


def mentions_red_flag(turn: Turn) -> bool:
    """Free text in a private chat that describes a red flag, whatever conversation is open."""
    return isinstance(turn.incoming, Text) and not turn.in_group and detect(turn.incoming.text).found


async def red_flag(turn: Turn) -> list[Reply]:
    assert isinstance(turn.incoming, Text)
    detection = detect(turn.incoming.text)
    return await refer(turn, detection.tier, detection.signs)
