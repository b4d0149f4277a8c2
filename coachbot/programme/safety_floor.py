"""What a custom programme may not do: loosen the safety thresholds below the shipped programmes' defaults.

A club may change content, doses and levels, but every pain cut-off, morning rule, referral window,
rest period, time floor (the table here, the phases using it in phase_floors.py, CLINICAL A25), phase
exit and graduation rule (leave_floor.py, A14, A15) and prevention caution must be at least as strict as
the shipped programme of the same track. The red-flag rules are code, not YAML, so no upload can change
them. Each finding is a path
into the YAML (so the loader can name its line) and a message saying what the default is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from coachbot.programme import leave_floor, phase_floors
from coachbot.programme.schema import Programme
from coachbot.programme.yamltree import Path

Finding = tuple[Path, str]
# rule fields where a larger number is looser (later alarms, higher pain allowed)
AT_MOST = ("pain_stop", "morning_amber_delta", "morning_red_delta", "morning_abs_red", "week_worse_delta",
           "silence_pause_days", "injury_triage_pain", "injury_triage_mornings",
           "soreness_days", "soreness_new_days", "soreness_max")  # fmt: skip
AT_LEAST = ("stop_rest_hours",)


def looser(custom: Programme, shipped: Mapping[str, Programme]) -> list[Finding]:
    """Every way `custom` is less strict than the shipped programme(s) of its track."""
    baselines = [p for p in shipped.values() if p.track == custom.track]
    return [finding for baseline in baselines for finding in _compare(custom, baseline)]


def _compare(custom: Programme, default: Programme) -> Iterator[Finding]:
    rules, base = custom.rules, default.rules
    strictest = min(zone.amber_max for zone in base.zones.values())
    for group, zone in rules.zones.items():
        cut = base.zones.get(group)
        green, amber = (cut.green_max, cut.amber_max) if cut else (strictest, strictest)
        if zone.green_max > green:
            yield ("rules", "zones", group, "green_max"), _more("green_max", zone.green_max, green)
        if zone.amber_max > amber:
            yield ("rules", "zones", group, "amber_max"), _more("amber_max", zone.amber_max, amber)
    for name in AT_MOST:
        mine, limit = getattr(rules, name), getattr(base, name)
        if limit is not None and (mine is None or mine > limit):
            yield ("rules", name), _more(name, mine, limit)
    for name in AT_LEAST:
        if getattr(rules, name) < getattr(base, name):
            yield (
                ("rules", name),
                f"{name} {getattr(rules, name)} is shorter than the default {getattr(base, name)}",
            )
    for window in base.regress_refer:
        if not any(w.count <= window.count and w.days >= window.days for w in rules.regress_refer):
            yield (
                ("rules", "regress_refer"),
                (f"must still refer after {window.count} regressions in {window.days} days (the default)"),
            )
    yield from _floors(custom, default)
    yield from phase_floors.findings(custom, default)  # A25: the phases that use the floors
    yield from leave_floor.findings(custom, default)  # A14, A15: leaving a phase, graduating
    yield from _cautious(custom, default)
    yield from _starting_dose(custom, default)


def _floors(custom: Programme, default: Programme) -> Iterator[Finding]:
    for grade, floor in default.time_floors.items():
        mine = custom.time_floors.get(grade)
        for name in ("loading", "plyometrics", "running"):
            limit = getattr(floor, name)
            value = getattr(mine, name) if mine is not None else None
            if value is None or value < limit:
                path: Path = ("time_floors", grade, name) if mine is not None else ("time_floors",)
                yield path, f"{grade} {name} may not start before day {limit} (the default), not {value}"


def _cautious(custom: Programme, default: Programme) -> Iterator[Finding]:
    base, mine = default.cautious, custom.cautious
    if base is None:
        return
    if mine is None:
        yield ("track",), "the prevention cautions for a previous strain or age 40+ may not be removed"
        return
    checks = (
        ("min_age", mine.min_age > base.min_age, base.min_age),
        ("plyo_cap_level", mine.plyo_cap_level > base.plyo_cap_level, base.plyo_cap_level),
        (
            "plyo_cap_until_week",
            mine.plyo_cap_until_week < base.plyo_cap_until_week,
            base.plyo_cap_until_week,
        ),
        ("repeat_first_week", base.repeat_first_week and not mine.repeat_first_week, True),
        ("soleus_emphasis", base.soleus_emphasis and not mine.soleus_emphasis, True),
    )
    for name, loosened, limit in checks:
        if loosened:
            yield ("cautious", name), f"{name} is looser than the default ({limit})"


def _starting_dose(custom: Programme, default: Programme) -> Iterator[Finding]:
    """CLINICAL A22: the starting dose may be gentler than the shipped one, never bolder."""
    base, mine = default.starting_dose, custom.starting_dose
    if base is None:
        return
    if mine is None:
        yield ("track",), "the prevention starting dose (baseline test, age, plyometrics) may not be removed"
        return
    checks = (
        ("min_raises", mine.min_raises < base.min_raises, base.min_raises),
        ("older_age", mine.older_age > base.older_age, base.older_age),
        ("plyometrics_after_weeks", mine.plyometrics_after_weeks < base.plyometrics_after_weeks,
         base.plyometrics_after_weeks),
    )  # fmt: skip
    for name, loosened, limit in checks:
        if loosened:
            yield ("starting_dose", name), f"{name} {getattr(mine, name)} is looser than the default {limit}"
    ids = {exercise.id for exercise in custom.exercises}
    for exercise, level in base.low_capacity.items():
        own = mine.low_capacity.get(exercise)
        if exercise in ids and (own is None or own > level):
            shown = "no level" if own is None else f"level {own}"
            yield (
                ("starting_dose", "low_capacity"),
                f"starting_dose {exercise} {shown} is looser than the default {level}",
            )


def _more(name: str, value: object, limit: object) -> str:
    return f"{name} {value} is looser than the default {limit}: custom programmes may not raise it"
