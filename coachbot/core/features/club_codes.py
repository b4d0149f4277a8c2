"""Short codes: a programme's share code (the same everywhere, derived from its id; /programme lists them)
and a club's join code (random). Both fit a Telegram start payload ([A-Za-z0-9_-], at most 64 characters)."""

from __future__ import annotations

import base64
import hashlib
import secrets

from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.texts import enrol as enrol_texts

SHARE_PREFIX = "p"
CLUB_PREFIX = "c"


def share_code(programme_id: str) -> str:
    """A stable 9-character code for a programme, e.g. "pq3k7d2ma"."""
    digest = hashlib.sha256(f"coachbot-programme:{programme_id}".encode()).digest()
    return SHARE_PREFIX + base64.b32encode(digest).decode().lower()[:8]


def programme_for(programmes: Catalogue, given: str) -> Programme | None:
    """A programme named by its id or its share code (shipped, or custom and shared)."""
    wanted = given.strip().lower()
    if wanted in programmes:
        return programmes[wanted]
    return next((p for p in [*programmes.values(), *programmes.shared()] if share_code(p.id) == wanted), None)


def new_join_code() -> str:
    """A club's join code: 11 characters, unguessable enough that only people given it can join."""
    return CLUB_PREFIX + secrets.token_hex(5)


async def programme(turn: Turn) -> list[Reply]:
    """/programme (share): the share code of your programme (or of every programme), for /start <code>."""
    chosen = [turn.programme()] if turn.enrolment is not None else list(turn.programmes.values())
    lines = [enrol_texts.SHARE_LINE.format(title=p.title, code=share_code(p.id)) for p in chosen]
    return [turn.say("\n".join([enrol_texts.SHARE_HEADER, *lines]), private=False)]


COMMANDS = {"programme": programme}
