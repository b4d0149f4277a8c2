"""A scripted person talking to the Coach directly: type, press buttons by label, read the replies."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

from coachbot.coach import Coach
from coachbot.messages import Address, Choice, Command, Incoming, Reply, Text


class Chat:
    def __init__(self, coach: Coach, now: datetime, user_id: str = "42", chat_kind: str = "private") -> None:
        self.coach = coach
        self.now = now
        self.address = Address("console", user_id if chat_kind == "private" else "-100", user_id, chat_kind)  # type: ignore[arg-type]
        self.replies: list[Reply] = []
        self._ids = count(1)

    async def _send(self, incoming: Incoming) -> list[Reply]:
        self.replies = await self.coach.handle(incoming, self.now)
        return self.replies

    def _meta(self) -> dict[str, object]:
        return {"sender": self.address, "at": self.now, "event_id": str(next(self._ids))}

    async def command(self, text: str) -> list[Reply]:
        name, _, args = text.lstrip("/").partition(" ")
        return await self._send(Command(name=name, args=args, **self._meta()))  # type: ignore[arg-type]

    async def say(self, text: str) -> list[Reply]:
        return await self._send(Text(text=text, **self._meta()))  # type: ignore[arg-type]

    async def press(self, label: str, replies: list[Reply] | None = None) -> list[Reply]:
        return await self._send(Choice(token=self.token(label, replies), **self._meta()))  # type: ignore[arg-type]

    def token(self, label: str, replies: list[Reply] | None = None) -> str:
        for reply in replies if replies is not None else self.replies:
            for row in reply.choices:
                for shown, token in row:
                    if shown == label:
                        return token
        raise AssertionError(f"no button {label!r} in {self.replies}")

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.replies)

    def later(self, **delta: float) -> None:
        self.now += timedelta(**delta)

    async def enrol(self, programme: str = "12-week calf strain rehab") -> None:
        await self.command("/start")
        for label in ("I agree", programme):
            await self.press(label)
        await self.say("Europe/London")
        await self.press("07:00")
        await self.press("Every day")
        await self.press("08:00")
        assert "You're enrolled" in self.text
