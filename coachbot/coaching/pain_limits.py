"""What a day's session may contain for this person, whatever their levels say (CLINICAL A13, A16, A17).

Applied by `plan.todays_session` after the light day and skip-the-next-run, so the pushed prompt, /today,
the check-in questions and the credit all see the same limits (A21). Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from coachbot.coaching.clinician import clinician_allows
from coachbot.coaching.constants import CLINICIAN_STEP_DAY
from coachbot.coaching.facts import Person
from coachbot.coaching.progress import Progress
from coachbot.programme.schema import Exercise, Level, Programme


def allowed_level(
    programme: Programme,
    exercise: Exercise,
    level: int,
    progress: Progress,
    person: Person | None,
    flags: Mapping[str, object],
    day: date,
) -> int | None:
    """The level to prescribe instead of `level`, or None to leave the exercise out today.

    - The phase's ceiling caps a level left above it by a step back (row 6 lowers one level a day, A13);
      after graduation R10 stands.
    - `no_plyometrics` leaves every plyometric item out until a clinician sets a level for it (A17).
    - Clinician-led: no plyometric item before the plyometric floor and no heel below step level before
      day 42, unless the clinician set that exercise at this level or above (A16).
    - `achilles_check` keeps heel drops above step level in Phase 1 (A17).
    """
    set_by_clinician = clinician_allows(flags, exercise.id, level)
    phase = programme.phase(progress.phase)
    item = next((item for item in phase.menu if item.exercise == exercise.id), None)
    if item is not None and progress.graduated_on is None:
        level = min(level, item.ceiling)
    if exercise.kind == "plyometric" and not set_by_clinician:
        if flags.get("no_plyometrics"):
            return None
        if _clinician_led(person) and _days_since_injury(person, day) < _floor(programme, "plyometrics"):
            return None
    step_gate = (_clinician_led(person) and _days_since_injury(person, day) < CLINICIAN_STEP_DAY) or (
        bool(flags.get("achilles_check")) and progress.phase == 1
    )
    if step_gate and not set_by_clinician:
        level = _above_step(exercise, level)
    return level


def with_extra_set(level: Level) -> Level:
    """One more set of the same dose (A17: `soleus_emphasis` adds one bent-knee set)."""
    sets = level.sets
    if sets is None:
        return level
    bumped = sets.model_copy(update={"low": sets.low + 1, "high": sets.high + 1})
    return level.model_copy(update={"sets": bumped})


def _above_step(exercise: Exercise, level: int) -> int:
    """The highest level at or below `level` that keeps the heel above step level."""
    while level > 1 and exercise.levels[level - 1].below_step:
        level -= 1
    return level


def _clinician_led(person: Person | None) -> bool:
    return person is not None and person.grade == "clinician_led"


def _days_since_injury(person: Person | None, day: date) -> int:
    if person is None:
        return 0
    return (day - (person.injured_on or person.started_on)).days


def _floor(programme: Programme, kind: str) -> int:
    floor = programme.time_floors.get("clinician_led")
    return int(getattr(floor, kind)) if floor is not None else 0
