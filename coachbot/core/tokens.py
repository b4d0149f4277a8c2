"""The one vocabulary of button tokens: `v1:<kind>[:<part>...]`, made by `make` (at most 64 bytes, the
limit Telegram puts on callback_data) and read by `parse`. The coach routes a button press by its kind.

Buttons already sent must keep working, so these formats never change; a new button is a new kind.
"""

from __future__ import annotations

from coachbot.messages import HELD_KIND, JOIN_KIND, PRIMARY_KIND, QUESTION_KIND, TOKEN_PREFIX

MAX_BYTES = 64

QUESTION = QUESTION_KIND  # v1:q:<serial>:<value>: an answer to the question of that serial (core/question.py)
GO = PRIMARY_KIND  # v1:go:<check-in>: a prompt's button that opens its check-in
SNOOZE = "snooze"  # v1:snooze:<prompt kind>:<local date>: a prompt's Snooze button
DONE = "done"  # v1:done:<club id>: a club post's Done button
LEADERBOARD = "lb"  # v1:lb:<club id>:on|off: the leaderboard opt-in
HELD = HELD_KIND  # v1:held: show what a group red flag kept for the person
JOIN = (
    JOIN_KIND  # v1:join:<code>: a way into a private chat (adapters render it as a link or their own button)
)

# how many parts each kind carries; the last part takes the rest of the token (it may hold ":")
PARTS = {QUESTION: 2, GO: 1, SNOOZE: 2, DONE: 1, LEADERBOARD: 2, HELD: 0, JOIN: 1}


class TooLong(ValueError):
    """A token that does not fit in a button (more than MAX_BYTES bytes of UTF-8)."""


def make(kind: str, *parts: str | int) -> str:
    """The token of a button of `kind` carrying `parts`; raises TooLong past MAX_BYTES."""
    if len(parts) != PARTS[kind]:
        raise ValueError(f"a {kind!r} token has {PARTS[kind]} parts, not {len(parts)}")
    texts = [str(part) for part in parts]
    if any(":" in text for text in texts[:-1]):
        raise ValueError(f"only the last part of a token may hold ':': {texts!r}")
    token = ":".join([TOKEN_PREFIX + kind, *texts])
    if len(token.encode("utf-8")) > MAX_BYTES:
        raise TooLong(f"button token too long: {token!r}")
    return token


def parse(token: str) -> tuple[str, tuple[str, ...]] | None:
    """The kind and parts of a token (a part missing at the end reads as ""), or None when it is none."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    kind, colon, rest = token.removeprefix(TOKEN_PREFIX).partition(":")
    count = PARTS.get(kind)
    if count is None or bool(colon) != (count > 0):
        return None
    parts = rest.split(":", count - 1) if count else []
    return kind, (*parts, *[""] * (count - len(parts)))


def kind_of(token: str) -> str | None:
    """The kind of a token, or None when it is not one."""
    parsed = parse(token)
    return parsed[0] if parsed is not None else None


def parts_of(token: str) -> tuple[str, ...]:
    """The parts of a token (empty when it is not one), for a handler the coach chose by its kind."""
    parsed = parse(token)
    return parsed[1] if parsed is not None else ()
