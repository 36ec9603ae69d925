"""Real HTTP servers on 127.0.0.1 for the fetcher tests.

``raw_server`` is a tiny asyncio HTTP/1.1 server running in the test's own
event loop: each route is a coroutine that writes whatever bytes it likes,
which is what the hostile cases (drip feeds, endless bodies, gzip bombs)
need.  It records arrival times and the peak number of requests in flight.

``clock`` is a ``ManualClock``: the fetcher's deliberate waits (host
intervals, Crawl-delay, robots.txt lifetimes) run on it when it is passed as
``Fetcher(..., clock=clock)``, and time moves only when the test moves it, so
intervals are asserted exactly.  Give it to the server too
(``raw_server.clock = clock``) and arrivals are stamped on the same clock.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import socket
from dataclasses import dataclass, field, replace

import pytest

from core.settings import MonitorSettings


def fast_settings(**overrides) -> MonitorSettings:
    base = dict(
        min_host_interval=0.0,
        per_host_concurrency=4,
        global_concurrency=8,
        connect_timeout=1.0,
        total_timeout=1.0,
        max_body_bytes=1_000_000,
        max_redirects=5,
        allow_private_addresses=True,  # test servers live on 127.0.0.1
    )
    base.update(overrides)
    return replace(MonitorSettings(), **base)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class RawServer:
    host: str = "127.0.0.1"
    port: int = 0
    routes: dict = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    active: int = 0
    peak: int = 0
    tasks: set = field(default_factory=set)
    clock: object | None = None  # stamps arrivals when set, else the loop's clock

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str):
        def register(fn):
            self.routes[path] = fn
            return fn

        return register

    def paths(self) -> list[str]:
        return [s.path for s in self.seen]

    async def wait_for_requests(self, n: int, within: float = 10.0) -> None:
        """Until ``n`` requests have arrived; ``within`` only guards against a hang."""
        async with asyncio.timeout(within):
            while len(self.seen) < n:
                await asyncio.sleep(0.002)

    def _now(self) -> float:
        return self.clock.now() if self.clock is not None else asyncio.get_running_loop().time()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.tasks.add(asyncio.current_task())
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                self.seen.append(Seen(method, target, headers, self._now()))
                handler = self.routes.get(target.split("?", 1)[0], not_found)
                self.active += 1
                self.peak = max(self.peak, self.active)
                try:
                    keep = await handler(Request(method, target, headers), writer)
                finally:
                    self.active -= 1
                await writer.drain()
                if not keep:
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]


def response_head(status: int, reason: str = "OK", headers: dict | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    for k, v in (headers or {}).items():
        lines.append(f"{k}: {v}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def simple(status: int = 200, body: bytes = b"", reason: str = "OK", **headers):
    """A route answering with a fixed response (closing the connection)."""
    hdrs = {k.replace("_", "-"): v for k, v in headers.items()}
    hdrs.setdefault("Content-Length", str(len(body)))
    hdrs["Connection"] = "close"

    async def handler(req, writer):
        writer.write(response_head(status, reason, hdrs) + body)
        return False

    return handler


async def not_found(req, writer):
    writer.write(response_head(404, "Not Found", {"Content-Length": "0", "Connection": "close"}))
    return False


@pytest.fixture
async def raw_server():
    server = RawServer()
    srv = await asyncio.start_server(server._handle, server.host, 0)
    server.port = srv.sockets[0].getsockname()[1]
    try:
        yield server
    finally:
        srv.close()
        # Handlers that drip forever are cancelled with the server.
        for task in server.tasks:
            task.cancel()


class ManualClock:
    """A ``monitor.fetch.clock.Clock`` that moves only when the test advances it.

    ``sleep`` parks the caller until ``advance_to`` passes its deadline;
    ``next_wake`` waits (in real time, only as a guard against a hang) for
    someone to be parked and returns the earliest deadline.  Every requested
    sleep is recorded in ``slept``.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.start = self._now = start
        self._sleepers: list[tuple[float, int, asyncio.Future]] = []
        self._seq = itertools.count()
        self.slept: list[float] = []

    def now(self) -> float:
        return self._now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        fut = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self._now + seconds, next(self._seq), fut))
        await fut

    def pending(self) -> list[float]:
        """Deadlines of everyone parked on the clock, earliest first."""
        return sorted(d for d, _, fut in self._sleepers if not fut.done())

    async def next_wake(self, within: float = 10.0) -> float:
        try:
            async with asyncio.timeout(within):
                while not self.pending():
                    await asyncio.sleep(0.002)
        except TimeoutError:
            raise AssertionError("nothing is waiting on the clock") from None
        return self.pending()[0]

    def advance_to(self, when: float) -> None:
        assert when >= self._now, "a monotonic clock does not go back"
        self._now = when
        while self._sleepers and self._sleepers[0][0] <= when:
            _, _, fut = heapq.heappop(self._sleepers)
            if not fut.done():
                fut.set_result(None)

    def advance(self, seconds: float) -> None:
        self.advance_to(self._now + seconds)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.fixture
def make_settings():
    """``make_settings(total_timeout=0.5, ...)`` -> MonitorSettings tuned for tests."""
    return fast_settings


# Test modules cannot import conftest under --import-mode=importlib, so the
# response builders ride on the fixture object.
RawServer.head = staticmethod(response_head)
RawServer.simple = staticmethod(simple)


@pytest.fixture
async def self_signed_tls_server(tmp_path):
    """URL of an HTTPS server on 127.0.0.1 whose certificate nobody trusts."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl command not available to make a test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)

    async def answer(reader, writer):
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(response_head(200, headers={"Content-Length": "2"}) + b"ok")
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()

    srv = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=ctx)
    port = srv.sockets[0].getsockname()[1]
    try:
        yield f"https://localhost:{port}/feed"
    finally:
        srv.close()
