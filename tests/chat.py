"""A scripted person talking to the Coach directly: type, press buttons by label, read the replies."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

from coachbot.core.coach import Coach
from coachbot.messages import Address, Attachment, Choice, Command, Incoming, Reply, Text

Answer = str | tuple[str, ...]  # a label or typed text, or several in a row (a multi-select)
EVENT_IDS = count(1)  # shared, so chats on a de-duplicating platform (telegram, discord) never collide


class Chat:
    def __init__(
        self,
        coach: Coach,
        now: datetime,
        user_id: str = "42",
        chat_kind: str = "private",
        *,
        platform: str = "console",
        confidential: bool = False,
    ) -> None:
        """`confidential`: everything is sent the way a Discord interaction in a server channel is."""
        self.coach = coach
        self.now = now
        self.address = Address(platform, user_id if chat_kind == "private" else "-100", user_id, chat_kind)  # type: ignore[arg-type]
        self.confidential = confidential
        self.replies: list[Reply] = []

    async def _send(self, incoming: Incoming) -> list[Reply]:
        self.replies = await self.coach.handle(incoming, self.now)
        return self.replies

    def _meta(self) -> dict[str, object]:
        return {
            "sender": self.address,
            "at": self.now,
            "event_id": str(next(EVENT_IDS)),
            "confidential": self.confidential,
        }

    async def command(
        self, text: str, *, admin: bool = False, display_name: str = "", attachment: Attachment | None = None
    ) -> list[Reply]:
        name, _, args = text.lstrip("/").partition(" ")
        command = Command(
            name=name,
            args=args,
            admin=admin,
            display_name=display_name,
            attachment=attachment,
            **self._meta(),  # type: ignore[arg-type]
        )
        return await self._send(command)

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

    async def enrol(
        self,
        programme: str = "12-week calf strain rehab",
        start: str = "/start",
        display_name: str = "",
        **answers: Answer,
    ) -> None:
        """Enrol through the whole triage; the default answers fit a milder (grade-1-like) pattern."""
        await self.triage(programme, start, display_name, None, **answers)
        assert "You're enrolled" in self.text, self.text

    async def triage(
        self,
        programme: str = "12-week calf strain rehab",
        start: str = "/start",
        display_name: str = "",
        until: str | None = None,
        **answers: Answer,
    ) -> None:
        """/start and answer until enrolled or referred, or until the question `until` is asked. An answer
        is a button's label or typed text; a tuple is several in a row (a multi-select's ticks and Done)."""
        await self.command(start, display_name=display_name)
        await self.press("I agree")
        await self.say("Europe/London")
        await self.press("Yes")  # "It's 09:00 on Monday for you — right?"
        ordered: dict[str, Answer] = dict(triage_answers(prevention=programme != "12-week calf strain rehab"))
        ordered.update(answers)
        for key, value in ordered.items():
            if key == until:
                return
            assert value, key
            for one in (value,) if isinstance(value, str) else value:
                replies = await (self.press(one) if self._has_button(one) else self.say(one))
            if any("You're enrolled" in reply.text for reply in replies):
                break
            if self.conversation_over():
                break

    async def log_session(self, during: str, after: str, completion: str = "All") -> None:
        """/checkin after a session, answered with the buttons (nothing sudden)."""
        await self.command("/checkin")
        for answer in (during, after, completion, "No"):
            await self.press(answer)

    async def log_sudden(
        self, during: str = "3", after: str = "2", screen: tuple[str, str, str] = ("Yes", "No", "No")
    ) -> None:
        """/checkin with something sudden, then the rupture screen (tiptoe, dip, kicked) by its buttons;
        the default answers are the reassuring ones."""
        await self.command("/checkin")
        for answer in (during, after, "All", "Yes", *screen):
            await self.press(answer)

    async def log_morning(self, pain: str) -> None:
        """/morning, answered with the buttons (nothing new since yesterday)."""
        await self.command("/morning")
        await self.press(pain)
        await self.press("None of these")

    async def retriage(self, **answers: str) -> None:
        """Answer the re-triage questions with the mild defaults until the plan resumes or stops."""
        skip = {
            "age",
            "exclusion",
            "dvt_risks",
            "sex",
            "weekly_km",
            "session_time",
            "days_choice",
            "morning_time",
        }
        for key, value in triage_answers(False, **answers):
            if key in skip:
                continue
            await (self.press(value) if self._has_button(value) else self.say(value))
            if not any(reply.choices for reply in self.replies):
                return

    def _has_button(self, label: str) -> bool:
        return any(shown == label for reply in self.replies for row in reply.choices for shown, _ in row)

    def conversation_over(self) -> bool:
        return not any(reply.choices for reply in self.replies) and "?" not in self.text[-200:]


GRADE1 = {
    "age": "34",
    "exclusion": "None of these",
    "emergency": "No",
    "urgent": "No",
    "routine": "No",
    "dvt_risks": "None of these",
    "injury": "Yes",
    "days": "3–7",
    "onset": "Tightness or cramp after I stopped",
    "walking": "Yes",
    "walking_pain": "2",
    "tender": "A bit",
    "immediate": "Only afterwards",
    "bruising": "None",
    "double_rise": "1",
    "single_rises": "10–19",
    "location": "Mid calf",
    "clinician": "No",
    "weekly_km": "25",
    "sex": "Prefer not to say",
    "session_time": "07:00",
    "days_choice": "Every day",
    "morning_time": "08:00",
}
PREVENTION = {
    "age": "34",
    "exclusion": "None of these",
    "emergency": "No",
    "urgent": "No",
    "routine": "No",
    "dvt_risks": "None of these",
    "injury": "No — I want to prevent injury",
    "baseline_raises": "20",
    "weekly_km": "Skip",
    "sex": "Prefer not to say",
    "session_time": "07:00",
    "days_choice": "Every day",
    "key_run": "None / it varies",
    "morning_time": "08:00",
}


def triage_answers(prevention: bool = False, **overrides: str) -> list[tuple[str, str]]:
    answers = dict(PREVENTION if prevention else GRADE1)
    answers.update(overrides)
    return list(answers.items())
