"""The Coach: one incoming message in, replies out, every state change in one write transaction.

Routing is a table of (matches, handle) pairs, tried in order; the first cheap `matches` wins.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from coachbot.coaching import lifecycle
from coachbot.coaching.lifecycle import Reason, Status
from coachbot.core import command_handlers as commands
from coachbot.core import confirm, flow, group_safety
from coachbot.core.daily_prompts import GO_PREFIX
from coachbot.core.features import club as club_setup
from coachbot.core.features import club_join as joining
from coachbot.core.features import club_membership as membership
from coachbot.core.features import safety_net, snooze
from coachbot.core.features.checkin import CHECKIN
from coachbot.core.features.clinician_led import CLINICIAN
from coachbot.core.features.data_rights import FORGET
from coachbot.core.features.enrol import ENROL
from coachbot.core.features.graduation import GRADUATE
from coachbot.core.features.morning import MORNING
from coachbot.core.features.pause import PAUSE
from coachbot.core.features.phase_up import PHASE_UP
from coachbot.core.features.resume import RESUME
from coachbot.core.features.retriage import RETRIAGE
from coachbot.core.features.settings_menu import SETTINGS
from coachbot.core.features.skip import SKIP
from coachbot.core.features.snooze import SNOOZE
from coachbot.core.features.stop import STOP
from coachbot.core.features.travel import TRAVEL_CHECK
from coachbot.core.features.weekly_check import WEEKLY
from coachbot.core.steps.rupture import RETRIAGE_OFFER, RUPTURE_SCREEN
from coachbot.core.turn import Turn
from coachbot.messages import Choice, Incoming, Membership, Reply
from coachbot.programme.schema import Programme
from coachbot.store import clubs as club_store
from coachbot.store.db import Database
from coachbot.texts import common

FLOWS = {
    f.name: f
    for f in (
        ENROL,
        confirm.CONFIRM,
        CHECKIN,
        CLINICIAN,
        MORNING,
        WEEKLY,
        PHASE_UP,
        GRADUATE,
        STOP,
        RESUME,
        RETRIAGE,
        PAUSE,
        SETTINGS,
        SKIP,
        SNOOZE,
        FORGET,
        RUPTURE_SCREEN,
        RETRIAGE_OFFER,
        TRAVEL_CHECK,
    )
}


DEDUPED = frozenset({"telegram", "discord"})  # platforms that may deliver an event twice


@dataclass(frozen=True)
class Route:
    matches: Callable[[Turn], bool]
    handle: Callable[[Turn], Awaitable[list[Reply]]]


def command(*names: str) -> Callable[[Turn], bool]:
    def matches(turn: Turn) -> bool:
        found = turn.command()
        return found is not None and found.name in names

    return matches


async def _private_only(turn: Turn) -> list[Reply]:
    found = turn.command()
    name = found.name if found is not None and found.name.isalnum() else "start"
    reply = turn.say(common.PRIVATE_ONLY.format(name=name), private=False)
    return [Reply(reply.to, reply.text, invite=name)]


async def _membership(turn: Turn) -> list[Reply]:
    """Blocked or removed in a private chat: pause the plan with the reason (nothing can be sent).
    In a group: a member who leaves leaves its club; the bot removed from the group stops the club."""
    incoming = turn.incoming
    if not isinstance(incoming, Membership) or incoming.status != "removed":
        return []
    if turn.in_group:
        if not incoming.member:
            await club_setup.stop_removed(turn)
        elif turn.person is not None:
            club = await club_store.club_in_chat(turn.repo, incoming.sender.platform, incoming.sender.chat_id)
            if club is not None:
                await club_store.leave(turn.repo, club.id, turn.now, turn.person.id)
        return []
    if turn.enrolment and turn.enrolment.status == Status.ACTIVE:
        await turn.change_status(lifecycle.pause(turn.enrolment.status, Reason.BLOCKED, turn.now))
    return []


async def _ignore(_turn: Turn) -> list[Reply]:
    return []


async def _unknown_command(turn: Turn) -> list[Reply]:
    found = turn.command()
    return [turn.say(common.UNKNOWN_COMMAND.format(name=found.name if found else ""))]


async def _club_done(turn: Turn) -> list[Reply]:
    """A club post's Done button: the person's own check-in opens in their private chat."""
    if turn.enrolment is None or turn.enrolment.status != "active" or not joining.privately(turn):
        return []
    return await commands.checkin(turn)


def _go(turn: Turn) -> bool:
    """A prompt's button (v1:go:<check-in>) opens that check-in."""
    return isinstance(turn.incoming, Choice) and turn.incoming.token.startswith(GO_PREFIX)


async def _open_from_prompt(turn: Turn) -> list[Reply]:
    assert isinstance(turn.incoming, Choice)
    opener = {"checkin": commands.checkin, "morning": commands.morning, "weekly": commands.weekly}
    handle = opener.get(turn.incoming.token.removeprefix(GO_PREFIX), _not_understood)
    return await handle(turn)


async def _continue(turn: Turn) -> list[Reply]:
    assert turn.conversation is not None
    return await flow.receive(turn, FLOWS[turn.conversation.flow])


async def _not_understood(turn: Turn) -> list[Reply]:
    if isinstance(turn.incoming, Choice):
        return [replace(turn.say(common.OLD_BUTTON), stale=True)]
    return [turn.say(common.NOT_UNDERSTOOD)]


async def _as_private(turn: Turn) -> list[Reply]:
    """Handle the turn as the person's private message (replies go to their private chat)."""
    turn.go_private()
    return await _route(turn)


async def _route(turn: Turn) -> list[Reply]:
    return await next(route for route in ROUTES if route.matches(turn)).handle(turn)


ROUTES: tuple[Route, ...] = (
    Route(command("help"), commands.help_),
    Route(lambda turn: isinstance(turn.incoming, Membership), _membership),
    Route(command("club"), club_setup.handle),
    Route(joining.is_done_click, _club_done),
    Route(group_safety.is_read_here, group_safety.read_here),
    Route(group_safety.mentions_red_flag, group_safety.red_flag),  # CLINICAL A10: told privately
    Route(group_safety.is_confidential_in_group, _as_private),
    Route(lambda turn: turn.in_group and turn.command() is None, _ignore),  # group chatter is not for us
    Route(lambda turn: turn.in_group, _private_only),
    Route(safety_net.mentions_red_flag, safety_net.red_flag),  # CLINICAL 9.2 row 1, A6: any message, any time
    Route(command("start"), group_safety.start),  # what a group red flag kept comes first
    Route(command("cancel"), commands.cancel),
    Route(command("today"), commands.today),
    Route(command("checkin"), commands.checkin),
    Route(command("morning"), commands.morning),
    Route(command("weekly"), commands.weekly),
    Route(command("status"), commands.status),
    Route(command("pause"), commands.pause),
    Route(command("resume"), commands.resume),
    Route(command("stop"), commands.stop),
    Route(command("settings"), commands.settings),
    Route(command("skip"), commands.skip),
    Route(command("snooze"), commands.snooze),
    Route(command("programme"), commands.programme),
    Route(command("export"), commands.export),
    Route(command("forget"), commands.forget),
    Route(command("progress"), commands.progress),
    Route(command("report"), commands.report),
    Route(command("clinician"), commands.clinician),
    Route(lambda turn: turn.command() is not None, _unknown_command),
    Route(_go, _open_from_prompt),
    Route(snooze.is_snooze_button, snooze.from_button),
    Route(membership.is_leaderboard_choice, membership.set_leaderboard),
    Route(lambda turn: turn.conversation is not None and turn.conversation.flow in FLOWS, _continue),
    Route(lambda _turn: True, _not_understood),
)


class Coach:
    """Platform-neutral coaching: `handle` decides and stores; adapters deliver the replies."""

    def __init__(self, database: Database, programmes: Mapping[str, Programme]) -> None:
        self.database = database
        self.programmes = programmes

    async def handle(self, incoming: Incoming, now: datetime) -> list[Reply]:
        async with self.database.write() as repo:
            sender = incoming.sender
            if (
                incoming.event_id
                and sender.platform in DEDUPED
                and not await repo.first_time(sender.platform, incoming.event_id, now)
            ):
                return []  # redelivered after a crash or a reconnect: handled already
            turn = await Turn.load(repo, incoming, now, self.programmes)
            replies = await _route(turn)
            await safety_net.record_set_aside(turn)  # A6: what was not counted as a warning sign, and why
            _remember_home(turn)
            return replies


def _remember_home(turn: Turn) -> None:
    """The group a person enrolled from (a private command typed there): told there if their DMs close."""
    found = turn.command()
    if found is None or not found.origin or turn.person is None:
        return
    if found.name == "start" or turn.person.home_chat_id is None:
        turn.person.home_chat_id = found.origin
