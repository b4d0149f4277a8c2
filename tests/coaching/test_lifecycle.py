"""The enrolment's lifecycle: which status changes are allowed, what each change says about the prompts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from coachbot.coaching import lifecycle
from coachbot.coaching.lifecycle import Change, NotAllowed, Reason, Status

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_the_values_are_the_strings_stored_today() -> None:
    assert [status.value for status in Status] == ["active", "paused", "referred", "stopped", "completed"]
    assert Reason.TRAVELLING.value == "person:travelling"
    assert Reason.SCREENED_STOP.value == "stop:sudden"
    assert lifecycle.paused_by_person("flare_up") is Reason.FLARE_UP
    assert lifecycle.stopped_by_rule("2") == "stop:rule2"
    assert lifecycle.referred_for("urgent", ("calf_swelling", "warmth")) == "urgent:calf_swelling,warmth"
    assert len(lifecycle.referred_for("routine", ("x" * 40, "y" * 40))) == 64


def test_a_pause_from_active_clears_the_prompts() -> None:
    change = lifecycle.pause("active", Reason.BLOCKED, NOW)
    assert change == Change(Status.PAUSED, "blocked", NOW, reschedule=True)
    assert change.clears


def test_a_paused_plan_paused_again_keeps_its_schedule_as_it_is() -> None:
    change = lifecycle.pause("paused", Reason.SCREENED_STOP, NOW)
    assert (change.status, change.reason, change.reschedule, change.clears) == (
        Status.PAUSED, "stop:sudden", False, False,
    )  # fmt: skip


@pytest.mark.parametrize("current", ["active", "paused", "referred"])
def test_any_live_plan_can_be_referred(current: str) -> None:
    change = lifecycle.refer(current, lifecycle.referred_for("emergency", ("chest_pain",)), NOW)
    assert change.status is Status.REFERRED
    assert change.reason == "emergency:chest_pain"
    assert change.clears == (current != "referred")


@pytest.mark.parametrize("current", ["paused", "referred"])
def test_resuming_makes_the_plan_active_and_reschedules(current: str) -> None:
    change = lifecycle.resume(current, NOW)
    assert change == Change(Status.ACTIVE, None, NOW, reschedule=True)
    assert not change.clears


def test_resuming_an_active_plan_changes_nothing_in_its_schedule() -> None:
    assert not lifecycle.resume("active", NOW).reschedule


@pytest.mark.parametrize("current", ["active", "paused", "referred"])
def test_stop_ends_any_live_plan(current: str) -> None:
    change = lifecycle.stop(current, NOW)
    assert (change.status, change.reason, change.clears) == (Status.STOPPED, "person", True)


@pytest.mark.parametrize("current", ["active", "paused"])
def test_complete_graduates_the_plan(current: str) -> None:
    change = lifecycle.complete(current, NOW)
    assert (change.status, change.reason, change.clears) == (Status.COMPLETED, "graduated", True)


CHANGES = {
    "pause": lambda current: lifecycle.pause(current, Reason.SILENCE, NOW),
    "refer": lambda current: lifecycle.refer(current, "routine:rising_trend", NOW),
    "stop": lambda current: lifecycle.stop(current, NOW),
    "resume": lambda current: lifecycle.resume(current, NOW),
    "complete": lambda current: lifecycle.complete(current, NOW),
}
REFUSED = [
    (name, ended) for name in CHANGES for ended in ("stopped", "completed")
]  # an ended plan stays ended


@pytest.mark.parametrize("name", ["pause", "complete"])
def test_a_referred_plan_stays_referred(name: str) -> None:
    """9.2 row 1: only the clinician's review (resume) or /stop ends a referral; the turn is not failed."""
    change = CHANGES[name]("referred")
    assert (change.status, change.kept, change.reschedule) == (Status.REFERRED, True, False)


@pytest.mark.parametrize(("name", "current"), REFUSED)
def test_refused_changes(name: str, current: str) -> None:
    with pytest.raises(NotAllowed, match=f"{current} ->"):
        CHANGES[name](current)


def test_an_unknown_pause_choice_is_no_reason() -> None:
    with pytest.raises(ValueError, match="bored"):
        lifecycle.paused_by_person("bored")
