"""Per-platform send limits, shared by scheduled prompts and interactive replies.

Telegram: at most 29 messages a second overall (its limit is 30), at most 3 in any 3 seconds to one chat
(about one a second, with room for a reply in a few parts), 20 in any minute to a group. Discord: a ceiling
below its 50 requests a second (discord.py handles the per-route buckets itself). Each is a setting
(`limits_from`). A platform that answered 429 is paused until its retry_after has passed.

The overall limit spaces sends evenly (never a burst: a bucket that starts full would send 29 at once and
then 29 more within the same second), and a reply waiting for a slot goes before any waiting prompt
(`Lane`). The chat limits are sliding windows, as the platforms count them. aiolimiter's leaky bucket
allows exactly the bursts the platforms punish and has no lanes, hence these few lines of our own.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict, deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from enum import IntEnum

from coachbot.settings import Settings

PAID_BROADCAST_RATE = 1000.0  # Telegram's ceiling for bots with paid broadcasts enabled


class Lane(IntEnum):
    """Who waits for a send slot: an answer to someone in the chat now goes ahead of a scheduled prompt.
    The values are also the outbox's `priority` (lower is sent first)."""

    REPLY = 0
    BULK = 1


@dataclass(frozen=True)
class PlatformLimits:
    per_second: float  # overall messages a second
    per_chat_interval: float = 0.0  # seconds between messages to one chat, on average (0: no limit)
    per_group_minute: int = 0  # messages a minute to one group (0: no limit)


DEFAULTS = {
    "telegram": PlatformLimits(per_second=29, per_chat_interval=1.0, per_group_minute=20),
    "discord": PlatformLimits(per_second=45),
    "console": PlatformLimits(per_second=1000),
}
MAX_CHAT_LIMITERS = 10_000
CHAT_BURST = 3  # sends to one chat in any CHAT_BURST × per_chat_interval seconds


def limits_from(settings: Settings) -> dict[str, PlatformLimits]:
    """The limits the operator set (COACHBOT_TELEGRAM_RATE and the rest; README "Configuration")."""
    return {
        **DEFAULTS,
        "telegram": PlatformLimits(
            per_second=settings.telegram_rate,
            per_chat_interval=settings.telegram_chat_interval,
            per_group_minute=settings.telegram_group_per_minute,
        ),
        "discord": PlatformLimits(per_second=settings.discord_rate),
    }


class Pacer:
    """At most `rate` sends a second, evenly spaced, granted reply lane first and in order within a lane.

    Slots lie on a grid one interval apart: a send granted a little late keeps the grid rather than
    pushing every later slot back, and no second ever holds more than `rate` grants (a sliding window over
    the last ones). Slots missed while the loop was busy for longer than an interval are not made up: the
    sends held up by the same busy moment go out late too, and making up would then put more than the
    limit into one second at the platform (measured: 6-12 answers of 429 in a 5,000-prompt fan-out).
    """

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self._next = 0.0  # the loop time of the next slot on the grid
        self._recent: deque[float] = deque(maxlen=max(int(rate), 1))
        self._waiting: tuple[deque[asyncio.Future[None]], ...] = tuple(deque() for _ in Lane)
        self._timer: asyncio.TimerHandle | None = None

    async def acquire(self, lane: Lane) -> None:
        loop = asyncio.get_running_loop()
        if self._free_at() <= loop.time() and not any(self._waiting):
            self._take(loop.time())
            return
        granted: asyncio.Future[None] = loop.create_future()
        self._waiting[lane].append(granted)
        self._arm(loop)
        try:
            await granted
        except asyncio.CancelledError:
            with contextlib.suppress(ValueError):
                self._waiting[lane].remove(granted)
            raise

    def _free_at(self) -> float:
        full = len(self._recent) == self._recent.maxlen
        return max(self._next, self._recent[0] + 1.0) if full else self._next

    def _take(self, now: float) -> None:
        behind = now - self._next  # > 0: the loop was busy, or nothing was sent for a while
        self._next = (self._next if behind < self.interval else now) + self.interval
        self._recent.append(now)

    def _arm(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._timer is None:
            self._timer = loop.call_at(self._free_at(), self._grant, loop)

    def _grant(self, loop: asyncio.AbstractEventLoop) -> None:
        self._timer = None
        now = loop.time()
        for waiting in self._waiting:  # Lane order: replies first
            while waiting and self._free_at() <= now:
                granted = waiting.popleft()
                if not granted.done():
                    granted.set_result(None)
                    self._take(now)
        if any(self._waiting):
            self._arm(loop)


class SlidingWindow:
    """At most `count` sends in any `period` seconds (one chat's limit), first come first served."""

    def __init__(self, count: int, period: float) -> None:
        self.period = period
        self._sent: deque[float] = deque(maxlen=count)
        self._turn = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wait until the window has room; the send counts from when the block ends (after any other
        wait inside it), so a send held up elsewhere can't crowd the window later."""
        async with self._turn:
            loop = asyncio.get_running_loop()
            if len(self._sent) == self._sent.maxlen:
                await asyncio.sleep(self._sent[0] + self.period - loop.time())
            yield
            self._sent.append(loop.time())


@dataclass
class RateLimiter:
    """Waits as long as a platform's limits require before each send."""

    limits: dict[str, PlatformLimits] = field(default_factory=lambda: dict(DEFAULTS))
    _overall: dict[str, Pacer] = field(default_factory=dict)
    _chats: OrderedDict[tuple[str, str], SlidingWindow] = field(default_factory=OrderedDict)
    _paused_until: dict[str, float] = field(default_factory=dict)

    def pause(self, platform: str, seconds: float) -> None:
        """Hold every send to `platform` for `seconds` (its 429 retry_after)."""
        loop = asyncio.get_running_loop()
        self._paused_until[platform] = max(self._paused_until.get(platform, 0.0), loop.time() + seconds)

    def resume(self, platform: str) -> None:
        """End a platform's pause early (an operator's choice, or a test that has moved its clock on)."""
        self._paused_until.pop(platform, None)

    def paused(self, platform: str) -> bool:
        return self.pause_left(platform) > 0

    def pause_left(self, platform: str) -> float:
        """Seconds until `platform` may be sent to again (0 when it is not paused)."""
        return max(self._paused_until.get(platform, 0.0) - asyncio.get_running_loop().time(), 0.0)

    async def acquire(self, platform: str, chat_id: str, group: bool, lane: Lane = Lane.REPLY) -> None:
        limits = self.limits.get(platform) or PlatformLimits(per_second=10)
        # a pause can be extended while we wait (another 429), so look again after each wait
        while (wait := self.pause_left(platform)) > 0:  # noqa: ASYNC110
            await asyncio.sleep(wait)
        overall = self._overall_for(platform, limits)
        chat = self._chat_for(platform, chat_id, group, limits)
        if chat is None:
            await overall.acquire(lane)
            return
        async with chat.turn():  # the chat's own limit first: waiting for it holds up no one else
            await overall.acquire(lane)

    def _overall_for(self, platform: str, limits: PlatformLimits) -> Pacer:
        if platform not in self._overall:
            self._overall[platform] = Pacer(limits.per_second)
        return self._overall[platform]

    def _chat_for(
        self, platform: str, chat_id: str, group: bool, limits: PlatformLimits
    ) -> SlidingWindow | None:
        if group and limits.per_group_minute:
            window = (limits.per_group_minute, 60.0)
        elif limits.per_chat_interval:
            window = (CHAT_BURST, CHAT_BURST * limits.per_chat_interval)
        else:
            return None
        key = (platform, chat_id)
        limiter = self._chats.get(key)
        if limiter is None:
            limiter = self._chats[key] = SlidingWindow(*window)
            if len(self._chats) > MAX_CHAT_LIMITERS:
                self._chats.popitem(last=False)
        else:
            self._chats.move_to_end(key)
        return limiter
