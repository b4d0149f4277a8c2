"""Read-only commands (/report, /progress) on the person's latest plan, live or ended.

A stopped or completed plan keeps its history (issue 14 item 6), but the turn only loads a live enrolment,
so these commands look at the newest enrolment of any status, in a copy of the turn: nothing is changed.
"""

from __future__ import annotations

from dataclasses import replace

from coachbot.core.turn import Turn


async def latest_plan(turn: Turn) -> Turn | None:
    """The turn itself while a plan is live; else a copy holding the newest ended plan; None if none."""
    if turn.enrolment is not None:
        return turn
    if turn.person is None:
        return None
    enrolment = await turn.repo.latest_enrolment(turn.person.id)
    if enrolment is None or enrolment.programme_id not in turn.programmes:
        return None
    return replace(turn, enrolment=enrolment)
