"""Hostile and broken servers: every failure is a FetchResult with one clear line."""

from __future__ import annotations

import asyncio
import functools
import re
import socket
import tracemalloc
import zlib

import pytest

from monitor.fetch import Fetcher
from monitor.fetch.addresses import resolve


@functools.cache
def gzip_bomb(decompressed_mb: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1 << 20)
    return b"".join(c.compress(zeros) for _ in range(decompressed_mb)) + c.flush()


def assert_one_line(r, host="127.0.0.1"):
    assert r.error and r.error.startswith(f"{host}: "), r.error
    assert "\n" not in r.error and "Traceback" not in r.error


# How long a timeout takes on this machine is a benchmark figure
# (benchmarks/fetch_throughput.py, "deadlines"); these tests check which limit
# stopped the fetch and that the server was still sending when it did.


async def test_slow_drip_times_out_within_total_timeout(raw_server, make_settings):
    dripping = asyncio.Event()

    @raw_server.route("/drip")
    async def drip(req, writer):
        writer.write(raw_server.head(200, headers={"Content-Length": "100000"}))
        while True:  # one byte every 0.1 s: each read is quick, the whole never ends
            writer.write(b"<")
            await writer.drain()
            dripping.set()
            await asyncio.sleep(0.1)

    settings = make_settings(total_timeout=0.6, connect_timeout=5.0)
    async with Fetcher(settings) as f:
        r = await f.fetch(raw_server.url("/drip"))
    assert r.error_kind == "timeout"
    # the whole-fetch budget stopped it (not a per-read timeout, which a drip never
    # trips), while the body was still arriving, and never before the budget
    assert r.error == "127.0.0.1: no complete response within 0.6 s"
    assert dripping.is_set() and r.elapsed >= 0.6 - 0.01
    assert_one_line(r)


async def test_server_that_never_answers_times_out(raw_server, make_settings):
    @raw_server.route("/silent")
    async def silent(req, writer):
        await asyncio.sleep(30)

    async with Fetcher(make_settings(total_timeout=0.4, connect_timeout=5.0)) as f:
        r = await f.fetch(raw_server.url("/silent"))
    assert r.error_kind == "timeout"
    assert r.error == "127.0.0.1: no complete response within 0.4 s"
    assert r.elapsed >= 0.4 - 0.01
    assert raw_server.paths() == ["/silent"]  # connected and asked; no answer came
    assert_one_line(r)


async def test_connect_timeout_is_separate_from_total(make_settings):
    # A listener whose accept queue is full: Linux drops further SYNs, so the
    # TCP handshake never completes.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(4):
            c = socket.socket()
            c.setblocking(False)
            c.connect_ex(("127.0.0.1", port))
            fillers.append(c)
        await asyncio.sleep(0.05)
        async with Fetcher(make_settings(connect_timeout=0.3, total_timeout=5)) as f:
            r = await f.fetch(f"http://127.0.0.1:{port}/feed")
    finally:
        for c in fillers:
            c.close()
        listener.close()
    # the connect limit (0.3 s) gave up, not the 5 s total budget
    assert r.error_kind == "timeout" and "connect timed out" in r.error
    assert "within 5 s" not in r.error
    assert_one_line(r)


async def test_endless_body_stops_at_size_cap(raw_server, make_settings):
    sent = 0

    @raw_server.route("/endless")
    async def endless(req, writer):
        nonlocal sent
        writer.write(raw_server.head(200, headers={"Content-Type": "application/rss+xml"}))
        chunk = b"<item>" + b"x" * 8186 + b"</item>"
        while True:  # no Content-Length, no end: reads until we close
            writer.write(chunk)
            sent += len(chunk)
            await writer.drain()

    async with Fetcher(make_settings(max_body_bytes=200_000, total_timeout=5)) as f:
        r = await f.fetch(raw_server.url("/endless"))
    assert r.error_kind == "size" and r.status == 200 and r.body == b""
    assert "200,000" in r.error
    assert_one_line(r)


async def test_declared_content_length_over_cap_is_refused_before_reading(
    raw_server, make_settings
):
    raw_server.route("/big")(raw_server.simple(200, b"x" * 5000))
    async with Fetcher(make_settings(max_body_bytes=1000)) as f:
        r = await f.fetch(raw_server.url("/big"))
    assert r.error_kind == "size" and "Content-Length 5,000" in r.error


async def test_gzip_bomb_is_stopped_with_bounded_memory(raw_server, make_settings):
    bomb = gzip_bomb(64)  # ~65 KB on the wire, 64 MiB inflated
    assert len(bomb) < 100_000
    raw_server.route("/bomb")(
        raw_server.simple(200, bomb, Content_Encoding="gzip", Content_Type="application/rss+xml")
    )
    cap = 1_000_000
    async with Fetcher(make_settings(max_body_bytes=cap, total_timeout=5)) as f:
        tracemalloc.start()
        try:
            r = await f.fetch(raw_server.url("/bomb"))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert r.error_kind == "size"
    assert "decompressed" in r.error and "1,000,000" in r.error
    assert_one_line(r)
    # Inflating one 64 KiB network chunk without a bound would allocate ~64 MiB.
    assert peak < 8 * cap, f"peak {peak:,} bytes"


async def test_redirect_loop(raw_server, make_settings):
    raw_server.route("/a")(raw_server.simple(302, Location="/b"))
    raw_server.route("/b")(raw_server.simple(301, Location=raw_server.url("/a")))
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/a"))
    assert r.error_kind == "redirect" and "loop" in r.error
    assert_one_line(r)
    assert raw_server.paths() == ["/a", "/b"]


async def test_too_many_redirects(raw_server, make_settings):
    for i in range(10):
        raw_server.route(f"/r{i}")(raw_server.simple(307, Location=f"/r{i + 1}"))
    async with Fetcher(make_settings(max_redirects=3)) as f:
        r = await f.fetch(raw_server.url("/r0"))
    assert r.error_kind == "redirect" and "more than 3 redirects" in r.error
    assert raw_server.paths() == ["/r0", "/r1", "/r2", "/r3"]


async def test_redirect_is_followed_and_reported(raw_server, make_settings):
    raw_server.route("/old")(raw_server.simple(301, Location="/new#frag"))
    raw_server.route("/new")(raw_server.simple(200, b"<rss/>"))
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/old"), etag='"e"')
    assert r.ok and r.body == b"<rss/>"
    assert r.final_url == raw_server.url("/new")
    assert r.redirects == ((301, raw_server.url("/new")),)
    # same origin, so the validator still applies
    assert raw_server.seen[1].headers["if-none-match"] == '"e"'


async def test_redirect_to_file_scheme_is_refused(raw_server, make_settings):
    raw_server.route("/evil")(raw_server.simple(302, Location="file:///etc/passwd"))
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/evil"))
    assert r.error_kind == "scheme"
    assert r.error == "127.0.0.1: redirect to a file: URL refused (only http and https are fetched)"
    assert r.final_url.startswith("file:")
    assert_one_line(r)


async def test_non_http_schemes_are_refused_without_network(make_settings):
    async with Fetcher(make_settings()) as f:
        for url in (
            "file:///etc/passwd",
            "ftp://example.org/x",
            "javascript:alert(1)",
            "data:text/plain,hi",
        ):
            r = await f.fetch(url)
            assert r.error_kind == "scheme", url
            assert "\n" not in r.error


async def test_connection_refused(closed_port, make_settings):
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(f"http://127.0.0.1:{closed_port}/feed")
    assert r.error_kind == "other" and "connection refused" in r.error
    assert_one_line(r)


async def test_dns_failure(make_settings):
    # generous timeout: on a box with no reachable DNS server the resolver
    # itself retries for several seconds before it gives up
    async with Fetcher(make_settings(allow_private_addresses=False, total_timeout=20)) as f:
        r = await f.fetch("http://no-such-host.invalid/feed.xml")
    assert r.error_kind == "dns"
    assert r.error.startswith("no-such-host.invalid: DNS lookup failed")


async def test_dns_failure_also_when_private_addresses_allowed(make_settings):
    async with Fetcher(make_settings(allow_private_addresses=True, total_timeout=20)) as f:
        r = await f.fetch("http://no-such-host.invalid/feed.xml")
    assert r.error_kind == "dns", r.error


async def test_private_address_refused_unless_allowed(raw_server, make_settings):
    raw_server.route("/feed")(raw_server.simple(200, b"<rss/>"))
    async with Fetcher(make_settings(allow_private_addresses=False)) as f:
        r = await f.fetch(raw_server.url("/feed"))
        r6 = await f.fetch(f"http://[::ffff:127.0.0.1]:{raw_server.port}/feed")
    assert r.error_kind == "refused" and "loopback" in r.error
    assert r6.error_kind == "refused"
    assert_one_line(r)
    assert raw_server.seen == []  # nothing reached the server
    async with Fetcher(make_settings(allow_private_addresses=True)) as f:
        ok = await f.fetch(raw_server.url("/feed"))
    assert ok.ok and ok.body == b"<rss/>"


async def test_every_redirect_hop_is_checked_against_the_address_guard(raw_server, make_settings):
    # Only the test server's own address is exempt, so the first hop is
    # allowed and the hop to another private address must be refused.
    raw_server.route("/meta")(
        raw_server.simple(302, Location="http://169.254.169.254/latest/meta-data")
    )
    raw_server.route("/loop")(
        raw_server.simple(302, Location=f"http://127.0.0.2:{raw_server.port}/x")
    )
    settings = make_settings(allow_private_addresses=False)
    async with Fetcher(settings, allow_networks=["127.0.0.1/32"]) as f:
        meta = await f.fetch(raw_server.url("/meta"))
        loop = await f.fetch(raw_server.url("/loop"))
    assert meta.error_kind == "refused" and "link-local address" in meta.error
    assert meta.error.startswith("169.254.169.254: ")
    assert loop.error_kind == "refused" and "loopback address" in loop.error
    assert raw_server.paths() == ["/meta", "/loop"]


REFUSAL = "; not fetched (set allow_private_addresses to permit)"


def resolver_with(table: dict[str, list[str]]):
    """The system resolver, except for the names in ``table`` (name -> addresses)."""

    async def resolve_name(host: str, port: int) -> list[str]:
        if host in table:
            return list(table[host])
        return await resolve(host, port)

    return resolve_name


NAMES = {
    "intranet.example": ["10.1.2.3"],
    "metadata.example": ["169.254.169.254"],
    "ula.example": ["fd00::5"],
    "mapped.example": ["::ffff:192.168.0.1"],
    "cgnat.example": ["100.64.0.9"],
    # one private answer is enough: the connect may pick any of them
    "mixed.example": ["127.0.0.1", "10.1.2.3"],
    # the test server, reached by a name the system resolver does not know
    "feeds.example": ["127.0.0.1"],
}


async def test_a_host_name_resolving_to_loopback_is_refused(raw_server, make_settings):
    raw_server.route("/feed")(raw_server.simple(200, b"<rss/>"))
    async with Fetcher(make_settings(allow_private_addresses=False)) as f:
        feed = await f.fetch(f"http://localhost:{raw_server.port}/feed")
        page = await f.fetch(f"http://localhost:{raw_server.port}/story", kind="page")
    for r in (feed, page):
        assert r.error_kind == "refused", r.error
        assert re.fullmatch(
            r"localhost: resolves to loopback address (127\.0\.0\.1|::1)" + re.escape(REFUSAL),
            r.error,
        ), r.error
    assert raw_server.seen == []  # nothing reached the server, not even robots.txt
    async with Fetcher(make_settings(allow_private_addresses=True)) as f:
        ok = await f.fetch(f"http://localhost:{raw_server.port}/feed")
    assert ok.ok and ok.body == b"<rss/>"


async def test_host_names_resolving_to_private_addresses_are_refused(raw_server, make_settings):
    raw_server.route("/feed")(raw_server.simple(200, b"<rss/>"))
    expected = {
        "intranet.example": "private address 10.1.2.3",
        "metadata.example": "link-local address 169.254.169.254",
        "ula.example": "private address fd00::5",
        "mapped.example": "private address ::ffff:192.168.0.1",
        "cgnat.example": "non-global address 100.64.0.9",
        "mixed.example": "private address 10.1.2.3",
    }
    async with Fetcher(
        make_settings(allow_private_addresses=False),
        allow_networks=["127.0.0.1/32"],
        resolver=resolver_with(NAMES),
    ) as f:
        for name, what in expected.items():
            r = await f.fetch(f"http://{name}:{raw_server.port}/feed")
            assert r.error_kind == "refused", (name, r.error)
            assert r.error == f"{name}: resolves to {what}{REFUSAL}"
        # the exempt address by a name: fetched, and from the address that was vetted
        ok = await f.fetch(f"http://feeds.example:{raw_server.port}/feed")
    assert ok.ok and ok.body == b"<rss/>", ok.error
    assert raw_server.paths() == ["/feed"]
    assert raw_server.seen[0].headers["host"] == f"feeds.example:{raw_server.port}"


async def test_redirect_hops_to_names_resolving_to_private_addresses_are_refused(
    raw_server, make_settings
):
    raw_server.route("/intranet")(raw_server.simple(302, Location="http://intranet.example/admin"))
    raw_server.route("/metadata")(
        raw_server.simple(301, Location="http://metadata.example/latest/meta-data")
    )
    raw_server.route("/mixed")(raw_server.simple(307, Location="http://mixed.example/"))
    settings = make_settings(allow_private_addresses=False)
    async with Fetcher(
        settings, allow_networks=["127.0.0.1/32"], resolver=resolver_with(NAMES)
    ) as f:
        intranet = await f.fetch(raw_server.url("/intranet"))
        metadata = await f.fetch(raw_server.url("/metadata"), kind="page")
        mixed = await f.fetch(f"http://feeds.example:{raw_server.port}/mixed")
    assert intranet.error == f"intranet.example: resolves to private address 10.1.2.3{REFUSAL}"
    assert intranet.redirects == ((302, "http://intranet.example/admin"),)
    assert metadata.error_kind == "refused"
    assert metadata.error.startswith("metadata.example: resolves to link-local address")
    assert mixed.error == f"mixed.example: resolves to private address 10.1.2.3{REFUSAL}"
    for r in (intranet, metadata, mixed):
        assert r.error_kind == "refused"
    assert raw_server.paths() == ["/intranet", "/robots.txt", "/metadata", "/mixed"]


async def test_redirect_hop_to_localhost_is_refused(make_settings):
    """The real resolver on a hop: a server on 127.0.0.2 (exempt) sends us to localhost."""
    hops: list[str] = []

    async def answer(reader, writer):
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            hops.append(head.split(b" ", 2)[1].decode())
            writer.write(
                f"HTTP/1.1 302 Found\r\nLocation: http://localhost:{port}/admin\r\n"
                "Content-Length: 0\r\nConnection: close\r\n\r\n".encode()
            )
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    try:
        srv = await asyncio.start_server(answer, "127.0.0.2", 0)
    except OSError as exc:
        pytest.skip(f"cannot listen on 127.0.0.2 here ({exc}); the resolver-hook tests still run")
    port = srv.sockets[0].getsockname()[1]
    try:
        async with Fetcher(
            make_settings(allow_private_addresses=False), allow_networks=["127.0.0.2/32"]
        ) as f:
            r = await f.fetch(f"http://127.0.0.2:{port}/feed")
    finally:
        srv.close()
    assert hops == ["/feed"]
    assert r.error_kind == "refused", r.error
    assert re.fullmatch(
        r"localhost: resolves to loopback address (127\.0\.0\.1|::1)" + re.escape(REFUSAL),
        r.error,
    ), r.error


async def test_tls_to_a_plain_http_server_is_a_tls_error(make_settings):
    async def speak_first(reader, writer):  # answers the TLS hello in clear text
        await reader.read(1024)
        writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    srv = await asyncio.start_server(speak_first, "127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]
    try:
        async with Fetcher(make_settings()) as f:
            r = await f.fetch(f"https://127.0.0.1:{port}/")
    finally:
        srv.close()
    assert r.error_kind == "tls", r.error
    assert_one_line(r)


async def test_self_signed_certificate_is_a_tls_error(self_signed_tls_server, make_settings):
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(self_signed_tls_server)
    assert r.error_kind == "tls", r.error
    assert "certificate" in r.error
    assert_one_line(r, host="localhost")


async def test_body_cut_short_is_other(raw_server, make_settings):
    @raw_server.route("/cut")
    async def cut(req, writer):
        writer.write(raw_server.head(200, headers={"Content-Length": "5000"}) + b"<rss>")
        return False  # closes after 5 of 5000 bytes

    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/cut"))
    assert r.error_kind == "other" and r.body == b""
    assert_one_line(r)


async def test_corrupt_gzip_is_other(raw_server, make_settings):
    raw_server.route("/z")(
        raw_server.simple(200, b"\x1f\x8b\x08\x00garbage-not-deflate", Content_Encoding="gzip")
    )
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/z"))
    assert r.error_kind == "other" and "corrupt gzip" in r.error
    assert_one_line(r)


async def test_raw_deflate_is_accepted(raw_server, make_settings):
    c = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw_server.route("/d")(
        raw_server.simple(200, c.compress(b"<rss/>") + c.flush(), Content_Encoding="deflate")
    )
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/d"))
    assert r.ok and r.body == b"<rss/>"


async def test_malformed_status_line_is_other(raw_server, make_settings):
    @raw_server.route("/junk")
    async def junk(req, writer):
        writer.write(b"\x00\x01GARBAGE\x1b[31m not http\r\n\r\n")
        return False

    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/junk"))
    assert r.error_kind == "other"
    assert "\x1b" not in r.error
    assert_one_line(r)


async def test_invalid_url_is_other(make_settings):
    async with Fetcher(make_settings()) as f:
        r = await f.fetch("http://[::1/feed")
    assert r.error_kind == "other" and r.error and "\n" not in r.error


async def test_validators_are_dropped_when_a_redirect_leaves_the_origin(raw_server, make_settings):
    raw_server.route("/moved")(
        raw_server.simple(301, Location=f"http://localhost:{raw_server.port}/new")
    )
    raw_server.route("/new")(raw_server.simple(200, b"<rss/>"))
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/moved"), etag='"old"')
    assert r.ok and r.final_url == f"http://localhost:{raw_server.port}/new"
    first, second = raw_server.seen
    assert first.headers["if-none-match"] == '"old"'
    assert "if-none-match" not in second.headers and "if-modified-since" not in second.headers
