"""The terminal as a platform: lines from stdin become Incoming messages, replies are printed.

Typing a button's label presses it; "/name args" is a command; anything else is free text.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Awaitable, Callable
from datetime import datetime
from itertools import count
from pathlib import Path
from typing import TextIO

from coachbot.messages import Address, Choice, Command, Incoming, Reply, Text

PLATFORM = "console"
_BOLD = re.compile(r"\*\*(.+?)\*\*")


class ConsoleAdapter:
    """Reads until end of input; `send` is called by the app for every reply to this platform."""

    def __init__(
        self,
        deliver: Callable[[Incoming], Awaitable[None]],
        stdin: TextIO,
        stdout: TextIO,
        user: str,
        clock: Callable[[], datetime],
    ) -> None:
        self.deliver = deliver
        self.stdin, self.stdout = stdin, stdout
        self.address = Address(PLATFORM, user, user, "private")
        self.clock = clock
        self.ansi = stdout.isatty()
        self._buttons: dict[str, str] = {}
        self._ids = count(1)

    async def send(self, reply: Reply) -> str:
        """Print a reply with its buttons; returns a message id like the real platforms do."""
        bold = "\033[1m{}\033[0m" if self.ansi else "{}"
        text = _BOLD.sub(lambda match: bold.format(match.group(1)), reply.text)
        lines = [
            f"coachbot> {line}" if index == 0 else f"          {line}"
            for index, line in enumerate(text.splitlines())
        ]
        if reply.choices:
            self._buttons = {label.lower(): token for row in reply.choices for label, token in row}
            lines.extend("          " + "  ".join(f"[{label}]" for label, _ in row) for row in reply.choices)
        saved = [(reply.file.filename, reply.file.data)] if reply.file is not None else []
        if reply.image is not None:
            saved.append(("coachbot-progress.png", reply.image))
        for name, data in saved:  # a terminal shows no files: they go to the current folder
            path = Path.cwd() / Path(name).name
            path.write_bytes(data)
            lines.append(f"          (saved {path})")
        self.stdout.write("\n".join(lines) + "\n")
        self.stdout.flush()
        return str(next(self._ids))

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
        for leadership."""
        async for line in _LineIterator(self.stdin):
            incoming = self.incoming(line)
            if incoming is not None:
                await self.deliver(incoming)


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
