"""What the metrics read from the database at scrape time (delivery/metrics.py): the outbox by platform and
state, referrals by tier, and whether the database answers at all. Counts only, never a row's content."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import and_, case, func, select, text

from coachbot.store.db import Database
from coachbot.store.leadership import LEADER_LOCK_KEY
from coachbot.store.tables import OutboxMessage, Referral

OUTBOX_STATES = ("pending", "leased", "dead")


async def answers(database: Database) -> bool:
    """The database answers a `SELECT 1`."""
    try:
        async with database.read() as repo:
            return (await repo.session.execute(text("SELECT 1"))).scalar() == 1
    except Exception:  # unreachable, refused, timed out: not ready, whatever the driver raised
        return False


async def outbox_by_platform(database: Database, now: datetime) -> Mapping[tuple[str, ...], int]:
    """Rows waiting (`pending`), leased by a sender (`leased`) and dead-lettered (`dead`), by platform."""
    leased = and_(OutboxMessage.lease_until.is_not(None), OutboxMessage.lease_until >= now)
    state = case(
        (OutboxMessage.status == "dead", "dead"),
        (leased, "leased"),
        else_="pending",
    )
    query = (
        select(OutboxMessage.platform, state, func.count())
        .where(OutboxMessage.status.in_(("pending", "dead")))
        .group_by(OutboxMessage.platform, state)
    )
    async with database.read() as repo:
        rows = (await repo.session.execute(query)).all()
    return {(platform, kind): count for platform, kind, count in rows}


async def referrals_by_tier(database: Database) -> Mapping[str, int]:
    """Referrals ever recorded (and not removed by retention or /forget), by tier."""
    query = select(Referral.tier, func.count()).group_by(Referral.tier)
    async with database.read() as repo:
        return {tier: count for tier, count in (await repo.session.execute(query)).all()}


async def another_leads(database: Database) -> bool:
    """On PostgreSQL, some session holds the leadership's advisory lock (docs/delivery.md, "Instances")."""
    if database.is_sqlite:
        return False
    held = text(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 "
        "AND objid = :key AND objsubid = 1 "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    )  # pg_locks shows the whole server: advisory locks of other databases are no business of ours
    async with database.read() as repo:
        return bool((await repo.session.execute(held, {"key": LEADER_LOCK_KEY})).scalar())
