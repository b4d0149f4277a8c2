"""The operator commands about one person: `coachbot export` (the same JSON /export sends) and
`coachbot report` (the /report PDF, the check-ins CSV and the referrals CSV), for answering data requests
and clinicians."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from coachbot.core.report_files import gather
from coachbot.programme.loader import load_directory
from coachbot.reporting import report as clinician
from coachbot.reporting.report import ReportData
from coachbot.settings import Settings
from coachbot.store import migrate
from coachbot.store.db import Database
from coachbot.store.export import collect, dumps
from coachbot.store.repo import Repo


@asynccontextmanager
async def _reading(url: str) -> AsyncIterator[Repo]:
    """A read transaction on an up-to-date database, closed afterwards."""
    database = Database.connect(url)
    try:
        await migrate.upgrade(database)
        async with database.read() as repo:
            yield repo
    finally:
        await database.close()


async def export(url: str, platform: str, user: str) -> int:
    async with _reading(url) as repo:
        person = await repo.person(platform, user)
        if person is None:
            print(f"coachbot: nothing is stored for {platform} user {user}", file=sys.stderr)
            return 1
        document = await collect(repo, person, datetime.now(UTC))
    sys.stdout.write(dumps(document))
    return 0


def report(settings: Settings, platform: str, user: str, out: Path) -> int:
    """The report of the person's current (or latest) plan: FILE.pdf, FILE.csv (check-ins) beside it, and
    FILE-referrals.csv when there were referrals."""
    if not out.parent.is_dir():
        print(f"coachbot: cannot write {out}: the folder {out.parent} does not exist", file=sys.stderr)
        return 1
    data = asyncio.run(_report_data(settings, platform, user))
    if data is None:
        print(f"coachbot: no plan is stored for {platform} user {user}", file=sys.stderr)
        return 1
    files = {out: clinician.pdf(data), out.with_suffix(".csv"): clinician.checkins_csv(data.checkins)}
    if data.referrals:
        files[out.with_name(f"{out.stem}-referrals.csv")] = clinician.referrals_csv(data.referrals)
    written = list(files)
    try:
        for path, content in files.items():
            path.write_bytes(content)
    except OSError as error:
        print(f"coachbot: cannot write {error.filename or out}: {error.strerror}", file=sys.stderr)
        return 1
    print("wrote " + ", ".join(str(path) for path in written), file=sys.stderr)
    return 0


async def _report_data(settings: Settings, platform: str, user: str) -> ReportData | None:
    programmes = load_directory(settings.programmes_dir)
    async with _reading(settings.database_url.value) as repo:
        person = await repo.person(platform, user)
        plans = await repo.enrolments(person.id) if person is not None else []
        if person is None or not plans or plans[-1].programme_id not in programmes:
            return None
        zone = person.tz or "UTC"
        today = datetime.now(UTC).astimezone(ZoneInfo(zone)).date()
        return await gather(repo, plans[-1], programmes[plans[-1].programme_id], zone, today)
