"""The routing tables: every feature module that exports one is collected, and each name routes once."""

from __future__ import annotations

import importlib
import pkgutil

from coachbot import core, messages
from coachbot.core import features, registry, steps
from coachbot.core.flow import Flow
from coachbot.texts import common

EXPORTS = ("COMMANDS", "CHOICES", "FLOWS", "DEEP_LINKS", "OPENERS", "GROUP_COMMANDS", "GROUP_CHOICES")


def test_every_module_of_core_with_exports_is_collected() -> None:
    """core/features/, and the guards and shared steps beside them (group_safety, confirm, rupture)."""
    for package in (core, features, steps):
        for found in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{found.name}")
            own = [
                name for name in EXPORTS if getattr(module, name, None) not in (None, getattr(registry, name))
            ]
            if module is not registry and own:  # coach.py imports the collected tables: not its own
                assert module in registry.FEATURES, f"{module.__name__} exports routes the registry misses"


def test_the_commands_people_type_are_all_routed() -> None:
    names = {"help", "start", "cancel", "today", "status", "checkin", "morning", "weekly", "pause", "resume",
             "stop", "settings", "skip", "snooze", "programme", "export", "forget", "progress", "report",
             "clinician", "club"}  # fmt: skip
    assert set(registry.COMMANDS) == names
    assert {"help", "club"} == registry.GROUP_COMMANDS
    assert registry.GROUP_COMMANDS == messages.GROUP_COMMANDS  # the one definition the adapters read


def test_deep_links_and_openers_are_commands_of_the_same_name() -> None:
    assert set(registry.DEEP_LINKS) == {"today", "checkin", "status", "morning", "weekly"}
    assert set(registry.OPENERS) == {"checkin", "morning", "weekly"}
    for table in (registry.DEEP_LINKS, registry.OPENERS):
        assert all(registry.COMMANDS[name] is handle for name, handle in table.items())


def test_every_flow_is_registered_under_its_own_name() -> None:
    assert all(isinstance(flow, Flow) and flow.name == name for name, flow in registry.FLOWS.items())
    assert set(registry.FLOWS) == {
        "enrol", "confirm", "checkin", "clinician", "morning", "weekly", "phase_up", "graduate", "stop", "resume",
        "retriage", "pause", "settings", "skip", "snooze", "forget", "rupture_screen", "retriage_offer",
        "travel_check",
    }  # fmt: skip


def test_every_routed_command_is_in_the_platform_menus() -> None:
    """texts.common.COMMANDS feeds Telegram's setMyCommands and Discord's slash commands: a command the
    core routes but the menus miss would not exist on Discord. /club is built with its typed options by
    the Discord adapter and is for group admins (not in the private menu)."""
    assert set(common.COMMANDS) | {"club"} == set(registry.COMMANDS)
