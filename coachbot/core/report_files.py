"""The clinician report as chat replies: the PDF, the check-ins CSV and, if any, the referrals CSV.

Sent by /report and, as the final report, when a person graduates (CLINICAL A15).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from coachbot.core.turn import Turn
from coachbot.messages import Attachment, Reply
from coachbot.reporting import report as clinician_report
from coachbot.texts import report as report_texts


async def report_replies(turn: Turn) -> list[Reply]:
    enrolment, person = turn.enrolment, turn.person
    assert enrolment is not None
    assert person is not None
    data = await clinician_report.gather(
        turn.repo, enrolment, turn.programme(), person.tz or "UTC", turn.local_today()
    )
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
