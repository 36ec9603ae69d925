"""The time the fetcher's politeness, robots.txt lifetimes and waits run on.

One object with ``now()`` (seconds, monotonic) and an awaitable ``sleep``, so
the waiting the fetcher does *on purpose* (a host's minimum interval, its
Crawl-delay, how long a robots.txt answer is trusted) can run on a clock a
test controls: it can then assert exact intervals without the test taking
that long, and a loaded machine cannot stretch or shrink them.  Network
timeouts (``connect_timeout``, ``total_timeout``) are not waits of this kind:
they stay on the event loop's own clock, because they bound real I/O.
"""

from __future__ import annotations

import asyncio
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale (only differences mean anything)."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Return once ``now()`` has advanced by ``seconds``."""
        ...


class MonotonicClock:
    """The real clock: the running event loop's monotonic time."""

    def now(self) -> float:
        return asyncio.get_running_loop().time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


REAL_CLOCK = MonotonicClock()
