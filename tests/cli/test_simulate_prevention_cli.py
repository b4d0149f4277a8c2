"""`coachbot simulate --heel-raises N`: the prevention starting dose of CLINICAL A22, as at enrolment."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from coachbot.cli.main import main


def first_advance(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    start = date(2026, 3, 2)
    rows = [f"{start + timedelta(days=i)},1,1,0,all,none" for i in range(8)]
    path = tmp_path / "checkins.csv"
    path.write_text("\n".join(["date,during,after,morning,completion,event", *rows]) + "\n")
    arguments = ["simulate", "--programme", "calf-strength-12w", "--profile", "prevention"]
    assert main([*arguments, "--start", str(start), "--checkins", str(path), *extra]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    advance: dict[str, object] = next(line for line in lines if line["decision"] == "advance")
    return advance


def test_a_strong_baseline_starts_single_leg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    advance = first_advance(tmp_path, capsys, "--heel-raises", "20")
    assert (advance["exercise"], advance["level_from"]) == ("E1", 5)


def test_without_a_baseline_the_calf_raise_starts_double_leg(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    advance = first_advance(tmp_path, capsys)
    assert (advance["exercise"], advance["level_from"]) == ("E1", 2)


def test_from_fifty_the_start_is_one_level_lower(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    advance = first_advance(tmp_path, capsys, "--heel-raises", "20", "--age", "55")
    assert (advance["exercise"], advance["level_from"]) == ("E1", 4)
