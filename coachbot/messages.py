"""The platform-neutral message model: who spoke where (Address), what came in, what goes out.

Frozen dataclasses from the stdlib only; adapters translate platform events to and from these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Literal

MENTION = re.compile(r"@\[(\w+)\]")  # neutral markup for naming a person in a group: @[<user id>]

ChatKind = Literal["private", "group"]


@dataclass(frozen=True)
class Address:
    """A person in a chat on a platform; ids are strings whatever the platform uses."""

    platform: str
    chat_id: str
    user_id: str
    chat_kind: ChatKind = "private"


@dataclass(frozen=True, kw_only=True)
class Incoming:
    """Anything a person sent; `at` is aware UTC and `event_id` de-duplicates redelivered events.

    `confidential`: only the sender saw what they did, and a reply to `sender` is shown to them alone
    (a Discord interaction in a server channel, answered ephemerally); False wherever the group saw it.
    """

    sender: Address
    at: datetime
    event_id: str = ""
    confidential: bool = False


MAX_FORM_CHARS = 200  # the longest answer a form (Reply.form) takes, e.g. a note
MAX_ATTACHMENT_BYTES = 256 * 1024  # the largest file adapters download (a programme YAML)


@dataclass(frozen=True)
class Attachment:
    """A file sent with a command; `data` is empty when it is larger than MAX_ATTACHMENT_BYTES."""

    filename: str
    size: int
    data: bytes = field(default=b"", repr=False)


OptionValue = str | int | float | bool


def no_options() -> Mapping[str, OptionValue]:
    return MappingProxyType({})


@dataclass(frozen=True, kw_only=True)
class Command(Incoming):
    """A slash command such as /start, with its argument text as typed ("" when none) or, from a platform
    whose commands take typed options (Discord's slash commands), those `options` by name, read-only
    (the core reads them as the argument text they stand for: core/options.py)."""

    name: str
    args: str = ""
    options: Mapping[str, OptionValue] = field(default_factory=no_options, hash=False)
    admin: bool = False  # the sender administers this group (checked with the platform, groups only)
    origin: str = ""  # the group chat a private command was typed in (Discord runs those in the DMs)
    display_name: str = ""  # the person's name on the platform (shown only where they opt in)
    attachment: Attachment | None = None


@dataclass(frozen=True, kw_only=True)
class Text(Incoming):
    """A free-text message."""

    text: str


@dataclass(frozen=True, kw_only=True)
class Choice(Incoming):
    """A button press carrying a short versioned token (at most 64 bytes), e.g. v1:q:12:during:6."""

    token: str


@dataclass(frozen=True, kw_only=True)
class Location(Incoming):
    """A place the person shared (Telegram's location message), in WGS84 degrees."""

    latitude: float
    longitude: float


@dataclass(frozen=True, kw_only=True)
class Membership(Incoming):
    """The bot was removed from, or blocked in, a chat ("removed"), or added back ("added"); with
    `member`, the sender themselves left or joined the group."""

    status: Literal["added", "removed"]
    member: bool = False


Button = tuple[str, str]  # (label, token)


@dataclass(frozen=True)
class Reply:
    """Something to say. Text may use **bold**, "- " list lines and @[user id] mentions; adapters render
    and split it.

    `choices` are rows of buttons; `private` means only the person may see it: never posted in a group
    chat, though a private reply to a confidential incoming may answer it in place (only they see that);
    `invite` asks the adapter to add a way into a private chat (Telegram: a t.me deep link with this
    start payload); a button whose token starts with JOIN_PREFIX does the same with its code; `form` marks a question answered in a few typed words, which an adapter may offer
    as a form with this title (Discord: a modal); `location` offers a button that shares the person's
    location, with this label (Telegram), answered as a Location.
    """

    to: Address
    text: str
    choices: tuple[tuple[Button, ...], ...] = ()
    image: bytes | None = field(default=None, repr=False)
    file: Attachment | None = None  # a document to send with the text (an export, a report)
    private: bool = False
    invite: str | None = None
    form: str | None = None
    broadcast: bool = False  # for everyone in the group: never shown to the sender alone
    pin: bool = False  # pin it in the group where the bot may
    forgotten: bool = False  # the person's data was just erased: an adapter drops its copies too (files)
    location: str | None = None
    stale: bool = False  # it answers a press on an older message's button: show no answer on that message


# the commands the core answers in a group chat; every other one it answers in the person's private chat
# (a platform that runs commands where they were typed, Discord's slash commands, runs the others in DMs)
GROUP_COMMANDS = frozenset({"help", "club"})


# Button tokens are `v1:<kind>[:<part>...]`, at most 64 bytes; coachbot/core/tokens.py makes and reads them.
# Adapters see only what they render differently: a Join button, and the main action of a message.
TOKEN_PREFIX = "v1:"
JOIN_KIND = "join"  # a way into a private chat: /start <code> there
PRIMARY_KIND = "go"  # a prompt's button that opens its check-in: the message's main action
HELD_KIND = "held"  # a group button that shows what was kept, to the person who presses it alone
QUESTION_KIND = "q"  # an answer to a stored question: its serial, then the value (a console numbers them)

HELD_PAYLOAD = "message"  # /start payload that shows what was kept for the person (Telegram deep link)
HELD_TOKEN = TOKEN_PREFIX + HELD_KIND
JOIN_PREFIX = f"{TOKEN_PREFIX}{JOIN_KIND}:"
PRIMARY_PREFIX = f"{TOKEN_PREFIX}{PRIMARY_KIND}:"
QUESTION_PREFIX = f"{TOKEN_PREFIX}{QUESTION_KIND}:"


def join_token(code: str) -> str:
    """A Join button's token; adapters render it their way (Telegram: a t.me deep link)."""
    return JOIN_PREFIX + code


def mention(user_id: str) -> str:
    """The neutral markup naming a person in a group message (each adapter renders its own)."""
    return f"@[{user_id}]"
