"""The running-club tables (a group sharing a programme) and uploaded programmes; same Base as tables.py."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coachbot.store.tables import Base


class Club(Base):
    """A group chat sharing one programme: its daily post, weekly digest and join code."""

    __tablename__ = "clubs"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64), index=True)
    programme_id: Mapped[str] = mapped_column(String(64))
    join_code: Mapped[str] = mapped_column(String(24), unique=True)
    post_time: Mapped[str] = mapped_column(String(5))  # "HH:MM" in the club's zone
    tz: Mapped[str] = mapped_column(String(64))
    days: Mapped[str] = mapped_column(String(32))  # training days, "mon,wed,fri"
    digest_day: Mapped[str] = mapped_column(String(3), default="sun")
    leaderboard: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(8))  # active | paused | stopped
    admin_user_id: Mapped[str] = mapped_column(String(64))  # who set it up
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ClubMember(Base):
    """A person in a club; `left_at` is set when they leave or the club stops (their plan carries on)."""

    __tablename__ = "club_members"
    __table_args__ = (UniqueConstraint("club_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    leaderboard: Mapped[bool] = mapped_column(Boolean, default=False)  # opted in to be named
    joined_at: Mapped[datetime]
    left_at: Mapped[datetime | None]


class ClubSchedule(Base):
    """When a club's next daily post or weekly digest is due (UTC); NULL while the club is paused."""

    __tablename__ = "club_schedules"
    __table_args__ = (UniqueConstraint("club_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # post | digest
    next_due_at: Mapped[datetime | None] = mapped_column(index=True)


class CustomProgramme(Base):
    """A programme a club admin uploaded: the YAML as sent, who sent it and for which group."""

    __tablename__ = "custom_programmes"
    __table_args__ = (UniqueConstraint("programme_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int]
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))  # the group that owns it
    author_user_id: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)  # the YAML text
    shared: Mapped[bool] = mapped_column(Boolean, default=False)  # usable by anyone with its share code
    created_at: Mapped[datetime]
