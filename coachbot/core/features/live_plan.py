"""What the commands about today's plan share: opening a check-in (the plan must be live and active, and
a welcome back after a silence comes first) and the training days the person chose."""

from __future__ import annotations

from coachbot.coaching.lifecycle import Status
from coachbot.core import decisions, flow
from coachbot.core.flow import Answers, Flow
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.programme.schema import Weekday
from coachbot.schedule.wallclock import parse_days
from coachbot.texts import common
from coachbot.texts import plan as texts


async def open_check_in(turn: Turn, check_in: Flow, answers: Answers | None = None) -> list[Reply]:
    """Begin `check_in` on the person's active plan, after the welcome back when they were silent."""
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    if turn.enrolment.status != Status.ACTIVE:
        return [turn.say(texts.NOT_ACTIVE)]
    return [*await decisions.after_silence(turn), *await flow.begin(turn, check_in, answers)]


def chosen_days(turn: Turn) -> tuple[Weekday, ...]:
    """The weekdays the person trains on (callers check there is a plan)."""
    assert turn.enrolment is not None
    return parse_days(turn.enrolment.days)
