"""The terminal as a platform: lines from stdin become Incoming messages, replies are printed.

Typing the label of a button still shown presses it: the current question's, and any other message's (the
newest wins when two share a label);
"/name args" is a command; anything else is free text. Files the bot sends are saved under `files`, and
deleted when the person's data is erased (/forget).
"""

from __future__ import annotations

import asyncio
import re
import shutil
import threading
from collections.abc import Awaitable, Callable
from datetime import datetime
from itertools import count
from pathlib import Path
from typing import TextIO

from coachbot.messages import QUESTION_PREFIX, Address, Choice, Command, Incoming, Reply, Text
from coachbot.ports import Deliver, Lane, Renders

PLATFORM = "console"
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_UNSAFE = re.compile(r"[^\w.-]")
_QUESTION = QUESTION_PREFIX  # a question's buttons: v1:q:<serial>:<value> (coachbot/core/question.py)

Opening = Callable[[Address], Awaitable[list[Reply]]]


async def _no_opening(_address: Address) -> list[Reply]:
    return []


def files_folder(data_dir: Path, user: str) -> Path:
    """Where the console saves one user's files (a report, an export, a chart)."""
    return data_dir / f"console-{_UNSAFE.sub('_', user)}"


class ConsoleAdapter:
    """Reads until end of input; `send` is called by the app for every reply to this platform. Files and
    images are saved to a folder; invites, pins, forms and location buttons mean nothing here."""

    renders = Renders(buttons=True, images=True, files=True)

    def __init__(
        self,
        deliver: Deliver,
        stdin: TextIO,
        stdout: TextIO,
        user: str,
        clock: Callable[[], datetime],
        *,
        files: Path | None = None,
        opening: Opening = _no_opening,
    ) -> None:
        self.deliver = deliver
        self.files = files  # None: the current folder, and nothing is ever deleted
        self.opening = opening
        self.stdin, self.stdout = stdin, stdout
        self.address = Address(PLATFORM, user, user, "private")
        self.clock = clock
        self.ansi = stdout.isatty()
        self.lines_read = 0  # none at the end of input: nobody was there to type (no terminal)
        self._buttons: dict[str, str] = {}
        self._ids = count(1)

    @property
    def connected(self) -> bool:
        """A terminal is always there (`ports.Adapter`)."""
        return True

    async def send(self, reply: Reply, lane: Lane = Lane.REPLY) -> str:
        """Print a reply with its buttons (a terminal has no limits, whatever the lane); returns a message
        id like the real platforms do."""
        bold = "\033[1m{}\033[0m" if self.ansi else "{}"
        text = _BOLD.sub(lambda match: bold.format(match.group(1)), reply.text)
        lines = [
            f"coachbot> {line}" if index == 0 else f"          {line}"
            for index, line in enumerate(text.splitlines())
        ]
        if reply.choices:
            self._remember(reply.choices)
            lines.extend("          " + "  ".join(f"[{label}]" for label, _ in row) for row in reply.choices)
        saved = [(reply.file.filename, reply.file.data)] if reply.file is not None else []
        if reply.image is not None:
            saved.append(("coachbot-progress.png", reply.image))
        for name, data in saved:  # a terminal shows no files: they go to the data folder
            folder = self.files or Path.cwd()
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / Path(name).name
            path.write_bytes(data)
            lines.append(f"          (saved {path})")
        if reply.forgotten and self.files is not None:
            shutil.rmtree(self.files, ignore_errors=True)  # the health files go with the rest
        self.stdout.write("\n".join(lines) + "\n")
        self.stdout.flush()
        return str(next(self._ids))

    async def respond(self, reply: Reply) -> str:
        """The console's way back to what was typed (`ports.Responder`): the terminal it came from."""
        return await self.send(reply)

    def _remember(self, choices: tuple[tuple[tuple[str, str], ...], ...]) -> None:
        """Keep every pressable label; a new question's buttons retire those of earlier questions."""
        new = {label.lower(): token for row in choices for label, token in row}
        serials = {_serial(token) for token in new.values() if token.startswith(_QUESTION)}
        if serials:
            self._buttons = {
                label: token
                for label, token in self._buttons.items()
                if not token.startswith(_QUESTION) or _serial(token) in serials
            }
        self._buttons.update(new)

    def incoming(self, line: str) -> Incoming | None:
        """What a typed line means, or None for a blank line."""
        text = line.strip()
        if not text:
            return None
        now, event = self.clock(), f"console-{next(self._ids)}"
        if text.startswith("/"):
            name, _, args = text[1:].partition(" ")
            return Command(sender=self.address, at=now, event_id=event, name=name.lower(), args=args.strip())
        token = self._buttons.get(text.lower().strip("[] "))
        if token is not None:
            return Choice(sender=self.address, at=now, event_id=event, token=token)
        return Text(sender=self.address, at=now, event_id=event, text=text)

    async def run(self, leading: asyncio.Event) -> None:
        """Feed every line to the coach until end of input (Ctrl-D); a terminal is local, so it never waits
        for leadership. The opening (a welcome, a pending question) comes first."""
        for reply in await self.opening(self.address):
            await self.send(reply)
        async for line in _LineIterator(self.stdin):
            self.lines_read += 1
            incoming = self.incoming(line)
            if incoming is not None:
                await self.deliver(incoming, self)


def _serial(token: str) -> str:
    return token.removeprefix(_QUESTION).partition(":")[0]


class _LineIterator:
    """Reads a stream on a daemon thread so a blocked read never holds up shutdown (Ctrl-C)."""

    def __init__(self, stream: TextIO) -> None:
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        loop = asyncio.get_running_loop()

        def pump() -> None:
            for line in iter(stream.readline, ""):
                loop.call_soon_threadsafe(self._queue.put_nowait, line)
            loop.call_soon_threadsafe(self._queue.put_nowait, None)

        threading.Thread(target=pump, name="console-stdin", daemon=True).start()

    def __aiter__(self) -> _LineIterator:
        return self

    async def __anext__(self) -> str:
        line = await self._queue.get()
        if line is None:
            raise StopAsyncIteration
        return line
