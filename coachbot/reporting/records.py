"""What the renderers read of a person's history: the shape of a plan, a check-in, a decision and a
referral, as the fields they read. The stored rows have these fields, so callers pass them as they are;
reporting/ never imports the store (a Protocol matches by shape)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol


class LevelRecord(Protocol):
    exercise: str
    level: int


class PlanRecord(Protocol):
    """A person's plan (an enrolment): where they are in the programme."""

    status: str
    grade: str | None
    flags: dict[str, Any]
    phase: int
    started_on: date
    triage: dict[str, Any]

    @property
    def levels(self) -> Sequence[LevelRecord]: ...  # read-only, so a list of any LevelRecord will do


class CheckInRecord(Protocol):
    """Answers about one session, morning or weekly check (REPORT_COLUMNS and the details)."""

    local_date: date
    kind: str
    phase: int
    during: int | None
    after: int | None
    morning: int | None
    completion: str | None
    completion_reason: str | None
    sudden: bool | None
    details: dict[str, Any]


class DecisionRecord(Protocol):
    """What the rules decided, by which rule row, and why."""

    local_date: date
    kind: str
    exercise: str | None
    level_from: int | None
    level_to: int | None
    rule: str
    reason: str


class ReferralRecord(Protocol):
    """A referral: when, its tier, where it came from, the signs and words, and what the person was told."""

    at: datetime
    local_date: date
    tier: str
    source: str
    signs: list[str]
    triggers: list[str]
    text: str
