"""Club queries: the club of a chat or a join code, adding a club, joining it, members, and ending club links
(club schedules: store/schedules.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from coachbot.store.club_tables import Club, ClubMember
from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment, Person


async def club_in_chat(repo: Repo, platform: str, chat_id: str) -> Club | None:
    """The group's club, unless it has stopped (a stopped club leaves room for a new one)."""
    query = (
        select(Club)
        .where(Club.platform == platform, Club.chat_id == chat_id, Club.status != "stopped")
        .order_by(Club.id.desc())
        .limit(1)
        .with_for_update()
    )
    return (await repo.session.execute(query)).scalar_one_or_none()


async def add_club(repo: Repo, club: Club) -> None:
    repo.session.add(club)
    await repo.session.flush()


async def club_by_code(repo: Repo, platform: str, code: str) -> Club | None:
    query = select(Club).where(Club.platform == platform, Club.join_code == code.strip().lower())
    return (await repo.session.execute(query)).scalar_one_or_none()


async def member(repo: Repo, club_id: int, person_id: int) -> ClubMember | None:
    query = select(ClubMember).where(ClubMember.club_id == club_id, ClubMember.person_id == person_id)
    return (await repo.session.execute(query)).scalar_one_or_none()


async def join(repo: Repo, club_id: int, person_id: int, now: datetime) -> ClubMember:
    """The person's membership of the club: the one they had (maybe left), or a new one."""
    membership = await member(repo, club_id, person_id)
    if membership is None:
        membership = ClubMember(club_id=club_id, person_id=person_id, joined_at=now)
        repo.session.add(membership)
    return membership


async def members(repo: Repo, club_id: int) -> list[tuple[ClubMember, Person, Enrolment | None]]:
    """Current members, each with their person and the plan linked to the club (if any)."""
    query = (
        select(ClubMember, Person, Enrolment)
        .join(Person, Person.id == ClubMember.person_id)
        .outerjoin(Enrolment, (Enrolment.person_id == Person.id) & (Enrolment.club_id == ClubMember.club_id))
        .where(ClubMember.club_id == club_id, ClubMember.left_at.is_(None))
        .order_by(ClubMember.joined_at, ClubMember.id)
    )
    return [(row[0], row[1], row[2]) for row in (await repo.session.execute(query)).all()]


async def leave(repo: Repo, club_id: int, now: datetime, person_id: int | None = None) -> None:
    """End club links (one person's, or everyone's when the club stops); personal plans and history stay."""
    who = ClubMember.club_id == club_id
    plans = Enrolment.club_id == club_id
    if person_id is not None:
        who, plans = who & (ClubMember.person_id == person_id), plans & (Enrolment.person_id == person_id)
    await repo.session.execute(
        update(ClubMember).where(who, ClubMember.left_at.is_(None)).values(left_at=now)
    )
    await repo.session.execute(update(Enrolment).where(plans).values(club_id=None))
