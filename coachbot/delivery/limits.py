"""Per-platform send limits, shared by scheduled prompts and interactive replies (aiolimiter buckets).

Telegram: at most 29 messages a second overall (its limit is about 30), one a second to any one chat, 20 a
minute to a group. Discord: a ceiling below its 50 requests a second (discord.py handles the per-route
buckets itself). Each is a setting (`limits_from`). A platform that answered 429 is paused until its
retry_after has passed.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass, field

from aiolimiter import AsyncLimiter

from coachbot.settings import Settings


@dataclass(frozen=True)
class PlatformLimits:
    per_second: float  # overall messages a second
    per_chat_interval: float = 0.0  # seconds between messages to one chat (0: no limit)
    per_group_minute: int = 0  # messages a minute to one group (0: no limit)


DEFAULTS = {
    "telegram": PlatformLimits(per_second=29, per_chat_interval=1.0, per_group_minute=20),
    "discord": PlatformLimits(per_second=45),
    "console": PlatformLimits(per_second=1000),
}
MAX_CHAT_LIMITERS = 10_000


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


CHAT_BURST = 3


@dataclass
class RateLimiter:
    """Waits as long as a platform's limits require before each send."""

    limits: dict[str, PlatformLimits] = field(default_factory=lambda: dict(DEFAULTS))
    _overall: dict[str, AsyncLimiter] = field(default_factory=dict)
    _chats: OrderedDict[tuple[str, str], AsyncLimiter] = field(default_factory=OrderedDict)
    _paused_until: dict[str, float] = field(default_factory=dict)

    def pause(self, platform: str, seconds: float) -> None:
        """Hold every send to `platform` for `seconds` (its 429 retry_after)."""
        loop = asyncio.get_running_loop()
        self._paused_until[platform] = max(self._paused_until.get(platform, 0.0), loop.time() + seconds)

    def resume(self, platform: str) -> None:
        """End a platform's pause early (an operator's choice, or a test that has moved its clock on)."""
        self._paused_until.pop(platform, None)

    def paused(self, platform: str) -> bool:
        return self._paused_until.get(platform, 0.0) > asyncio.get_running_loop().time()

    async def acquire(self, platform: str, chat_id: str, group: bool) -> None:
        limits = self.limits.get(platform) or PlatformLimits(per_second=10)
        loop = asyncio.get_running_loop()
        # a pause can be extended while we wait (another 429), so look again after each wait
        while (wait := self._paused_until.get(platform, 0.0) - loop.time()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(wait)
        await self._overall_for(platform, limits).acquire()
        chat = self._chat_for(platform, chat_id, group, limits)
        if chat is not None:
            await chat.acquire()

    def _overall_for(self, platform: str, limits: PlatformLimits) -> AsyncLimiter:
        if platform not in self._overall:
            self._overall[platform] = AsyncLimiter(limits.per_second, 1.0)
        return self._overall[platform]

    def _chat_for(
        self, platform: str, chat_id: str, group: bool, limits: PlatformLimits
    ) -> AsyncLimiter | None:
        if group and limits.per_group_minute:
            rate, period = float(limits.per_group_minute), 60.0
        elif limits.per_chat_interval:
            # one a second on average, with a burst of three (a reply often comes in two or three parts)
            rate, period = float(CHAT_BURST), CHAT_BURST * limits.per_chat_interval
        else:
            return None
        key = (platform, chat_id)
        limiter = self._chats.get(key)
        if limiter is None:
            limiter = self._chats[key] = AsyncLimiter(rate, period)
            if len(self._chats) > MAX_CHAT_LIMITERS:
                self._chats.popitem(last=False)
        else:
            self._chats.move_to_end(key)
        return limiter
