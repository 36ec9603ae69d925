"""Per-host spacing, per-host and global concurrency caps, measured at the server."""

from __future__ import annotations

import asyncio

import pytest

from monitor.fetch import Fetcher

# Arrival is stamped by the server, so a scheduler stall on a busy CI box can
# shrink one observed gap; without politeness the gaps are ~0.001 s, so a wide
# tolerance still tells the two apart.
TOLERANCE = 0.1


def slow(raw_server, seconds: float):
    async def handler(req, writer):
        await asyncio.sleep(seconds)
        writer.write(
            raw_server.head(200, headers={"Content-Length": "2", "Connection": "close"}) + b"ok"
        )
        return False

    return handler


async def test_min_interval_spaces_request_starts_to_one_host(raw_server, make_settings):
    raw_server.route("/f")(raw_server.simple(200, b"ok"))
    settings = make_settings(min_host_interval=0.3, per_host_concurrency=4, total_timeout=5)
    async with Fetcher(settings) as f:
        results = await asyncio.gather(*(f.fetch(raw_server.url(f"/f?{i}")) for i in range(4)))
    assert all(r.ok for r in results)
    times = sorted(s.at for s in raw_server.seen)
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert len(gaps) == 3
    assert all(g >= 0.3 - TOLERANCE for g in gaps), gaps


async def test_interval_is_per_host_not_global(raw_server, make_settings):
    raw_server.route("/f")(raw_server.simple(200, b"ok"))
    settings = make_settings(min_host_interval=0.6, per_host_concurrency=4, total_timeout=5)
    async with Fetcher(settings) as f:
        loop = asyncio.get_running_loop()
        t0 = loop.time()
        # "localhost" is another host name for the same server: its own queue.
        a1, a2, b1 = await asyncio.gather(
            f.fetch(raw_server.url("/f?a1")),
            f.fetch(raw_server.url("/f?a2")),
            f.fetch(f"http://localhost:{raw_server.port}/f?b1"),
        )
    assert a1.ok and a2.ok and b1.ok, (a1.error, a2.error, b1.error)
    arrival = {s.path: s.at - t0 for s in raw_server.seen}
    assert arrival["/f?b1"] < 0.4, arrival  # not queued behind 127.0.0.1's interval
    assert abs(arrival["/f?a2"] - arrival["/f?a1"]) >= 0.6 - TOLERANCE, arrival


async def test_zero_interval_does_not_wait(raw_server, make_settings):
    raw_server.route("/f")(raw_server.simple(200, b"ok"))
    async with Fetcher(make_settings(min_host_interval=0.0)) as f:
        results = await asyncio.gather(*(f.fetch(raw_server.url(f"/f?{i}")) for i in range(5)))
    assert all(r.ok for r in results)
    times = sorted(s.at for s in raw_server.seen)
    assert times[-1] - times[0] < 1.0


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
