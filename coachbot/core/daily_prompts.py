"""What a scheduled prompt says: today's session card, the morning question, the weekly check.

Each prompt carries a button that opens the matching check-in (a `go` token, see features/checkin.py) and a
Snooze button (a `snooze` token, see features/snooze.py).
"""

from __future__ import annotations

from datetime import date

from coachbot.coaching.plan import todays_session
from coachbot.core import tokens
from coachbot.messages import Button
from coachbot.programme.schema import Programme
from coachbot.reporting.present import session as describe_session
from coachbot.schedule.wallclock import parse_days
from coachbot.store import rule_state
from coachbot.store.tables import Enrolment
from coachbot.texts import loop as loop_texts
from coachbot.texts import prompts as texts

OPENS = {"session": "checkin", "morning": "morning", "weekly": "weekly"}


def prompt(
    kind: str, enrolment: Enrolment, programme: Programme, day: date, late: bool
) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """The text and buttons of a prompt of `kind` for the person's local `day`."""
    if kind == "session":  # the same session /today shows (CLINICAL A21)
        progress = rule_state.progress_of(enrolment)
        text = describe_session(
            todays_session(
                programme,
                progress,
                day,
                parse_days(enrolment.days),
                enrolment.flags or {},
                rule_state.person_of(enrolment),
            )
        )
        button = texts.LOG_SESSION
    elif kind == "morning":
        text, button = texts.MORNING, texts.ANSWER
    else:
        text, button = texts.WEEKLY, texts.START_WEEKLY
    if late:
        text = texts.LATE + "\n" + text
    snooze = (loop_texts.SNOOZE_BUTTON, tokens.make(tokens.SNOOZE, kind, day.isoformat()))
    return text, (((button, tokens.make(tokens.GO, OPENS[kind])), snooze),)
