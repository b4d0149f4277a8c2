"""The command line as written in the README: exact forms, exit codes, messages on stderr."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from coachbot.cli.main import main
from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store import migrate
from coachbot.store.db import Database
from tests.chat import Chat
from tests.conftest import ROOT
from tests.fakes.discord_api import FakeDiscord
from tests.programme.test_loader import MINIMAL


def test_validate_shipped_programmes(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(path) for path in sorted((ROOT / "programmes").glob("*.yaml"))]
    assert main(["programme", "validate", *paths]) == 0
    out = capsys.readouterr().out
    assert "calf-rehab-12w.yaml: ok (calf-rehab-12w v1)" in out


def test_validate_reports_file_and_line_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(MINIMAL)
    bad.write_text(MINIMAL.replace("top: 2", "top: 10"))
    assert main(["programme", "validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    line = next(n for n, text in enumerate(bad.read_text().splitlines(), 1) if "top: 10" in text)
    assert captured.err == f"{bad}:{line}: phases[0].menu[0]: ladder E1 has no level 10\n"
    assert f"{good}: ok" in captured.out


def test_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["programme", "validate", str(tmp_path / "nope.yaml")]) == 1
    assert "nope.yaml: cannot read" in capsys.readouterr().err


def test_show_prints_a_week_by_week_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["programme", "show", "calf-strength-12w"]) == 0
    out = capsys.readouterr().out
    assert "Week  1: 1 Capacity" in out
    assert "Week 12: 3 Power" in out
    assert "Calf tests in weeks 1, 4, 8, 12." in out


def test_show_unknown_programme(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["programme", "show", "marathon"]) == 1
    assert "no programme 'marathon'" in capsys.readouterr().err


def test_db_upgrade_creates_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fresh.db"
    monkeypatch.setenv("COACHBOT_DATABASE_URL", f"sqlite+aiosqlite:///{path}")
    assert main(["db", "upgrade"]) == 0
    assert "up to date" in capsys.readouterr().out
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"people", "enrolments", "checkins", "decisions", "conversations"} <= tables


def test_bad_database_url_is_one_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACHBOT_DATABASE_URL", "mysql://root@localhost/x")
    assert main(["db", "upgrade"]) == 1
    assert "must start with sqlite+aiosqlite:// or postgresql+asyncpg://" in capsys.readouterr().err


def test_installed_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coachbot", "programme", "list"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "calf-rehab-12w\t12-week calf strain rehab" in result.stdout


def test_console_run_exits_cleanly_at_end_of_input(tmp_path: Path) -> None:
    env = {"COACHBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'c.db'}", "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "coachbot", "run"],
        input="/help\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "coachbot> coachbot guides you" in result.stdout


def test_schedule_preview_is_dst_exact(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "schedule",
        "preview",
        "--tz",
        "Europe/London",
        "--time",
        "07:30",
        "--start",
        "2026-03-28T00:00:00Z",
        "--count",
        "3",
    ]
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2026-03-28T07:30:00Z",
        "2026-03-29T06:30:00Z",
        "2026-03-30T06:30:00Z",
    ]


def test_schedule_preview_days_and_gap(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "schedule",
        "preview",
        "--tz",
        "Europe/London",
        "--time",
        "01:30",
        "--days",
        "sun",
        "--start",
        "2026-03-22T00:00:00Z",
        "--count",
        "2",
    ]
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines() == ["2026-03-22T01:30:00Z", "2026-03-29T01:00:00Z"]


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [("--tz", "Mars/Base", "Region/City"), ("--time", "25:00", "HH:MM"), ("--days", "funday", "mon,tue")],
)
def test_schedule_preview_bad_input_says_how_to_write_it(
    capsys: pytest.CaptureFixture[str], flag: str, value: str, message: str
) -> None:
    args = {"--tz": "Europe/London", "--time": "07:30", "--days": "mon", flag: value}
    argv = ["schedule", "preview", "--start", "2026-03-28T00:00:00Z"]
    for name, given in args.items():
        argv += [name, given]
    assert main(argv) == 1
    assert message in capsys.readouterr().err


def test_a_wrong_telegram_token_is_one_clear_line(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_TOKEN": "123:wrong-token",
        "COACHBOT_TELEGRAM_API_URL": "http://127.0.0.1:9",  # nothing listens: the same path as a bad network
        "COACHBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'c.db'}",
        "PATH": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "coachbot", "run"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert "cannot reach Telegram" in result.stderr
    assert "wrong-token" not in result.stderr + result.stdout


async def _run_bot(env: dict[str, str]) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "coachbot", "run", env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    async with asyncio.timeout(120):
        out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode() + err.decode()


async def test_a_wrong_discord_token_or_no_network_is_one_clear_line(tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'd.db'}"
    async with FakeDiscord() as api:
        env = {"DISCORD_TOKEN": "wrong-discord-token", "COACHBOT_DISCORD_API_URL": api.api_url,
               "COACHBOT_DATABASE_URL": database, "PATH": ""}  # fmt: skip
        code, output = await _run_bot(env)
    assert code == 1
    assert "Discord refused DISCORD_TOKEN" in output
    assert "wrong-discord-token" not in output
    assert "Traceback" not in output

    env["COACHBOT_DISCORD_API_URL"] = "http://127.0.0.1:9/api/v10"  # nothing listens there
    code, output = await _run_bot(env)
    assert code == 1
    assert "cannot reach Discord" in output
    assert "wrong-discord-token" not in output


async def test_export_prints_a_persons_data_for_an_operator(
    tmp_path: Path,
    programmes: dict[str, Programme],
    now: datetime,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = Database.connect(f"sqlite+aiosqlite:///{tmp_path / 'e.db'}")
    await migrate.upgrade(database)
    await Chat(Coach(database, Catalogue(programmes)), now, user_id="8080").enrol()
    await database.close()
    monkeypatch.setenv("COACHBOT_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'e.db'}")
    assert await asyncio.to_thread(main, ["export", "--platform", "console", "--user", "8080"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["person"]["user_id"] == "8080"
    assert len(document["enrolments"]) == 1
    assert await asyncio.to_thread(main, ["export", "--platform", "console", "--user", "nobody"]) == 1
    assert "nothing is stored for console user nobody" in capsys.readouterr().err
