"""The weekly check (CLINICAL 9.2 row 9, row 6 in row6.py), phase transitions (A13, A14) and graduation (A15).

Pure: `weekly_check(...)` returns the decisions and the new Progress. A phase change or graduation is
*offered*; the caller applies it with `enter_phase` or `graduate` once the person confirms.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from coachbot.coaching import row6 as row6_rules
from coachbot.coaching import soreness
from coachbot.coaching.constants import MIN_MORNINGS_A_WEEK
from coachbot.coaching.facts import History, Person
from coachbot.coaching.progress import Decision, Progress
from coachbot.coaching.readiness import readiness
from coachbot.coaching.trend import change, verdict, weeks
from coachbot.programme.schema import Phase, Programme
from coachbot.texts import decisions as texts


def trend(history: History, today: date) -> float | None:
    """Wt: mean M over the last 7 days minus the 7 before; None without enough mornings this week.
    With no mornings the week before, nothing can have risen, so Wt counts as 0."""

    last_week, this_week = weeks(((m.day, m.pain) for m in history.mornings), today)
    if len(this_week) < MIN_MORNINGS_A_WEEK:
        return None
    return change(last_week, this_week) if last_week else 0.0


def weekly_check(
    programme: Programme,
    progress: Progress,
    history: History,
    person: Person,
    today: date,
    *,
    assume_unreported: bool = False,
    week: int = 1,
    cautious: bool = False,
) -> tuple[list[Decision], Progress]:
    """Rows 6 and 9, the person's "worse" (A14), then the phase-up or graduation offer (A14, A15).
    `assume_unreported` counts criteria with no data as met (`coachbot simulate --assume-passed`, A26)."""
    rules = programme.rules
    if programme.track == "prevention":  # A22: expected soreness never counts toward a rule or referral
        history = _without_soreness(programme, progress, history)
    wt = trend(history, today)
    worse = verdict(wt, rules.week_worse_delta) == "worse"
    progress = replace(progress, week_worse_streak=progress.week_worse_streak + 1 if worse else 0)
    progress, row6 = row6_rules.creeping(programme, progress, history, person, today)
    if row6:
        return row6_rules.step_back(programme, progress, today)
    if worse:  # row 9
        held = replace(progress, hold_week_until=today + timedelta(days=7))
        return [Decision(today, "hold", "9", texts.HOLD_WEEK, progress.phase)], held
    if _said_worse(history, today):  # A14: "compared with last week: worse" holds the week too
        held = replace(progress, hold_week_until=today + timedelta(days=7))
        return [Decision(today, "hold", "9", texts.HOLD_WEEK_SAID_WORSE, progress.phase)], held
    settled = wt is not None and wt <= 0
    following = _next_phase(programme, progress.phase)
    if following is None:
        ready = programme.graduation is not None and _graduating(
            programme, progress, history, person, today, assume_unreported, week, cautious
        )
        if settled and ready:
            return [Decision(today, "graduate", "A15", texts.GRADUATION_READY, progress.phase)], progress
    elif settled and _ready(
        programme, progress, history, person, following, today, assume_unreported, week, cautious
    ):
        reason = texts.PHASE_UP.format(phase=following.number, name=following.name)
        return [Decision(today, "phase_up", "transition", reason, following.number)], progress
    return _review_or_plateau(programme, progress, person, today)


def _without_soreness(programme: Programme, progress: Progress, history: History) -> History:
    kept = tuple(
        m
        for m in history.mornings
        if not soreness.expected(programme, progress, m.day, m.pain, history.sessions)
    )
    return replace(history, mornings=kept)


def _said_worse(history: History, today: date) -> bool:
    return any(report.day == today and report.trend == "worse" for report in history.weekly)


def _graduating(
    programme: Programme,
    progress: Progress,
    history: History,
    person: Person,
    today: date,
    assume_unreported: bool,
    week: int,
    cautious: bool,
) -> bool:
    """CLINICAL A15: the last phase's exit list, with every ladder at its ceiling (A14). Clinician-led
    people graduate when their clinician says so."""
    if person.grade == "clinician_led":
        return False
    found = readiness(programme, progress, history, person, None, today, week=week, cautious=cautious)
    return found.ready(assume_passed=assume_unreported)


def _review_or_plateau(
    programme: Programme, progress: Progress, person: Person, today: date
) -> tuple[list[Decision], Progress]:
    """Past the graduation week without graduating: stay below R10 and suggest a routine review, once
    (A15); otherwise the plateau rule (9.2)."""
    graduation = programme.graduation
    due = graduation is not None and today >= person.started_on + timedelta(
        weeks=graduation.review_after_weeks
    )
    if due and progress.review_suggested is None:
        suggested = replace(progress, review_suggested=today)
        return [Decision(today, "hold", "A15", texts.GRADUATION_REVIEW, progress.phase)], suggested
    return _plateau(programme, progress, today), progress


def graduate(programme: Programme, progress: Progress, today: date) -> Progress:
    """The person said yes to graduating: the graduation level (R10) and the completed mark (A15)."""
    graduation = programme.graduation
    assert graduation is not None
    level = progress.levels.get(graduation.exercise, graduation.level - 1)
    new = replace(progress, graduated_on=today)
    return new.with_level(graduation.exercise, min(level + 1, graduation.level), today)


def _plateau(programme: Programme, progress: Progress, today: date) -> list[Decision]:
    """CLINICAL 9.2 plateau rule: the week a phase reaches its plateau length, suggest a physio review."""
    weeks = programme.rules.plateau_weeks.get(progress.phase)
    if weeks is None or progress.phase_since is None:
        return []
    if (today - progress.phase_since).days // 7 != weeks:
        return []
    return [Decision(today, "hold", "plateau", texts.PLATEAU, progress.phase)]


def enter_phase(programme: Programme, progress: Progress, number: int, today: date) -> Progress:
    """Move to a phase (CLINICAL A13): entering never raises a level by more than one. An exercise new to
    the person starts at the phase's start level; one below it (after a regression) climbs one level
    towards it, unless its level already changed today; one at or above it stays where it is."""
    levels = dict(progress.levels)
    for item in programme.phase(number).menu:
        current = levels.get(item.exercise)
        if current is None:
            levels[item.exercise] = item.start
        elif progress.changed.get(item.exercise) != today:  # A13: not when it already moved today
            levels[item.exercise] = max(current, min(current + 1, item.start))
    new = replace(
        progress,
        phase=number,
        levels={},
        green_streak=0,
        streaks={},
        phase_since=today,
        regressed_exercise=None,
    )
    for exercise, level in levels.items():
        new = new.with_level(exercise, level, today)
    return new


def set_by_clinician(
    programme: Programme,
    progress: Progress,
    number: int,
    today: date,
    levels: Mapping[str, int] | None = None,
) -> Progress:
    """The phase a clinician put the person on (CLINICAL A16): each exercise of its menu within the phase's
    bounds (start to ceiling) or at the level the clinician set. The clinician decides, so this is the one
    change that may move a level by more than one (A13 limits what the bot does on its own)."""
    chosen = dict(levels or {})
    new = replace(enter_phase(programme, progress, number, today), levels={})
    for item in programme.phase(number).menu:
        current = progress.levels.get(item.exercise, item.start)
        level = chosen.get(item.exercise, max(item.start, min(current, item.ceiling)))
        new = new.with_level(item.exercise, level, today)
    for exercise, level in progress.levels.items():
        if exercise not in new.levels:
            new = new.with_level(exercise, chosen.get(exercise, level), today)
    return new


def _next_phase(programme: Programme, number: int) -> Phase | None:
    numbers = [phase.number for phase in programme.phases]
    index = numbers.index(number)
    return programme.phases[index + 1] if index + 1 < len(numbers) else None


def _ready(
    programme: Programme,
    progress: Progress,
    history: History,
    person: Person,
    following: Phase,
    today: date,
    assume_unreported: bool,
    week: int,
    cautious: bool,
) -> bool:
    if person.grade == "clinician_led":
        return False  # A16: clinician-led plans never change phase on their own (/clinician records it)
    current = programme.phase(progress.phase)
    if not current.exit:  # prevention blocks change with the calendar
        if any(day > today - timedelta(days=current.leave.quiet_days) for day in progress.regress_days):
            return False
        weeks = current.typical_weeks.get("all")
        extra = 1 if person.cautious and programme.cautious and programme.cautious.repeat_first_week else 0
        return weeks is not None and person.week(today) > weeks.high + extra
    found = readiness(programme, progress, history, person, following, today, week=week, cautious=cautious)
    return found.ready(assume_passed=assume_unreported)
