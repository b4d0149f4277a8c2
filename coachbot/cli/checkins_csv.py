"""Reading a check-in CSV for `coachbot simulate`; a malformed row raises with `FILE:LINE: message`.

Header: date,during,after,morning,completion,event, then any of the optional columns: the self-tests
heel_raises_injured, heel_raises_other and hop_pain (pogo and single-leg hops), completion_reason, and the
other weekly answers by name (walk_minutes, walking_pain, ... see `checkins_cells.WEEKLY_ANSWERS`).
One row per consecutive calendar day; an empty cell means no answer that day. The check-ins CSV of
/report (`coachbot report`) is read too (`checkins_report_csv`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from coachbot.cli import checkins_report_csv
from coachbot.cli.checkins_cells import (
    COMPLETIONS,
    EVENTS,
    REASONS,
    WEEKLY_ANSWERS,
    CsvError,
    cell,
    choice,
    count,
    score,
    weekly_answer,
)
from coachbot.coaching.simulation import Day

__all__ = ["Checkins", "CsvError", "parse", "parse_checkins", "read", "read_days"]

REQUIRED = ("date", "during", "after", "morning", "completion", "event")
SELF_TESTS = ("heel_raises_injured", "heel_raises_other", "hop_pain")
WEEKLY = tuple(
    name for name in WEEKLY_ANSWERS if name not in ("heel_raise_injured", "heel_raise_other", "hop_pain")
)
OPTIONAL = (*SELF_TESTS, "completion_reason", *WEEKLY)


@dataclass(frozen=True)
class Checkins:
    """The days of a file, and whether it was the /report check-ins CSV (its first day is the enrolment
    day's session, before any morning answer)."""

    days: list[Day]
    from_report: bool


def read_days(path: Path) -> list[Day]:
    return read(path).days


def read(path: Path) -> Checkins:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            text = handle.read()
    except OSError as error:
        raise CsvError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise CsvError(f"{path}: cannot read: not UTF-8 text (save the spreadsheet as CSV UTF-8)") from None
    return parse_checkins(text.splitlines(), str(path))


def parse(lines: list[str], source: str) -> list[Day]:
    return parse_checkins(lines, source).days


def parse_checkins(lines: list[str], source: str) -> Checkins:
    reader = csv.reader(lines)
    try:
        header = [name.strip() for name in next(reader, [])]
        if checkins_report_csv.is_report(header):
            return Checkins(checkins_report_csv.parse(header, reader, source), from_report=True)
        return Checkins(_parse(header, reader, source), from_report=False)
    except csv.Error as error:
        raise CsvError(f"{source}:{reader.line_num}: not a CSV row: {error}") from None


def _parse(header: list[str], reader: Iterator[list[str]], source: str) -> list[Day]:
    _check_header(header, source)
    days: list[Day] = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        where = f"{source}:{line}"
        if len(cells) != len(header):
            raise CsvError(f"{where}: expected {len(header)} cells, found {len(cells)}")
        row = dict(zip(header, (cell.strip() for cell in cells), strict=True))
        day = cell(where, "date", row["date"], date.fromisoformat, "a date like 2026-03-02")
        assert day is not None
        if days and day != days[-1].day + timedelta(days=1):
            raise CsvError(
                f"{where}: date {day} does not follow {days[-1].day} (one row per consecutive day)"
            )
        days.append(_day(where, day, row))
    if not days:
        raise CsvError(f"{source}:2: no rows after the header")
    return days


def _check_header(header: list[str], source: str) -> None:
    extra = header[len(REQUIRED) :]
    if (
        tuple(header[: len(REQUIRED)]) != REQUIRED
        or any(name not in OPTIONAL for name in extra)
        or len(set(extra)) != len(extra)
    ):
        raise CsvError(
            f"{source}:1: header must be {','.join(REQUIRED)} optionally followed by any of "
            f"{', '.join(OPTIONAL)} (or be the check-ins CSV of /report); got {','.join(header)}"
        )


def _day(where: str, day: date, row: dict[str, str]) -> Day:
    weekly = {name: weekly_answer(where, name, row[name]) for name in WEEKLY if row.get(name, "") != ""}
    return Day(
        day=day,
        during=score(where, "during", row["during"]),
        after=score(where, "after", row["after"]),
        morning=score(where, "morning", row["morning"]),
        completion=choice(where, "completion", row["completion"], COMPLETIONS),
        event=choice(where, "event", row["event"], EVENTS),
        heel_raises_injured=count(where, "heel_raises_injured", row.get("heel_raises_injured", "")),
        heel_raises_other=count(where, "heel_raises_other", row.get("heel_raises_other", "")),
        hop_pain=score(where, "hop_pain", row.get("hop_pain", "")),
        completion_reason=choice(where, "completion_reason", row.get("completion_reason", ""), REASONS),
        tests=weekly,
    )
