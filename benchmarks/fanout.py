"""Fan-out benchmark: N enrolments due in the same minute, sent through the real ticker and sender to a
loopback fake platform that enforces a rate and answers 429 beyond it.

Reports delivered/s against the configured limit, lost, duplicates, 429s received and peak RSS.
    python -m benchmarks.fanout --enrolments 20000 --limit 1000
    python -m benchmarks.fanout --enrolments 20000 --limit 0            # no limit: the bot's own ceiling
    python -m benchmarks.fanout --memory                                 # RSS at 100,000 vs 1,000
Not part of the test suite; results and commands are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import aiohttp
from sqlalchemy import func, insert, select

from coachbot.delivery.errors import RetryAfter, TemporaryFailure
from coachbot.delivery.limits import PlatformLimits, RateLimiter
from coachbot.delivery.sender import OutboxSender, SenderSettings
from coachbot.delivery.ticker import Ticker
from coachbot.messages import Reply
from coachbot.paths import data_dir
from coachbot.programme.loader import load_directory
from coachbot.store import migrate
from coachbot.store.db import Database
from coachbot.store.tables import Enrolment, OutboxMessage, Person, Schedule

DUE = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)
CHUNK = 5_000


async def populate(database: Database, count: int) -> None:
    """`count` people with a session prompt due at DUE, inserted in chunks to keep memory flat."""
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    for start in range(0, count, CHUNK):
        size = min(CHUNK, count - start)
        async with database.write() as repo:
            people = [
                {
                    "platform": "bench",
                    "user_id": f"u{i}",
                    "chat_id": f"c{i}",
                    "tz": "Europe/London",
                    "created_at": now,
                }
                for i in range(start, start + size)
            ]
            first = (await repo.session.execute(insert(Person).returning(Person.id), people)).scalars().all()
            enrolments = [
                {"person_id": pid, "programme_id": "calf-rehab-12w", "programme_version": 1, "status": "active",
                 "grade": "grade1", "flags": {}, "phase": 1, "phase_started_on": date(2026, 3, 2),
                 "started_on": date(2026, 3, 2), "green_streak": 0, "local_time": "07:00", "morning_time": "08:00",
                 "days": "mon,tue,wed,thu,fri,sat,sun", "weekly_day": "sun", "progress": {}, "triage": {},
                 "created_at": now, "updated_at": now}
                for pid in first
            ]  # fmt: skip
            ids = (
                (await repo.session.execute(insert(Enrolment).returning(Enrolment.id), enrolments))
                .scalars()
                .all()
            )
            await repo.session.execute(
                insert(Schedule), [{"enrolment_id": e, "kind": "session", "next_due_at": DUE} for e in ids]
            )


class HttpPlatform:
    """The bench platform's adapter: POST each message, translate 429 and 5xx like the real adapters do."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.session: aiohttp.ClientSession | None = None
        self.rate_limited = 0

    async def send(self, reply: Reply) -> str:
        assert self.session is not None
        async with self.session.post(
            self.url + "/send", json={"key": reply.to.chat_id, "text": reply.text}
        ) as response:
            body = await response.json()
        if response.status == 429:
            self.rate_limited += 1
            raise RetryAfter(float(body["parameters"]["retry_after"]))
        if response.status >= 500:
            raise TemporaryFailure(str(response.status))
        return str(body["message_id"])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def wait_for(url: str) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(200):
            try:
                async with session.get(url + "/stats"):
                    return
            except aiohttp.ClientError:
                await asyncio.sleep(0.05)
    raise RuntimeError("fake endpoint did not start")


async def run(count: int, limit: float, database_url: str | None, workers: int) -> dict[str, object]:
    programmes = load_directory(data_dir("programmes"))
    with tempfile.TemporaryDirectory() as folder:
        url = database_url or f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        database = Database.connect(url)
        await migrate.upgrade(database)
        await populate(database, count)
        port = free_port()
        server = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "benchmarks.fake_endpoint", "--port", str(port), "--rate", str(limit)
        )
        endpoint = f"http://127.0.0.1:{port}"
        platform = HttpPlatform(endpoint)
        try:
            await wait_for(endpoint)
            connector = aiohttp.TCPConnector(limit=workers)
            async with aiohttp.ClientSession(connector=connector) as session:
                platform.session = session
                started = time.perf_counter()
                queued = (await Ticker(database, programmes).tick(DUE)).queued
                ticked = time.perf_counter()
                # our own ceiling sits just under the platform's limit, as configured for real platforms
                ceiling = limit * 0.99 if limit else 1_000_000
                limiter = RateLimiter({"bench": PlatformLimits(per_second=ceiling)})
                sender = OutboxSender(
                    database,
                    {"bench": platform.send},
                    limiter,
                    "bench",
                    SenderSettings(workers=workers, batch=500),
                )
                while True:
                    sent = await sender.run_once(DUE + timedelta(seconds=time.perf_counter() - ticked))
                    if not sent:
                        async with database.read() as repo:
                            pending = (
                                await repo.session.execute(
                                    select(func.count())
                                    .select_from(OutboxMessage)
                                    .where(OutboxMessage.status == "pending")
                                )
                            ).scalar_one()
                        if not pending:
                            break
                        await asyncio.sleep(0.05)  # a 429 pause: let the retry_after pass
                finished = time.perf_counter()
                async with session.get(endpoint + "/stats") as response:
                    stats = await response.json()
        finally:
            server.terminate()
            await server.wait()
            await database.close()
    rate = stats["delivered"] / (finished - ticked)
    return {
        "enrolments": count,
        "limit_per_s": limit,
        "queued": queued,
        "tick_s": round(ticked - started, 2),
        "send_s": round(finished - ticked, 2),
        "delivered_per_s": round(rate, 1),
        "ratio_to_limit": round(rate / limit, 3) if limit else None,
        "lost": count - stats["delivered"],
        "duplicates": stats["duplicates"],
        "http_429": platform.rate_limited,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def memory() -> None:
    """Peak RSS of separate processes at 1,000 and 100,000 enrolments (unlimited sends)."""
    results = {}
    for count in (1_000, 100_000):
        output = subprocess.run(
            [sys.executable, "-m", "benchmarks.fanout", "--enrolments", str(count), "--limit", "0"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        results[count] = json.loads(output.stdout.strip().splitlines()[-1])
    small, large = results[1_000]["peak_rss_mb"], results[100_000]["peak_rss_mb"]
    print(json.dumps({"rss_1000_mb": small, "rss_100000_mb": large, "ratio": round(large / small, 3)}))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--enrolments", type=int, default=20_000)
    parser.add_argument("--limit", type=float, default=1000, help="platform messages a second (0: none)")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--memory", action="store_true", help="compare peak RSS at 1,000 and 100,000")
    args = parser.parse_args()
    if args.memory:
        memory()
        return
    print(json.dumps(asyncio.run(run(args.enrolments, args.limit, args.database_url, args.workers))))


if __name__ == "__main__":
    main()
