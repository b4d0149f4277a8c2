"""Club membership: linking a person's plan to a club, and their leaderboard opt-in (off unless they say)."""

from __future__ import annotations

from coachbot.core.turn import Turn
from coachbot.messages import Choice, Reply
from coachbot.store import clubs as store
from coachbot.texts import clubs as texts

LEADERBOARD_PREFIX = "v1:lb:"


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
        (texts.LEADERBOARD_YES, f"{LEADERBOARD_PREFIX}{club_id}:on"),
        (texts.LEADERBOARD_NO, f"{LEADERBOARD_PREFIX}{club_id}:off"),
    )
    return turn.say(texts.ASK_LEADERBOARD, (buttons,))


def is_leaderboard_choice(turn: Turn) -> bool:
    return isinstance(turn.incoming, Choice) and turn.incoming.token.startswith(LEADERBOARD_PREFIX)


async def set_leaderboard(turn: Turn) -> list[Reply]:
    assert isinstance(turn.incoming, Choice)
    club_id, _, choice = turn.incoming.token.removeprefix(LEADERBOARD_PREFIX).partition(":")
    member = None
    if club_id.isdigit() and turn.person is not None:
        member = await store.member(turn.repo, int(club_id), turn.person.id)
    if member is None or member.left_at is not None:
        return [turn.say(texts.CLUB_GONE)]
    member.leaderboard = choice == "on"
    return [turn.say(texts.LEADERBOARD_ON if member.leaderboard else texts.LEADERBOARD_OFF)]
