"""`coachbot db upgrade` says what it applied, `coachbot db current` where a database stands, and any
number of instances may migrate a fresh PostgreSQL database at the same moment (issue 17 item 3)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from coachbot.cli.main import main
from coachbot.store import migrate
from coachbot.store.db import Database
from coachbot.store.leadership import Leadership
from tests.conftest import ROOT, postgres_database, sqlite_url

HEAD = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
ALL = [
    revision.revision for revision in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()
]


def test_upgrade_says_what_it_applied_then_that_nothing_was_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACHBOT_DATABASE_URL", sqlite_url(tmp_path / "fresh.db"))
    assert main(["db", "upgrade"]) == 0
    first = capsys.readouterr().out
    assert first.startswith(f"applied {len(ALL)} migrations: ")
    assert first.endswith(f"\ndatabase is up to date (at {HEAD})\n")
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out == f"nothing to apply: database is up to date (at {HEAD})\n"


def test_current_is_behind_on_an_empty_database_and_up_to_date_after_an_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACHBOT_DATABASE_URL", sqlite_url(tmp_path / "fresh.db"))
    assert main(["db", "current"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"current: none (empty database)\nhead:    {HEAD}\nbehind by {len(ALL)}: ")
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out == f"current: {HEAD}\nhead:    {HEAD}\nup to date\n"


async def test_three_instances_migrate_a_fresh_postgres_database_at_once(tmp_path: Path) -> None:
    """Three real processes started together on an empty database: all exit 0, one applies every
    migration and the others find nothing left (without the lock: a unique violation on alembic_version)."""
    async with postgres_database() as url:
        env = {**os.environ, "COACHBOT_DATABASE_URL": url}
        processes = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-m", "coachbot", "db", "upgrade", env=env, cwd=tmp_path,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            )
            for _ in range(3)
        ]  # fmt: skip
        results = [await process.communicate() for process in processes]
        assert [process.returncode for process in processes] == [0, 0, 0], [err for _out, err in results]
        outs = sorted(out.decode().split(":")[0] for out, _err in results)
        assert outs == [f"applied {len(ALL)} migrations", "nothing to apply", "nothing to apply"]
        database = Database.connect(url)
        try:
            assert (await migrate.standing(database)).behind == ()
        finally:
            await database.close()


def test_plain_alembic_says_what_it_runs(tmp_path: Path) -> None:
    """`alembic upgrade head` by hand logs each migration as alembic.ini says (env.py reads it)."""
    env = {**os.environ, "COACHBOT_DATABASE_URL": sqlite_url(tmp_path / "by-hand.db")}
    result = subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"Running upgrade  -> {ALL[-1]}, " in result.stderr
    assert f"-> {HEAD}, " in result.stderr


async def test_an_instance_migrates_while_another_leads() -> None:
    """The migration lock is not the leader's: a new instance starts while a leader holds its lock."""
    async with postgres_database() as url:
        leader = Leadership(url)
        database = Database.connect(url)
        try:
            assert await leader.try_acquire()
            async with asyncio.timeout(20):
                await migrate.upgrade(database)
        finally:
            await database.close()
            await leader.release()
