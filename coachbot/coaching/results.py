"""The weekly results a person sees after each weekly check (issue 13 item 7): reps per leg and limb
symmetry (LSI), then what the next phase or graduation needs and what is still missing (CLINICAL A14,
A15, A20). Pure: reads a Readiness and the history; wording from texts/results.py.
"""

from __future__ import annotations

from datetime import date

from coachbot.coaching import criteria
from coachbot.coaching.facts import History, Person
from coachbot.coaching.readiness import Readiness
from coachbot.coaching.symmetry import lsi
from coachbot.programme.schema import Criterion, Phase, Programme
from coachbot.texts import results as texts

_TESTS = (("sl_heel_raise", "heel_raise"), ("bent_knee_raise", "bent_knee"))


def this_week(programme: Programme, history: History, today: date) -> list[str]:
    """The heel-raise tests answered at this weekly check, per leg with their LSI."""
    reports = [report for report in history.weekly if report.day == today]

    def answer(name: str) -> int | None:
        return next((value for r in reports if (value := getattr(r, name)) is not None), None)

    lines = []
    for test_id, field in _TESTS:
        injured, other = answer(f"{field}_injured"), answer(f"{field}_other")
        name = _test_name(programme, test_id)
        if injured is not None and other:
            if programme.track == "prevention":  # no injured leg: the weaker against the stronger
                weaker, stronger = sorted((injured, other))
                lines.append(
                    texts.LEGS_BOTH.format(
                        name=name, injured=weaker, other=stronger, lsi=lsi(weaker, stronger)
                    )
                )
            else:
                lines.append(
                    texts.LEGS.format(name=name, injured=injured, other=other, lsi=lsi(injured, other))
                )
        elif injured is not None:
            lines.append(texts.LEGS_ONE.format(name=name, count=injured))
    return lines


def report(
    programme: Programme,
    history: History,
    person: Person,
    found: Readiness,
    following: Phase | None,
    today: date,
) -> str:
    """The whole message: this week's tests, then the next phase's conditions with what is missing
    (prevention blocks follow the calendar; clinician-led people follow their clinician)."""
    lines = [texts.HEADER, *(this_week(programme, history, today) or [texts.NO_TESTS])]
    if person.grade == "clinician_led":
        return "\n".join([*lines, texts.CLINICIAN])
    if programme.track == "prevention":
        if following is not None:
            week = following.typical_weeks["all"].low if "all" in following.typical_weeks else None
            if week is not None:
                lines.append(texts.BLOCK.format(number=following.number, name=following.name, week=week))
        return "\n".join(lines)
    lines.append(
        texts.GRADUATION
        if following is None
        else texts.NEXT.format(number=following.number, name=following.name)
    )
    missing = _missing(programme, person, found)
    lines += [texts.STILL, *missing] if missing else [texts.ALL_MET]
    return "\n".join(lines)


def _missing(programme: Programme, person: Person, found: Readiness) -> list[str]:
    lines = []
    for ladder in found.ladders:
        exercise = programme.exercise(ladder.exercise)
        tag = exercise.levels[ladder.ceiling - 1].tag
        if ladder.level < ladder.ceiling:
            now = exercise.levels[ladder.level - 1].tag
            lines.append(texts.LADDER.format(exercise=exercise.name, tag=tag, now=now))
        else:
            lines.append(
                texts.AT_TOP.format(
                    exercise=exercise.name, tag=tag, greens=ladder.greens, needed=ladder.needed
                )
            )
    for criterion, met in found.criteria:
        if met is True:
            continue
        test = programme.test(criterion.test)
        if met is None and test.measure != "level":
            lines.append(texts.UNKNOWN.format(what=test.name))
        else:
            lines.append(
                texts.CRITERION.format(name=test.name, parts=", ".join(_parts(programme, criterion, person)))
            )
    if found.floor_from is not None:
        lines.append(texts.FLOOR.format(date=found.floor_from.strftime("%a %d %b")))
    if found.quiet_from is not None:
        lines.append(texts.QUIET.format(date=found.quiet_from.strftime("%a %d %b")))
    return lines


def _parts(programme: Programme, criterion: Criterion, person: Person) -> list[str]:
    """What one criterion asks for, in words."""
    test = programme.test(criterion.test)
    parts = []
    target = criteria.reps_target(criterion, person)
    if target is not None:
        parts.append(texts.REPS.format(count=target))
    if criterion.min_lsi is not None:
        parts.append(texts.LSI.format(lsi=criterion.min_lsi))
    if test.measure == "level" and test.exercise is not None:
        tag = programme.exercise(test.exercise).levels[(criterion.min_level or 1) - 1].tag
        if criterion.weeks is not None:
            parts.append(texts.WEEKS_AT.format(weeks=criterion.weeks, tag=tag))
        else:
            parts.append(texts.RUNS.format(times=criterion.times, tag=tag))
    if criterion.min_minutes is not None:
        parts.append(texts.MINUTES.format(minutes=criterion.min_minutes))
    if criterion.min_seconds is not None:
        parts.append(texts.SECONDS.format(seconds=criterion.min_seconds))
    if criterion.min_score is not None:
        parts.append(texts.SCORE.format(score=criterion.min_score))
    if criterion.max_pain is not None:
        parts.append(texts.PAIN.format(pain=criterion.max_pain))
    if criterion.control is not None:
        parts.append(texts.CONTROL)
    if criterion.symmetric:
        parts.append(texts.SAME)
    if criterion.settled_morning:
        parts.append(texts.SETTLED)
    return parts


def _test_name(programme: Programme, test_id: str) -> str:
    try:
        return programme.test(test_id).name
    except KeyError:
        return test_id
