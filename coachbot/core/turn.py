"""One incoming message being handled: the unit of work, the person, their enrolment and conversation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from coachbot.coaching.lifecycle import Change
from coachbot.core.options import with_arguments
from coachbot.messages import Address, Button, Command, Incoming, Reply
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store import plan_changes
from coachbot.store.repo import Repo
from coachbot.store.tables import Conversation, Enrolment, Person


@dataclass
class Turn:
    """Everything a handler needs; it replies with `say` and changes state through `repo`."""

    repo: Repo
    incoming: Incoming
    now: datetime
    programmes: Catalogue
    person: Person | None
    enrolment: Enrolment | None
    conversation: Conversation | None

    @classmethod
    async def load(cls, repo: Repo, incoming: Incoming, now: datetime, programmes: Catalogue) -> Turn:
        sender = incoming.sender
        person = await repo.person(sender.platform, sender.user_id)
        enrolment = conversation = None
        if person is not None:
            enrolment = await repo.live_enrolment(person.id, lock=True)
            conversation = await repo.conversation(person.id)
        return cls(repo, incoming, now, programmes, person, enrolment, conversation)

    @property
    def address(self) -> Address:
        return self.incoming.sender

    @property
    def in_group(self) -> bool:
        return self.address.chat_kind == "group"

    def private_address(self) -> Address:
        """The person's own chat with the bot: the private chat they talk to it in, or, before they ever
        have, the one their user id opens (Telegram's private chat id and our Discord DM address are the
        user id; on Telegram a bot still may not write there first)."""
        sender = self.address
        chat_id = self.person.chat_id if self.person is not None else sender.user_id
        return Address(sender.platform, chat_id, sender.user_id, "private")

    def go_private(self) -> None:
        """Handle the rest of this turn as if the person had written privately: `say` answers there."""
        self.incoming = replace(self.incoming, sender=self.private_address(), confidential=False)

    def say(self, text: str, choices: tuple[tuple[Button, ...], ...] = (), *, private: bool = True) -> Reply:
        return Reply(self.address, text, choices, private=private)

    def command(self) -> Command | None:
        """The incoming command; typed options (Discord's) come as the argument text they stand for."""
        return with_arguments(self.incoming) if isinstance(self.incoming, Command) else None

    async def ensure_person(self) -> Person:
        if self.person is None:
            sender = self.address
            self.person = await self.repo.add_person(
                sender.platform, sender.user_id, sender.chat_id, self.now
            )
        return self.person

    def zone(self) -> ZoneInfo:
        name = self.person.tz if self.person is not None else None
        return ZoneInfo(name) if name else ZoneInfo("UTC")

    def local_today(self) -> date:
        return self.now.astimezone(self.zone()).date()

    def programme(self) -> Programme:
        """The programme of the live enrolment (callers check there is one)."""
        assert self.enrolment is not None
        return self.programmes[self.enrolment.programme_id]

    async def change_status(self, change: Change) -> None:
        """Apply a lifecycle change (coaching/lifecycle.py) to the live enrolment; its prompts follow."""
        assert self.enrolment is not None
        await plan_changes.apply(self.repo, self.enrolment, change, self.programme(), self._tz(), self.now)

    async def reschedule(self) -> None:
        """The live enrolment's times, days, zone, quiet hours or phase changed: its prompts move."""
        assert self.enrolment is not None
        await plan_changes.reschedule(self.repo, self.enrolment, self.programme(), self._tz(), self.now)

    def _tz(self) -> str | None:
        return self.person.tz if self.person is not None else None


Handler = Callable[[Turn], Awaitable[list[Reply]]]  # what a command, a button kind or a route runs
