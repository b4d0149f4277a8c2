"""What the renderers read of a person's history: the shape of a plan, a check-in, a decision and a
referral, as read-only fields. The stored rows have these fields, so callers pass them as they are;
reporting/ never imports the store (a Protocol matches by shape)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol


class LevelRecord(Protocol):
    @property
    def exercise(self) -> str: ...

    @property
    def level(self) -> int: ...


class PlanRecord(Protocol):
    """A person's plan (an enrolment): where they are in the programme."""

    @property
    def status(self) -> str: ...

    @property
    def grade(self) -> str | None: ...

    @property
    def flags(self) -> dict[str, Any]: ...

    @property
    def phase(self) -> int: ...

    @property
    def started_on(self) -> date: ...

    @property
    def triage(self) -> dict[str, Any]: ...

    @property
    def levels(self) -> Sequence[LevelRecord]: ...


class CheckInRecord(Protocol):
    """Answers about one session, morning or weekly check (REPORT_COLUMNS and the details)."""

    @property
    def local_date(self) -> date: ...

    @property
    def kind(self) -> str: ...

    @property
    def phase(self) -> int: ...

    @property
    def during(self) -> int | None: ...

    @property
    def after(self) -> int | None: ...

    @property
    def morning(self) -> int | None: ...

    @property
    def completion(self) -> str | None: ...

    @property
    def completion_reason(self) -> str | None: ...

    @property
    def sudden(self) -> bool | None: ...

    @property
    def details(self) -> dict[str, Any]: ...


class DecisionRecord(Protocol):
    """What the rules decided, by which rule row, and why."""

    @property
    def local_date(self) -> date: ...

    @property
    def kind(self) -> str: ...

    @property
    def exercise(self) -> str | None: ...

    @property
    def level_from(self) -> int | None: ...

    @property
    def level_to(self) -> int | None: ...

    @property
    def rule(self) -> str: ...

    @property
    def reason(self) -> str: ...


class ReferralRecord(Protocol):
    """A referral: when, its tier, where it came from, the signs and words, and what the person was told."""

    @property
    def at(self) -> datetime: ...

    @property
    def local_date(self) -> date: ...

    @property
    def tier(self) -> str: ...

    @property
    def source(self) -> str: ...

    @property
    def signs(self) -> list[str]: ...

    @property
    def triggers(self) -> list[str]: ...

    @property
    def text(self) -> str: ...
