"""Cross-reference checks on a parsed programme: every name a phase uses must exist, and fit.

Each problem is returned with the path of the value at fault, so the loader can name its line.
"""

from __future__ import annotations

from collections.abc import Iterator

from coachbot.programme.schema import WEEKDAYS, Criterion, Phase, Programme, Test
from coachbot.programme.yamltree import Path

Problem = tuple[Path, str]

# Which criterion fields make sense for each kind of measurement.
_FIELDS_BY_MEASURE: dict[str, set[str]] = {
    "reps_per_leg": {"min_reps", "reps_floor", "age_norm", "min_lsi", "max_pain"},
    "pain": {"max_pain", "settled_morning"},
    "pain_and_symmetry": {"max_pain", "symmetric", "settled_morning"},
    "pain_and_control": {"max_pain", "control"},
    "seconds": {"min_seconds"},
    "minutes": {"min_minutes", "max_pain", "no_limp"},
    "score": {"min_score"},
    "level": {"min_level", "max_pain", "settled_morning", "weeks"},
}
_ALWAYS = {"test", "times", "note"}


def check(programme: Programme) -> list[Problem]:
    """All cross-reference problems, in file order."""
    problems = list(_unique_ids(programme))
    tests = {test.id: test for test in programme.tests}
    for index, test in enumerate(programme.tests):
        if test.exercise is not None and test.exercise not in _exercise_ids(programme):
            problems.append((("tests", index, "exercise"), f"no exercise {test.exercise}"))
    numbers = [phase.number for phase in programme.phases]
    expected = list(range(numbers[0], numbers[0] + len(numbers)))
    if numbers != expected:
        problems.append((("phases",), f"phases must be numbered consecutively; found {numbers}"))
    for index, phase in enumerate(programme.phases):
        problems.extend(_phase(programme, phase, ("phases", index)))
        for position, criterion in enumerate(phase.exit):
            problems.extend(_criterion(criterion, tests, ("phases", index, "exit", position)))
        for flag, extra in phase.leave.with_flag.items():
            for position, criterion in enumerate(extra):
                where = ("phases", index, "leave", "with_flag", flag, position)
                problems.extend(_criterion(criterion, tests, where))
        if phase.floor is not None and programme.track == "rehab" and not programme.time_floors:
            problems.append(((*("phases", index), "floor"), "a floor needs time_floors in the programme"))
    problems.extend(_graduation(programme))
    problems.extend(_starting_dose(programme))
    for week in programme.retest_weeks:
        if not 1 <= week <= programme.weeks:
            problems.append((("retest_weeks",), f"week {week} is outside weeks 1-{programme.weeks}"))
    return problems


def _exercise_ids(programme: Programme) -> set[str]:
    return {exercise.id for exercise in programme.exercises}


def _unique_ids(programme: Programme) -> Iterator[Problem]:
    sections = (
        ("exercises", [exercise.id for exercise in programme.exercises]),
        ("tests", [test.id for test in programme.tests]),
    )
    for section, ids in sections:
        for index, item_id in enumerate(ids):
            if item_id in ids[:index]:
                yield ((section, index, "id"), f"{item_id} is defined twice")


def _phase(programme: Programme, phase: Phase, at: Path) -> Iterator[Problem]:
    exercises = {exercise.id: exercise for exercise in programme.exercises}
    kinds = set(phase.week.values())
    menu_ids = [item.exercise for item in phase.menu]
    for position, item in enumerate(phase.menu):
        where = (*at, "menu", position)
        exercise = exercises.get(item.exercise)
        if exercise is None:
            yield ((*where, "exercise"), f"no exercise {item.exercise}")
            continue
        for field, number in (("start", item.start), ("top", item.ceiling)):
            if exercise.level(number) is None:
                yield ((*where, field), f"ladder {exercise.id} has no level {number}")
        if item.ceiling < item.start:
            yield ((*where, "top"), f"top level {item.ceiling} is below start level {item.start}")
        for kind in item.sessions or ():
            if kind not in kinds:
                yield (
                    (*where, "sessions"),
                    f"no {kind!r} session in this phase's week ({sorted(kinds)})",
                )
    if len(set(menu_ids)) != len(menu_ids):
        yield ((*at, "menu"), "an exercise appears twice in the menu")
    for position, exercise_id in enumerate(phase.priority):
        if exercise_id not in menu_ids:
            yield ((*at, "priority", position), f"{exercise_id} is not in this phase's menu")
    for kind in phase.non_consecutive:
        if kind not in kinds:
            yield ((*at, "non_consecutive"), f"no {kind!r} session in this phase's week")
    keys = [kind for kind in phase.week.values() if kind in (phase.non_consecutive or kinds)]
    if phase.min_sessions is not None and phase.min_sessions > len(keys):  # CLINICAL A23
        yield ((*at, "min_sessions"), f"the week has only {len(keys)} sessions of its key kinds")
    spaced = [WEEKDAYS.index(day) for day, kind in phase.week.items() if kind in phase.non_consecutive]
    if any((a - b) % 7 == 1 for a in spaced for b in spaced):
        names = "/".join(phase.non_consecutive)
        yield ((*at, "week"), f"{names} sessions fall on consecutive days")


def _graduation(programme: Programme) -> Iterator[Problem]:
    """The graduation level is one above the last phase's ceiling for that ladder (CLINICAL A13, A15)."""
    graduation = programme.graduation
    if graduation is None:
        return
    exercises = {exercise.id: exercise for exercise in programme.exercises}
    ladder = exercises.get(graduation.exercise)
    if ladder is None or ladder.level(graduation.level) is None:
        yield (("graduation", "level"), f"no level {graduation.level} of {graduation.exercise}")
        return
    last = programme.phases[-1]
    item = next((item for item in last.menu if item.exercise == graduation.exercise), None)
    if item is None or item.ceiling != graduation.level - 1:
        yield (
            ("graduation", "exercise"),
            f"the last phase's top for {graduation.exercise} must be level {graduation.level - 1}",
        )
    for position, kept in enumerate(graduation.maintenance):
        exercise = exercises.get(kept.exercise)
        if exercise is None or exercise.level(kept.level) is None:
            yield (("graduation", "maintenance", position), f"no level {kept.level} of {kept.exercise}")


def _starting_dose(programme: Programme) -> Iterator[Problem]:
    """CLINICAL A22: each low-capacity start names an exercise and one of its levels."""
    if programme.starting_dose is None:
        return
    exercises = {exercise.id: exercise for exercise in programme.exercises}
    for exercise_id, level in programme.starting_dose.low_capacity.items():
        where: Path = ("starting_dose", "low_capacity", exercise_id)
        exercise = exercises.get(exercise_id)
        if exercise is None:
            yield where, f"no exercise {exercise_id}"
        elif exercise.level(level) is None:
            yield where, f"ladder {exercise_id} has no level {level}"


def _criterion(criterion: Criterion, tests: dict[str, Test], at: Path) -> Iterator[Problem]:
    test = tests.get(criterion.test)
    if test is None:
        yield ((*at, "test"), f"exit criterion names unknown test {criterion.test!r}")
        return
    allowed = _FIELDS_BY_MEASURE[test.measure] | _ALWAYS
    for field in sorted(criterion.model_fields_set - allowed):
        yield ((*at, field), f"{field} does not apply to {test.id} (it measures {test.measure})")
