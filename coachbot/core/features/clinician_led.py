"""Clinician-led mode (CLINICAL A16): the person records what their clinician said, and the plan follows it.

`/clinician` asks which phase the clinician has them on, whether they set levels (then, for each exercise
of that phase's menu with more than one level, which one, or "as the plan says") and when the person saw
them (today or a typed date, never in the future). The bot moves to that phase, each exercise within the
phase's bounds ("as the plan says") or on the level the clinician set (coaching/weekly.py
`set_by_clinician`): **an exception to A13**, which allows one level a day, because here the clinician
decided, not the bot. It stores `clinician_phase`,
`clinician_levels` and `clinician_on` (the day of the visit) in the enrolment's flags and records the
Decision as of today; from then on it never advances level or phase on its own. The pain rules still hold,
regress, stop and refer. A new record replaces the previous one, levels included.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from coachbot.coaching.dates import parse_day
from coachbot.coaching.progress import Decision, Progress
from coachbot.coaching.weekly import set_by_clinician
from coachbot.core import decisions, flow
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Invalid, Option, Question
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.programme.schema import MenuItem, Programme
from coachbot.reporting.present import level_tags
from coachbot.store import rule_state
from coachbot.texts import common
from coachbot.texts import plan as texts

CLINICIAN_LED = "clinician_led"
AS_PLANNED = "plan"
MAX_LEVEL_QUESTIONS = 20  # more exercises than this in one menu keep "as the plan says"


def _phase_question(turn: Turn, _answers: Answers) -> Question:
    options = tuple(
        Option(str(phase.number), texts.CLINICIAN_PHASE_LABEL.format(number=phase.number, name=phase.name))
        for phase in turn.programme().phases
    )
    return Question(texts.ASK_CLINICIAN_PHASE, texts.CLINICIAN_PHASE_EXPECTED, options, row_size=1)


def _levels_question(_turn: Turn, _answers: Answers) -> Question:
    labels = texts.CLINICIAN_LEVELS_LABELS
    options = (
        Option("yes", labels["yes"], ("y", "yeah", "yep")),
        Option("skip", labels["skip"], ("no", "nope")),
    )
    return Question(texts.ASK_CLINICIAN_LEVELS, texts.CLINICIAN_LEVELS_EXPECTED, options, row_size=2)


def adjustable(programme: Programme, phase_number: int) -> list[MenuItem]:
    """The menu items of a phase whose level a clinician can set (a ladder of more than one level)."""
    items = programme.phase(phase_number).menu
    return [item for item in items if len(programme.exercise(item.exercise).levels) > 1][:MAX_LEVEL_QUESTIONS]


def _planned(turn: Turn, number: int, levels: dict[str, int] | None = None) -> Progress:
    """The person's progress on the clinician's phase: each exercise within the phase's bounds, or at the
    level the clinician set (coaching/weekly.py `set_by_clinician`)."""
    assert turn.enrolment is not None
    progress = rule_state.progress_of(turn.enrolment)
    return set_by_clinician(turn.programme(), progress, number, turn.local_today(), levels)


def _level_step(index: int) -> Step:
    def applies(turn: Turn, answers: Answers) -> bool:
        return answers.get("levels") == "yes" and index < len(
            adjustable(turn.programme(), int(answers["phase"]))
        )

    def ask(turn: Turn, answers: Answers) -> Question:
        programme, number = turn.programme(), int(answers["phase"])
        item = adjustable(programme, number)[index]
        exercise = programme.exercise(item.exercise)
        current = exercise.levels[min(max(_planned(turn, number).levels.get(item.exercise, item.start), 1),
                                      len(exercise.levels)) - 1]  # fmt: skip
        options = (
            *(Option(str(level.level), level.tag) for level in exercise.levels),
            Option(
                AS_PLANNED, texts.CLINICIAN_AS_PLANNED, ("plan", "as planned", "skip", "same", "no change")
            ),
        )
        expected = texts.CLINICIAN_LEVEL_EXPECTED.format(example=exercise.levels[-1].tag)
        prompt = texts.ASK_CLINICIAN_LEVEL.format(exercise=exercise.name, tag=current.tag, name=current.name)
        return Question(
            prompt, expected, options, read=_typed_level(len(exercise.levels), expected), row_size=5
        )

    return Step(f"level_{index}", ask, when=applies)


def _typed_level(count: int, expected: str) -> Callable[[str], str | None]:
    def read(text: str) -> str | None:
        match = re.fullmatch(r"\s*(?:level\s*)?[lpwr]?\s*(\d{1,2})\s*", text.lower())
        if match is None:
            return None  # a label or "as the plan says" may still match
        if not 1 <= int(match.group(1)) <= count:
            raise Invalid(expected)
        return match.group(1)

    return read


def _date_question(turn: Turn, _answers: Answers) -> Question:
    today = turn.local_today()

    def read(text: str) -> str | None:
        day = parse_day(text, today)
        if day is None:
            return None
        if day > today:
            raise Invalid(texts.CLINICIAN_DATE_FUTURE.format(date=day.strftime("%a %d %b %Y")))
        return day.isoformat()

    options = (Option("today", texts.CLINICIAN_TODAY),)
    return Question(texts.ASK_CLINICIAN_DATE, texts.CLINICIAN_DATE_EXPECTED, options, read=read)


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    programme, number, today = turn.programme(), int(answers["phase"]), turn.local_today()
    chosen: dict[str, int] = {}
    for index, item in enumerate(adjustable(programme, number)):
        answer = answers.get(f"level_{index}")
        if answer is not None and answer != AS_PLANNED:
            chosen[item.exercise] = int(answer)  # A16: the clinician decided, however far from the plan
    progress = _planned(turn, number, chosen)
    given = answers.get("seen_on", "today")
    seen = today if given == "today" else date.fromisoformat(given)
    enrolment.grade = CLINICIAN_LED
    enrolment.flags = {
        **(enrolment.flags or {}),
        "clinician_phase": number,
        "clinician_levels": chosen,
        "clinician_on": seen.isoformat(),
    }
    said = texts.CLINICIAN_RECORDED.format(
        phase=number, name=programme.phase(number).name, date=seen.strftime("%a %d %b")
    )
    if chosen:
        said += " " + texts.CLINICIAN_LEVELS_SET.format(levels=level_tags(programme, chosen))
    return await decisions.apply(turn, Decision(today, "clinician", "A16", said, number), progress)


CLINICIAN = Flow(
    "clinician",
    (
        Step("phase", _phase_question),
        Step("levels", _levels_question),
        *(_level_step(index) for index in range(MAX_LEVEL_QUESTIONS)),
        Step("seen_on", _date_question),
    ),
    _finish,
)


async def clinician(turn: Turn) -> list[Reply]:
    """CLINICAL A16: record what the person's clinician said: phase, levels if any, and the day."""
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    return await flow.begin(turn, CLINICIAN)


COMMANDS = {"clinician": clinician}
FLOWS = (CLINICIAN,)
