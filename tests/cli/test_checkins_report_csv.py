"""The /report check-ins CSV read back as the days of `coachbot simulate` (CLINICAL A26)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from coachbot.cli import checkins_report_csv
from coachbot.cli.checkins_csv import CsvError, parse
from coachbot.reporting import report

HEADER = ",".join(checkins_report_csv.COLUMNS)


def row(day: str, kind: str, details: dict[str, object] | None = None, **cells: str) -> str:
    values = {"local_date": day, "kind": kind, "phase": "1", **cells}
    text = json.dumps(details or {}).replace('"', '""')
    return ",".join([*(values.get(name, "") for name in checkins_report_csv.COLUMNS[:-1]), f'"{text}"'])


def test_the_columns_are_the_reports() -> None:
    assert (*report.CSV_COLUMNS, "details") == checkins_report_csv.COLUMNS


def test_rows_of_one_date_merge_and_missing_days_are_empty() -> None:
    lines = [
        HEADER,
        row("2026-03-02", "session", {"levels": {"E1": 2}}, during="2", after="1", completion="most",
            completion_reason="time", sudden="False"),
        row("2026-03-03", "morning", {"signs": []}, morning="1"),
        row("2026-03-05", "morning", {"signs": []}, morning="0"),
        row("2026-03-05", "weekly", {"heel_raise_injured": 12, "heel_raise_other": 30, "walk_minutes": 20,
                                      "hop_symmetric": True, "squat_control": "good", "trend": None}),
    ]  # fmt: skip
    first, second, third, fourth = parse(lines, "r.csv")
    assert (first.day, first.during, first.after, first.completion) == (date(2026, 3, 2), 2, 1, "most")
    assert (first.completion_reason, first.event, first.morning) == ("time", None, None)
    assert (second.morning, second.has_session) == (1, False)
    assert third.day == date(2026, 3, 4)  # no check-in that day
    assert (third.morning, third.has_session, dict(third.tests)) == (None, False, {})
    assert fourth.morning == 0
    assert dict(fourth.tests) == {
        "heel_raise_injured": 12,
        "heel_raise_other": 30,
        "walk_minutes": 20,
        "hop_symmetric": True,
        "squat_control": "good",
    }


def test_a_sudden_event_is_a_pop_and_a_ticked_sign_a_red_flag() -> None:
    lines = [
        HEADER,
        row("2026-03-02", "session", during="3", after="2", completion="all", sudden="True"),
        row("2026-03-03", "morning", {"signs": ["swelling"]}, morning="2"),
        row("2026-03-03", "session", during="1", after="1", completion="all", sudden="True"),
    ]
    pop, flagged = parse(lines, "r.csv")
    assert pop.event == "pop"
    assert flagged.event == "red_flag"  # a referral outranks the sudden event


def test_rows_in_any_order() -> None:
    lines = [HEADER, row("2026-03-03", "morning", morning="1"), row("2026-03-02", "morning", morning="2")]
    assert [day.morning for day in parse(lines, "r.csv")] == [2, 1]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([HEADER + ",note"], "r.csv:1: a /report check-ins CSV has the columns local_date,kind,"),
        ([HEADER], "r.csv:2: no check-ins after the header"),
        ([HEADER, row("2026-03-02", "lunch")], "r.csv:2: kind must be one of session|morning|weekly"),
        ([HEADER, row("2026-03-02", "morning", morning="11")], "r.csv:2: morning must be a whole number"),
        ([HEADER, row("02/03/2026", "morning")], "r.csv:2: local_date must be a date like 2026-03-02"),
        (
            [HEADER, row("2026-03-02", "morning"), row("2026-03-02", "morning")],
            "r.csv:3: a second morning check-in on 2026-03-02",
        ),
        ([HEADER, '2026-03-02,morning,1,,,1,,,,"{nope"'], "r.csv:2: details must be JSON"),
        ([HEADER, '2026-03-02,morning,1,,,1,,,,"[1]"'], "r.csv:2: details must be a JSON object"),
        (
            [HEADER, row("2026-03-02", "weekly", {"walking_pain": 12})],
            "r.csv:2: walking_pain must be a whole number from 0 to 10, not '12'",
        ),
        ([HEADER, "2026-03-02,morning,1"], "r.csv:2: expected 10 cells, found 3"),
    ],
)
def test_a_malformed_report_row_names_file_and_line(lines: list[str], message: str) -> None:
    with pytest.raises(CsvError) as raised:
        parse(lines, "r.csv")
    assert str(raised.value).startswith(message)
