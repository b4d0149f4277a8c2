"""A phase's weekly pattern mapped onto the days a person trains (CLINICAL A23, the key-run day of A22).

Pure: takes a Phase, the chosen weekdays and the key-run day; imports only the programme schema.

The algorithm (`plan_week`), all on the 7-day circle (Sunday is next to Monday):

1. *Key kinds* are the phase's `non_consecutive` kinds (heavy, plyo, run, run_plyo, strength): the loaded
   sessions. A phase without them (the daily phases 0 and 1 of rehab) has no spacing rule: every kind is a
   key kind and every chosen day takes the pattern's session for that day, up to the pattern's count.
2. With a key-run day (A22, prevention), the day before it is unavailable for key kinds (CLINICAL 11: never
   heavy or plyometric work the day before a key workout or race).
3. The key days are the largest set of available chosen days, at most the pattern's count of key sessions,
   with no two on consecutive days (9.3: no consecutive heavy days, runs never on consecutive days; A23).
   Among sets of that size: fewest on the key-run day itself (11: "after easy runs or on easy days"), then
   most days shared with the pattern's key days, then the widest smallest gap, then the earliest days.
4. Kinds go to key days like this: a day the pattern gives a key kind keeps it; the others take the
   pattern's remaining key kinds in week order. With fewer days than the pattern has, each distinct kind
   is kept before any is repeated (with a pattern of run, run_plyo, run, two days are a run and a run with
   plyometrics, not two runs).
5. The other kinds (light, easy) go on the remaining chosen days, at most the pattern's count of them, the
   pattern's own days first, then in week order; they have no spacing rule. A kind that holds a ladder of
   the phase (a menu item with a `top`, which A14 needs at its ceiling before the phase is left) comes
   before one that does not.
5a. A ladder whose session kinds got no day *rides along* on the key days instead (Phase 2's balance on
   the heavy days when no light day is left), on as many of them as the pattern has sessions holding it,
   so the phase can still be finished (`missing` names the kinds that got no day).
6. Every other chosen day is a deliberate rest, with its reason: the day before the key run, next to a key
   day, or the week already holds as many sessions as the pattern.
7. The minimum is the phase's `min_sessions` when the YAML sets it (prevention: 2, CLINICAL 11 "2-3
   sessions/week"), else the pattern's count of key sessions (3 heavy in Phase 2, 3 runs in Phase 4), and 1
   for a phase without spacing rules (a daily phase is every chosen day). When the plan holds fewer key
   sessions, `proposal` is the set of days nearest the chosen ones that holds it: fewest days changed, then
   fewest chosen days dropped, then fewest sessions on the key-run day, then fewest ladders riding along,
   then the most sessions, then the earliest days.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from typing import NamedTuple

from coachbot.programme.schema import WEEKDAYS, Phase, Weekday

REST_REASONS = ("before_key_run", "spacing", "full")
KEY_RUN = "key_run"  # the enrolment flag holding the key-run day (A22)


@dataclass(frozen=True)
class WeekPlan:
    """One phase's week on a person's days: `sessions` (chosen day -> kind, in week order) and `rests`
    (every other chosen day -> one of REST_REASONS); `proposal` only when the minimum is not held."""

    sessions: Mapping[Weekday, str]
    rests: Mapping[Weekday, str]
    key_sessions: int
    minimum: int
    proposal: tuple[Weekday, ...] | None
    riders: Mapping[Weekday, tuple[str, ...]] = field(default_factory=dict)  # exercise ids joining a key day
    missing: tuple[str, ...] = ()  # kinds holding a ladder that got no day

    @property
    def holds_minimum(self) -> bool:
        return self.key_sessions >= self.minimum


class _Pattern(NamedTuple):
    """The hashable part of a Phase that the mapping reads."""

    week: tuple[tuple[Weekday, str], ...]
    spaced: frozenset[str]
    minimum: int | None
    ladders: tuple[tuple[str, frozenset[str]], ...]  # exercise id, the kinds whose sessions hold it


def key_kinds(phase: Phase) -> frozenset[str]:
    """The kinds that count toward the minimum and are kept apart (all kinds when none are)."""
    return frozenset(phase.non_consecutive) or frozenset(phase.week.values())


def plan_week(phase: Phase, chosen: Collection[Weekday], key_run: Weekday | None = None) -> WeekPlan:
    """The phase's pattern on the chosen days, with the proposal when they cannot hold its minimum."""
    return _plan(_pattern(phase), frozenset(chosen), key_run, propose=True)


def propose_days(
    phases: Sequence[Phase], chosen: Collection[Weekday], key_run: Weekday | None = None
) -> tuple[Weekday, ...] | None:
    """The days nearest `chosen` on which every phase holds its minimum (None when no days can)."""
    return _propose(tuple(_pattern(phase) for phase in phases), frozenset(chosen), key_run)


def key_run_day(flags: Mapping[str, object]) -> Weekday | None:
    """The key-run day stored on an enrolment's flags (A22), or None ("none / it varies")."""
    return next((day for day in WEEKDAYS if day == flags.get(KEY_RUN)), None)


def day_before(day: Weekday) -> Weekday:
    return WEEKDAYS[(WEEKDAYS.index(day) - 1) % 7]


def _pattern(phase: Phase) -> _Pattern:
    week = tuple((day, phase.week[day]) for day in WEEKDAYS if day in phase.week)
    kinds = frozenset(phase.week.values())
    ladders = tuple(
        (item.exercise, frozenset(item.sessions) if item.sessions else kinds)
        for item in phase.menu
        if item.top is not None
    )
    return _Pattern(week, frozenset(phase.non_consecutive), phase.min_sessions, ladders)


def _adjacent(first: Weekday, second: Weekday) -> bool:
    return (WEEKDAYS.index(first) - WEEKDAYS.index(second)) % 7 in (1, 6)


def _smallest_gap(days: Sequence[Weekday]) -> int:
    if len(days) < 2:
        return 7
    indexes = [WEEKDAYS.index(day) for day in days]
    return min((indexes[(i + 1) % len(indexes)] - indexes[i]) % 7 for i in range(len(indexes)))


def _bits(days: Collection[Weekday]) -> int:
    return sum(1 << WEEKDAYS.index(day) for day in days)


@cache
def _plan(pattern: _Pattern, chosen: frozenset[Weekday], key_run: Weekday | None, propose: bool) -> WeekPlan:
    week = dict(pattern.week)
    spaced = bool(pattern.spaced)
    key_pattern = [day for day, kind in pattern.week if not spaced or kind in pattern.spaced]
    fill_pattern = [day for day, _kind in pattern.week if day not in key_pattern]
    blocked = day_before(key_run) if key_run is not None and spaced else None
    available = [day for day in WEEKDAYS if day in chosen and day != blocked]
    key_days = _key_days(available, key_pattern, key_run, spaced)
    laddered = frozenset(kind for _exercise, kinds in pattern.ladders for kind in kinds)
    sessions = _assign(key_days, key_pattern, week, laddered)
    others = sorted(
        (day for day in WEEKDAYS if day in chosen and day not in sessions),
        key=lambda day: (day not in fill_pattern, WEEKDAYS.index(day)),
    )
    sessions.update(_assign(others[: len(fill_pattern)], fill_pattern, week, laddered))
    riders, missing = _riders(pattern, sessions, key_days)
    rests = {
        day: _reason(day, blocked, key_days if spaced else ())
        for day in WEEKDAYS
        if day in chosen and day not in sessions
    }
    minimum = pattern.minimum or (len(key_pattern) if spaced else 1)
    held = len(key_days) >= minimum
    proposal = None if held or not propose else _propose((pattern,), chosen, key_run)
    ordered = {day: sessions[day] for day in WEEKDAYS if day in sessions}
    return WeekPlan(ordered, rests, len(key_days), minimum, proposal, riders, missing)


def _riders(
    pattern: _Pattern, sessions: Mapping[Weekday, str], key_days: Sequence[Weekday]
) -> tuple[dict[Weekday, tuple[str, ...]], tuple[str, ...]]:
    """Step 5a: ladders without a day of their kind join the first key days; and the kinds missing."""
    riders: dict[Weekday, tuple[str, ...]] = {}
    missing: list[str] = []
    placed = set(sessions.values())
    for exercise, kinds in pattern.ladders:
        if kinds & placed:
            continue
        missing.extend(kind for _day, kind in pattern.week if kind in kinds and kind not in missing)
        count = sum(kind in kinds for _day, kind in pattern.week)
        for day in key_days[:count]:
            riders[day] = (*riders.get(day, ()), exercise)
    return riders, tuple(missing)


def _key_days(
    available: Sequence[Weekday], key_pattern: Sequence[Weekday], key_run: Weekday | None, spaced: bool
) -> tuple[Weekday, ...]:
    """Step 3: the largest spaced set of available days, ranked as the module docstring says."""
    for size in range(min(len(key_pattern), len(available)), 0, -1):
        sets = [
            days
            for days in combinations(available, size)
            if not spaced or not any(_adjacent(a, b) for a, b in combinations(days, 2))
        ]
        if sets:
            return min(
                sets,
                key=lambda days: (
                    days.count(key_run) if key_run else 0,
                    -len(set(days) & set(key_pattern)),
                    -_smallest_gap(days),
                    _bits(days),
                ),
            )
    return ()


def _assign(
    days: Sequence[Weekday],
    pattern_days: Sequence[Weekday],
    week: Mapping[Weekday, str],
    laddered: frozenset[str],
) -> dict[Weekday, str]:
    """Steps 4 and 5: the pattern's kinds on `days`, each distinct kind before any repeat (kinds holding a
    ladder first)."""
    kinds = [week[day] for day in pattern_days]
    firsts = sorted(
        (i for i, kind in enumerate(kinds) if kind not in kinds[:i]), key=lambda i: kinds[i] not in laddered
    )
    picked = sorted((firsts + [i for i in range(len(kinds)) if i not in firsts])[: len(days)])
    remaining = [kinds[i] for i in picked]
    result: dict[Weekday, str] = {}
    for day in days:
        if week.get(day) in remaining and day in pattern_days:
            result[day] = week[day]
            remaining.remove(week[day])
    for day in days:
        if day not in result:
            result[day] = remaining.pop(0)
    return result


def _reason(day: Weekday, blocked: Weekday | None, key_days: Sequence[Weekday]) -> str:
    if day == blocked:
        return "before_key_run"
    if any(_adjacent(day, other) for other in key_days):
        return "spacing"
    return "full"


@cache
def _propose(
    patterns: tuple[_Pattern, ...], chosen: frozenset[Weekday], key_run: Weekday | None
) -> tuple[Weekday, ...] | None:
    """Step 7: every set of days, nearest first, until one holds every pattern's minimum."""
    best: tuple[tuple[int, ...], tuple[Weekday, ...]] | None = None
    for mask in range(1, 128):
        days = frozenset(day for index, day in enumerate(WEEKDAYS) if mask >> index & 1)
        plans = [_plan(pattern, days, key_run, propose=False) for pattern in patterns]
        if not all(plan.holds_minimum for plan in plans):
            continue
        on_key_run = sum(key_run in plan.sessions for plan in plans)
        sessions = sum(plan.key_sessions for plan in plans)
        riding = sum(len(plan.missing) for plan in plans)
        rank = (len(days ^ chosen), len(chosen - days), on_key_run, riding, -sessions, mask)
        if best is None or rank < best[0]:
            best = (rank, tuple(day for day in WEEKDAYS if day in days))
    return None if best is None else best[1]
