"""Fetcher cost against plain httpx, measured in the same run on 127.0.0.1.

    python benchmarks/fetch_throughput.py [N]

1. throughput: N gzip'd fetches of a real feed (CNN, 175 KB, from
   ../shared/corpora) at concurrency 8 - plain ``httpx.AsyncClient`` vs
   ``Fetcher`` (address guard, politeness bookkeeping, bounded decoding);
2. gzip bomb (128 MiB inflated, cap 1 MB): peak traced memory of the
   Fetcher vs plain httpx ``aiter_bytes`` with the same cap checked per chunk;
3. politeness: start-to-start gaps for 8 requests to one host at 0.2 s;
4. deadlines: how long the Fetcher takes to give up on a server that drips
   one byte every 0.1 s (total_timeout 0.6 s) and on one that never answers
   (0.4 s), against plain httpx inside ``asyncio.timeout`` of the same budget.
   (The tests check which limit fired, never how long it took.)
The server runs in the same event loop, so absolute numbers include it; the
ratios are the point.
"""

from __future__ import annotations

import asyncio
import gzip
import sys
import time
import tracemalloc
import zlib
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
FEED = REPO.parent / "shared" / "corpora" / "feeds" / "mediacloud-rss-fetcher" / "real-cnn.rss"


def bomb(mib: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1 << 20)
    return b"".join(c.compress(zeros) for _ in range(mib)) + c.flush()


async def serve(routes: dict[str, tuple[bytes, dict]], arrivals: list[float]):
    async def handle(reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                arrivals.append(asyncio.get_running_loop().time())
                path = head.split(b" ", 2)[1].decode().split("?")[0]
                if path == "/drip":  # a body that never ends, one byte every 0.1 s
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
                    while True:
                        writer.write(b"<")
                        await writer.drain()
                        await asyncio.sleep(0.1)
                if path == "/silent":
                    await asyncio.sleep(3600)
                body, headers = routes.get(path, (b"", {}))
                lines = ["HTTP/1.1 200 OK", f"Content-Length: {len(body)}"]
                lines += [f"{k}: {v}" for k, v in headers.items()]
                writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


async def main(n: int) -> None:
    import httpx

    from core.settings import MonitorSettings
    from monitor.fetch import Fetcher

    feed = FEED.read_bytes() if FEED.exists() else b"<rss>" + b"x" * 170_000 + b"</rss>"
    arrivals: list[float] = []
    routes = {
        "/feed": (
            gzip.compress(feed),
            {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"},
        ),
        "/bomb": (bomb(128), {"Content-Encoding": "gzip"}),
    }
    server, port = await serve(routes, arrivals)
    url = f"http://127.0.0.1:{port}"
    settings = replace(
        MonitorSettings(),
        min_host_interval=0.0,
        per_host_concurrency=8,
        global_concurrency=8,
        allow_private_addresses=True,
        max_body_bytes=1_000_000,
        total_timeout=30,
    )
    print(
        f"feed: {FEED.name if FEED.exists() else 'synthetic'} {len(feed):,} bytes "
        f"({len(routes['/feed'][0]):,} gzip'd); N={n}"
    )

    # 1. throughput (alternating rounds, best of 2, so warm-up favours neither)
    sem = asyncio.Semaphore(8)

    async def run_plain() -> float:
        async with httpx.AsyncClient() as client:

            async def one(i):
                async with sem:
                    r = await client.get(f"{url}/feed?{i}")
                    assert len(r.content) == len(feed)

            t = time.perf_counter()
            await asyncio.gather(*(one(i) for i in range(n)))
            return time.perf_counter() - t

    async def run_fetcher() -> float:
        async with Fetcher(settings) as f:
            t = time.perf_counter()
            results = await asyncio.gather(*(f.fetch(f"{url}/feed?{i}") for i in range(n)))
            dt = time.perf_counter() - t
        assert all(r.ok and len(r.body) == len(feed) for r in results), results[0].error
        return dt

    base, ours = float("inf"), float("inf")
    for _ in range(2):
        base = min(base, await run_plain())
        ours = min(ours, await run_fetcher())
    print(
        f"throughput  httpx baseline {n / base:8.1f} req/s   Fetcher {n / ours:8.1f} req/s   "
        f"Fetcher/baseline time x{ours / base:.2f}"
    )

    # 2. gzip bomb memory
    cap = settings.max_body_bytes
    async with httpx.AsyncClient() as client:
        tracemalloc.start()
        async with client.stream("GET", f"{url}/bomb") as r:
            got = 0
            async for chunk in r.aiter_bytes():
                got += len(chunk)
                if got > cap:
                    break
        _, base_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    async with Fetcher(settings) as f:
        tracemalloc.start()
        r = await f.fetch(f"{url}/bomb")
        _, our_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert r.error_kind == "size", r.error
    print(
        f"gzip bomb   ({len(routes['/bomb'][0]):,} B -> 128 MiB, cap {cap:,} B) peak memory: "
        f"httpx aiter_bytes {base_peak / 1e6:7.1f} MB   Fetcher {our_peak / 1e6:5.1f} MB"
    )

    # 3. politeness spacing
    arrivals.clear()
    async with Fetcher(replace(settings, min_host_interval=0.2)) as f:
        await asyncio.gather(*(f.fetch(f"{url}/feed?p{i}") for i in range(8)))
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:], strict=False)]
    print(
        f"politeness  interval 0.200 s: start-to-start gap min {min(gaps):.3f} s, "
        f"mean {sum(gaps) / len(gaps):.3f} s, max {max(gaps):.3f} s"
    )

    # 4. deadlines
    async def plain_until(path: str, budget: float) -> float:
        async with httpx.AsyncClient(timeout=30) as client:
            t = time.perf_counter()
            try:
                async with asyncio.timeout(budget):
                    async with client.stream("GET", f"{url}{path}") as r:
                        async for _ in r.aiter_raw():
                            pass
            except TimeoutError:
                pass
            return time.perf_counter() - t

    for path, budget in (("/drip", 0.6), ("/silent", 0.4)):
        base = min([await plain_until(path, budget) for _ in range(3)])
        async with Fetcher(replace(settings, total_timeout=budget)) as f:
            rs = [await f.fetch(f"{url}{path}") for _ in range(3)]
        assert all(r.error_kind == "timeout" for r in rs), rs[0].error
        ours = min(r.elapsed for r in rs)
        print(
            f"deadline    {path[1:]:6} budget {budget:.1f} s: httpx in asyncio.timeout "
            f"{base:.3f} s   Fetcher {ours:.3f} s   (best of 3)"
        )
    server.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 300))
