"""Rendering the neutral markup for Discord: Markdown with everything else escaped, mentions as <@id>,
2,000-character messages, and reply choices laid out in rows of at most five buttons."""

from __future__ import annotations

import re

from discord.utils import escape_markdown, escape_mentions

from coachbot.adapters.markup import split as split_at
from coachbot.messages import Button

MAX_MESSAGE = 2000
MAX_ROW = 5  # buttons in one action row
MAX_ROWS = 5  # action rows in one message
MAX_LABEL = 80
_MARKUP = re.compile(r"\*\*(.+?)\*\*|@\[(\w+)\]")


def to_markdown(text: str) -> str:
    """Escape what Discord would read as Markdown or a mass mention; keep **bold**, "- " lists, mentions."""
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    indent, bullet, rest = re.match(r"(\s*)(- )?(.*)", line).groups("")  # type: ignore[union-attr]
    out, last = [], 0
    for found in _MARKUP.finditer(rest):
        out.append(_plain(rest[last : found.start()]))
        bold, person = found.groups()
        out.append(f"**{_plain(bold)}**" if bold is not None else f"<@{person}>")
        last = found.end()
    out.append(_plain(rest[last:]))
    return indent + bullet + "".join(out)


def _plain(text: str) -> str:
    return escape_mentions(escape_markdown(text))


def split(text: str) -> list[str]:
    """Pieces of at most Discord's 2,000 characters, cut at line ends."""
    return split_at(text, MAX_MESSAGE)


def rows(choices: tuple[tuple[Button, ...], ...]) -> list[list[Button]]:
    """The reply's rows as Discord allows them: kept when each fits in five, otherwise all buttons in
    order, five to a row (the 0-10 pain scale becomes 0-4, 5-9, 10); at most five rows."""
    laid_out = [list(row) for row in choices if row]
    if any(len(row) > MAX_ROW for row in laid_out):
        flat = [button for row in laid_out for button in row]
        laid_out = [flat[i : i + MAX_ROW] for i in range(0, len(flat), MAX_ROW)]
    return [[(label[:MAX_LABEL], token) for label, token in row] for row in laid_out[:MAX_ROWS]]
