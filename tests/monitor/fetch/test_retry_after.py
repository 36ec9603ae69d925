"""Retry-After is the server's text: hundreds of digits, or a superscript two,
must come back as a classified HTTP failure, never an exception out of the
fetcher (whose contract is never to raise).  Issue 16, failure 6."""

from dataclasses import replace
from datetime import UTC, datetime

import sqlalchemy as sa

from core.settings import MonitorSettings
from monitor.feeds import add_feed
from monitor.fetch import Fetcher
from monitor.localserver import LocalServer, Response
from monitor.pipeline import run_pass
from storage.schema import feeds

HOSTILE = {
    "/digits": "9" * 400,  # float(int(...)) overflows
    "/super": "\u00b2",  # "²".isdigit() is True; int("²") raises
    "/date": "Fri, 31 Dec 99999 23:59:59 GMT",
}
WEEK = 7 * 24 * 3600


def _settings() -> MonitorSettings:
    return replace(
        MonitorSettings(), min_host_interval=0.0, allow_private_addresses=True, total_timeout=10.0
    )


async def test_the_fetcher_returns_a_503_result_for_any_retry_after():
    routes = {path: Response(503, {"Retry-After": value}, b"") for path, value in HOSTILE.items()}
    routes["/cached"] = Response(
        200, {"Cache-Control": "max-age=\u00b2", "Content-Type": "text/plain"}, b"ok"
    )
    with LocalServer(routes) as server:
        async with Fetcher(_settings()) as fetcher:
            results = {p: await fetcher.fetch(server.url(p)) for p in routes}
    for path in HOSTILE:
        r = results[path]
        assert (r.error_kind, r.status) == ("http", 503), (path, r.error)
        assert r.error.startswith("127.0.0.1: HTTP 503 Service Unavailable"), r.error
        assert r.retry_after is None or 0 <= r.retry_after <= WEEK, (path, r.retry_after)
    assert results["/digits"].retry_after == WEEK  # past the cap is the cap
    assert results["/super"].retry_after is None  # not a number: our own back-off decides
    assert results["/cached"].ok and results["/cached"].body == b"ok"


def test_a_pass_records_the_503_as_http_and_backs_off_within_the_cap(
    mon_db, mon_settings, local_server
):
    for path, value in HOSTILE.items():
        local_server.routes[path + ".xml"] = Response(503, {"Retry-After": value}, b"")
        add_feed(mon_db, local_server.url(path + ".xml"))
    result = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False)
    assert result.failed == len(HOSTILE)
    now = datetime.now(UTC)
    cap = mon_settings.monitor.backoff_cap_minutes * 60
    with mon_db.read() as conn:
        rows = conn.execute(sa.select(feeds)).all()
    for row in rows:
        assert (row.last_error_kind, row.last_status, row.failures) == ("http", 503, 1), row.url
        assert "Service Unavailable" in row.last_error
        wait = (datetime.fromisoformat(row.next_fetch_at) - now).total_seconds()
        assert 0 < wait <= cap + 60, (row.url, wait)
