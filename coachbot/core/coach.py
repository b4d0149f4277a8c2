"""The Coach: one incoming message in, replies out, every state change in one write transaction.

Routing: the guards first, in this order: what is answered in any chat (/help, /club, a club post's
buttons), membership events, the group-chat rules, the red-flag safety net (it reads typed messages); then
COMMANDS[name], CHOICES[token kind], the open conversation (FLOWS[its flow]), "not understood". The tables
come from the feature modules (registry.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from coachbot.coaching import lifecycle
from coachbot.coaching.lifecycle import Reason, Status
from coachbot.core import fallback, flow, group_safety, safety_net, tokens
from coachbot.core.features import club as club_setup
from coachbot.core.registry import CHOICES, COMMANDS, FLOWS, GROUP_CHOICES, GROUP_COMMANDS
from coachbot.core.turn import Handler, Turn
from coachbot.messages import Choice, Incoming, Membership, Reply
from coachbot.programme.catalogue import Catalogue
from coachbot.store import clubs as club_store
from coachbot.store.db import Database
from coachbot.texts import common

DEDUPED = frozenset({"telegram", "discord"})  # platforms that may deliver an event twice


@dataclass(frozen=True)
class Route:
    matches: Callable[[Turn], bool]
    handle: Handler


def _kind(turn: Turn) -> str | None:
    """The kind of the button pressed (None when it was no button, or no token we know)."""
    return tokens.kind_of(turn.incoming.token) if isinstance(turn.incoming, Choice) else None


def _in_any_chat(turn: Turn) -> bool:
    """/help, /club and a club post's buttons: answered in a group chat as in a private one."""
    found = turn.command()
    return found.name in GROUP_COMMANDS if found is not None else _kind(turn) in GROUP_CHOICES


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


async def _as_private(turn: Turn) -> list[Reply]:
    """Handle the turn as the person's private message (replies go to their private chat)."""
    turn.go_private()
    return await _route(turn)


async def _by_table(turn: Turn) -> list[Reply]:
    """COMMANDS[name], CHOICES[token kind], the open conversation, in that order; else "not understood"."""
    found = turn.command()
    if found is not None:
        return await COMMANDS.get(found.name, fallback.unknown_command)(turn)
    chosen = CHOICES.get(_kind(turn) or "")
    if chosen is not None:
        return await chosen(turn)
    if turn.conversation is not None and turn.conversation.flow in FLOWS:
        return await flow.receive(turn, FLOWS[turn.conversation.flow])
    return await fallback.not_understood(turn)


GUARDS: tuple[Route, ...] = (
    Route(_in_any_chat, _by_table),  # never a Membership: first or second is the same
    Route(lambda turn: isinstance(turn.incoming, Membership), _membership),
    Route(group_safety.mentions_red_flag, group_safety.red_flag),  # CLINICAL A10: told privately
    Route(group_safety.is_confidential_in_group, _as_private),
    Route(lambda turn: turn.in_group and turn.command() is None, _ignore),  # group chatter is not for us
    Route(lambda turn: turn.in_group, _private_only),
    Route(safety_net.mentions_red_flag, safety_net.red_flag),  # CLINICAL 9.2 row 1, A6: any message, any time
)


async def _route(turn: Turn) -> list[Reply]:
    guard = next((route for route in GUARDS if route.matches(turn)), None)
    return await (guard.handle if guard is not None else _by_table)(turn)


class Coach:
    """Platform-neutral coaching: `handle` decides and stores; adapters deliver the replies."""

    def __init__(self, database: Database, programmes: Catalogue) -> None:
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
