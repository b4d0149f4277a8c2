"""Joining a club from its Join button (/start <join code> in the private chat), and the club post's Done
button (the leaderboard opt-in and the membership rows are in club_membership.py).

Joining runs the same enrolment and triage as anyone else's; a person the triage refers is not enrolled
and not added, and the club is told nothing. Someone already following a plan joins with that plan.
"""

from __future__ import annotations

from coachbot.core import flow, tokens
from coachbot.core.features.checkin import checkin
from coachbot.core.features.club_membership import add_member, leaderboard_question
from coachbot.core.features.enrol import ENROL
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store import clubs as store
from coachbot.store.club_tables import Club
from coachbot.texts import clubs as texts


async def join(turn: Turn, club: Club) -> list[Reply]:
    """/start <join code>: enrol into the club's programme, or bring the current plan into the club."""
    if club.status == "stopped":
        return [turn.say(texts.CLUB_GONE)]
    found = turn.command()
    name = found.display_name if found is not None else ""
    if turn.enrolment is None:
        preset = {"club_id": club.id, "club_programme": club.programme_id, "display_name": name}
        return await flow.begin(turn, ENROL, preset)
    existing = await store.member(turn.repo, club.id, turn.enrolment.person_id)
    if existing is not None and existing.left_at is None:
        return [turn.say(texts.ALREADY_MEMBER)]
    await add_member(turn, club.id, name)
    return [
        turn.say(texts.JOINED_WITH_PLAN.format(title=turn.programme().title)),
        leaderboard_question(turn, club.id),
    ]


async def done(turn: Turn) -> list[Reply]:
    """A club post's Done button: the person's own check-in opens in their private chat."""
    if turn.enrolment is None or turn.enrolment.status != "active" or not privately(turn):
        return []
    return await checkin(turn)


def privately(turn: Turn) -> bool:
    """Make the turn answer in the person's private chat (a club post's button was pressed in the
    group); False when there is no private chat to answer in (they never started one)."""
    if turn.person is None:
        return False
    turn.go_private()
    return True


CHOICES = {tokens.DONE: done}
GROUP_CHOICES = frozenset(CHOICES)  # the club post's button, pressed in the group
