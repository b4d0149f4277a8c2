"""The database schema as SQLAlchemy 2 models; Alembic migrations in migrations/ build exactly this (with the
club tables of club_tables.py, registered on the same Base at the end of this module).

Times are stored as aware UTC datetimes; local dates (a person's calendar day) as plain dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every database (SQLite keeps no offset, so it stores naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; coachbot stores aware UTC datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime(), dict[str, Any]: JSON}  # noqa: RUF012


class Person(Base):
    """Someone the bot talks to, identified by their platform account."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("platform", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(64))
    chat_id: Mapped[str] = mapped_column(String(64))
    home_chat_id: Mapped[str | None] = mapped_column(String(64))  # group they last used the bot from
    tz: Mapped[str | None] = mapped_column(String(64))
    locale: Mapped[str | None] = mapped_column(String(16))
    agreed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]

    enrolments: Mapped[list[Enrolment]] = relationship(back_populates="person", cascade="all, delete-orphan")


class Enrolment(Base):
    """A person following one programme: where they are in it and when to reach them."""

    __tablename__ = "enrolments"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    programme_id: Mapped[str] = mapped_column(String(64))
    programme_version: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))  # active | paused | stopped | referred | completed
    status_reason: Mapped[str | None] = mapped_column(String(64))
    grade: Mapped[str | None] = mapped_column(String(16))  # grade1 | grade2 | clinician_led | prevention
    flags: Mapped[dict[str, Any]] = mapped_column(default=dict)
    phase: Mapped[int] = mapped_column(SmallInteger)
    phase_started_on: Mapped[date] = mapped_column(Date)
    started_on: Mapped[date] = mapped_column(Date)
    injured_on: Mapped[date | None] = mapped_column(Date)
    green_streak: Mapped[int] = mapped_column(SmallInteger, default=0)
    progress: Mapped[dict[str, Any]] = mapped_column(default=dict)  # coaching.progress.Progress as JSON
    triage: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the enrolment answers and result
    local_time: Mapped[str] = mapped_column(String(5))  # "HH:MM" wall clock
    morning_time: Mapped[str] = mapped_column(String(5))
    days: Mapped[str] = mapped_column(String(32))  # "mon,wed,fri"
    weekly_day: Mapped[str] = mapped_column(String(3), default="sun")
    quiet_start: Mapped[str | None] = mapped_column(String(5))  # no prompts from ... (local)
    quiet_end: Mapped[str | None] = mapped_column(String(5))  # ... until (local)
    club_id: Mapped[int | None] = mapped_column(ForeignKey("clubs.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    person: Mapped[Person] = relationship(back_populates="enrolments")
    levels: Mapped[list[ExerciseLevel]] = relationship(
        cascade="all, delete-orphan", order_by="ExerciseLevel.exercise", lazy="selectin"
    )

    def level_of(self, exercise: str) -> int | None:
        for row in self.levels:
            if row.exercise == exercise:
                return row.level
        return None


class ExerciseLevel(Base):
    """The current level of one exercise ladder within an enrolment."""

    __tablename__ = "exercise_levels"

    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("enrolments.id", ondelete="CASCADE"), primary_key=True
    )
    exercise: Mapped[str] = mapped_column(String(32), primary_key=True)
    level: Mapped[int] = mapped_column(SmallInteger)
    updated_at: Mapped[datetime]


class CheckIn(Base):
    """Answers about one session or one morning; pain scores are 0-10 and health data."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("enrolment_id", "kind", "local_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # session | morning | weekly
    local_date: Mapped[date] = mapped_column(Date)
    phase: Mapped[int] = mapped_column(SmallInteger)
    during: Mapped[int | None] = mapped_column(SmallInteger)
    after: Mapped[int | None] = mapped_column(SmallInteger)
    morning: Mapped[int | None] = mapped_column(SmallInteger)
    completion: Mapped[str | None] = mapped_column(String(8))  # all | most | some | none
    completion_reason: Mapped[str | None] = mapped_column(String(16))
    sudden: Mapped[bool | None] = mapped_column(Boolean)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    recorded_at: Mapped[datetime]


class Decision(Base):
    """What the rules decided and why: the rule row of CLINICAL 9.2 and a sentence for the person."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id", ondelete="CASCADE"), index=True)
    local_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # advance | hold | regress | stop | refer | phase_up
    phase: Mapped[int] = mapped_column(SmallInteger)
    exercise: Mapped[str | None] = mapped_column(String(32))
    level_from: Mapped[int | None] = mapped_column(SmallInteger)
    level_to: Mapped[int | None] = mapped_column(SmallInteger)
    rule: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime]


class Referral(Base):
    """A referral to a clinician (CLINICAL A11): its tier, the signs and the words that set it off, where
    it came from and the exact text the person was shown. Kept per person, since it can come before any
    plan (enrolment triage, a message before /start); `enrolment_id` is the plan it paused, if any."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolments.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime]
    local_date: Mapped[date] = mapped_column(Date)  # the person's calendar day (UTC before a zone is known)
    tier: Mapped[str] = mapped_column(String(16))  # emergency | urgent | routine
    signs: Mapped[list[str]] = mapped_column(JSON, default=list)  # sign ids, e.g. ["swelling", "warm_red"]
    triggers: Mapped[list[str]] = mapped_column(JSON, default=list)  # the person's words or answers
    source: Mapped[str] = mapped_column(String(16))  # message | rule | triage | screen
    text: Mapped[str] = mapped_column(Text)  # exactly what the person was told


class Conversation(Base):
    """The question a person is being asked right now, so a restart resumes at the same step."""

    __tablename__ = "conversations"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    flow: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(32))
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    serial: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime]


class ProcessedEvent(Base):
    """Platform events already handled (Telegram update_id, Discord interaction id): redelivery is ignored."""

    __tablename__ = "processed_events"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(index=True)


class Schedule(Base):
    """When the next prompt of one kind is due for an enrolment (UTC); NULL while the plan is paused."""

    __tablename__ = "schedules"
    __table_args__ = (UniqueConstraint("enrolment_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # session | morning | weekly
    next_due_at: Mapped[datetime | None] = mapped_column(index=True)


class OutboxMessage(Base):
    """A message waiting to be sent, being sent, sent, dead-lettered or recorded as missed."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(96), unique=True)
    enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolments.id", ondelete="CASCADE"), index=True
    )
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    chat_kind: Mapped[str] = mapped_column(String(8), default="private")
    kind: Mapped[str] = mapped_column(String(16))
    local_date: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    choices: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"rows": [[label, token], ...]}
    # pending | sent | dead | missed | skipped (by /skip) | paused (withdrawn when the plan paused)
    status: Mapped[str] = mapped_column(String(8), index=True)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    # delivery.limits.Lane: 0 for a reply whose first send failed (goes first), 1 for scheduled messages
    priority: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")
    # what else a kept reply carries (invite, pin, file name...) and its image or file (delivery/kept.py)
    extras: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)
    not_before: Mapped[datetime] = mapped_column(index=True)
    lease_until: Mapped[datetime | None]
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    message_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


# the club tables live in club_tables.py; importing it here registers them on Base.metadata
from coachbot.store import club_tables as club_tables  # noqa: E402
