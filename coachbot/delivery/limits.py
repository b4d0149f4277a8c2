"""Per-platform send limits, shared by scheduled prompts and interactive replies.

Telegram: at most 29 messages a second overall (its limit is 30), at most 3 in any 3 seconds to one chat
(about one a second, with room for a reply in a few parts), 20 in any minute to a group. Discord: a ceiling
below its 50 requests a second (discord.py handles the per-route buckets itself). Each is a setting
(`limits_from`). A platform that answered 429 is paused until its retry_after has passed.

The overall limit spaces sends evenly (never a burst: a bucket that starts full would send 29 at once and
then 29 more within the same second) and counts each send from when it finished, so sends that bunch on
the way can't crowd a second either; a reply waiting for a slot goes before any waiting prompt (`Lane`).
The chat limits are sliding windows, as the platforms count them. aiolimiter's leaky bucket allows
exactly the bursts the platforms punish and has no lanes, hence these few lines of our own
(docs/delivery.md, "Limits and lanes").
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict, deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from coachbot.ports import Lane as Lane  # defined in ports: the adapters wait in it too
from coachbot.settings import Settings


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
IN_FLIGHT_SECONDS = 1.0  # a send still under way counts as finishing this long after it began


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

    Slots lie on a grid one interval apart (a slot granted a little late keeps the grid; one missed while
    the loop was busy is not made up). On top of that, a send counts in a one-second window from when it
    *finished* (its answer came back, so the platform had it by then): a new one may start only a second
    after the `rate`-th last one finished. However late the loop or the network held sends up and
    however they bunch on the way, the platform never sees more than `rate` in any second. A send still
    under way counts as finishing IN_FLIGHT_SECONDS after it started until it does.
    """

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self._next = 0.0  # the loop time of the next slot on the grid
        self._finished: deque[list[float]] = deque(maxlen=max(int(rate), 1))  # [finish time] per send
        self._waiting: tuple[deque[asyncio.Future[list[float]]], ...] = tuple(deque() for _ in Lane)
        self._timer: asyncio.TimerHandle | None = None

    @contextlib.asynccontextmanager
    async def slot(self, lane: Lane) -> AsyncIterator[None]:
        """Wait for a slot, send inside the block; the send counts from when the block ends."""
        entry = await self._acquire(lane)
        loop = asyncio.get_running_loop()
        try:
            yield
        finally:
            entry[0] = loop.time()
            if any(self._waiting):  # a finished send can make the next slot free sooner
                self._rearm(loop)

    async def _acquire(self, lane: Lane) -> list[float]:
        loop = asyncio.get_running_loop()
        if self._free_at() <= loop.time() and not any(self._waiting):
            return self._take(loop.time())
        granted: asyncio.Future[list[float]] = loop.create_future()
        self._waiting[lane].append(granted)
        self._arm(loop)
        try:
            return await granted
        except asyncio.CancelledError:
            with contextlib.suppress(ValueError):
                self._waiting[lane].remove(granted)
            raise

    def _free_at(self) -> float:
        full = len(self._finished) == self._finished.maxlen
        return max(self._next, self._finished[0][0] + 1.0) if full else self._next

    def _take(self, now: float) -> list[float]:
        """Grant a slot now: move the grid on and count the send, as under way for now."""
        behind = now - self._next  # more than an interval: the loop was busy, or nothing was sent
        self._next = (self._next if behind < self.interval else now) + self.interval
        entry = [now + IN_FLIGHT_SECONDS]
        self._finished.append(entry)
        return entry

    def _arm(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._timer is None:
            self._timer = loop.call_at(self._free_at(), self._grant, loop)

    def _rearm(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._arm(loop)

    def _grant(self, loop: asyncio.AbstractEventLoop) -> None:
        self._timer = None
        now = loop.time()
        for waiting in self._waiting:  # Lane order: replies first
            while waiting and self._free_at() <= now:
                granted = waiting.popleft()
                if not granted.done():
                    granted.set_result(self._take(now))
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
    """Waits as long as a platform's limits require before each send (`async with limiter.slot(...)`): the
    `ports.Limiter` the app gives the adapters."""

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

    @contextlib.asynccontextmanager
    async def slot(
        self, platform: str, chat_id: str, group: bool, lane: Lane = Lane.REPLY
    ) -> AsyncIterator[None]:
        """Wait as long as the limits require, then send inside the block (the send counts against the
        limits from when it finished)."""
        limits = self.limits.get(platform) or PlatformLimits(per_second=10)
        # a pause can be extended while we wait (another 429), so look again after each wait
        while (wait := self.pause_left(platform)) > 0:  # noqa: ASYNC110
            await asyncio.sleep(wait)
        overall = self._overall_for(platform, limits)
        chat = self._chat_for(platform, chat_id, group, limits)
        if chat is None:
            async with overall.slot(lane):
                yield
            return
        async with chat.turn(), overall.slot(lane):  # the chat's own limit first: it holds up no one else
            yield

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
