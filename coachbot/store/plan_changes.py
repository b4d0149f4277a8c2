"""Writing an enrolment's lifecycle change (coaching/lifecycle.py), and the one path that reschedules.

`apply` sets the status columns and, when the status changed, calls `reschedule`: the schedules rows point
at each prompt's next due instant while the plan is active, and are emptied otherwise, with the prompts
still queued for it withdrawn. Whatever else moves the prompts (the times, days, zone or quiet hours in
/settings, a new phase, a new enrolment) calls `reschedule` itself.
"""

from __future__ import annotations

from datetime import datetime

from coachbot.coaching.lifecycle import Change, Status
from coachbot.programme.schema import Programme
from coachbot.schedule.timetable import KINDS, QUEUED_KINDS, due_after
from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment


async def apply(
    repo: Repo,
    enrolment: Enrolment,
    change: Change,
    programme: Programme | None,
    zone: str | None,
    now: datetime,
) -> None:
    """Store the change; a new status moves the prompts (the programme is needed only to resume)."""
    if change.kept:
        return
    enrolment.status, enrolment.status_reason = change.status.value, change.reason
    enrolment.updated_at = change.at
    if change.reschedule:
        await reschedule(repo, enrolment, programme, zone, now)


async def reschedule(
    repo: Repo, enrolment: Enrolment, programme: Programme | None, zone: str | None, now: datetime
) -> None:
    """Point every schedule of the enrolment at its next due instant after now (none unless active)."""
    active = enrolment.status == Status.ACTIVE
    if not active:
        await repo.withdraw_prompts(enrolment.id, QUEUED_KINDS)
    for kind in KINDS:
        due = None
        if active and zone:
            assert programme is not None, "an active plan is scheduled by its programme"
            due = due_after(kind, enrolment, programme, zone, now)
        await repo.set_schedule(enrolment.id, kind, due)
