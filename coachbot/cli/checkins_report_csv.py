"""The check-ins CSV of /report and `coachbot report` (`report.checkins_csv`, one row per check-in) read
back as the days of `coachbot simulate`, so a real history can be replayed (CLINICAL A26).

Rows of one date are merged into one day (session, morning, weekly); days with no check-in become empty
days, as the replay needs one per calendar day. A ticked morning sign or a sudden event becomes the day's
`red_flag` or `pop`. Columns the replay does not read are listed in IGNORED; any other column is refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from coachbot.cli.checkins_cells import (
    COMPLETIONS,
    REASONS,
    WEEKLY_ANSWERS,
    CsvError,
    cell,
    choice,
    score,
    weekly_answer,
    yes_no,
)
from coachbot.coaching.simulation import Day
from coachbot.reporting.report import REPORT_COLUMNS

COLUMNS = (*REPORT_COLUMNS, "details")  # what report.py writes
IGNORED = ("phase",)  # the replay works the phase out itself from the answers
KINDS = ("session", "morning", "weekly")


def is_report(header: list[str]) -> bool:
    return header[:2] == ["local_date", "kind"]


def parse(header: list[str], rows: Iterator[list[str]], source: str) -> list[Day]:
    unknown = [name for name in header if name not in COLUMNS]
    if unknown or len(set(header)) != len(header):
        raise CsvError(
            f"{source}:1: a /report check-ins CSV has the columns {','.join(COLUMNS)}; got {','.join(header)}"
        )
    found: dict[date, dict[str, Any]] = {}
    kinds: set[tuple[date, str]] = set()
    for line, cells in enumerate(rows, start=2):
        if not any(text.strip() for text in cells):
            continue
        where = f"{source}:{line}"
        if len(cells) != len(header):
            raise CsvError(f"{where}: expected {len(header)} cells, found {len(cells)}")
        row = dict(zip(header, (text.strip() for text in cells), strict=True))
        day = cell(where, "local_date", row["local_date"], date.fromisoformat, "a date like 2026-03-02")
        kind = choice(where, "kind", row["kind"], KINDS)
        if day is None or kind is None:
            raise CsvError(f"{where}: every row needs a local_date and a kind ({'|'.join(KINDS)})")
        if (day, kind) in kinds:
            raise CsvError(f"{where}: a second {kind} check-in on {day}")
        kinds.add((day, kind))
        answers = found.setdefault(day, {})
        event = answers.get("event")
        answers.update(_answers(where, kind, row))
        if event == "red_flag":  # a referral outranks a sudden event on the same day
            answers["event"] = event
    if not found:
        raise CsvError(f"{source}:2: no check-ins after the header")
    first, last = min(found), max(found)
    return [
        Day(day, **found.get(day, {}))
        for day in (first + timedelta(days=offset) for offset in range((last - first).days + 1))
    ]


def _answers(where: str, kind: str, row: dict[str, str]) -> dict[str, Any]:
    details = _details(where, row.get("details", ""))
    if kind == "session":
        sudden = yes_no(where, "sudden", row.get("sudden", ""))
        return {
            "during": score(where, "during", row.get("during", "")),
            "after": score(where, "after", row.get("after", "")),
            "completion": choice(where, "completion", row.get("completion", ""), COMPLETIONS),
            "completion_reason": choice(
                where, "completion_reason", row.get("completion_reason", ""), REASONS
            ),
            **({"event": "pop"} if sudden else {}),
        }
    if kind == "morning":
        ticked = details.get("signs") or []  # the one-tap safety check (CLINICAL 8 RF_daily)
        return {
            "morning": score(where, "morning", row.get("morning", "")),
            **({"event": "red_flag"} if ticked else {}),
        }
    weekly = {
        name: weekly_answer(where, name, _text(value))
        for name, value in details.items()
        if name in WEEKLY_ANSWERS and value is not None
    }
    return {"tests": weekly}


def _details(where: str, text: str) -> dict[str, Any]:
    if text == "":
        return {}
    try:
        details = json.loads(text)
    except ValueError:
        raise CsvError(f"{where}: details must be JSON, not {text[:40]!r}") from None
    if not isinstance(details, dict):
        raise CsvError(f"{where}: details must be a JSON object, not {text[:40]!r}")
    return details


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
