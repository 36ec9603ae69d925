"""Per-host spacing, per-host and global concurrency caps, measured at the server."""

from __future__ import annotations

import asyncio

import pytest

from monitor.fetch import Fetcher

# The fetcher's waits run on the test's ManualClock (see conftest), which also
# stamps arrivals at the server: intervals are exact, whatever the machine's load.
INTERVAL = 5.0


def slow(raw_server, seconds: float):
    async def handler(req, writer):
        await asyncio.sleep(seconds)
        writer.write(
            raw_server.head(200, headers={"Content-Length": "2", "Connection": "close"}) + b"ok"
        )
        return False

    return handler


def arrivals(raw_server, clock) -> dict[str, float]:
    return {s.path: s.at - clock.start for s in raw_server.seen}


async def test_min_interval_spaces_request_starts_to_one_host(raw_server, make_settings, clock):
    raw_server.route("/f")(raw_server.simple(200, b"ok"))
    raw_server.clock = clock
    settings = make_settings(min_host_interval=INTERVAL, per_host_concurrency=4, total_timeout=5)
    async with Fetcher(settings, clock=clock) as f:
        tasks = [asyncio.create_task(f.fetch(raw_server.url(f"/f?{i}"))) for i in range(4)]
        for k in range(1, 4):
            await raw_server.wait_for_requests(k)
            # one request waits on the clock (the others queue behind it for the host)
            deadline = clock.start + k * INTERVAL
            assert await clock.next_wake() == deadline and clock.pending() == [deadline]
            clock.advance_to(deadline)
        results = await asyncio.gather(*tasks)
    assert all(r.ok for r in results)
    assert sorted(arrivals(raw_server, clock).values()) == [0.0, 5.0, 10.0, 15.0]


async def test_interval_is_per_host_not_global(raw_server, make_settings, clock):
    raw_server.route("/f")(raw_server.simple(200, b"ok"))
    raw_server.clock = clock
    settings = make_settings(min_host_interval=INTERVAL, per_host_concurrency=4, total_timeout=5)
    async with Fetcher(settings, clock=clock) as f:
        # "localhost" is another host name for the same server: its own queue.
        tasks = [
            asyncio.create_task(f.fetch(raw_server.url("/f?a1"))),
            asyncio.create_task(f.fetch(raw_server.url("/f?a2"))),
            asyncio.create_task(f.fetch(f"http://localhost:{raw_server.port}/f?b1")),
        ]
        await raw_server.wait_for_requests(2)  # without the clock moving
        assert set(arrivals(raw_server, clock)) == {"/f?a1", "/f?b1"}
        assert await clock.next_wake() == clock.start + INTERVAL
        clock.advance_to(clock.start + INTERVAL)
        a1, a2, b1 = await asyncio.gather(*tasks)
    assert a1.ok and a2.ok and b1.ok, (a1.error, a2.error, b1.error)
    assert arrivals(raw_server, clock) == {"/f?a1": 0.0, "/f?b1": 0.0, "/f?a2": INTERVAL}


async def test_zero_interval_does_not_wait(raw_server, make_settings, clock):
    raw_server.route("/f")(raw_server.simple(200, b"ok"))
    raw_server.clock = clock
    async with Fetcher(make_settings(min_host_interval=0.0), clock=clock) as f:
        async with asyncio.timeout(10):  # a guard against a hang, not a speed check
            results = await asyncio.gather(*(f.fetch(raw_server.url(f"/f?{i}")) for i in range(5)))
    assert all(r.ok for r in results)
    assert clock.slept == [] and list(arrivals(raw_server, clock).values()) == [0.0] * 5


@pytest.mark.parametrize(
    ("per_host", "overall", "requests", "peak"),
    [
        (2, 8, 6, 2),  # the per-host cap binds
        (10, 3, 8, 3),  # the global cap binds
    ],
)
async def test_concurrency_caps(raw_server, make_settings, per_host, overall, requests, peak):
    raw_server.route("/slow")(slow(raw_server, 0.2))
    settings = make_settings(
        per_host_concurrency=per_host, global_concurrency=overall, total_timeout=5
    )
    async with Fetcher(settings) as f:
        results = await asyncio.gather(
            *(f.fetch(raw_server.url(f"/slow?{i}")) for i in range(requests))
        )
    assert all(r.ok for r in results), [r.error for r in results]
    assert raw_server.peak == peak


async def test_waiting_for_politeness_does_not_count_against_the_timeout(raw_server, make_settings):
    raw_server.route("/f")(raw_server.simple(200, b"ok"))
    # The third request waits ~0.8 s for its slot, longer than total_timeout.
    settings = make_settings(min_host_interval=0.4, total_timeout=0.5)
    async with Fetcher(settings) as f:
        results = await asyncio.gather(*(f.fetch(raw_server.url(f"/f?{i}")) for i in range(3)))
    assert all(r.ok for r in results), [r.error for r in results]
