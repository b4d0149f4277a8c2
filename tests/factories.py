"""Builders for rows the tests need, so each test states only what matters to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment


def enrolment_fields(person_id: int, now: datetime, **overrides: object) -> dict[str, object]:
    """An active phase-1 rehab enrolment, sessions at 07:30 and mornings at 08:00, every day."""
    fields: dict[str, object] = {
        "person_id": person_id,
        "programme_id": "calf-rehab-12w",
        "programme_version": 1,
        "status": "active",
        "grade": "grade1",
        "flags": {},
        "phase": 1,
        "phase_started_on": date(2026, 3, 2),
        "started_on": date(2026, 3, 2),
        "green_streak": 0,
        "local_time": "07:30",
        "morning_time": "08:00",
        "days": "mon,tue,wed,thu,fri,sat,sun",
        "created_at": now,
        "updated_at": now,
    }
    fields.update(overrides)
    return fields


async def enrolment(
    repo: Repo, now: datetime, user_id: str = "1", platform: str = "console", **overrides: object
) -> Enrolment:
    person = await repo.add_person(platform, user_id, user_id, now)
    person.tz = str(overrides.pop("tz", "Europe/London"))
    fields = enrolment_fields(person.id, now, **overrides)
    return await repo.add_enrolment(Enrolment(**fields), {"E1": 2, "E2": 1}, now)


@dataclass
class Clock:
    """An app's clock that a test moves by hand (`now` is always injected)."""

    now: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday

    def __call__(self) -> datetime:
        return self.now
