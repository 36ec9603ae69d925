"""robots.txt for article pages; feeds are never checked."""

from __future__ import annotations

import asyncio

from monitor.fetch import Fetcher
from monitor.fetch.robots import ROBOTS_RETRY, ROBOTS_TTL

ROBOTS = b"""User-agent: *
Disallow: /

User-agent: Framewatch
Disallow: /private/
Crawl-delay: 1
"""


async def test_disallowed_page_is_not_requested_and_allowed_page_is(raw_server, make_settings):
    raw_server.route("/robots.txt")(raw_server.simple(200, ROBOTS, Content_Type="text/plain"))
    raw_server.route("/private/story")(raw_server.simple(200, b"secret"))
    raw_server.route("/news/story")(raw_server.simple(200, b"<html>story</html>"))
    async with Fetcher(make_settings(total_timeout=5)) as f:
        blocked = await f.fetch(raw_server.url("/private/story"), kind="page")
        allowed = await f.fetch(raw_server.url("/news/story"), kind="page")
    assert blocked.error_kind == "robots" and blocked.status is None
    assert blocked.error == "127.0.0.1: robots.txt disallows /private/story for Framewatch"
    assert allowed.ok and allowed.body == b"<html>story</html>"
    # robots.txt once per host, never the disallowed page
    assert raw_server.paths() == ["/robots.txt", "/news/story"]


async def test_other_agents_rules_do_not_apply_to_us(raw_server, make_settings):
    raw_server.route("/robots.txt")(
        raw_server.simple(200, b"User-agent: BadBot\nDisallow: /\n", Content_Type="text/plain")
    )
    raw_server.route("/a")(raw_server.simple(200, b"a"))
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/a"), kind="page")
    assert r.ok


async def test_wildcard_group_applies_when_we_have_none(raw_server, make_settings):
    raw_server.route("/robots.txt")(raw_server.simple(200, b"User-agent: *\nDisallow: /\n"))
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/a"), kind="page")
    assert r.error_kind == "robots"
    assert raw_server.paths() == ["/robots.txt"]


async def test_feeds_ignore_robots(raw_server, make_settings):
    raw_server.route("/robots.txt")(raw_server.simple(200, b"User-agent: *\nDisallow: /\n"))
    raw_server.route("/feed.xml")(raw_server.simple(200, b"<rss/>"))
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/feed.xml"), kind="feed")
    assert r.ok
    assert raw_server.paths() == ["/feed.xml"]


async def test_concurrent_pages_share_one_robots_fetch(raw_server, make_settings):
    raw_server.route("/robots.txt")(raw_server.simple(200, b"User-agent: *\nAllow: /\n"))
    raw_server.route("/p")(raw_server.simple(200, b"p"))
    async with Fetcher(make_settings()) as f:
        results = await asyncio.gather(
            *(f.fetch(raw_server.url(f"/p?{i}"), kind="page") for i in range(5))
        )
    assert all(r.ok for r in results)
    assert raw_server.paths().count("/robots.txt") == 1


async def test_crawl_delay_raises_the_host_interval(raw_server, make_settings, clock):
    raw_server.route("/robots.txt")(raw_server.simple(200, ROBOTS))
    raw_server.route("/news/a")(raw_server.simple(200, b"a"))
    raw_server.route("/news/b")(raw_server.simple(200, b"b"))
    raw_server.clock = clock
    async with Fetcher(make_settings(min_host_interval=0.0, total_timeout=5), clock=clock) as f:
        tasks = [
            asyncio.create_task(f.fetch(raw_server.url("/news/a"), kind="page")),
            asyncio.create_task(f.fetch(raw_server.url("/news/b"), kind="page")),
        ]
        # robots.txt -> first page -> second page, each Crawl-delay (1 s) apart
        for k in (1, 2):
            await raw_server.wait_for_requests(k)
            assert await clock.next_wake() == clock.start + k
            clock.advance_to(clock.start + k)
        a, b = await asyncio.gather(*tasks)
        assert f.politeness.interval_for("127.0.0.1") == 1.0
    assert a.ok and b.ok
    assert raw_server.paths() == ["/robots.txt", "/news/a", "/news/b"]
    assert [s.at - clock.start for s in raw_server.seen] == [0.0, 1.0, 2.0]


async def test_missing_robots_allows_everything(raw_server, make_settings):
    raw_server.route("/a")(raw_server.simple(200, b"a"))  # /robots.txt -> 404
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(raw_server.url("/a"), kind="page")
    assert r.ok and raw_server.paths() == ["/robots.txt", "/a"]


async def test_robots_server_error_blocks_pages_for_a_while(raw_server, make_settings, clock):
    raw_server.route("/robots.txt")(raw_server.simple(503, b"down", reason="Service Unavailable"))
    raw_server.route("/a")(raw_server.simple(200, b"a"))
    async with Fetcher(make_settings(), clock=clock) as f:
        r1 = await f.fetch(raw_server.url("/a"), kind="page")
        clock.advance(100.0)
        r2 = await f.fetch(raw_server.url("/a?again"), kind="page")
        assert raw_server.paths() == ["/robots.txt"]  # cached failure, page never fetched
        clock.advance(ROBOTS_RETRY - 100.0)  # the block has run its course: ask again
        r3 = await f.fetch(raw_server.url("/a?later"), kind="page")
    for r in (r1, r2, r3):
        assert r.error_kind == "robots" and "robots.txt answered HTTP 503" in r.error
    assert (r1.retry_after, r2.retry_after, r3.retry_after) == (600.0, 500.0, 600.0)
    assert raw_server.paths() == ["/robots.txt", "/robots.txt"]


async def test_unreachable_host_reports_the_network_cause(closed_port, make_settings):
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(f"http://127.0.0.1:{closed_port}/story", kind="page")
    assert r.error_kind == "other"
    assert r.error == "127.0.0.1: robots.txt: connection refused"


async def test_page_redirect_to_disallowed_path_is_checked(raw_server, make_settings):
    raw_server.route("/robots.txt")(raw_server.simple(200, ROBOTS))
    raw_server.route("/news/short")(raw_server.simple(301, Location="/private/long"))
    async with Fetcher(make_settings(total_timeout=5)) as f:
        r = await f.fetch(raw_server.url("/news/short"), kind="page")
    assert r.error_kind == "robots" and "/private/long" in r.error
    assert "/private/long" not in raw_server.paths()


async def test_robots_is_fetched_again_after_its_ttl(raw_server, make_settings, clock):
    raw_server.route("/robots.txt")(raw_server.simple(200, b"User-agent: *\nAllow: /\n"))
    raw_server.route("/a")(raw_server.simple(200, b"a"))
    async with Fetcher(make_settings(), clock=clock) as f:
        await f.fetch(raw_server.url("/a?1"), kind="page")
        clock.advance(ROBOTS_TTL - 1.0)
        await f.fetch(raw_server.url("/a?2"), kind="page")
        clock.advance(1.0)  # exactly ROBOTS_TTL after robots.txt was asked for
        await f.fetch(raw_server.url("/a?3"), kind="page")
    assert raw_server.paths() == ["/robots.txt", "/a?1", "/a?2", "/robots.txt", "/a?3"]
