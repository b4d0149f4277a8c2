"""Everything stored about one person as a JSON document (schema in the README, "Your data").

Rows are written column by column as stored, so a new column appears in exports without code here:
instants as ISO 8601 UTC, local dates as YYYY-MM-DD.
"""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, or_, select

from coachbot.store.privacy import Mine, of_kind, to_person
from coachbot.store.repo import Repo
from coachbot.store.tables import Base, Person

FORMAT = "coachbot-export"
VERSION = 1


def row(item: object) -> dict[str, Any]:
    """One stored row as a JSON-ready mapping of its columns."""
    mapper = inspect(item).mapper
    return {column.key: _plain(getattr(item, column.key)) for column in mapper.column_attrs}


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):  # a kept reply's image or file (delivery/kept.py)
        return base64.b64encode(value).decode("ascii")
    return value


async def collect(repo: Repo, person: Person, now: datetime) -> dict[str, Any]:
    """The person's rows from every table of store/privacy.PERSONAL_TABLES (the ones /forget erases)."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "person": row(person),
    }
    for entry in of_kind(Mine.ONE):
        found = await _rows(repo, entry.table, entry.table.__table__.c.person_id == person.id)
        document[entry.key] = found[0] if found else None
    for entry in of_kind(Mine.PLANS):
        document[entry.key] = plans = []
        for plan in await _rows(repo, entry.table, entry.table.__table__.c.person_id == person.id):
            for part in of_kind(Mine.PLAN):
                plan[part.key] = await _rows(
                    repo, part.table, part.table.__table__.c.enrolment_id == plan["id"]
                )
            plans.append(plan)
    for entry in of_kind(Mine.PERSON):
        document[entry.key] = await _rows(repo, entry.table, entry.table.__table__.c.person_id == person.id)
    for entry in of_kind(Mine.MESSAGES):
        document[entry.key] = await _rows(repo, entry.table, or_(*to_person(person)))
    return document


async def _rows(repo: Repo, table: type[Base], mine: Any) -> list[dict[str, Any]]:
    """The rows of `table` matching `mine`, in the order they were stored."""
    query = select(table).where(mine).order_by(*inspect(table).primary_key)
    return [row(item) for item in (await repo.session.execute(query)).scalars()]


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
