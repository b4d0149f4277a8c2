"""Reading a check-in CSV for `coachbot simulate`; a malformed row raises with `FILE:LINE: message`.

Header: date,during,after,morning,completion,event [, heel_raises_injured, heel_raises_other, hop_pain].
One row per consecutive calendar day; an empty cell means no answer that day.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from coachbot.coaching.simulation import Day

REQUIRED = ("date", "during", "after", "morning", "completion", "event")
OPTIONAL = ("heel_raises_injured", "heel_raises_other", "hop_pain")
COMPLETIONS = ("all", "most", "some", "none")
EVENTS = ("none", "pop", "red_flag")

T = TypeVar("T")


class CsvError(ValueError):
    """A problem in the file, already formatted as FILE:LINE: message."""


def read_days(path: Path) -> list[Day]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return parse(handle.read().splitlines(), str(path))
    except OSError as error:
        raise CsvError(f"{path}: cannot read: {error.strerror}") from None


def parse(lines: list[str], source: str) -> list[Day]:
    reader = csv.reader(lines)
    header = [name.strip() for name in next(reader, [])]
    if tuple(header[: len(REQUIRED)]) != REQUIRED or any(
        name not in OPTIONAL for name in header[len(REQUIRED) :]
    ):
        raise CsvError(
            f"{source}:1: header must be {','.join(REQUIRED)} optionally followed by {', '.join(OPTIONAL)}; got {','.join(header)}"
        )
    days: list[Day] = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        where = f"{source}:{line}"
        if len(cells) != len(header):
            raise CsvError(f"{where}: expected {len(header)} cells, found {len(cells)}")
        row = dict(zip(header, (cell.strip() for cell in cells), strict=True))
        day = _cell(where, "date", row["date"], date.fromisoformat, "a date like 2026-03-02")
        assert day is not None
        if days and day != days[-1].day + timedelta(days=1):
            raise CsvError(
                f"{where}: date {day} does not follow {days[-1].day} (one row per consecutive day)"
            )
        days.append(
            Day(
                day=day,
                during=_score(where, "during", row["during"]),
                after=_score(where, "after", row["after"]),
                morning=_score(where, "morning", row["morning"]),
                completion=_choice(where, "completion", row["completion"], COMPLETIONS),
                event=_choice(where, "event", row["event"], EVENTS),
                heel_raises_injured=_count(where, "heel_raises_injured", row.get("heel_raises_injured", "")),
                heel_raises_other=_count(where, "heel_raises_other", row.get("heel_raises_other", "")),
                hop_pain=_score(where, "hop_pain", row.get("hop_pain", "")),
            )
        )
    if not days:
        raise CsvError(f"{source}:2: no rows after the header")
    return days


def _cell(where: str, name: str, text: str, convert: Callable[[str], T], expected: str) -> T | None:
    if text == "":
        return None
    try:
        return convert(text)
    except ValueError:
        raise CsvError(f"{where}: {name} must be {expected}, not {text!r}") from None


def _score(where: str, name: str, text: str) -> int | None:
    value = _cell(where, name, text, int, "a whole number from 0 to 10")
    if value is not None and not 0 <= value <= 10:
        raise CsvError(f"{where}: {name} must be a whole number from 0 to 10, not {text!r}")
    return value


def _count(where: str, name: str, text: str) -> int | None:
    value = _cell(where, name, text, int, "a whole number of repetitions")
    if value is not None and value < 0:
        raise CsvError(f"{where}: {name} must not be negative")
    return value


def _choice(where: str, name: str, text: str, allowed: tuple[str, ...]) -> Any:
    if text == "":
        return None
    if text.lower() not in allowed:
        raise CsvError(f"{where}: {name} must be one of {'|'.join(allowed)}, not {text!r}")
    return text.lower()
