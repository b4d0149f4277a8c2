"""A club's own programme: uploaded as YAML, checked like the shipped ones, never looser, shared on request."""

from __future__ import annotations

import re
from datetime import datetime

from coachbot.core.coach import Coach
from coachbot.core.features.club_codes import share_code
from coachbot.messages import Attachment
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store import programmes as uploaded_programmes
from coachbot.store.db import Database
from tests.chat import Chat
from tests.conftest import ROOT

SHIPPED = (ROOT / "programmes" / "calf-strength-12w.yaml").read_text()
OURS = SHIPPED.replace("id: calf-strength-12w", "id: harriers-calf", 1).replace(
    "title: 12-week calf strengthening for runners", "title: Harriers calf plan", 1
)


def yaml_file(text: str, name: str = "harriers.yaml") -> Attachment:
    data = text.encode()
    return Attachment(name, len(data), data)


def admin_of(coach: Coach, now: datetime, group: str = "-100") -> Chat:
    chat = Chat(coach, now, user_id="900", chat_kind="group")
    chat.address = chat.address.__class__("console", group, "900", "group")
    return chat


async def test_an_admin_uploads_a_programme_and_starts_a_club_with_it(coach: Coach, now: datetime) -> None:
    admin = admin_of(coach, now)
    await admin.command("/club upload", admin=True, attachment=yaml_file(OURS))
    assert "Saved **Harriers calf plan** (harriers-calf, version 1)" in admin.text
    await admin.command("/club start harriers-calf time 18:00 zone Europe/London", admin=True)
    assert "**Harriers calf plan** is now this group's club programme" in admin.text

    other = admin_of(coach, now, group="-200")
    await other.command("/club start harriers-calf", admin=True)
    assert "I don't know the programme 'harriers-calf'" in other.text  # not shared yet
    await admin.command("/club share harriers-calf", admin=True)
    code = share_code("harriers-calf")
    assert code in admin.text
    await other.command(f"/club start {code}", admin=True)
    assert "**Harriers calf plan** is now this group's club programme" in other.text


async def test_errors_come_back_with_file_line_and_field(coach: Coach, now: datetime) -> None:
    admin = admin_of(coach, now)
    broken = OURS.replace("weeks: 12", "weeks: twelve", 1)
    await admin.command("/club upload", admin=True, attachment=yaml_file(broken))
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if text.startswith("weeks:"))
    assert f"- harriers.yaml:{line}: weeks:" in admin.text
    await admin.command("/club upload", admin=True, attachment=yaml_file("id: [unclosed"))
    assert "harriers.yaml:1" in admin.text


async def test_a_loosened_pain_threshold_is_refused(coach: Coach, now: datetime) -> None:
    admin = admin_of(coach, now)
    loose = re.sub(r"PREV: \{green_max: 2, amber_max: 4\}", "PREV: {green_max: 5, amber_max: 8}", OURS)
    assert loose != OURS
    await admin.command("/club upload", admin=True, attachment=yaml_file(loose))
    assert "I can't use this programme yet" in admin.text
    assert "green_max 5 is looser than the default 2" in admin.text
    assert "amber_max 8 is looser than the default 4" in admin.text
    await admin.command("/club start harriers-calf", admin=True)
    assert "I don't know the programme" in admin.text


async def test_a_rehab_upload_without_its_time_floors_is_refused_naming_the_lines(
    coach: Coach, now: datetime
) -> None:
    # CLINICAL A25: the defect was a club rehab plan without `floor:` on its phases (grade 2 running on
    # day 28 instead of 35) passing the validator
    rehab = (ROOT / "programmes" / "calf-rehab-12w.yaml").read_text()
    ours = rehab.replace("id: calf-rehab-12w", "id: harriers-rehab", 1)
    floorless = ours.replace("    floor: running\n", "", 1).replace("    floor: plyometrics\n", "", 1)
    admin = admin_of(coach, now)
    await admin.command("/club upload", admin=True, attachment=yaml_file(floorless))
    assert "I can't use this programme yet" in admin.text
    run = floorless[: floorless.index("{exercise: E9")].count("\n") + 1
    assert f"harriers.yaml:{run}: phases[4].menu[0]: Run ladder R1 (running) needs `floor: running`" in (
        admin.text.replace("\\", "")
    )
    await admin.command("/club upload", admin=True, attachment=yaml_file(ours))
    assert "Saved **12-week calf strain rehab** (harriers-rehab, version 1)" in admin.text


async def test_uploads_are_for_admins_size_limited_text_and_versioned(coach: Coach, now: datetime) -> None:
    member = Chat(coach, now, user_id="5", chat_kind="group")
    await member.command("/club upload", attachment=yaml_file(OURS))
    assert member.text == "Only this group's admins can do that."
    admin = admin_of(coach, now)
    await admin.command("/club upload", admin=True)
    assert "Attach the programme's YAML file" in admin.text
    await admin.command("/club upload", admin=True, attachment=Attachment("big.yaml", 300 * 1024))
    assert "may be at most 256 KiB" in admin.text
    await admin.command("/club upload", admin=True, attachment=Attachment("x.yaml", 4, b"\xff\xfe\x00\x01"))
    assert "not UTF-8 text" in admin.text
    await admin.command("/club upload", admin=True, attachment=yaml_file(OURS))
    await admin.command("/club upload", admin=True, attachment=yaml_file(OURS))
    assert "raise `version`" in admin.text
    other = admin_of(coach, now, group="-300")
    await other.command(
        "/club upload", admin=True, attachment=yaml_file(OURS.replace("version: 1", "version: 2", 1))
    )
    assert "Another group already uses the programme id 'harriers-calf'" in other.text


async def test_a_new_instance_loads_uploads_from_the_database(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    admin = admin_of(coach, now)
    await admin.command("/club upload", admin=True, attachment=yaml_file(OURS))
    fresh = Catalogue(programmes)
    assert "harriers-calf" not in fresh
    fresh.merge(await uploaded_programmes.latest(sqlite_db))
    assert fresh["harriers-calf"].title == "Harriers calf plan"
    assert list(fresh) == list(programmes)  # only the shipped ones are offered to everybody
    assert not fresh.usable_by("harriers-calf", "console", "-999")
