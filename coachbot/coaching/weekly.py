"""The weekly check (CLINICAL 9.2 rows 6 and 9, A18), phase transitions (A13, A14) and graduation (A15).

Pure: `weekly_check(...)` returns the decisions and the new Progress. A phase change or graduation is
*offered*; the caller applies it with `enter_phase` or `graduate` once the person confirms.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from coachbot.coaching import choose, soreness, zones
from coachbot.coaching.constants import (
    ROW6_ABOVE_BASELINE,
    ROW6_ABOVE_FIRST_WEEK,
    ROW6_REFER_COUNT,
    ROW6_REFER_DAYS,
    ROW6_WEEKS,
)
from coachbot.coaching.facts import History, Person
from coachbot.coaching.progress import Decision, Progress
from coachbot.coaching.readiness import readiness
from coachbot.programme.schema import Phase, Programme
from coachbot.texts import decisions as texts

MIN_MORNINGS_FOR_TREND = 3


def trend(history: History, today: date) -> float | None:
    """Wt: mean M over the last 7 days minus the 7 before; None without enough mornings this week.
    With no mornings the week before, nothing can have risen, so Wt counts as 0."""

    def window(start: int, end: int) -> list[int]:
        return [
            m.pain
            for m in history.mornings
            if m.pain is not None and today - timedelta(days=end) < m.day <= today - timedelta(days=start)
        ]

    this_week, last_week = window(0, 7), window(7, 14)
    if len(this_week) < MIN_MORNINGS_FOR_TREND:
        return None
    return _average(this_week) - _average(last_week) if last_week else 0.0


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
    worse = wt is not None and wt >= rules.week_worse_delta
    progress = replace(progress, week_worse_streak=progress.week_worse_streak + 1 if worse else 0)
    progress, row6 = _creeping(programme, progress, history, person, today)
    if row6:
        return _row6(programme, progress, today)
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


def _creeping(
    programme: Programme, progress: Progress, history: History, person: Person, today: date
) -> tuple[Progress, bool]:
    """CLINICAL A18 row 6: this week's mean M is at least 1 above B for the second week running, or at
    least 2 above the first week's mean. Returns the progress with the streak counted and whether it fired."""
    this_week = _mean(history, today - timedelta(days=7), today)
    if this_week is None:
        return replace(progress, mean_up_weeks=0), False
    base = zones.baseline(programme.rules, history.mornings, today, progress.regress_days, progress.baseline)
    up = this_week >= base + ROW6_ABOVE_BASELINE
    progress = replace(progress, mean_up_weeks=progress.mean_up_weeks + 1 if up else 0)
    first_week = person.started_on + timedelta(days=6)
    later = today > person.started_on + timedelta(days=7)  # not the first week against itself
    first = _mean(history, person.started_on - timedelta(days=1), first_week) if later else None
    above_first = first is not None and this_week >= first + ROW6_ABOVE_FIRST_WEEK
    return progress, progress.mean_up_weeks >= ROW6_WEEKS or above_first


def _mean(history: History, after: date, until: date) -> float | None:
    scores = [m.pain for m in history.mornings if m.pain is not None and after < m.day <= until]
    return _average(scores) if len(scores) >= MIN_MORNINGS_FOR_TREND else None


def _average(scores: list[int]) -> float:
    return sum(scores) / len(scores)


def _row6(programme: Programme, progress: Progress, today: date) -> tuple[list[Decision], Progress]:
    """Row 6 lowers (a phase, or at least one exercise) and suggests a review; twice within 4 weeks it
    pauses and refers (ROUTINE)."""
    recent = (*[day for day in progress.row6_days if day > today - timedelta(days=ROW6_REFER_DAYS)], today)
    progress = replace(progress, mean_up_weeks=0, week_worse_streak=0, row6_days=recent)
    if len(recent) >= ROW6_REFER_COUNT:
        calm = replace(progress, green_streak=0, streaks={})
        return [Decision(today, "refer", "6", texts.REFER_ROW6, progress.phase, tier="routine")], calm
    return _phase_down(programme, progress, today)


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


def _phase_down(programme: Programme, progress: Progress, today: date) -> tuple[list[Decision], Progress]:
    """Row 6's step back: the phase below (rehab), each exercise above that phase's ceiling one level down
    (A13: never more than one level a day; the session caps the rest at the ceiling), and always at
    least one exercise lower (A18). Prevention blocks follow the calendar, so they lower one exercise."""
    numbers = [phase.number for phase in programme.phases]
    index = numbers.index(progress.phase)
    lower = programme.phases[index - 1] if index > 0 and programme.track == "rehab" else None
    days = progress.regress_days if today in progress.regress_days else (*progress.regress_days, today)
    new = replace(progress, regress_days=days, green_streak=0, streaks={})
    moved = {exercise for exercise, day in progress.changed.items() if day == today}  # A13: once a day
    changes = []
    if lower is not None:
        new = replace(new, phase=lower.number, phase_since=today)
        for item in lower.menu:
            current = progress.levels.get(item.exercise, item.start)
            if current > item.ceiling and item.exercise not in moved:  # "Phase 3 -> top of Phase 2"
                changes.append((item.exercise, current, current - 1))
                new = new.with_level(item.exercise, current - 1, today)
    if not changes and not moved:  # within the lower phase's levels: still step one exercise back
        for exercise in choose.regress_targets(programme, new, impact_all=False)[:1]:
            changes.append((exercise, new.levels[exercise], new.levels[exercise] - 1))
            new = new.with_level(exercise, new.levels[exercise] - 1, today)
    if lower is None:
        new = replace(new, hold_week_until=today + timedelta(days=7))
    stepped_back = None if lower is None else texts.PHASE_DOWN.format(phase=lower.number, name=lower.name)
    if not changes:  # everything is at level 1, or today's morning already stepped back: hold the week
        return [Decision(today, "hold", "6", stepped_back or texts.HOLD_WEEK, new.phase)], new
    reason = stepped_back or texts.ROW6_LOWER
    exercise, level_from, level_to = changes[0]
    decision = Decision(
        today, "regress", "6", reason, new.phase,
        exercise=exercise, level_from=level_from, level_to=level_to, scope=tuple(changes),
    )  # fmt: skip
    return [decision], new
