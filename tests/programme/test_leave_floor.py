"""An upload may not loosen how a phase is left (CLINICAL A14) or remove graduation (A15)."""

from __future__ import annotations

import pytest

from coachbot.programme.loader import ProgrammeError, load_upload
from coachbot.programme.schema import Programme
from tests.programme.test_phase_floors import REHAB, edit

PHASE_3_LEAVE = "    leave:\n      with_flag:\n        soleus_emphasis: [{test: bent_knee_raise, min_lsi: 90}]\n    typical_weeks: {grade1: 3-4"


def problems(text: str, shipped: dict[str, Programme]) -> list[str]:
    with pytest.raises(ProgrammeError) as caught:
        load_upload(text, "club.yaml", shipped)
    return [str(problem) for problem in caught.value.problems]


def test_a_shorter_quiet_week_is_refused_at_its_line(programmes: dict[str, Programme]) -> None:
    text = edit(
        REHAB, PHASE_3_LEAVE, PHASE_3_LEAVE.replace("    leave:\n", "    leave:\n      quiet_days: 2\n")
    )
    [problem] = problems(text, programmes)
    line = text[: text.index("quiet_days: 2")].count("\n") + 1
    assert problem.startswith(f"club.yaml:{line}:")
    assert "quiet_days 2 is shorter than the default 7" in problem


def test_fewer_greens_at_the_ceiling_are_refused(programmes: dict[str, Programme]) -> None:
    text = edit(
        REHAB, PHASE_3_LEAVE, PHASE_3_LEAVE.replace("    leave:\n", "    leave:\n      green_at_top: 1\n")
    )
    assert any("green_at_top 1 is looser than the default 2" in p for p in problems(text, programmes))


def test_removing_graduation_is_refused(programmes: dict[str, Programme]) -> None:
    start = REHAB.index("graduation:\n")
    end = REHAB.index("# CLINICAL 10.1 exercise ladders")
    text = REHAB[:start] + REHAB[end:]
    assert any("graduation block may not be removed" in p for p in problems(text, programmes))
