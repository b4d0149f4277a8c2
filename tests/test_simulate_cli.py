"""`coachbot simulate`: JSON lines out, one per decision in date order; bad CSV rows named by line."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from coachbot.cli import main

HEADER = "date,during,after,morning,completion,event"


def write(tmp_path: Path, rows: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "checkins.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    return path


def simulate(path: Path, *extra: str) -> int:
    return main(
        [
            "simulate",
            "--programme",
            "calf-rehab-12w",
            "--profile",
            "grade1",
            "--start",
            "2026-03-02",
            "--checkins",
            str(path),
            *extra,
        ]
    )


def days(count: int, during: int = 1, morning: int = 1) -> list[str]:
    start = date(2026, 3, 2)
    return [f"{start + timedelta(days=i)},{during},{during},{morning},all,none" for i in range(count)]


def test_green_days_advance_and_each_line_is_a_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert simulate(write(tmp_path, days(5))) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["date"] for line in lines] == ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]
    assert lines[1] == {
        "date": "2026-03-04",
        "phase": 0,
        "decision": "advance",
        "exercise": "E7",
        "level_from": 1,
        "level_to": 2,
        "rule": "10",
        "reason": lines[1]["reason"],
    }
    assert set(lines[0]) == {
        "date",
        "phase",
        "decision",
        "exercise",
        "level_from",
        "level_to",
        "rule",
        "reason",
    }


def test_the_decision_about_a_session_is_dated_the_next_morning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ["2026-03-02,6,2,1,all,none", "2026-03-03,,,1,,none"]
    assert simulate(write(tmp_path, rows)) == 0
    [line] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (line["date"], line["rule"]) == ("2026-03-03", "5")


def test_missing_morning_is_a_hold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = ["2026-03-02,1,1,1,all,none", "2026-03-03,,,,,"]
    assert simulate(write(tmp_path, rows)) == 0
    [line] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (line["decision"], line["rule"]) == ("hold", "3")


def test_red_flag_refers_and_ends_the_replay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [*days(3)[:2], "2026-03-04,1,1,1,all,red_flag", *days(6)[3:]]
    assert simulate(write(tmp_path, rows)) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[-1]["decision"] == "refer"
    assert lines[-1]["date"] == "2026-03-04"


def test_pop_stops_the_same_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = ["2026-03-02,2,2,1,all,pop", "2026-03-03,,,2,,none"]
    assert simulate(write(tmp_path, rows)) == 0
    [line] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (line["date"], line["decision"], line["rule"]) == ("2026-03-02", "stop", "2")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2026-03-03,11,1,1,all,none", ":3: during must be a whole number from 0 to 10, not '11'"),
        ("2026-03-03,1,1,1,lots,none", ":3: completion must be one of all|most|some|none, not 'lots'"),
        ("2026-03-03,1,1,1,all,boom", ":3: event must be one of none|pop|red_flag, not 'boom'"),
        ("2026-03-05,1,1,1,all,none", ":3: date 2026-03-05 does not follow 2026-03-02"),
        ("03/03/2026,1,1,1,all,none", ":3: date must be a date like 2026-03-02, not '03/03/2026'"),
        ("2026-03-03,1,1,1,all", ":3: expected 6 cells, found 5"),
    ],
)
def test_malformed_row_names_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str, message: str
) -> None:
    path = write(tmp_path, ["2026-03-02,1,1,1,all,none", row])
    assert simulate(path) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}{message}")


def test_bad_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, days(2), header="day,pain")
    assert simulate(path) == 1
    assert f"{path}:1: header must be date,during,after,morning,completion,event" in capsys.readouterr().err


def test_optional_self_test_columns_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = HEADER + ",heel_raises_injured,heel_raises_other,hop_pain"
    rows = [row + (",12,30,1" if index == 6 else ",,,") for index, row in enumerate(days(8))]
    assert simulate(write(tmp_path, rows, header)) == 0
    assert capsys.readouterr().out
