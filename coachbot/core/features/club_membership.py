"""Club membership: linking a person's plan to a club, and their leaderboard opt-in (off unless they say)."""

from __future__ import annotations

from coachbot.core import tokens
from coachbot.core.turn import Turn
from coachbot.messages import Choice, Reply
from coachbot.store import clubs as store
from coachbot.texts import clubs as texts


async def add_member(turn: Turn, club_id: int, display_name: str) -> None:
    """Link the person's live plan to the club (again, if they had left)."""
    assert turn.enrolment is not None
    person_id = turn.enrolment.person_id
    if turn.enrolment.club_id not in (None, club_id):  # one club at a time: leave the previous one
        await store.leave(turn.repo, turn.enrolment.club_id, turn.now, person_id)
    member = await store.join(turn.repo, club_id, person_id, turn.now)
    member.left_at, member.joined_at = None, turn.now if member.left_at else member.joined_at
    member.display_name = (display_name or member.display_name or "")[:64]
    turn.enrolment.club_id = club_id
    await turn.repo.flush()


def leaderboard_question(turn: Turn, club_id: int) -> Reply:
    buttons = (
        (texts.LEADERBOARD_YES, tokens.make(tokens.LEADERBOARD, club_id, "on")),
        (texts.LEADERBOARD_NO, tokens.make(tokens.LEADERBOARD, club_id, "off")),
    )
    return turn.say(texts.ASK_LEADERBOARD, (buttons,))


async def set_leaderboard(turn: Turn) -> list[Reply]:
    assert isinstance(turn.incoming, Choice)
    club_id, choice = tokens.parts_of(turn.incoming.token)
    member = None
    if club_id.isdigit() and turn.person is not None:
        member = await store.member(turn.repo, int(club_id), turn.person.id)
    if member is None or member.left_at is not None:
        return [turn.say(texts.CLUB_GONE)]
    member.leaderboard = choice == "on"
    return [turn.say(texts.LEADERBOARD_ON if member.leaderboard else texts.LEADERBOARD_OFF)]


CHOICES = {tokens.LEADERBOARD: set_leaderboard}
