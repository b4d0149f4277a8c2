"""Programmes clubs uploaded: every stored version with its group, and the latest ones for the catalogue."""

from __future__ import annotations

from sqlalchemy import func, select

from coachbot.programme.catalogue import Owner, Upload
from coachbot.store.club_tables import CustomProgramme
from coachbot.store.db import Database
from coachbot.store.repo import Repo


async def versions(repo: Repo, programme_id: str) -> list[CustomProgramme]:
    """Every stored version of an uploaded programme, whoever uploaded it."""
    query = select(CustomProgramme).where(CustomProgramme.programme_id == programme_id)
    return list((await repo.session.execute(query)).scalars())


async def of_group(repo: Repo, programme_id: str, platform: str, chat_id: str) -> list[CustomProgramme]:
    """The versions of a programme that this group uploaded."""
    query = select(CustomProgramme).where(
        CustomProgramme.programme_id == programme_id,
        CustomProgramme.platform == platform,
        CustomProgramme.chat_id == chat_id,
    )
    return list((await repo.session.execute(query)).scalars())


async def add(repo: Repo, upload: CustomProgramme) -> None:
    repo.session.add(upload)
    await repo.session.flush()


async def latest(database: Database) -> list[Upload]:
    """The latest version of every uploaded programme, stored by any instance."""
    newest = (
        select(CustomProgramme.programme_id, func.max(CustomProgramme.version).label("version"))
        .group_by(CustomProgramme.programme_id)
        .subquery()
    )
    query = select(CustomProgramme).join(
        newest,
        (CustomProgramme.programme_id == newest.c.programme_id)
        & (CustomProgramme.version == newest.c.version),
    )
    async with database.read() as repo:
        rows = list((await repo.session.execute(query)).scalars())
    return [
        Upload(row.programme_id, row.version, row.source, Owner(row.platform, row.chat_id, row.shared))
        for row in rows
    ]
