"""The tables the coach routes by, collected from the exports of every feature module (and of the few core
modules that own a button or a conversation): COMMANDS (name → handler), CHOICES (token kind → handler),
FLOWS (conversation name → flow), DEEP_LINKS (/start payload → handler), OPENERS (a prompt's button →
its check-in), and the commands and button kinds also answered in a group chat. A name exported twice raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

from coachbot import messages
from coachbot.core import confirm, group_safety
from coachbot.core.features import (
    cancel,
    checkin,
    clinician_led,
    club,
    club_codes,
    club_join,
    club_membership,
    data_rights,
    enrol,
    graduation,
    morning,
    pause,
    phase_up,
    progress_report,
    resume,
    retriage,
    settings_menu,
    skip,
    snooze,
    start,
    status,
    stop,
    today,
    travel,
    weekly_check,
)
from coachbot.core.features import help as help_feature
from coachbot.core.flow import Flow
from coachbot.core.steps import rupture
from coachbot.core.turn import Handler

FEATURES: tuple[ModuleType, ...] = (
    help_feature, start, cancel, today, status, checkin, morning, weekly_check, phase_up, graduation, clinician_led,
    pause, resume, retriage, travel, stop, settings_menu, skip, snooze, club_codes, data_rights, progress_report,
    enrol, club, club_join, club_membership, group_safety, confirm, rupture,
)  # fmt: skip


def _merged(export: str) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for feature in FEATURES:
        found = getattr(feature, export, {})
        pairs = [(flow.name, flow) for flow in found] if export == "FLOWS" else list(found.items())
        for name, value in pairs:
            if name in table:
                raise ValueError(f"{name!r} is in the {export} of two modules (one is {feature.__name__})")
            table[name] = value
    return table


def _names(export: str) -> frozenset[str]:
    return frozenset(name for feature in FEATURES for name in getattr(feature, export, ()))


COMMANDS: Mapping[str, Handler] = _merged("COMMANDS")
CHOICES: Mapping[str, Handler] = _merged("CHOICES")
FLOWS: Mapping[str, Flow] = _merged("FLOWS")
DEEP_LINKS: Mapping[str, Handler] = _merged("DEEP_LINKS")
OPENERS: Mapping[str, Handler] = _merged("OPENERS")
# answered in a group chat as in a private one: one definition, in messages.py, which the Discord adapter
# reads too (it runs the others in DMs)
GROUP_COMMANDS = messages.GROUP_COMMANDS
GROUP_CHOICES = _names("GROUP_CHOICES")
