"""Pain zones (CLINICAL 9.1): session zone by phase group, next-morning zone against the baseline.

Pure functions of the check-in numbers and the programme's `rules`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

from coachbot.coaching.constants import BASELINE_EXCLUDE_DAYS_AFTER_REGRESS, BASELINE_WEEKS
from coachbot.coaching.progress import Morning
from coachbot.programme.schema import Group, Rules

Zone = Literal["green", "amber", "red"]


def session_zone(rules: Rules, group: Group, during: int | None, after: int | None) -> Zone:
    """Green/amber/red for D and A; prevention reads D only ("ordinary soreness not counted")."""
    cut = rules.zones[group]
    scores = [during] if group == "PREV" else [during, after]
    known = [score for score in scores if score is not None]
    if any(score > cut.amber_max for score in known):
        return "red"
    if any(score > cut.green_max for score in known):
        return "amber"
    return "green"


def above_limit(
    rules: Rules, group: Group, during: int | None, after: int | None
) -> tuple[int, Literal["during", "after", "both"]] | None:
    """The worst session score above the group's limit (what makes the session red) and when it was felt,
    or None; prevention reads D only, as `session_zone` does."""
    cut = rules.zones[group].amber_max
    over_during = during is not None and during > cut
    over_after = group != "PREV" and after is not None and after > cut
    if not (over_during or over_after):
        return None
    worst = max(score for score, over in ((during, over_during), (after, over_after)) if over and score)
    return worst, "both" if over_during and over_after else "during" if over_during else "after"


def morning_zone(rules: Rules, morning: int, baseline: int) -> Zone:
    """Settled (M <= B), slightly up (M = B+1), up (M >= B+2 or M >= the absolute red line)."""
    if morning >= baseline + rules.morning_red_delta or morning >= rules.morning_abs_red:
        return "red"
    if morning >= baseline + rules.morning_amber_delta:
        return "amber"
    return "green"


def baseline(
    rules: Rules,
    mornings: Sequence[Morning],
    session_day: date,
    regress_days: Sequence[date],
    at_enrolment: int,
) -> int:
    """B (CLINICAL A18): the lower of the enrolment baseline and the lowest weekly mean M of the last four
    weeks up to the session day, rounded down, mornings just after a regress left out. It never drifts up
    with pain that creeps up week by week."""
    excluded = {
        day + timedelta(days=offset)
        for day in regress_days
        for offset in range(BASELINE_EXCLUDE_DAYS_AFTER_REGRESS + 1)
    }
    sums, counts = [0] * BASELINE_WEEKS, [0] * BASELINE_WEEKS
    for morning in mornings:  # weekly windows ending on the session day, 7 days apart
        if morning.pain is None or morning.day in excluded:
            continue
        week = (session_day - morning.day).days // 7
        if 0 <= week < BASELINE_WEEKS:
            sums[week] += morning.pain
            counts[week] += 1
    means = [total / count for total, count in zip(sums, counts, strict=True) if count]
    # rounding down keeps the baseline low, which makes amber and red come sooner (the cautious side)
    return math.floor(min([at_enrolment, *means]))
