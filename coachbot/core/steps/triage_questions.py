"""The triage questions of CLINICAL 7 as conversation steps: buttons first, typed answers accepted.

Gate 0 eligibility, the emergency / urgent / routine screens, the DVT risk factors (A9), then the
classification questions for a current injury. `interrupt` ends the questions as soon as an answer calls for a referral.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from coachbot.coaching import triage
from coachbot.coaching.screens import DVT_RISKS_KEY
from coachbot.core.flow import Answers, Step
from coachbot.core.quantities import distance_km
from coachbot.core.question import Invalid, Option, Question, pain_question, yes_no_question
from coachbot.core.referral import refer
from coachbot.core.steps.dvt import ask_dvt_risks
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import triage as texts

MAX_HEEL_RAISES = 300


def choice(prompt: str, labels: dict[str, str], row_size: int = 2) -> Question:
    options = tuple(Option(value, label, (value.replace("_", " "),)) for value, label in labels.items())
    return Question(prompt, texts.CHOICE_EXPECTED, options, row_size=row_size)


def _read_age(text: str) -> str:
    match = re.search(r"\d{1,3}", text)
    if not match or not 5 <= int(match.group()) <= 120:
        raise Invalid(texts.AGE_EXPECTED)
    return match.group()


def _read_km(text: str) -> str | None:
    """Kilometres a week: "25", "about 30km", "20 miles" (in km), "thirty k a week"."""
    km = distance_km(text)
    return str(int(km)) if km is not None and 0 <= km < 1000 else None


def _running(_turn: Turn, _answers: Answers) -> Question:
    skip = Option("skip", texts.SKIP, ("skip", "pass", "don't know", "dont know"))
    return Question(texts.ASK_RUNNING, texts.RUNNING_EXPECTED, (skip,), read=_read_km)


def _read_raises(text: str) -> str | None:
    """CLINICAL A22: heel-raise counts for one or both legs ("18 and 22", "left 20, right 14"); the
    lower one is kept, since the weaker leg sets the starting dose."""
    counts = [int(number) for number in re.findall(r"\d{1,3}", text)]
    if not counts:
        return None
    if len(counts) > 2 or max(counts) > MAX_HEEL_RAISES:
        raise Invalid(texts.BASELINE_RAISES_EXPECTED)
    return str(min(counts))


def _baseline_raises(_turn: Turn, _answers: Answers) -> Question:
    skip = Option("skip", texts.SKIP, ("skip", "pass", "don't know", "dont know", "not sure"))
    return Question(texts.ASK_BASELINE_RAISES, texts.BASELINE_RAISES_EXPECTED, (skip,), read=_read_raises)


def _double_rise(_turn: Turn, _answers: Answers) -> Question:
    scale = pain_question(texts.ASK_DOUBLE_RISE)
    cant = Option("cant", texts.CANT_DO_IT, ("cant", "can't", "cannot", "no"))
    return Question(scale.prompt, scale.expected, (*scale.options, cant), read=scale.read, row_size=6)


Ask = Callable[[Turn, Answers], Question]


def _asked(prompt: str, labels: dict[str, str], row_size: int = 2) -> Ask:
    return lambda _turn, _answers: choice(prompt, labels, row_size)


def _injured(_turn: Turn, answers: Answers) -> bool:
    return answers.get("injury") == "yes"


def _yes(key: str) -> Callable[[Turn, Answers], bool]:
    return lambda _turn, answers: answers.get(key) == "yes"


def _yes_no(prompt: str) -> Ask:
    return lambda _turn, _answers: yes_no_question(prompt)


STEPS: tuple[Step, ...] = (
    Step("age", lambda _t, _a: Question(texts.ASK_AGE, texts.AGE_EXPECTED, read=_read_age)),
    Step("exclusion", _asked(texts.ASK_EXCLUSION, texts.EXCLUSION_LABELS, 1)),
    Step("emergency", _yes_no(texts.ASK_EMERGENCY)),
    Step("urgent", _yes_no(texts.ASK_URGENT)),
    Step("urgent_which", _asked(texts.ASK_URGENT_WHICH, texts.URGENT_LABELS), when=_yes("urgent")),
    Step("routine", _yes_no(texts.ASK_ROUTINE)),
    Step("routine_which", _asked(texts.ASK_ROUTINE_WHICH, texts.ROUTINE_LABELS), when=_yes("routine")),
    Step(DVT_RISKS_KEY, ask_dvt_risks),  # CLINICAL A9: recorded only; refers nobody on its own
    Step("injury", _asked(texts.ASK_INJURY, texts.INJURY_LABELS, 1)),
    Step("days", _asked(texts.ASK_DAYS, texts.DAYS_LABELS, 3), when=_injured),
    Step("onset", _asked(texts.ASK_ONSET, texts.ONSET_LABELS, 1), when=_injured),
    Step(
        "swelling_check",
        _yes_no(texts.ASK_SWELLING_CHECK),
        when=lambda _turn, answers: answers.get("onset") == "unclear",
    ),
    Step("walking", _asked(texts.ASK_WALKING, texts.WALKING_LABELS, 3), when=_injured),
    Step("walking_pain", lambda _t, _a: pain_question(texts.ASK_WALKING_PAIN), when=_injured),
    Step("tender", _asked(texts.ASK_TENDER, texts.TENDER_LABELS, 3), when=_injured),
    Step("immediate", _asked(texts.ASK_IMMEDIATE, texts.IMMEDIATE_LABELS), when=_injured),
    Step("bruising", _asked(texts.ASK_BRUISING, texts.BRUISING_LABELS, 3), when=_injured),
    Step("double_rise", _double_rise, when=_injured),
    Step("single_rises", _asked(texts.ASK_SINGLE_RISES, texts.SINGLE_RISES_LABELS, 5), when=_injured),
    Step("location", _asked(texts.ASK_LOCATION, texts.LOCATION_LABELS, 1), when=_injured),
    Step(
        "worse_knee",
        _asked(texts.ASK_WORSE_KNEE, texts.WORSE_KNEE_LABELS, 3),
        when=lambda _turn, answers: answers.get("location") == "lower",
    ),
    Step("clinician", _asked(texts.ASK_CLINICIAN, texts.CLINICIAN_LABELS, 3), when=_injured),
    # CLINICAL A22: the prevention starting dose follows the baseline single-leg heel-raise test
    Step("baseline_raises", _baseline_raises, when=lambda turn, answers: not _injured(turn, answers)),
    Step("weekly_km", _running),  # CLINICAL 7.5 Q14: the ceiling for the return to usual training
    Step("sex", _asked(texts.ASK_SEX, texts.SEX_LABELS, 3)),
)


async def interrupt(turn: Turn, answers: Answers) -> list[Reply] | None:
    """End the questions with the right message as soon as an answer calls for it (the referral says
    what to do once seen: /start again, or /resume a plan)."""
    result = triage.early_outcome(answers)
    if result is None:
        return None
    if result.outcome == "too_young":
        return [turn.say(texts.TOO_YOUNG)]
    key, label = last_answer(turn, answers)
    signs = (result.reason,) if result.reason != "default" else (key,)
    return await refer(turn, result.tier, signs, triggers=(label,), source="triage", reason=result.reason)


def last_answer(turn: Turn, answers: Answers) -> tuple[str, str]:
    """The step answered last and the answer as the person saw it (a button's label, or what they typed)."""
    key, value = next(reversed(answers.items()))
    step = next((step for step in STEPS if step.key == key), None)
    options = step.ask(turn, answers).options if step is not None else ()
    return key, next((option.label for option in options if option.value == value), str(value))
