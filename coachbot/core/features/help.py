"""/help: what the bot does, in any chat; in a private chat also how often the person's programme trains now."""

from __future__ import annotations

from coachbot.coaching.plan import training_days
from coachbot.coaching.weekpattern import key_run_day
from coachbot.core.features.live_plan import chosen_days
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.reporting.present import days as describe_days
from coachbot.texts import common
from coachbot.texts import plan as texts


async def help_(turn: Turn) -> list[Reply]:
    return [turn.say(common.HELP + _help_plan(turn), private=False)]


def _help_plan(turn: Turn) -> str:
    """In a private chat, how often the person's programme trains now (never "one session a day")."""
    enrolment = turn.enrolment
    if enrolment is None or turn.in_group:
        return ""
    phase = turn.programme().phase(enrolment.phase)
    days = training_days(phase, chosen_days(turn), key_run_day(enrolment.flags or {}))
    shown = describe_days(",".join(days))
    line = texts.HELP_PLAN.format(
        title=turn.programme().title, phase=phase.number, phase_name=phase.name, count=len(days), days=shown
    )
    return "\n" + line


COMMANDS = {"help": help_}
