"""Exit criteria (CLINICAL 10.2): does the history meet one criterion? True, False, or None (no data).

Pure functions; `weekly.py` decides what to do with the answers.
"""

from __future__ import annotations

from datetime import date, timedelta

from coachbot.coaching.constants import heel_raise_norm
from coachbot.coaching.facts import History, Person
from coachbot.coaching.progress import Progress
from coachbot.coaching.symmetry import lsi
from coachbot.programme.schema import Criterion, Test

# Which weekly answer (or check-in) each pain-type test reads.
PAIN_SOURCES = {
    "walking_pain": "walking_pain",
    "pogo_hops": "pogo_pain",
    "sl_hops": "hop_pain",
    "sl_squat": "squat_pain",
    "symptoms": "symptoms",
}


def met(
    criterion: Criterion, test: Test, history: History, person: Person, progress: Progress, today: date
) -> bool | None:
    checks: list[bool | None] = []
    if test.measure == "reps_per_leg":
        checks.extend(_reps(criterion, test.id, history, person))
    elif test.measure == "level":
        checks.extend(_runs(criterion, test, history, progress, today))
    elif test.measure == "minutes":
        minutes = history.latest("walk_minutes")
        checks.append(None if minutes is None else int(minutes) >= (criterion.min_minutes or 0))  # type: ignore[call-overload]
        if criterion.max_pain is not None:
            checks.append(_at_most(history.latest("walking_pain"), criterion.max_pain))
    elif test.measure == "seconds":
        checks.append(_at_least(history.latest("balance_seconds"), criterion.min_seconds))
    elif test.measure == "score":
        checks.append(_at_least(history.latest("confidence"), criterion.min_score))
    else:
        checks.append(_at_most(_pain(test, history), criterion.max_pain))
        if criterion.control is not None:
            control = history.latest("squat_control")
            wanted = ("good",) if criterion.control == "good" else ("good", "ok")
            checks.append(None if control is None else control in wanted)
        if criterion.symmetric:
            checks.append(
                None if history.latest("hop_symmetric") is None else bool(history.latest("hop_symmetric"))
            )
        if criterion.settled_morning:
            checks.append(_settled(history))
    if any(check is False for check in checks):
        return False
    return None if any(check is None for check in checks) else True


def _at_most(value: object | None, limit: int | None) -> bool | None:
    if limit is None:
        return True
    return None if value is None else int(value) <= limit  # type: ignore[call-overload]


def _at_least(value: object | None, floor: int | None) -> bool | None:
    if floor is None:
        return True
    return None if value is None else int(value) >= floor  # type: ignore[call-overload]


def _pain(test: Test, history: History) -> object | None:
    if test.source == "morning":
        return next((m.pain for m in reversed(history.mornings) if m.pain is not None), None)
    if test.source == "session":
        return next((s.during for s in reversed(history.sessions) if s.during is not None), None)
    return history.latest(PAIN_SOURCES.get(test.id, test.id))


def _settled(history: History) -> bool | None:
    latest = next((m.pain for m in reversed(history.mornings) if m.pain is not None), None)
    return None if latest is None else latest <= history.baseline


def reps_target(criterion: Criterion, person: Person) -> int | None:
    """The heel raises the injured leg needs: the criterion's number, or the age/sex median if lower
    (CLINICAL 10.2), never below its floor."""
    if criterion.min_reps is None:
        return None
    target = criterion.min_reps
    norm = heel_raise_norm(person.age, person.sex) if criterion.age_norm else None
    if norm is not None:
        target = min(target, norm)
    if criterion.reps_floor is not None:
        target = max(target, criterion.reps_floor)
    return target


def _reps(criterion: Criterion, test_id: str, history: History, person: Person) -> list[bool | None]:
    prefix = "heel_raise" if test_id == "sl_heel_raise" else "bent_knee"
    injured, other = history.latest(f"{prefix}_injured"), history.latest(f"{prefix}_other")
    checks: list[bool | None] = []
    if criterion.min_reps is not None:
        checks.append(_at_least(injured, reps_target(criterion, person)))
    if criterion.min_lsi is not None:
        if injured is None or other is None:
            checks.append(None)
        else:
            symmetry = lsi(int(injured), int(other))  # type: ignore[call-overload]
            checks.append(symmetry is not None and symmetry >= criterion.min_lsi)
    if criterion.max_pain is not None:
        checks.append(_at_most(history.latest("heel_raise_pain"), criterion.max_pain))
    return checks


def _runs(
    criterion: Criterion, test: Test, history: History, progress: Progress, today: date
) -> list[bool | None]:
    exercise, floor = test.exercise or "", criterion.min_level or 1
    if criterion.weeks is not None:
        since = [
            day
            for name, day in progress.reached.items()
            if name.startswith(f"{exercise}:") and int(name.split(":")[1]) >= floor
        ]
        return [bool(since) and min(since) <= today - timedelta(weeks=criterion.weeks)]
    next_morning = {m.day - timedelta(days=1): m.pain for m in history.mornings}
    good = [
        session
        for session in history.sessions
        if session.levels.get(exercise, 0) >= floor
        and (
            criterion.max_pain is None
            or (session.during is not None and session.during <= criterion.max_pain)
        )
        and (not criterion.settled_morning or _settled_after(next_morning.get(session.day), history.baseline))
    ]
    return [len(good) >= criterion.times]


def _settled_after(pain: int | None, baseline: int) -> bool:
    return pain is not None and pain <= baseline
