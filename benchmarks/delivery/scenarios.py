"""The benchmark's scenarios (fanout, faults, memory, instances, kill, sigterm); each returns result rows.

Every scenario works in a temporary folder with its own processes and databases, removed (processes
stopped, PostgreSQL databases dropped) however the run ends, Ctrl-C included.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks.delivery import run, seed
from benchmarks.delivery.measure import result
from benchmarks.delivery.processes import TOKEN_BASELINE, TOKEN_COACHBOT, Processes, peak_rss_mb, wait_up
from benchmarks.delivery.run import Options
from coachbot.store.db import Database


@dataclass
class Workspace:
    folder: Path
    processes: Processes
    session: aiohttp.ClientSession
    options: Options


@asynccontextmanager
async def workspace(options: Options, keep: bool = False) -> AsyncIterator[Workspace]:
    folder = Path(tempfile.mkdtemp(prefix="coachbot-bench-"))
    processes = Processes(folder)
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
            yield Workspace(folder, processes, session, options)
    finally:
        processes.close()
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


@asynccontextmanager
async def database(space: Workspace, postgres: bool = False) -> AsyncIterator[str]:
    """A seeded database URL: a SQLite file in the workspace, or a fresh PostgreSQL database (dropped)."""
    options = space.options
    if not postgres:
        url = seed.sqlite_url(str(space.folder / "coachbot.db"))
        await seed.seed(url, options.people, options.interactive)
        yield url
        return
    name, url = await seed.create_postgres(options.postgres)
    try:
        await seed.seed(url, options.people, options.interactive)
        yield url
    finally:
        await seed.drop_postgres(options.postgres, name)


async def fake(space: Workspace, token: str) -> str:
    options = space.options
    _process, url = space.processes.fake(token, ["--rate", str(options.rate), *options.faults])
    await wait_up(url)
    return url


def start_coachbot(
    space: Workspace, url: str, database_url: str, name: str = "coachbot"
) -> subprocess.Popen[bytes]:
    data = space.folder / f"{name}-data"
    env = run.coachbot_env(space.options, url, database_url, str(data), TOKEN_COACHBOT)
    return space.processes.coachbot(name, env)


async def finish(
    space: Workspace, name: str, url: str, bots: list[subprocess.Popen[bytes]], due: datetime,
    database_url: str | None, until: int | None = None, limit: float | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Send /checkin traffic and wait for the fan-out's end; then measure RSS, stop the bots, and score."""
    options = space.options
    traffic = asyncio.create_task(
        run.checkins(space.session, url, options.interactive, options.checkins_per_second, due)
    )
    db = Database.connect(database_url) if database_url else None
    started = time.monotonic()
    try:
        stall = options.stall if db is not None else options.baseline_stall
        alive = lambda: any(bot.poll() is None for bot in bots)  # noqa: E731
        await run.until_done(
            space.session, url, options.people, due, stall, db, until, alive, options.at_least
        )
    finally:
        traffic.cancel()
        await asyncio.gather(traffic, return_exceptions=True)
        if db is not None:
            await db.close()
    rss = [peak_rss_mb(bot.pid) for bot in bots]
    early = [bot.returncode for bot in bots if bot.poll() is not None]
    if early:
        print(f"{name}: exited before the end with {early} (its log: --keep)", file=sys.stderr)
    codes = [space.processes.stop(bot) for bot in bots]
    delivered = await run.messages(space.session, url)
    (space.folder / f"messages-{url.rsplit(':', 1)[1]}.json").write_text(json.dumps(delivered))  # for --keep
    row = result(
        name, options.people, limit or (1000 if options.paid else options.rate), due.timestamp(), delivered,
        await run.stats(space.session, url),
    )  # fmt: skip
    measured = [value for value in rss if value is not None]
    row.update(peak_rss_mb=max(measured) if measured else None, exit_codes=codes)
    row["wall_s"] = round(time.monotonic() - started, 1)
    return row


async def side_by_side(options: Options, keep: bool) -> list[dict[str, Any]]:
    """coachbot run and the PTB baseline at the same time, each with its own fake and token."""
    async with workspace(options, keep) as space, database(space) as url:
        ours, theirs = await fake(space, TOKEN_COACHBOT), await fake(space, TOKEN_BASELINE)
        due = run.due_at(options.lead)
        await seed.set_due(url, due)
        bot = start_coachbot(space, ours, url)
        baseline = space.processes.baseline(theirs, options.people, seed.FANOUT_BASE, due.isoformat())
        return list(
            await asyncio.gather(
                finish(space, "coachbot run", ours, [bot], due, url),
                finish(space, "PTB JobQueue + AIORateLimiter", theirs, [baseline], due, None),
            )
        )


async def memory(options: Options, sizes: list[int], keep: bool) -> list[dict[str, Any]]:
    rows = []
    for size in sizes:
        sized = replace(options, people=size)
        async with workspace(sized, keep) as space, database(space) as url:
            ours = await fake(space, TOKEN_COACHBOT)
            due = run.due_at(sized.lead)
            await seed.set_due(url, due)
            rows.append(
                await finish(space, "coachbot run", ours, [start_coachbot(space, ours, url)], due, url)
            )
    if rows and rows[0].get("peak_rss_mb") and rows[-1].get("peak_rss_mb"):
        rows[-1]["rss_ratio"] = round(rows[-1]["peak_rss_mb"] / rows[0]["peak_rss_mb"], 3)
    return rows


async def instances(options: Options, counts: list[int], keep: bool) -> list[dict[str, Any]]:
    rows = []
    for count in counts:
        async with workspace(options, keep) as space, database(space, postgres=True) as url:
            ours = await fake(space, TOKEN_COACHBOT)
            due = run.due_at(options.lead)
            await seed.set_due(url, due)
            bots = [start_coachbot(space, ours, url, f"coachbot-{index}") for index in range(count)]
            row = await finish(space, f"coachbot run ×{count}", ours, bots, due, url)
            rows.append({**row, "instances": count})
    return rows


async def interrupt(options: Options, how: signal.Signals, at: float, keep: bool) -> list[dict[str, Any]]:
    """Stop coachbot with `how` once `at` of the people were reached, restart it, and finish."""
    async with workspace(options, keep) as space, database(space) as url:
        ours = await fake(space, TOKEN_COACHBOT)
        due = run.due_at(options.lead)
        await seed.set_due(url, due)
        first = start_coachbot(space, ours, url)
        before = await run.until_done(
            space.session,
            ours,
            options.people,
            due,
            options.stall,
            None,
            int(options.people * at),
            lambda: first.poll() is None,
        )
        rss_first = peak_rss_mb(first.pid)
        stopped = time.monotonic()
        os.kill(first.pid, how)
        try:
            code = await asyncio.to_thread(first.wait, 30)
        except subprocess.TimeoutExpired:
            first.kill()
            code = await asyncio.to_thread(first.wait)
        exit_s = round(time.monotonic() - stopped, 2)
        delivered = await run.messages(space.session, ours)
        db = Database.connect(url)
        try:
            recorded = await run.sent_chats(db)
        finally:
            await db.close()
        reached = {chat for chat, *_rest in delivered if seed.FANOUT_BASE <= chat < seed.INTERACTIVE_BASE}
        last_half_second = sum(1 for m in delivered if m[2] >= before["monotonic"] - 0.5)
        second = start_coachbot(space, ours, url, "coachbot-restarted")
        row = await finish(space, f"coachbot run, {how.name} + restart", ours, [second], due, url)
        row["peak_rss_mb"] = max(filter(None, [rss_first, row["peak_rss_mb"]]), default=None)
        row.update(
            stopped_after=before["fanout_distinct"], exit_code=code, exit_s=exit_s,
            delivered_unrecorded=len(reached - recorded), sent_last_half_second=last_half_second,
            fake_in_flight=before["in_flight"],
        )  # fmt: skip
        return [row]
