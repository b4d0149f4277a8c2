"""Which weekly self-tests that load the calf may be asked today (CLINICAL A20, with A17 and A16): pure.

A20: Phase 0 has no test to fatigue (walking pain and the double-leg raise pain only); single-leg heel
raises to fatigue from Phase 1 and only when walking pain is 2/10 or less; pogo or hop tests only in
Phase 3+ after the plyometric floor; single-leg hop tests only once P5 is reached. The Phase 2 exit needs
10 pogo hops (CLINICAL 10.2), so A20 and 10.2 read together: in Phase 2 pogo is asked only once the
plyometric floor has passed (the last part of Phase 2, the days it may end). A17: `no_plyometrics` removes
every pogo and hop test until a clinician sets a plyometric level. A16: a level the clinician set stands in
for the plyometric floor.
Prevention: no walking-pain gate and no time floor (healthy runners); pogo once the plyometric ladder is
at the pogo level, single-leg hops from block 2 once P5 is reached.
What is *worth* asking in a phase (its exit tests) stays in core/features/weekly_check.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from coachbot.coaching.clinician import clinician_allows
from coachbot.coaching.facts import Person
from coachbot.coaching.progress import Progress
from coachbot.programme.schema import Exercise, Programme

HEEL_RAISE = "sl_heel_raise"
BENT_KNEE = "bent_knee_raise"
POGO = "pogo_hops"
HOPS = "sl_hops"
LOADING_TESTS = frozenset({HEEL_RAISE, BENT_KNEE, POGO, HOPS})

WALKING_PAIN_MAX = 2  # A20: single-leg raises to fatigue only when walking pain <= 2
FATIGUE_FROM_PHASE = 1  # A20: no test to fatigue in Phase 0
POGO_FROM_PHASE = 2  # A20 + 10.2: Phase 3+, or Phase 2 once the plyometric floor has passed
HOPS_FROM_PHASE = 3  # A20: Phase 3+
POGO_LEVEL = 2  # P2 double-leg pogo jumps (10.1 E8)
HOP_LEVEL = 5  # A20: single-leg hop tests only once P5 is reached
HOPS_FROM_BLOCK = 2  # prevention: single-leg hops are block 2's (CLINICAL 11)


def allowed(
    programme: Programme,
    progress: Progress,
    person: Person,
    walking_pain: int | None,
    flags: Mapping[str, object],
    today: date,
) -> frozenset[str]:
    """The test ids of LOADING_TESTS that may be asked today; `walking_pain` is the latest known (None
    when never answered, which keeps the tests to fatigue out)."""
    ladder = plyometric_ladder(programme)
    level = progress.levels.get(ladder.id, 0) if ladder is not None else 0
    # A17: no_plyometrics until a clinician's OK, which a plyometric level they set is (as coaching/pain_limits.py)
    plyometrics = ladder is not None and (
        not flags.get("no_plyometrics") or clinician_allows(flags, ladder.id, 1)
    )
    found: set[str] = set()
    if programme.track == "prevention":
        found |= {HEEL_RAISE, BENT_KNEE}
        if plyometrics and level >= POGO_LEVEL:
            found.add(POGO)
        if plyometrics and progress.phase >= HOPS_FROM_BLOCK and level >= HOP_LEVEL:
            found.add(HOPS)
        return frozenset(found)
    if progress.phase >= FATIGUE_FROM_PHASE and walking_pain is not None and walking_pain <= WALKING_PAIN_MAX:
        found |= {HEEL_RAISE, BENT_KNEE}
    if not plyometrics or ladder is None:
        return frozenset(found)
    if progress.phase >= POGO_FROM_PHASE and _floor_passed(
        programme, person, today, flags, ladder, POGO_LEVEL
    ):
        found.add(POGO)
    if (
        progress.phase >= HOPS_FROM_PHASE
        and level >= HOP_LEVEL
        and _floor_passed(programme, person, today, flags, ladder, HOP_LEVEL)
    ):
        found.add(HOPS)
    return frozenset(found)


def plyometric_ladder(programme: Programme) -> Exercise | None:
    """The programme's plyometric ladder (E8 in both shipped programmes): its longest plyometric exercise."""
    ladders = [exercise for exercise in programme.exercises if exercise.kind == "plyometric"]
    return max(ladders, key=lambda exercise: len(exercise.levels), default=None)


def plyometric_floor_passed(programme: Programme, person: Person, today: date) -> bool:
    """CLINICAL 9.4: the plyometric time floor of the person's grade has passed (counted like
    coaching/weekly.py counts it: days since the injury, or since the start without one). No floor for
    the person in the programme counts as not passed."""
    floor = programme.time_floors.get(person.floor_key)
    start = person.injured_on or person.started_on
    return floor is not None and (today - start).days >= floor.plyometrics


def _floor_passed(
    programme: Programme,
    person: Person,
    today: date,
    flags: Mapping[str, object],
    ladder: Exercise,
    level: int,
) -> bool:
    # A16: "unless the clinician set them" -- a clinician who set the ladder this high decided the timing
    return plyometric_floor_passed(programme, person, today) or clinician_allows(flags, ladder.id, level)
