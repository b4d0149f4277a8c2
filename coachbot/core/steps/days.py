"""The training-days steps shared by enrolment and /settings: the key-run day (CLINICAL A22) and, when the
chosen days cannot hold a phase's minimum, one message with a proposal (A23; the rules in weekpattern.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from coachbot.coaching.weekpattern import KEY_RUN, WeekPlan, key_kinds, key_run_day, plan_week, propose_days
from coachbot.core.flow import Answers, Step
from coachbot.core.question import Option, Question
from coachbot.core.turn import Turn
from coachbot.programme.schema import WEEKDAYS, Phase, Programme, Weekday
from coachbot.reporting.present import days as describe_days
from coachbot.schedule.wallclock import ScheduleInputError, parse_days
from coachbot.texts import days as texts

CHECK = "days_check"
PhasesOf = Callable[[Turn, Answers], Sequence[Phase]]


def _read_key_run(text: str) -> str | None:
    try:
        days = parse_days(text)
    except ScheduleInputError:
        return None  # "none", "it varies": the buttons' words
    return days[0] if len(days) == 1 else None


def ask_key_run(_turn: Turn, _answers: Answers) -> Question:
    """CLINICAL A22: "Which day is your long run or race day?", a button a day and none / it varies."""
    options = (
        *(Option(day, day.capitalize()) for day in WEEKDAYS),
        Option("none", texts.KEY_RUN_NONE, ("none", "varies", "it varies", "no", "none / it varies")),
    )
    return Question(texts.ASK_KEY_RUN, texts.KEY_RUN_EXPECTED, options, read=_read_key_run, row_size=4)


def chosen_days(turn: Turn, answers: Answers) -> tuple[Weekday, ...]:
    """The days being chosen in this conversation, or the enrolment's."""
    if "training_days" in answers:
        return parse_days(answers["training_days"])
    return parse_days(turn.enrolment.days) if turn.enrolment is not None else WEEKDAYS


def key_run(turn: Turn, answers: Answers) -> Weekday | None:
    """The key-run day answered in this conversation, or the enrolment's."""
    if KEY_RUN in answers:
        return key_run_day(answers)
    return key_run_day(turn.enrolment.flags or {}) if turn.enrolment is not None else None


def _short(
    phases: Sequence[Phase], days: Sequence[Weekday], run: Weekday | None
) -> tuple[Phase, WeekPlan] | None:
    """The first phase whose minimum the days cannot hold."""
    for phase in phases:
        plan = plan_week(phase, days, run)
        if not plan.holds_minimum:
            return phase, plan
    return None


def check_step(phases_of: PhasesOf, when: Callable[[Turn, Answers], bool]) -> Step:
    """A23: asked only when the chosen days cannot hold a phase ahead and some days could."""

    def needed(turn: Turn, answers: Answers) -> bool:
        if not when(turn, answers):
            return False
        days, run = chosen_days(turn, answers), key_run(turn, answers)
        phases = phases_of(turn, answers)
        return _short(phases, days, run) is not None and propose_days(phases, days, run) is not None

    def ask(turn: Turn, answers: Answers) -> Question:
        days, run = chosen_days(turn, answers), key_run(turn, answers)
        phases = phases_of(turn, answers)
        short = _short(phases, days, run)
        proposal = propose_days(phases, days, run)
        assert short is not None
        assert proposal is not None
        phase, plan = short
        text = texts.CANNOT_HOLD.format(
            phase=phase.number, name=phase.name, label=_label(phase), days=_days(days), minimum=plan.minimum,
            rule=_rule(phase, run), count=plan.key_sessions,
        )  # fmt: skip
        week = _week(plan_week(phase, proposal, run))
        text += "\n" + texts.PROPOSE.format(proposal=_days(proposal), week=week)
        options = (
            Option("accept", texts.ACCEPT, ("yes", "use", "accept")),
            Option("keep", texts.KEEP, ("keep",)),
        )
        return Question(text, texts.CHECK_EXPECTED, options, row_size=2)

    return Step(CHECK, ask, when=needed)


def final_days(turn: Turn, answers: Answers, phases: Sequence[Phase]) -> str:
    """The days to store: the proposal when it was accepted, else the days chosen."""
    days, run = chosen_days(turn, answers), key_run(turn, answers)
    proposal = propose_days(phases, days, run) if answers.get(CHECK) == "accept" else None
    return ",".join(proposal or days)


def kept_note(programme: Programme, phases: Sequence[Phase], days: str, run: Weekday | None) -> str | None:
    """What keeping days that cannot hold a phase means (sessions still come on the days that can)."""
    short = _short(phases, parse_days(days), run)
    if short is None:
        return None
    phase, plan = short
    fields = {"days": describe_days(days), "phase": phase.number, "name": phase.name, "label": _label(phase)}
    rests = "".join(
        texts.REST.format(day=day.capitalize(), reason=texts.REST_REASONS[reason].format(label=_label(phase)))
        for day, reason in plan.rests.items()
    )
    if not plan.key_sessions:
        return texts.KEPT_NONE.format(**fields) + rests
    text = texts.KEPT.format(**fields, sessions=_sessions(phase, plan))
    text += texts.KEPT_FEWER.format(minimum=plan.minimum) if plan.key_sessions < plan.minimum else "."
    riders = dict.fromkeys(exercise for exercises in plan.riders.values() for exercise in exercises)
    if riders:
        names = " and ".join(programme.exercise(exercise).name for exercise in riders)
        text += texts.KEPT_RIDERS.format(missing=_kinds(plan.missing), exercises=names, label=_label(phase))
    return text + rests + texts.KEPT_END


def _days(days: Sequence[Weekday]) -> str:
    return describe_days(",".join(days))


def _kinds(kinds: Sequence[str]) -> str:
    return "/".join(dict.fromkeys(texts.KIND_LABELS.get(kind, kind.replace("_", " ")) for kind in kinds))


def _label(phase: Phase) -> str:
    return _kinds(sorted(key_kinds(phase)))


def _rule(phase: Phase, run: Weekday | None) -> str:
    if not phase.non_consecutive:
        return ""
    return texts.SPACING_RULE + (texts.KEY_RUN_RULE.format(day=run.capitalize()) if run else "")


def _sessions(phase: Phase, plan: WeekPlan) -> str:
    keys = key_kinds(phase)
    days = [day for day, kind in plan.sessions.items() if kind in keys]
    template = texts.ONE_SESSION if plan.key_sessions == 1 else texts.SESSIONS
    return template.format(count=plan.key_sessions, label=_label(phase), days=_days(days))


def _week(plan: WeekPlan) -> str:
    """'Mon strength, Tue rest, Thu strength': the proposal's week, day by day."""
    parts = {
        day: texts.WEEK_DAY.format(day=day.capitalize(), label=_kinds((kind,)))
        for day, kind in plan.sessions.items()
    }
    parts.update({day: texts.WEEK_REST.format(day=day.capitalize()) for day in plan.rests})
    return ", ".join(parts[day] for day in WEEKDAYS if day in parts)
