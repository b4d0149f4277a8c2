"""What an operator can get wrong gets one clear line and a non-zero exit, never a traceback (issue 14,
item 16); `programme validate --as-upload` applies the rules of /club upload."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coachbot.cli.main import main
from coachbot.store.leadership import SqliteInstanceLock
from tests.conftest import sqlite_url
from tests.programme.test_leave_floor import PHASE_3_LEAVE
from tests.programme.test_phase_floors import REHAB, edit

UNREACHABLE = "postgresql+asyncpg://postgres@127.0.0.1:1/x"


def test_report_into_a_missing_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACHBOT_DATABASE_URL", sqlite_url(tmp_path / "c.db"))
    argv = ["report", "--platform", "console", "--user", "ana", "--out", "/nonexistent/x.pdf"]
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        "coachbot: cannot write /nonexistent/x.pdf: the folder /nonexistent does not exist\n"
    )


def test_db_upgrade_against_an_unreachable_postgres_is_one_line(tmp_path: Path) -> None:
    for url in (UNREACHABLE, "postgresql://postgres@127.0.0.1:1/x"):
        env = {**os.environ, "COACHBOT_DATABASE_URL": url}
        result = subprocess.run(
            [sys.executable, "-m", "coachbot", "db", "upgrade"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            cwd=tmp_path,
        )
        assert result.returncode == 1
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("coachbot: ")
        assert "Traceback" not in result.stderr


def test_unreachable_postgres_names_the_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACHBOT_DATABASE_URL", UNREACHABLE)
    assert main(["db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("coachbot: cannot reach the database postgresql+asyncpg://postgres@127.0.0.1:1/x")
    assert len(err.splitlines()) == 1


def test_a_negative_preview_count_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "schedule",
        "preview",
        "--tz",
        "Europe/London",
        "--time",
        "07:30",
        "--start",
        "2026-03-29T00:00:00Z",
    ]
    assert main([*argv, "--count", "-5"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "coachbot: --count must be a whole number of 1 or more, not -5\n"


def test_a_second_run_refuses_before_touching_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url(tmp_path / "c.db")
    monkeypatch.setenv("COACHBOT_DATABASE_URL", url)
    first = SqliteInstanceLock(url)
    first.acquire()
    try:
        assert main(["run"]) == 1
    finally:
        first.release()
    assert "another coachbot is already running on" in capsys.readouterr().err
    with sqlite3.connect(tmp_path / "c.db") as connection:
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    assert tables == []  # no migration ran


def test_the_lock_file_lives_in_the_data_folder(tmp_path: Path) -> None:
    lock = SqliteInstanceLock(sqlite_url(tmp_path / "c.db"))
    lock.acquire()
    try:
        assert lock.path == tmp_path / "coachbot-data" / "c.db.lock"
        with open(lock.path) as held, pytest.raises(BlockingIOError):
            fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        lock.release()


def test_validate_as_upload_applies_the_upload_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    club = tmp_path / "club.yaml"
    looser = PHASE_3_LEAVE.replace("    leave:\n", "    leave:\n      quiet_days: 2\n")
    club.write_text(edit(REHAB, PHASE_3_LEAVE, looser).replace("id: calf-rehab-12w", "id: club-rehab", 1))
    assert main(["programme", "validate", str(club)]) == 0
    assert "ok (club-rehab v1)" in capsys.readouterr().out
    assert main(["programme", "validate", "--as-upload", str(club)]) == 1
    captured = capsys.readouterr()
    assert "quiet_days 2 is shorter than the default 7" in captured.err
    assert captured.out == ""


def test_validate_as_upload_refuses_a_shipped_id(capsys: pytest.CaptureFixture[str]) -> None:
    shipped = Path(__file__).resolve().parents[2] / "programmes" / "calf-rehab-12w.yaml"
    assert main(["programme", "validate", "--as-upload", str(shipped)]) == 1
    assert "id: a shipped programme has this id" in capsys.readouterr().err


def test_run_on_a_database_in_a_missing_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACHBOT_DATABASE_URL", sqlite_url(tmp_path / "missing" / "c.db"))
    assert main(["run"]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"coachbot: cannot create the lock file {tmp_path}/missing/coachbot-data/c.db.lock: No such file or directory\n"
    )
    assert not (tmp_path / "missing").exists()
