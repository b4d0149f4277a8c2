"""Issue 14 item 8: pain above the 5/10 limit (below the stop at 7) gets one line at the check-in, and the
next morning's step back names the session's pain and the exercise lowered, not an unsettled morning."""

from __future__ import annotations

from datetime import datetime

from coachbot.core.coach import Coach
from tests.chat import Chat


async def morning(chat: Chat, pain: str) -> str:
    chat.later(days=1)
    await chat.log_morning(pain)
    return chat.text


async def advanced(chat: Chat) -> None:
    """Enrolled (phase 1) with the calf raise moved up to L3, so there is a level to step back to."""
    await chat.enrol()
    await chat.log_session("1", "1")
    await morning(chat, "1")
    await chat.log_session("2", "1")
    assert "Straight-knee calf raise moves up to L3" in await morning(chat, "1")


async def test_six_during_gets_a_line_and_the_regress_names_the_session_pain(
    coach: Coach, now: datetime
) -> None:
    chat = Chat(coach, now)
    await advanced(chat)
    await chat.log_session("6", "3")
    text = chat.text
    assert "Logged: pain 6/10 during" in text
    assert "6/10 during the exercises is above the 5/10 limit for this stage" in text, text
    assert "push through" not in text.lower()
    assert "If pain reaches 7/10" in text
    assert len([reply for reply in chat.replies if "above the 5/10 limit" in reply.text]) == 1

    text = await morning(chat, "1")  # a settled morning: the cause was the session
    assert (
        "Your pain reached 6/10 during the last session, above the 5/10 limit, even though your calf had "
        "settled by this morning, so we'll step back one level for a few days: Straight-knee calf raise to L2"
    ) in text, text
    assert "hasn't settled" not in text


async def test_six_right_after_and_an_unsettled_morning_name_both(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await advanced(chat)
    await chat.log_session("3", "6")
    assert "6/10 right after the exercises is above the 5/10 limit" in chat.text, chat.text
    text = await morning(chat, "4")
    assert (
        "Your pain reached 6/10 right after the last session, above the 5/10 limit, and your calf hasn't "
        "settled this morning"
    ) in text, text


async def test_pain_within_the_limit_or_at_the_stop_gets_no_such_line(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.log_session("5", "5")
    assert "above the" not in chat.text
    chat.later(days=1)
    await chat.log_session("7", "2")  # the stop line: row 2's own words, not this line
    assert "above the" not in chat.text


async def test_an_unsettled_morning_alone_keeps_its_reason(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await advanced(chat)
    await chat.log_session("2", "2")
    text = await morning(chat, "4")
    assert "Your calf hasn't settled after the last session, so we'll step back one level" in text, text
