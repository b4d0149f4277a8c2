"""What a custom programme may not loosen about leaving a phase (CLINICAL A14) or finishing (A15).

Each phase keeps "done green at the ceiling" at least as often, and "no regress for" at least as long, as
the shipped programme of the same track asks anywhere; a track whose shipped programme graduates keeps a
graduation block, so usual training (R10) stays behind the exit list. Findings are paths into the YAML
with a message, as in `safety_floor.py`, which calls this.
"""

from __future__ import annotations

from collections.abc import Iterator

from coachbot.programme.schema import Programme
from coachbot.programme.yamltree import Path

Finding = tuple[Path, str]


def findings(custom: Programme, default: Programme) -> Iterator[Finding]:
    greens = min(phase.leave.green_at_top for phase in default.phases)
    quiet = min(phase.leave.quiet_days for phase in default.phases)
    for index, phase in enumerate(custom.phases):
        if phase.leave.green_at_top < greens:
            yield (
                ("phases", index, "leave", "green_at_top"),
                f"green_at_top {phase.leave.green_at_top} is looser than the default {greens}",
            )
        if phase.leave.quiet_days < quiet:
            yield (
                ("phases", index, "leave", "quiet_days"),
                f"quiet_days {phase.leave.quiet_days} is shorter than the default {quiet}",
            )
    if default.graduation is not None and custom.graduation is None:
        yield (
            ("track",),
            "the graduation block may not be removed: usual training waits for the exit list (A15)",
        )
