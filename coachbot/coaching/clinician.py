"""What a person's clinician set (CLINICAL A16), read from the enrolment's flags: pure, no I/O.

`/clinician` (core/features/clinician_led.py) stores `clinician_phase`, `clinician_levels` ({exercise: level})
and `clinician_on` (the day the clinician was seen); the prescription asks `clinician_allows` before
giving an item A16 gates (plyometrics before the plyometric floor, heel drops below a step before day 42).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date


def clinician_levels(flags: Mapping[str, object]) -> dict[str, int]:
    """The levels the clinician set, exercise id -> level (empty when none were recorded)."""
    recorded = flags.get("clinician_levels")
    if not isinstance(recorded, Mapping):
        return {}
    levels: dict[str, int] = {}
    for exercise, level in recorded.items():
        try:
            levels[str(exercise)] = int(level)
        except (TypeError, ValueError):
            continue  # a damaged record allows nothing
    return levels


def clinician_allows(flags: Mapping[str, object], exercise_id: str, level: int) -> bool:
    """A16: True when the person's clinician set `exercise_id` at `level` or above."""
    set_at = clinician_levels(flags).get(exercise_id)
    return set_at is not None and set_at >= level


def clinician_seen_on(flags: Mapping[str, object]) -> date | None:
    """The day the person saw the clinician whose word is recorded, if any."""
    seen = flags.get("clinician_on")
    try:
        return date.fromisoformat(seen) if isinstance(seen, str) else None
    except ValueError:
        return None
