"""The rules' state as rows: rebuild Progress, History and the person's facts from the store, store progress
and what was decided.

The enrolment's columns (phase, levels, green streak) stay the source of truth for what they hold; the
rest of the rules' memory lives in `enrolments.progress` as JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from coachbot.coaching.facts import History, Person, WeeklyReport
from coachbot.coaching.progress import Decision, Morning, Progress, SessionReport
from coachbot.store.repo import Repo
from coachbot.store.tables import CheckIn, Enrolment
from coachbot.store.tables import Decision as DecisionRow

_COLUMNS = ("phase", "levels", "green_streak")
_WEEKLY_FIELDS = frozenset(WeeklyReport.__dataclass_fields__) - {"day"}


def progress_of(enrolment: Enrolment) -> Progress:
    data: dict[str, Any] = {"baseline": 0, **(enrolment.progress or {})}
    data.update(
        phase=enrolment.phase,
        levels={row.exercise: row.level for row in enrolment.levels},
        green_streak=enrolment.green_streak,
    )
    return Progress.from_json(data)


async def store_progress(repo: Repo, enrolment: Enrolment, progress: Progress, now: datetime) -> None:
    """Write the rules' state to the enrolment's columns. It moves no prompt: a new phase must be stored
    through core/decisions.store_progress, which reschedules the session prompts (A23)."""
    if progress.phase != enrolment.phase:
        enrolment.phase_started_on = progress.phase_since or enrolment.phase_started_on
    enrolment.phase, enrolment.green_streak = progress.phase, progress.green_streak
    for exercise, level in progress.levels.items():
        if enrolment.level_of(exercise) != level:
            await repo.set_level(enrolment, exercise, level, now)
    enrolment.progress = stored_json(progress)
    enrolment.updated_at = now


def stored_json(progress: Progress) -> dict[str, Any]:
    """What `enrolments.progress` keeps: everything the enrolment's own columns don't."""
    return {key: value for key, value in progress.to_json().items() if key not in _COLUMNS}


async def record(repo: Repo, enrolment: Enrolment, decision: Decision, now: datetime) -> None:
    await repo.add_decision(
        DecisionRow(
            enrolment_id=enrolment.id,
            local_date=decision.day,
            kind=decision.kind,
            phase=decision.phase,
            exercise=decision.exercise,
            level_from=decision.level_from,
            level_to=decision.level_to,
            rule=decision.rule,
            reason=decision.reason,
            decided_at=now,
        )
    )


def session_of(checkin: CheckIn) -> SessionReport:
    levels = {name: int(level) for name, level in checkin.details.get("levels", {}).items()}
    return SessionReport(
        checkin.local_date, checkin.during, checkin.after, checkin.completion, checkin.completion_reason,
        bool(checkin.sudden), levels,
    )  # fmt: skip


def history_of(checkins: Sequence[CheckIn], baseline: int) -> History:
    mornings, sessions, weekly = [], [], []
    for checkin in sorted(checkins, key=lambda row: (row.local_date, row.id or 0)):
        if checkin.kind == "morning":
            mornings.append(
                Morning(checkin.local_date, checkin.morning, tuple(checkin.details.get("signs", ())))
            )
        elif checkin.kind == "session":
            sessions.append(session_of(checkin))
        elif checkin.kind == "weekly":
            values = {key: value for key, value in checkin.details.items() if key in _WEEKLY_FIELDS}
            weekly.append(WeeklyReport(checkin.local_date, **values))
    return History(tuple(mornings), tuple(sessions), tuple(weekly), baseline)


def person_of(enrolment: Enrolment) -> Person:
    flags = enrolment.flags or {}
    return Person(
        grade=enrolment.grade,
        injured_on=enrolment.injured_on,
        started_on=enrolment.started_on,
        age=flags.get("age"),
        sex=flags.get("sex"),
        soleus=bool(flags.get("soleus")),
        history=bool(flags.get("history")),
        flags=frozenset(name for name, value in flags.items() if value is True),
        heel_raises=flags.get("baseline_raises"),
    )


def undecided_sessions(checkins: Sequence[CheckIn], today: date) -> list[CheckIn]:
    """Session check-ins before today that no decision has used yet, oldest first."""
    return sorted(
        (
            c
            for c in checkins
            if c.kind == "session" and c.local_date < today and not c.details.get("decided")
        ),
        key=lambda row: row.local_date,
    )
