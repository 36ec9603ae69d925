"""Ordinary responses against pytest-httpserver: success, validators, HTTP errors."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from werkzeug import Response

from monitor.fetch import Fetcher, body_hash

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Courts</title>
<item><title>Sentencing review</title><link>https://example.org/a</link></item>
</channel></rss>"""


async def test_plain_200_returns_body_headers_and_honest_user_agent(httpserver, make_settings):
    httpserver.expect_request("/feed.xml").respond_with_data(
        RSS, content_type="application/rss+xml", headers={"ETag": '"v1"', "X-Odd-Case": "yes"}
    )
    settings = make_settings()
    async with Fetcher(settings) as f:
        r = await f.fetch(httpserver.url_for("/feed.xml"))
    assert r.ok and r.error is None and r.error_kind is None
    assert r.status == 200
    assert r.body == RSS
    assert r.headers["content-type"] == "application/rss+xml"
    assert r.headers["x-odd-case"] == "yes"
    assert r.etag == '"v1"'
    assert r.final_url == r.url == httpserver.url_for("/feed.xml")
    assert not r.not_modified and r.retry_after is None and r.elapsed > 0
    request, _ = httpserver.log[0]
    ua = request.headers["User-Agent"]
    assert ua.startswith("Framewatch/") and settings.contact_url in ua
    assert "rss+xml" in request.headers["Accept"]


async def test_gzip_body_is_decoded(httpserver, make_settings):
    httpserver.expect_request("/z").respond_with_data(
        gzip.compress(RSS), headers={"Content-Encoding": "gzip"}, content_type="text/xml"
    )
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(httpserver.url_for("/z"))
    assert r.ok and r.body == RSS
    request, _ = httpserver.log[0]
    assert "gzip" in request.headers["Accept-Encoding"]


async def test_etag_is_sent_alone_and_304_means_not_modified(httpserver, make_settings):
    def answer(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(RSS, headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed").respond_with_handler(answer)
    async with Fetcher(make_settings()) as f:
        fresh = await f.fetch(httpserver.url_for("/feed"))
        again = await f.fetch(
            httpserver.url_for("/feed"),
            etag=fresh.etag,
            last_modified="Wed, 21 Oct 2015 07:28:00 GMT",
        )
    assert fresh.ok and fresh.body == RSS and not fresh.not_modified
    assert again.ok and again.not_modified and again.status == 304 and again.body == b""
    first, second = (req for req, _ in httpserver.log)
    assert "If-None-Match" not in first.headers and "If-Modified-Since" not in first.headers
    assert second.headers["If-None-Match"] == '"v1"'
    # never both validators: some servers answer 200 to the pair
    assert "If-Modified-Since" not in second.headers


async def test_last_modified_is_sent_when_there_is_no_etag(httpserver, make_settings):
    stamp = "Wed, 21 Oct 2015 07:28:00 GMT"

    def answer(request):
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response(RSS, headers={"Last-Modified": stamp})

    httpserver.expect_request("/feed").respond_with_handler(answer)
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(httpserver.url_for("/feed"), last_modified=stamp)
    assert r.not_modified and r.ok
    request, _ = httpserver.log[0]
    assert request.headers["If-Modified-Since"] == stamp
    assert "If-None-Match" not in request.headers


async def test_http_errors_keep_status_and_name_host(httpserver, make_settings):
    for path, status in (("/gone", 410), ("/missing", 404), ("/broken", 500)):
        httpserver.expect_request(path).respond_with_data(b"<h1>oops</h1>", status=status)
    async with Fetcher(make_settings()) as f:
        results = {
            p: await f.fetch(httpserver.url_for(p)) for p in ("/gone", "/missing", "/broken")
        }
    for path, status in (("/gone", 410), ("/missing", 404), ("/broken", 500)):
        r = results[path]
        assert r.error_kind == "http" and r.status == status and not r.ok
        assert r.body == b""
        assert r.error.startswith("localhost: ") and f"HTTP {status}" in r.error
        assert "\n" not in r.error
        assert r.retry_after is None
    assert "Gone" in results["/gone"].error


async def test_429_retry_after_seconds(httpserver, make_settings):
    httpserver.expect_request("/busy").respond_with_data(
        b"slow down", status=429, headers={"Retry-After": "120"}
    )
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(httpserver.url_for("/busy"))
    assert r.error_kind == "http" and r.status == 429
    assert r.retry_after == 120.0
    assert "429" in r.error and "120" in r.error


async def test_503_retry_after_http_date(httpserver, make_settings):
    when = datetime.now(UTC) + timedelta(hours=1)
    httpserver.expect_request("/down").respond_with_data(
        b"maintenance", status=503, headers={"Retry-After": format_datetime(when, usegmt=True)}
    )
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(httpserver.url_for("/down"))
    assert r.error_kind == "http" and r.status == 503
    assert 3500 < r.retry_after <= 3600


async def test_html_instead_of_feed_is_returned_as_is(httpserver, make_settings):
    page = b"<!doctype html><html><body>Subscribe to our newsletter</body></html>"
    httpserver.expect_request("/feed").respond_with_data(
        page, content_type="text/html; charset=utf-8"
    )
    async with Fetcher(make_settings()) as f:
        r = await f.fetch(httpserver.url_for("/feed"))
    assert r.ok and r.body == page and r.content_type.startswith("text/html")


async def test_binary_garbage_and_wrong_charset_bytes_are_untouched(httpserver, make_settings):
    garbage = bytes(range(256)) * 40
    latin = "Café – prisoner’s".encode("cp1252")  # not valid UTF-8
    httpserver.expect_request("/bin").respond_with_data(garbage, content_type="application/rss+xml")
    httpserver.expect_request("/latin").respond_with_data(
        latin, headers={"Content-Type": "text/xml; charset=utf-8"}
    )
    async with Fetcher(make_settings()) as f:
        b = await f.fetch(httpserver.url_for("/bin"))
        t = await f.fetch(httpserver.url_for("/latin"))
    assert b.ok and b.body == garbage
    assert t.ok and t.body == latin and "utf-8" in t.content_type


def test_body_hash_is_stable_and_content_sensitive():
    assert body_hash(RSS) == body_hash(bytes(RSS))
    assert body_hash(RSS) != body_hash(RSS + b" ")
    assert len(body_hash(b"")) == 64


async def test_contact_url_is_added_to_a_user_agent_without_it(httpserver, make_settings):
    httpserver.expect_request("/f").respond_with_data(b"ok")
    settings = make_settings(user_agent="OrgMonitor/2.0", contact_url="https://example.org/about")
    async with Fetcher(settings) as f:
        await f.fetch(httpserver.url_for("/f"))
    request, _ = httpserver.log[0]
    assert request.headers["User-Agent"] == "OrgMonitor/2.0 (+https://example.org/about)"
    assert f.robots_agent == "OrgMonitor"


async def test_misuse_is_a_programming_error_not_a_result(make_settings):
    f = Fetcher(make_settings())
    with pytest.raises(RuntimeError):
        await f.fetch("http://example.org/")
    async with f:
        with pytest.raises(ValueError):
            await f.fetch("http://example.org/", kind="image")
