"""The scrape-time queries of /metrics (store/gauges.py) on SQLite and PostgreSQL: the outbox by platform
and state, referrals by tier, and, on PostgreSQL, whether another instance holds the leadership."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from coachbot.store import gauges, outbox
from coachbot.store.db import Database
from coachbot.store.leadership import Leadership
from coachbot.store.tables import Referral
from tests.conftest import postgres_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)


async def test_outbox_rows_are_counted_by_platform_and_state(any_db: Database) -> None:
    rows = [
        outbox.row(f"t{n}", "telegram", f"c{n}", "session", None, "prompt", (), "pending", NOW)
        for n in range(5)
    ] + [outbox.row("d1", "discord", "c1", "session", None, "prompt", (), "pending", NOW)]
    async with any_db.write() as repo:
        await outbox.add(repo, *rows)
    async with any_db.write() as repo:
        leased = await outbox.claim(repo, NOW, "me", LEASE, 2, set())
    async with any_db.write() as repo:
        await outbox.dead_letter(repo, leased[0], "400: chat not found", None, NOW)
    counts = await gauges.outbox_by_platform(any_db, NOW)
    platforms = {item.platform for item in leased}
    assert sum(counts.get((platform, "leased"), 0) for platform in platforms) == 1
    assert sum(counts.values()) == 6
    assert counts[leased[0].platform, "dead"] == 1
    later = await gauges.outbox_by_platform(any_db, NOW + 2 * LEASE)  # the lease ran out: pending again
    assert not any(state == "leased" for _platform, state in later)


async def test_referrals_are_counted_by_tier(any_db: Database) -> None:
    async with any_db.write() as repo:
        person = await repo.add_person("telegram", "1", "1", NOW)
        for tier in ("urgent", "urgent", "routine"):
            repo.session.add(
                Referral(person_id=person.id, at=NOW, local_date=date(2026, 3, 2), tier=tier, source="message",
                         text="...")
            )  # fmt: skip
    assert await gauges.referrals_by_tier(any_db) == {"urgent": 2, "routine": 1}
    assert await gauges.answers(any_db)


async def test_another_instance_holding_the_leadership_is_seen() -> None:
    async with postgres_database() as url:
        database, leader = Database.connect(url), Leadership(url)
        try:
            assert not await gauges.another_leads(database)
            assert await leader.try_acquire()
            assert await gauges.another_leads(database)
            await leader.release()
            assert not await gauges.another_leads(database)
        finally:
            await leader.release()
            await database.close()
