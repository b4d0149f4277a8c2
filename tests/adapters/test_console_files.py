"""Health files the console saves (issue 14, item 15): under the data folder, never in the current
folder or the repository, ignored by git, and erased by /forget with everything else."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from coachbot.cli.wiring import build
from coachbot.settings import load_settings
from tests.adapters.test_console import ENROL, NOW
from tests.conftest import ROOT, sqlite_url


async def run_console(db_path: Path, lines: list[str], environ: dict[str, str] | None = None) -> str:
    settings = load_settings({"COACHBOT_DATABASE_URL": sqlite_url(db_path), **(environ or {})})
    stdout = io.StringIO()
    app = build(settings, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=stdout, clock=lambda: NOW)
    await app.run()
    return stdout.getvalue()


def saved(output: str) -> list[Path]:
    return [Path(line.strip()[len("(saved ") : -1]) for line in output.splitlines() if "(saved " in line]


async def test_files_go_to_the_data_folder_and_forget_removes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    db_path = tmp_path / "db" / "coachbot.db"
    db_path.parent.mkdir()
    output = await run_console(
        db_path, [*ENROL, "/checkin", "3/10", "two", "all", "no", "/export", "/report", "/progress"]
    )
    files = saved(output)
    assert {path.suffix for path in files} >= {".json", ".pdf", ".csv", ".png"}
    folder = db_path.parent / "coachbot-data"
    assert all(path.parent.parent == folder and path.exists() for path in files)
    assert list(elsewhere.iterdir()) == []
    erased = await run_console(db_path, ["/forget", "Erase everything"])
    assert "everything I stored about you is erased" in erased
    assert not any(path.exists() for path in files)
    assert (folder / "coachbot.db.lock").exists()  # the lock is the database's, not the person's


async def test_coachbot_data_dir_chooses_the_folder(tmp_path: Path) -> None:
    output = await run_console(
        tmp_path / "c.db", [*ENROL, "/export"], {"COACHBOT_DATA_DIR": str(tmp_path / "health")}
    )
    [export] = saved(output)
    assert export.parent.parent == tmp_path / "health"


def test_git_ignores_the_data_folder_and_the_lock() -> None:
    for path in ("coachbot-data/console-ana/report.pdf", "coachbot.db.lock", "coachbot-demo.db"):
        result = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, check=False)
        assert result.returncode == 0, f"{path} is not ignored"
