"""The fake Bot API's limits, as Telegram enforces them per bot token: a bot-wide sliding one-second
window (a higher one for paid broadcasts), at most 3 messages in any 3 seconds to one private chat, 20 in
any minute to one group (negative chat ids). A breach starts a penalty: until it ends every send is a 429
too (the fake counts those apart, as "429 while already penalised")."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field


@dataclass
class Window:
    """At most `limit` events in any `span` seconds."""

    limit: int
    span: float
    times: deque[float] = field(default_factory=deque)

    def _trim(self, now: float) -> None:
        while self.times and self.times[0] <= now - self.span:
            self.times.popleft()

    def full(self, now: float) -> bool:
        self._trim(now)
        return len(self.times) >= self.limit

    def free_in(self, now: float) -> float:
        """Seconds until one more event fits."""
        self._trim(now)
        return 0.0 if len(self.times) < self.limit else self.times[0] + self.span - now

    def add(self, now: float) -> None:
        self.times.append(now)


@dataclass
class Limits:
    """The limits of one bot token; `check` answers None (send it) or the retry_after of a 429."""

    rate: int = 30
    paid_rate: int = 1000
    chat_burst: int = 3
    chat_span: float = 3.0
    group_per_minute: int = 20
    penalty: float = 5.0  # seconds a bot-wide breach blocks every send (Telegram's flood wait)
    breaches: int = 0
    breached: dict[str, int] = field(default_factory=lambda: {"bot": 0, "chat": 0, "group": 0})
    while_penalised: int = 0
    _free: Window = field(init=False)
    _paid: Window = field(init=False)
    _chats: dict[int, Window] = field(default_factory=dict)
    _penalised_until: float = 0.0
    _chat_penalties: dict[int, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._free = Window(self.rate, 1.0)
        self._paid = Window(self.paid_rate, 1.0)

    def check(self, chat_id: int, now: float, paid: bool = False) -> int | None:
        if now < self._penalised_until:
            self.while_penalised += 1
            return max(1, math.ceil(self._penalised_until - now))
        if now < self._chat_penalties.get(chat_id, 0.0):
            self.while_penalised += 1
            return max(1, math.ceil(self._chat_penalties[chat_id] - now))
        overall = self._paid if paid else self._free
        if overall.full(now):
            return self._breach(None, now, self.penalty)
        chat = self._chat(chat_id)
        if chat.full(now):
            return self._breach(chat_id, now, max(1.0, chat.free_in(now)))
        return None

    def record(self, chat_id: int, now: float, paid: bool = False) -> None:
        """A message was delivered: it counts against every window it belongs to."""
        (self._paid if paid else self._free).add(now)
        if not paid:
            self._paid.add(now)  # free messages use up the paid allowance as well
        self._chat(chat_id).add(now)

    def _chat(self, chat_id: int) -> Window:
        window = self._chats.get(chat_id)
        if window is None:
            if chat_id < 0:
                window = Window(self.group_per_minute, 60.0)
            else:
                window = Window(self.chat_burst, self.chat_span)
            self._chats[chat_id] = window
        return window

    def _breach(self, chat_id: int | None, now: float, seconds: float) -> int:
        self.breaches += 1
        self.breached["bot" if chat_id is None else "group" if chat_id < 0 else "chat"] += 1
        retry_after = max(1, math.ceil(seconds))
        if chat_id is None:
            self._penalised_until = now + retry_after
        else:
            self._chat_penalties[chat_id] = now + retry_after
        return retry_after
