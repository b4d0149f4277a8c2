"""`coachbot simulate`: JSON lines out, one per decision in date order (or per day with --daily); bad
arguments and bad CSV rows get one clear line (CLINICAL A26)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from coachbot.cli.checkins_csv import read_days
from coachbot.cli.main import main
from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store import migrate
from coachbot.store.db import Database
from tests.chat import Chat

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


# CLINICAL A26: `simulate` is the live bot; the arguments, the errors, --daily and the CSVs it reads.

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "docs" / "samples" / "grade1-12w.csv"
WEEKLY = HEADER + ",heel_raises_injured,heel_raises_other,hop_pain"


def run(*arguments: str) -> int:
    return main(["simulate", *arguments])


def lines_of(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def green_weeks(count: int) -> list[str]:
    """Green days with only the old self-test columns: walking, balance and confidence never answered."""
    return [row + (",30,31,0" if index % 7 == 6 else ",,,") for index, row in enumerate(days(count))]


def test_a_test_with_no_data_is_not_passed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, green_weeks(15), WEEKLY)
    assert simulate(path) == 0
    assert "phase_up" not in {line["decision"] for line in lines_of(capsys.readouterr().out)}


def test_assume_passed_counts_a_test_with_no_data_as_passed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, green_weeks(15), WEEKLY)
    assert simulate(path, "--assume-passed") == 0
    ups = [line for line in lines_of(capsys.readouterr().out) if line["decision"] == "phase_up"]
    assert [(line["date"], line["phase"]) for line in ups][:1] == [("2026-03-09", 1)]


def test_the_weekly_answers_are_read_from_their_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = HEADER + ",walk_minutes,walking_pain,heel_raise_pain,trend"
    rows = [row + (",20,1,1,better" if index == 6 else ",,,,") for index, row in enumerate(days(9))]
    assert simulate(write(tmp_path, rows, header)) == 0
    ups = [line for line in lines_of(capsys.readouterr().out) if line["decision"] == "phase_up"]
    assert [(line["date"], line["phase"]) for line in ups] == [("2026-03-09", 1)]


def test_the_sample_history_runs_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--programme", "calf-rehab-12w", "--profile", "grade1", "--checkins", str(SAMPLE)) == 0
    out, err = capsys.readouterr()
    decisions = lines_of(out)
    assert err == ""
    assert {"phase_up", "advance"} <= {line["decision"] for line in decisions}
    assert not {"refer", "stop"} & {line["decision"] for line in decisions}
    assert read_days(SAMPLE)[0].day == date(2026, 3, 2)
    assert len(read_days(SAMPLE)) == 84  # twelve weeks


def test_the_sample_is_named_in_the_readme_and_the_clinical_notes() -> None:
    for document in ("README.md", "docs/clinical.md"):
        assert "docs/samples/grade1-12w.csv" in (ROOT / document).read_text()


def test_daily_prints_one_line_per_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert simulate(write(tmp_path, days(5)), "--daily") == 0
    lines = lines_of(capsys.readouterr().out)
    assert [line["date"] for line in lines] == [f"2026-03-0{day}" for day in range(2, 7)]
    assert list(lines[0]) == ["date", "phase", "levels", "items", "decisions", "status"]
    assert lines[0]["decisions"] == []
    assert lines[0]["items"] == ["E7", "AP", "E1", "E2", "E6"]  # phase 0's menu, every day
    assert lines[0]["levels"] == {"AP": 1, "E1": 1, "E2": 1, "E6": 1, "E7": 1}
    [advance] = lines[2]["decisions"]
    assert (advance["decision"], advance["exercise"], advance["level_to"]) == ("advance", "E7", 2)
    assert lines[2]["levels"]["E7"] == 2
    assert {line["status"] for line in lines} == {"active"}


def test_daily_decisions_are_the_default_output_grouped_by_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--programme", "calf-rehab-12w", "--profile", "grade1", "--checkins", str(SAMPLE)) == 0
    flat = lines_of(capsys.readouterr().out)
    assert (
        run("--programme", "calf-rehab-12w", "--profile", "grade1", "--checkins", str(SAMPLE), "--daily") == 0
    )
    daily = lines_of(capsys.readouterr().out)
    assert len(daily) == 84
    assert [decision for line in daily for decision in line["decisions"]] == flat


def test_daily_items_are_todays_session_with_rest_days_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run("--programme", "calf-rehab-12w", "--profile", "grade1", "--checkins", str(SAMPLE), "--daily") == 0
    )
    daily = lines_of(capsys.readouterr().out)
    strength = [line for line in daily if line["phase"] == 2]
    sundays = [line for line in strength if date.fromisoformat(str(line["date"])).weekday() == 6]
    assert sundays
    assert all(line["items"] == [] for line in sundays)  # phase 2 trains Mon-Sat
    assert all(line["items"] for line in strength if line not in sundays)


def test_daily_status_is_resting_after_a_stop_and_referred_at_the_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ["2026-03-02,2,2,1,all,pop", *days(4)[1:3], "2026-03-05,1,1,1,all,red_flag", *days(7)[4:]]
    assert simulate(write(tmp_path, rows), "--daily") == 0
    lines = lines_of(capsys.readouterr().out)
    assert [line["status"] for line in lines] == ["resting", "resting", "resting", "referred"]
    assert lines[0]["items"]  # the session was done before the sudden event
    assert lines[1]["items"] == []  # nothing is prescribed while resting (CLINICAL A12)
    assert lines[-1]["items"] == []
    assert lines[-1]["decisions"][-1]["decision"] == "refer"


def clinician(tmp_path: Path, phase: str, *extra: str) -> int:
    path = write(tmp_path, days(21))
    return run(
        "--programme", "calf-rehab-12w", "--profile", "clinician_led", "--clinician-phase", phase,
        "--checkins", str(path), *extra,
    )  # fmt: skip


def test_clinician_led_starts_in_the_clinicians_phase_and_is_never_advanced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert clinician(tmp_path, "2", "--assume-passed") == 0
    lines = lines_of(capsys.readouterr().out)
    first = lines[0]
    assert (first["date"], first["decision"], first["rule"], first["phase"]) == (
        "2026-03-02",
        "clinician",
        "A16",
        2,
    )
    assert "phase 2" in str(first["reason"]).lower()
    kinds = {line["decision"] for line in lines}
    assert not {"advance", "phase_up"} & kinds  # A16: only the clinician moves the plan on
    assert {line["phase"] for line in lines} == {2}


def test_clinician_phase_sets_the_levels_within_the_phase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert clinician(tmp_path, "2", "--daily") == 0
    first = lines_of(capsys.readouterr().out)[0]
    assert first["phase"] == 2
    assert first["decisions"][0]["decision"] == "clinician"
    assert first["levels"]["E1"] == 5  # within phase 2's bounds: the clinician decides (A16)
    assert first["status"] == "active"


def test_clinician_phase_zero_keeps_the_first_phase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert clinician(tmp_path, "0") == 0
    assert lines_of(capsys.readouterr().out)[0]["decision"] == "clinician"


BAD_ARGUMENTS = [
    (
        ["--programme", "calf-rehab-12w", "--profile", "prevention"],
        "coachbot: --profile prevention does not fit calf-rehab-12w (a rehab programme); "
        "use grade1, grade2, clinician_led",
    ),
    (
        ["--programme", "calf-strength-12w", "--profile", "grade1"],
        "coachbot: --profile grade1 does not fit calf-strength-12w (a prevention programme); use prevention",
    ),
    (
        ["--programme", "calf-strength-12w", "--profile", "clinician_led", "--clinician-phase", "1"],
        "coachbot: --profile clinician_led does not fit calf-strength-12w",
    ),
    (["--profile", "grade1", "--age", "-3"], "coachbot: --age -3 is not an age; give years, 10-100"),
    (["--profile", "grade1", "--age", "9"], "coachbot: --age 9 is not an age"),
    (["--profile", "grade1", "--age", "101"], "coachbot: --age 101 is not an age"),
    (["--profile", "grade1", "--age", "250"], "coachbot: --age 250 is not an age"),
    (["--profile", "grade1", "--start", "2026-03-01"], "coachbot: --start 2026-03-01 does not match the first date of"),
    (["--profile", "grade1", "--baseline", "11"], "coachbot: --baseline 11 is not a pain score; give 0-10"),
    (["--profile", "grade1", "--heel-raises", "-4"], "coachbot: --heel-raises -4 is not a count of heel raises"),
    (["--profile", "grade2", "--clinician-phase", "2"], "coachbot: --clinician-phase goes with --profile clinician_led only"),
    (["--profile", "clinician_led"], "coachbot: --profile clinician_led needs --clinician-phase N, the phase the clinician set (0, 1, 2, 3, 4)"),
    (["--profile", "clinician_led", "--clinician-phase", "5"], "coachbot: --clinician-phase 5 is not a phase of calf-rehab-12w (0, 1, 2, 3, 4)"),
    (["--profile", "clinician_led", "--clinician-phase", "-1"], "coachbot: --clinician-phase -1 is not a phase of"),
    (["--programme", "calf-rehab-8w", "--profile", "grade1"], "coachbot: no programme 'calf-rehab-8w'; try `coachbot programme list`"),
]  # fmt: skip


@pytest.mark.parametrize(("arguments", "message"), BAD_ARGUMENTS)
def test_a_bad_argument_is_one_clear_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    path = write(tmp_path, days(3))
    arguments = ["--programme", "calf-rehab-12w", *arguments] if "--programme" not in arguments else arguments
    assert run(*arguments, "--checkins", str(path)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_a_start_date_that_does_not_match_says_both_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, days(3))
    assert simulate(path) == 0  # --start 2026-03-02, the first date
    capsys.readouterr()
    assert (
        run(
            "--programme",
            "calf-rehab-12w",
            "--profile",
            "grade1",
            "--start",
            "2026-03-09",
            "--checkins",
            str(path),
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err == f"coachbot: --start 2026-03-09 does not match the first date of {path}, 2026-03-02\n"


def test_an_age_under_18_is_simulated_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert simulate(write(tmp_path, days(3)), "--age", "15") == 0
    out, err = capsys.readouterr()
    assert out
    assert err == "coachbot: note: the bot does not enrol anyone under 18 (CLINICAL 7.1)\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, ": cannot read: No such file or directory"),
        ("dir", ": cannot read: Is a directory"),
        (b"date,during\xff\xfe,after\n", ": cannot read: not UTF-8 text"),
        (b"date,during,after,morning,completion,event\n" + b"x" * 200_000, ":2: not a CSV row"),
        (b"", ":1: header must be date,during,after,morning,completion,event"),
        (HEADER.encode() + b"\n", ":2: no rows after the header"),
    ],
)
def test_a_missing_or_unreadable_csv_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "checkins.csv"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    assert simulate(path) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}{message}")
    assert err.count("\n") == 1


def test_an_unknown_column_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, [row + ",10" for row in days(2)], HEADER + ",walk_minuts")
    assert simulate(path) == 1
    assert "walk_minuts" in capsys.readouterr().err


def test_simulate_as_a_subprocess(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable, "-m", "coachbot", "simulate", "--programme", "calf-rehab-12w", "--profile",
            "grade1", "--start", "2026-03-02", "--checkins", str(SAMPLE), "--daily",
        ],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = lines_of(result.stdout)
    assert len(lines) == 84
    assert lines[-1]["date"] == "2026-05-24"
    bad = subprocess.run(
        [sys.executable, "-m", "coachbot", "simulate", "--programme", "calf-rehab-12w", "--profile",
         "prevention", "--checkins", str(SAMPLE)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert bad.returncode == 1
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1
    assert "Traceback" not in bad.stderr


async def a_logged_week(coach: Coach, now: datetime) -> Chat:
    """Enrolled through the bot, six green sessions with settled mornings, then the weekly check-in."""
    chat = Chat(coach, now)
    await chat.enrol()
    for _ in range(6):
        await chat.log_session("1", "1")
        chat.later(days=1)
        await chat.log_morning("1")
    chat.later(days=1)
    await chat.command("/weekly")
    await chat.say("25")  # walk minutes
    await chat.press("1")  # walking pain, first: the heel raises follow it (A20)
    for answer in ("14", "30"):
        await chat.say(answer)
    for answer in ("1", "Better", "8"):  # heel-raise pain, trend, adherence
        await chat.press(answer)
    return chat


async def test_the_csv_of_report_replays(
    tmp_path: Path, programmes: dict[str, Programme], now: datetime, capsys: pytest.CaptureFixture[str]
) -> None:
    database = Database.connect(f"sqlite+aiosqlite:///{tmp_path / 'r.db'}")
    await migrate.upgrade(database)
    chat = await a_logged_week(Coach(database, Catalogue(programmes)), now)
    await chat.command("/report")
    await database.close()
    [sent] = [reply.file for reply in chat.replies if reply.file and reply.file.filename.endswith(".csv")]
    path = tmp_path / sent.filename
    path.write_bytes(sent.data)
    assert path.read_text().startswith("local_date,kind,")
    assert (
        run("--programme", "calf-rehab-12w", "--profile", "grade1", "--checkins", str(path), "--daily") == 0
    )
    out, err = capsys.readouterr()
    assert err == ""
    lines = lines_of(out)
    assert [line["date"] for line in lines] == [f"2026-03-0{day}" for day in range(2, 10)]
    decisions = [decision for line in lines for decision in line["decisions"]]
    assert [d["date"] for d in decisions if d["decision"] == "advance"]  # the green sessions were read
    # the weekly answers were read: without the walk, phase 0's exit has no data and is not passed (A26)
    assert ("2026-03-09", 1) in [(d["date"], d["phase"]) for d in decisions if d["decision"] == "phase_up"]


async def test_the_csv_of_coachbot_report_replays(
    tmp_path: Path,
    programmes: dict[str, Programme],
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    database = Database.connect(url)
    await migrate.upgrade(database)
    await a_logged_week(Coach(database, Catalogue(programmes)), now)
    await database.close()
    monkeypatch.setenv("COACHBOT_DATABASE_URL", url)
    out = tmp_path / "report.pdf"
    report = ["report", "--platform", "console", "--user", "42", "--out", str(out)]
    assert await asyncio.to_thread(main, report) == 0
    capsys.readouterr()
    path = out.with_suffix(".csv")
    assert (
        run(
            "--programme",
            "calf-rehab-12w",
            "--profile",
            "grade1",
            "--start",
            "2026-03-02",
            "--checkins",
            str(path),
        )
        == 0
    )
    decisions = lines_of(capsys.readouterr().out)
    assert ("2026-03-09", "phase_up") in [(d["date"], d["decision"]) for d in decisions]


def test_the_baseline_is_the_first_days_morning_unless_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ["2026-03-02,1,1,,all,none", "2026-03-03,1,1,1,all,none", "2026-03-04,,,1,,none"]
    assert simulate(write(tmp_path, rows)) == 0
    assert [line["rule"] for line in lines_of(capsys.readouterr().out)] == ["7", "7"]  # B 0: M 1 is above it
    assert simulate(write(tmp_path, rows), "--baseline", "1") == 0
    assert [line["rule"] for line in lines_of(capsys.readouterr().out)] == ["10", "10"]  # B 1: settled


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, days(365))
    command = [sys.executable, "-m", "coachbot", "simulate", "--programme", "calf-rehab-12w", "--profile",
               "grade1", "--checkins", str(path), "--daily"]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read().decode()
    assert "Traceback" not in err


def test_a_year_shows_a_progress_bar_on_stderr_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert simulate(write(tmp_path, days(365)), "--daily") == 0
    out, err = capsys.readouterr()
    assert len(lines_of(out)) == 365
    assert "365/365" in err


def test_training_days_long_run_and_flags_shape_the_daily_sessions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--days (A23), --long-run (A22) and --flag (A17) reach today's session as in the live bot."""
    arguments = ("--programme", "calf-strength-12w", "--profile", "prevention", "--checkins", str(SAMPLE))
    assert run(*arguments, "--days", "tue,thu,sat", "--long-run", "sun", "--daily", "--assume-passed") == 0
    daily = lines_of(capsys.readouterr().out)
    session_days = {date.fromisoformat(day["date"]).strftime("%a") for day in daily if day["items"]}
    assert session_days <= {"Tue", "Thu"}  # Saturday is the day before the long run: no heavy session
    assert run(*arguments, "--flag", "no_plyometrics", "--daily", "--assume-passed") == 0
    daily = lines_of(capsys.readouterr().out)
    assert all(not {"E8", "B1"} & set(day["items"]) for day in daily)


def test_unknown_training_days_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ("--programme", "calf-strength-12w", "--profile", "prevention", "--checkins", str(SAMPLE))
    assert run(*arguments, "--days", "tux") == 1
    assert capsys.readouterr().err == "coachbot: --days 'tux': 'tux' is not a day of the week\n"
