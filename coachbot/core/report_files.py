"""The clinician report as chat replies: the PDF, the check-ins CSV and, if any, the referrals CSV.

Sent by /report and, as the final report, when a person graduates (CLINICAL A15).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date

from coachbot.core.chart_data import build
from coachbot.core.turn import Turn
from coachbot.messages import Attachment, Reply
from coachbot.programme.schema import Programme
from coachbot.reporting import report as clinician_report
from coachbot.reporting.report import ReportData
from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment
from coachbot.texts import report as report_texts


async def gather(
    repo: Repo, enrolment: Enrolment, programme: Programme, zone: str, today: date
) -> ReportData:
    """The report's data from the stored history: check-ins, decisions, the person's referrals, the chart."""
    checkins = await repo.checkins(enrolment.id)
    decisions = await repo.decisions(enrolment.id)
    referrals = await repo.referrals(enrolment.person_id)
    series = build(enrolment, programme, today, checkins, decisions, referrals)
    return ReportData(series, programme, enrolment, zone, checkins, decisions, referrals)


async def report_replies(turn: Turn) -> list[Reply]:
    enrolment, person = turn.enrolment, turn.person
    assert enrolment is not None
    assert person is not None
    data = await gather(turn.repo, enrolment, turn.programme(), person.tz or "UTC", turn.local_today())
    document = await asyncio.to_thread(clinician_report.pdf, data)
    day = f"{turn.local_today():%Y%m%d}"
    files = [
        (report_texts.SENT, f"coachbot-report-{day}.pdf", document),
        (report_texts.CSV_SENT, f"coachbot-checkins-{day}.csv", clinician_report.checkins_csv(data.checkins)),
    ]
    if data.referrals:
        referrals = clinician_report.referrals_csv(data.referrals)
        files.append((report_texts.REFERRALS_CSV_SENT, f"coachbot-referrals-{day}.csv", referrals))
    return [
        replace(turn.say(text), file=Attachment(name, len(content), content)) for text, name, content in files
    ]
