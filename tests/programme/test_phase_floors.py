"""Uploads keep a time floor on every plyometric and running phase (CLINICAL A25): the phases that use the
floors are checked, not only the numbers, and each refusal names file:line: field."""

from __future__ import annotations

import pytest

from coachbot.programme.loader import ProgrammeError, load_upload
from coachbot.programme.schema import Programme
from tests.conftest import ROOT

REHAB = (
    (ROOT / "programmes" / "calf-rehab-12w.yaml")
    .read_text()
    .replace("id: calf-rehab-12w", "id: club-rehab", 1)
)
PREVENTION = (
    (ROOT / "programmes" / "calf-strength-12w.yaml")
    .read_text()
    .replace("id: calf-strength-12w", "id: club-strength", 1)
)
PHASE_3_E8 = "      - {exercise: E8, start: 1, top: 8, sessions: [plyo]}\n"
PHASE_2_E8 = "      - {exercise: E8, start: 1, sessions: [heavy], note: rebounding raises in the last week of this phase only}\n"


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def problems(text: str, shipped: dict[str, Programme]) -> list[str]:
    with pytest.raises(ProgrammeError) as caught:
        load_upload(text, "club.yaml", shipped)
    return [str(problem) for problem in caught.value.problems]


def line_of(text: str, fragment: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text[: text.index(fragment, start)].count("\n") + 1


def test_the_shipped_programmes_pass_as_uploads(programmes: dict[str, Programme]) -> None:
    assert load_upload(REHAB, "club.yaml", programmes).id == "club-rehab"
    assert load_upload(PREVENTION, "club.yaml", programmes).id == "club-strength"


def test_deleting_the_running_floor_is_refused_at_the_run_ladder(programmes: dict[str, Programme]) -> None:
    # the defect: without it grade 2 runs on day 28 (the plyometric floor) instead of day 35
    text = edit(REHAB, "    floor: running\n", "")
    found = problems(text, programmes)
    line = line_of(text, "{exercise: E9", after="name: Return to run")
    assert any(
        f"club.yaml:{line}: phases[4].menu[0]:" in problem and "floor: running" in problem
        for problem in found
    ), found


def test_deleting_the_plyometric_floor_is_refused(programmes: dict[str, Programme]) -> None:
    text = edit(REHAB, "    floor: plyometrics\n", "")
    found = problems(text, programmes)
    line = line_of(text, PHASE_3_E8.strip())
    assert any(f"club.yaml:{line}: phases[3].menu[0]:" in p and "floor: plyometrics" in p for p in found), (
        found
    )


def test_a_weaker_floor_on_the_running_phase_is_refused_at_its_line(programmes: dict[str, Programme]) -> None:
    text = edit(REHAB, "    floor: running\n", "    floor: plyometrics\n")
    found = problems(text, programmes)
    line = line_of(text, "floor: plyometrics", after="name: Return to run")
    assert any(f"club.yaml:{line}: phases[4]:" in problem for problem in found), found


@pytest.mark.parametrize(("phase", "after"), [(3, PHASE_3_E8), (2, PHASE_2_E8)])
def test_a_run_moved_into_an_earlier_phase_is_refused(
    programmes: dict[str, Programme], phase: int, after: str
) -> None:
    session = "plyo" if phase == 3 else "heavy"
    run = f"      - {{exercise: E9, start: 1, top: 2, sessions: [{session}]}}\n"
    text = edit(REHAB, after, after + run)
    found = problems(text, programmes)
    line = line_of(text, run.strip())
    assert any(f"club.yaml:{line}: phases[{phase}].menu[" in p and "Run ladder" in p for p in found), found


def test_pogo_jumps_in_the_strength_phase_need_the_plyometric_floor(programmes: dict[str, Programme]) -> None:
    text = edit(REHAB, PHASE_2_E8, PHASE_2_E8.replace("start: 1,", "start: 1, top: 3,"))
    found = problems(text, programmes)
    assert any("phases[2].menu[3]" in problem and "P2" in problem for problem in found), found


def test_a_phase_may_not_start_before_the_shipped_one(programmes: dict[str, Programme]) -> None:
    text = edit(REHAB, "    floor: loading\n", "")  # phase 1 inside the 72 h protect period
    found = problems(text, programmes)
    line = line_of(text, "- number: 1")
    assert any(f"club.yaml:{line}: phases[1]:" in p and "floor: loading" in p for p in found), found


def test_rebounding_raises_in_the_protect_phase_are_refused(programmes: dict[str, Programme]) -> None:
    protect = "      - {exercise: AP, start: 1}\n"
    text = edit(REHAB, protect, protect + "      - {exercise: E8, start: 1}\n")
    assert any("phases[0].menu[2]" in problem for problem in problems(text, programmes))


def test_a_stricter_floor_is_accepted(programmes: dict[str, Programme]) -> None:
    text = edit(REHAB, "    floor: plyometrics\n", "    floor: running\n")
    assert load_upload(text, "club.yaml", programmes).phase(3).floor == "running"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  grade2: {loading: 3, plyometrics: 28, running: 35}\n",
            "  grade2: {loading: 3, plyometrics: 28, running: 28}\n",
            "grade2 running may not start before day 35 (the default), not 28",
        ),
        (
            "  clinician_led: {loading: 3, plyometrics: 56, running: 70}\n",
            "",
            "clinician_led plyometrics may not start before day 56 (the default), not None",
        ),
    ],
)
def test_the_time_floor_table_keeps_every_key_and_value(
    programmes: dict[str, Programme], old: str, new: str, message: str
) -> None:
    assert any(message in problem for problem in problems(edit(REHAB, old, new), programmes))
