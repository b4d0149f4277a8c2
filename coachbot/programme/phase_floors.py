"""CLINICAL A25: an upload keeps a time floor on every plyometric and running phase, checked on the phases
that use the floors, not only on the `time_floors` numbers (safety_floor.py compares those).

Phases are entered in order, so a phase can start no earlier than the strictest floor of it and of every
phase before it: its *effective* floor. Against the shipped programme of the same track:
- each menu item of kind plyometric or running needs, on its own phase, a floor at least as strict as the
  shipped programme puts on a phase giving that exercise at that level (P1 rebounding raises: none, in the
  shipped Phase 2; P2+: `plyometrics`; runs: `running`), and an effective floor at least as strict as the
  shipped one there; an exercise or level the shipped programme never gives needs its kind's floor;
- each phase starts no earlier than the shipped phase of the same number (effective floors compared).
A programme track whose shipped programme has no time floors (prevention) needs none. The check trusts
each exercise's `kind:`. Imports only the schema and yamltree.
"""

from __future__ import annotations

from collections.abc import Iterator

from coachbot.programme.schema import Phase, Programme
from coachbot.programme.yamltree import Path

Finding = tuple[Path, str]
NAMES = (None, "loading", "plyometrics", "running")  # weakest first
RANK = {name: rank for rank, name in enumerate(NAMES)}
KIND_FLOOR = {"plyometric": RANK["plyometrics"], "running": RANK["running"]}


def findings(custom: Programme, default: Programme) -> Iterator[Finding]:
    """Every phase of `custom` that may start earlier than the shipped programme allows."""
    if not default.time_floors:
        return
    shipped_effective = _effective(default)
    given = _given(default, shipped_effective)
    effective = _effective(custom)
    for index, phase in enumerate(custom.phases):
        own, start = RANK[phase.floor], effective[phase.number]
        baseline = _baseline(default, shipped_effective, phase.number)
        if start < baseline:
            yield (
                ("phases", index, "floor"),
                f"phase {phase.number} may not start before the shipped programme's phase {phase.number}: it "
                f"needs `floor: {NAMES[baseline]}` (on it or a phase before it); it has {_has(phase)}",
            )
        yield from _menu(custom, phase, index, own, start, given)


def _menu(
    custom: Programme,
    phase: Phase,
    index: int,
    own: int,
    start: int,
    given: dict[tuple[str, int], tuple[int, int]],
) -> Iterator[Finding]:
    for position, item in enumerate(phase.menu):
        exercise = custom.exercise(item.exercise)
        if exercise.kind not in KIND_FLOOR:
            continue
        levels = range(item.start, item.ceiling + 1)
        needs = {level: given.get((exercise.id, level), (KIND_FLOOR[exercise.kind],) * 2) for level in levels}
        level, (need_own, need_start) = max(needs.items(), key=lambda pair: pair[1])
        if own >= need_own and start >= need_start:
            continue
        rung = exercise.level(level)
        tag = rung.tag if rung is not None else f"L{level}"
        where = "on this phase" if own < need_own else "on this phase or one before it"
        yield (
            ("phases", index, "menu", position, "exercise"),
            f"{exercise.name} {tag} ({exercise.kind}) needs `floor: {NAMES[max(need_own, need_start)]}` "
            f"{where}, as in the shipped programme; phase {phase.number} has {_has(phase)}",
        )


def _effective(programme: Programme) -> dict[int, int]:
    """Phase number -> the strictest floor rank of it and every phase before it."""
    strictest, found = 0, {}
    for phase in programme.phases:
        strictest = max(strictest, RANK[phase.floor])
        found[phase.number] = strictest
    return found


def _given(default: Programme, effective: dict[int, int]) -> dict[tuple[str, int], tuple[int, int]]:
    """(exercise, level) of each impact item the shipped programme gives -> the weakest (own, effective)
    floor ranks it gives it at."""
    given: dict[tuple[str, int], tuple[int, int]] = {}
    for phase in default.phases:
        for item in phase.menu:
            if default.exercise(item.exercise).kind not in KIND_FLOOR:
                continue
            for level in range(item.start, item.ceiling + 1):
                own, start = given.get((item.exercise, level), (len(NAMES), len(NAMES)))
                given[(item.exercise, level)] = (
                    min(own, RANK[phase.floor]),
                    min(start, effective[phase.number]),
                )
    return given


def _baseline(default: Programme, effective: dict[int, int], number: int) -> int:
    """The effective floor of the shipped phase with this number (or the nearest one below it)."""
    earlier = [phase.number for phase in default.phases if phase.number <= number]
    return effective[max(earlier)] if earlier else 0


def _has(phase: Phase) -> str:
    return f"`floor: {phase.floor}`" if phase.floor else "no floor"
