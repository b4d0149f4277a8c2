"""The clinician report: one A4 page as PDF — the progress chart, the triage answers, pattern and flags,
what the person's clinician set (phase, levels, date: CLINICAL A16), the weekly self-tests, the referrals
(date, tier, signs, the person's words, what they were told) and every decision with its rule and
reason — a CSV of every check-in, and one of every referral.

Drawn with matplotlib's PDF backend (the chart is the same drawing as /progress), so no other library is
needed. It is sent privately only, like everything that holds pain scores.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from coachbot.coaching.symmetry import lsi
from coachbot.programme.schema import Programme
from coachbot.reporting.chart import ProgressSeries, draw
from coachbot.reporting.present import clinician_record
from coachbot.reporting.records import CheckInRecord, DecisionRecord, PlanRecord, ReferralRecord
from coachbot.texts import report as texts

A4 = (8.27, 11.69)  # inches
SHOWN_DECISIONS = 22  # lines for referrals and decisions together, so the page stays one page
SHOWN_REFERRALS = 3  # the newest, up to four lines each; all of them are in the referrals CSV
WRAP = 118

CLINICIAN_KEYS = ("clinician_phase", "clinician_levels", "clinician_on")  # shown on their own line (A16)
# The check-ins CSV (then a "details" column), which `coachbot simulate` reads back
REPORT_COLUMNS = (
    "local_date", "kind", "phase", "during", "after", "morning", "completion", "completion_reason", "sudden",
)  # fmt: skip
CSV_COLUMNS = REPORT_COLUMNS
REFERRAL_COLUMNS = ("at", "local_date", "tier", "source", "signs", "triggers", "text")


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, gathered by the caller (core/report_files.gather)."""

    series: ProgressSeries
    programme: Programme
    enrolment: PlanRecord
    zone: str
    checkins: Sequence[CheckInRecord]
    decisions: Sequence[DecisionRecord]
    referrals: Sequence[ReferralRecord] = field(default_factory=list)  # the person's, with or without a plan


def lines(data: ReportData) -> list[tuple[str, str]]:
    """The text of the page as (style, line) pairs: style is "h" for a heading, "" for body text."""
    enrolment, programme = data.enrolment, data.programme
    phase = programme.phase(enrolment.phase)
    flags = ", ".join(sorted(key for key, on in enrolment.flags.items() if on and key not in CLINICIAN_KEYS))
    flags = flags or texts.NO_FLAGS
    answers = (enrolment.triage or {}).get("answers", {})
    shown = ", ".join(f"{key}={value}" for key, value in answers.items() if key not in ("zone", "consent"))
    out: list[tuple[str, str]] = [
        (
            "",
            texts.SUBHEADER.format(
                started=enrolment.started_on,
                phase=phase.number,
                phase_name=phase.name,
                status=enrolment.status,
                today=data.series.today,
                zone=data.zone,
            ),
        ),
        ("", texts.DISCLAIMER),
        ("h", texts.TRIAGE),
        ("", texts.PATTERN.format(grade=enrolment.grade or "–", flags=flags)),
        *(("", line) for line in _clinician_lines(programme, enrolment.flags)),
        *(("", line) for line in textwrap.wrap(texts.ANSWERS.format(answers=shown), WRAP)),
        ("h", texts.TESTS),
    ]
    weekly = [c for c in data.checkins if c.kind == "weekly"]
    out += [("", _test_line(c)) for c in weekly] or [("", texts.NO_TESTS_YET)]
    told = referral_lines(data.referrals)
    out += [("h", texts.REFERRALS.format(count=len(data.referrals))), *(("", line) for line in told)]
    room = max(SHOWN_DECISIONS - len(told), 5)
    out.append(("h", texts.DECISIONS.format(count=len(data.decisions))))
    if len(data.decisions) > room:
        out.append(("", texts.EARLIER.format(count=len(data.decisions) - room)))
    for decision in data.decisions[-room:]:
        what = f"{decision.exercise} L{decision.level_from}→L{decision.level_to}" if decision.exercise else ""
        line = texts.DECISION_LINE.format(date=decision.local_date, kind=decision.kind, what=what,
                                          rule=decision.rule, reason=decision.reason)  # fmt: skip
        out.append(("", textwrap.shorten(line, WRAP, placeholder="…")))
    if not data.decisions:
        out.append(("", texts.NO_DECISIONS))
    return out


def _clinician_lines(programme: Programme, flags: dict[str, Any]) -> list[str]:
    """What the person's clinician set, as /clinician recorded it (CLINICAL A16); nothing if never."""
    clinician = clinician_record(programme, flags)
    if clinician is None:
        return []
    return textwrap.wrap(
        texts.CLINICIAN.format(**{**clinician, "levels": clinician["levels"] or texts.AS_PLANNED}), WRAP
    )


def referral_lines(referrals: Sequence[ReferralRecord]) -> list[str]:
    """The newest referrals, each as its facts and then what the person was told."""
    if not referrals:
        return [texts.NO_REFERRALS]
    out = [texts.EARLIER_REFERRALS.format(count=len(referrals) - SHOWN_REFERRALS)]
    out = out if len(referrals) > SHOWN_REFERRALS else []
    for referral in referrals[-SHOWN_REFERRALS:]:
        words = "; ".join(f"“{trigger}”" for trigger in referral.triggers) or "–"
        facts = texts.REFERRAL_LINE.format(date=referral.local_date, tier=referral.tier.upper(),
                                           source=referral.source, signs=", ".join(referral.signs) or "–",
                                           words=words)  # fmt: skip
        told = texts.REFERRAL_TOLD.format(text=" ".join(referral.text.replace("⚠️", "").split()))
        out += _two_lines(facts) + _two_lines(told)
    return out


def _two_lines(text: str) -> list[str]:
    return textwrap.wrap(
        textwrap.shorten(text, 2 * WRAP - 4, placeholder="…"), WRAP, subsequent_indent="    "
    )


def _test_line(checkin: CheckInRecord) -> str:
    details = checkin.details
    injured, other = details.get("heel_raise_injured"), details.get("heel_raise_other")
    shown = f" (LSI {lsi(injured, other)}%)" if injured and other else ""
    keys = (
        "heel_raise_pain",
        "bent_injured",
        "bent_other",
        "walk_minutes",
        "walking_pain",
        "pogo_pain",
        "hop_pain",
    )
    more = "".join(f", {key} {details[key]}" for key in keys if details.get(key) is not None)
    return texts.TEST_LINE.format(date=checkin.local_date, injured=injured if injured is not None else "–",
                                  other=other if other is not None else "–", lsi=shown, more=more)  # fmt: skip


def pdf(data: ReportData) -> bytes:
    from matplotlib.figure import Figure, SubFigure

    fig = Figure(figsize=A4, layout="constrained")
    parts = fig.subfigures(2, 1, height_ratios=(1, 1.15))
    assert not isinstance(parts, SubFigure)
    chart, text = parts
    draw(chart, data.series)
    title = texts.HEADER.format(title=data.programme.title, track=data.programme.track)
    text.text(0.0, 0.995, title, fontsize=12, weight="bold", va="top")
    y = 0.955
    for style, line in lines(data):
        if style == "h":
            y -= 0.012
        text.text(0.0, y, line, fontsize=8.5 if style == "h" else 6.8, weight="bold" if style == "h" else "normal",
                  va="top", family="DejaVu Sans")  # fmt: skip
        y -= 0.032 if style == "h" else 0.026
    buffer = io.BytesIO()
    fig.savefig(buffer, format="pdf")
    return buffer.getvalue()


def referrals_csv(referrals: Sequence[ReferralRecord]) -> bytes:
    """Every referral, one row each: when, tier, source, signs and words (JSON lists), the text shown."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(REFERRAL_COLUMNS)
    for referral in referrals:
        writer.writerow(
            [
                referral.at.isoformat(), referral.local_date.isoformat(), referral.tier, referral.source,
                json.dumps(referral.signs), json.dumps(referral.triggers, ensure_ascii=False), referral.text,
            ]
        )  # fmt: skip
    return buffer.getvalue().encode("utf-8")


def checkins_csv(checkins: Sequence[CheckInRecord]) -> bytes:
    """Every check-in, one row each, with the details as JSON in the last column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*CSV_COLUMNS, "details"])
    for checkin in checkins:
        writer.writerow(
            [
                *(getattr(checkin, column) for column in CSV_COLUMNS),
                json.dumps(checkin.details, sort_keys=True),
            ]
        )
    return buffer.getvalue().encode("utf-8")
