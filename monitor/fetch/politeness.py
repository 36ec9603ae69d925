"""Per-host spacing and concurrency, plus a global cap.

Order of acquisition matters: a request first takes its host's concurrency
slot, then waits (holding only that host's gate) until the host's next start
time, and only then takes a global slot.  So waiting out one slow host's
interval never blocks requests to other hosts, and the start-to-start gap per
host holds even when global slots are scarce.

Time comes from a ``Clock`` (``monitor.fetch.clock``): the real monotonic
clock by default, a controlled one in tests, which then see exact intervals.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from monitor.fetch.clock import REAL_CLOCK, Clock


@dataclass
class _Host:
    slots: asyncio.Semaphore
    gate: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float | None = None  # None: nothing sent to the host yet
    interval: float = 0.0  # extra minimum interval asked for by the host (Crawl-delay)


class Politeness:
    def __init__(
        self, min_interval: float, per_host: int, global_cap: int, clock: Clock = REAL_CLOCK
    ) -> None:
        self.clock = clock
        self.min_interval = max(0.0, float(min_interval))
        self.per_host = max(1, int(per_host))
        self._global = asyncio.Semaphore(max(1, int(global_cap)))
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str) -> _Host:
        key = host.lower()
        state = self._hosts.get(key)
        if state is None:
            state = self._hosts[key] = _Host(slots=asyncio.Semaphore(self.per_host))
        return state

    def raise_interval(self, host: str, seconds: float) -> None:
        """Let a host ask for a longer gap than our default (robots.txt Crawl-delay)."""
        state = self._host(host)
        before = self.interval_for(host)
        state.interval = max(state.interval, float(seconds))
        # the request that brought the news (robots.txt) counts as the last start
        if state.next_start is not None:
            state.next_start += self.interval_for(host) - before

    def interval_for(self, host: str) -> float:
        return max(self.min_interval, self._host(host).interval)

    @asynccontextmanager
    async def slot(self, host: str):
        """Hold a permit to send one request to ``host``; yields when it may start."""
        state = self._host(host)
        clock = self.clock
        async with state.slots:
            async with state.gate:
                if state.next_start is not None:
                    delay = state.next_start - clock.now()
                    if delay > 0:
                        await clock.sleep(delay)
                await self._global.acquire()
                state.next_start = clock.now() + self.interval_for(host)
            try:
                yield
            finally:
                self._global.release()
