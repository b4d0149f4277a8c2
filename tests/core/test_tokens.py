"""The one vocabulary of button tokens: formats kept byte for byte, round trips, the 64-byte limit."""

from __future__ import annotations

import re

import pytest

from coachbot.core import registry, tokens
from coachbot.messages import HELD_TOKEN, JOIN_PREFIX, PRIMARY_PREFIX, join_token

SAMPLES = {
    tokens.QUESTION: ("12", "during:6"),
    tokens.GO: ("checkin",),
    tokens.SNOOZE: ("session", "2026-03-29"),
    tokens.DONE: ("7",),
    tokens.LEADERBOARD: ("7", "on"),
    tokens.HELD: (),
    tokens.JOIN: ("c0a1b2c3d4e",),
}


def test_every_kind_has_a_sample() -> None:
    assert set(SAMPLES) == set(tokens.PARTS)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_make_then_parse_gives_back_the_kind_and_parts(kind: str) -> None:
    assert tokens.parse(tokens.make(kind, *SAMPLES[kind])) == (kind, SAMPLES[kind])


def test_tokens_already_sent_keep_their_exact_format() -> None:
    assert tokens.make(tokens.QUESTION, 12, "during:6") == "v1:q:12:during:6"
    assert tokens.make(tokens.GO, "checkin") == "v1:go:checkin"
    assert tokens.make(tokens.SNOOZE, "weekly", "2026-03-29") == "v1:snooze:weekly:2026-03-29"
    assert tokens.make(tokens.DONE, 7) == "v1:done:7"
    assert tokens.make(tokens.LEADERBOARD, 7, "off") == "v1:lb:7:off"
    assert tokens.make(tokens.HELD) == HELD_TOKEN == "v1:held"
    assert tokens.make(tokens.JOIN, "cabc") == join_token("cabc") == "v1:join:cabc"
    assert (JOIN_PREFIX, PRIMARY_PREFIX) == ("v1:join:", "v1:go:")


def test_a_part_missing_at_the_end_reads_as_empty() -> None:
    assert tokens.parse("v1:lb:7") == (tokens.LEADERBOARD, ("7", ""))
    assert tokens.parse("v1:go:") == (tokens.GO, ("",))
    assert tokens.parts_of("v1:snooze:session") == ("session", "")


@pytest.mark.parametrize(
    "text", ["", "6", "v2:go:checkin", "v1:", "v1:go", "v1:held:x", "v1:nope:1", "coachbot:note"]
)
def test_what_is_not_a_token_parses_as_none(text: str) -> None:
    assert tokens.parse(text) is None
    assert tokens.kind_of(text) is None
    assert tokens.parts_of(text) == ()


def test_a_token_over_64_bytes_is_refused() -> None:
    fits = tokens.make(tokens.QUESTION, 1, "x" * (64 - len("v1:q:1:")))
    assert len(fits.encode("utf-8")) == tokens.MAX_BYTES
    with pytest.raises(tokens.TooLong):
        tokens.make(tokens.QUESTION, 1, "x" * (65 - len("v1:q:1:")))
    with pytest.raises(tokens.TooLong):  # bytes, not characters: "é" is two
        tokens.make(tokens.QUESTION, 1, "é" * 29)


def test_the_wrong_number_of_parts_or_a_colon_inside_is_refused() -> None:
    with pytest.raises(ValueError, match="parts"):
        tokens.make(tokens.GO)
    with pytest.raises(ValueError, match="last part"):
        tokens.make(tokens.SNOOZE, "session:x", "2026-03-29")


def test_every_kind_in_choices_has_a_parser() -> None:
    assert registry.CHOICES
    for kind in registry.CHOICES:
        assert kind in tokens.PARTS
        assert tokens.kind_of(tokens.make(kind, *["1"] * tokens.PARTS[kind])) == kind


def test_group_choices_are_choices() -> None:
    assert set(registry.CHOICES) >= registry.GROUP_CHOICES


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_discord_buttons_take_every_kind_from_the_same_vocabulary(kind: str) -> None:
    """The DynamicItem templates: a Join token is the Join button, any other kind a core button."""
    from coachbot.adapters.discord.components import CORE_TEMPLATE, JOIN_TEMPLATE

    token = tokens.make(kind, *SAMPLES[kind])
    assert bool(re.fullmatch(CORE_TEMPLATE, token)) == (kind != tokens.JOIN)
    assert bool(re.fullmatch(JOIN_TEMPLATE, token)) == (kind == tokens.JOIN)
    assert token.startswith(PRIMARY_PREFIX) == (kind == tokens.GO)  # a prompt's button is the primary one
