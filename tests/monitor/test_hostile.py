"""The monitor keeps going through a pass where feeds misbehave, records each
failure once with its cause, slows failing feeds down (never drops them), and
stores nothing corrupt."""

import time
from dataclasses import replace
from datetime import UTC, datetime

import sqlalchemy as sa

from monitor.feeds import add_feed
from monitor.localserver import Response
from monitor.pipeline import run_pass
from monitor.sanitize import is_clean
from storage.schema import articles, feeds, fetch_events

GOOD = """<?xml version="1.0"?><rss version="2.0"><channel><title>Good \x1b]0;pwned\x07Feed</title>
<item><title>Man jailed \x1b[2Jafter trial</title><link>{base}/page/ok</link><guid>g1</guid>
<description>Summary of the trial at Harwick Crown Court where a man was jailed.</description></item>
<item><title>Page is binary</title><link>{base}/page/binary</link><guid>g2</guid><description>Binary page summary</description></item>
<item><title>Page errors</title><link>{base}/page/500</link><guid>g3</guid><description>Error page summary</description></item>
<item><title>Page \u202eevil</title><link>{base}/page/escapes</link><guid>g4</guid><description>Escapes</description></item>
</channel></rss>"""
ARTICLE = (
    "<html><body><article>"
    + "".join(
        f"<p>The defendant in case {i} was sentenced at Harwick Crown Court on day {i} of the trial. "
        f"\x1b[31mRed\x1b[0m text number {i}.</p>"
        for i in range(8)
    )
    + "</article></body></html>"
)


def _slow(_req):
    time.sleep(3)
    return Response(200, {"Content-Type": "application/rss+xml"}, b"<rss/>")


def test_a_pass_over_hostile_feeds(mon_db, mon_settings, local_server):
    base = local_server.base
    routes = {
        "/good.xml": Response(
            200,
            {"Content-Type": "application/rss+xml; charset=utf-8"},
            GOOD.format(base=base).encode(),
        ),
        "/page/ok": Response(200, {"Content-Type": "text/html"}, ARTICLE.encode()),
        "/page/binary": Response(
            200, {"Content-Type": "application/octet-stream"}, bytes(range(256)) * 40
        ),
        "/page/500": Response(500, {"Content-Type": "text/html"}, b"<h1>oops</h1>"),
        "/page/escapes": Response(
            200,
            {"Content-Type": "text/html"},
            ARTICLE.replace("Red", "\x1b]52;c;eA==\x07Red").encode(),
        ),
        "/slow.xml": _slow,
        "/garbage.xml": Response(
            200,
            {"Content-Type": "application/xml"},
            b"\x00\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
        ),
        "/missing.xml": Response(404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"),
        "/limited.xml": Response(429, {"Retry-After": "7200"}, b""),
        "/unavailable.xml": Response(503, {"Retry-After": "120"}, b""),
        "/to-file.xml": Response(302, {"Location": "file:///etc/passwd"}, b""),
        "/homepage.xml": Response(
            200,
            {"Content-Type": "text/html"},
            b"<!doctype html><html><body><h1>Welcome</h1></body></html>",
        ),
        "/huge.xml": Response(
            200, {"Content-Type": "application/rss+xml"}, b"<rss>" + b" " * 300_000 + b"</rss>"
        ),
        "/loop.xml": Response(302, {"Location": "/loop.xml"}, b""),
    }
    local_server.routes.update(routes)
    expect = {
        "/good.xml": None,
        "/slow.xml": "timeout",
        "/garbage.xml": "parse",
        "/missing.xml": "http",
        "/limited.xml": "http",
        "/unavailable.xml": "http",
        "/to-file.xml": "scheme",
        "/homepage.xml": "parse",
        "/huge.xml": "size",
        "/loop.xml": "redirect",
    }
    ids = {}
    for path in expect:
        ids[path] = add_feed(mon_db, base + path, name=path.strip("/"))
    settings = replace(
        mon_settings,
        monitor=replace(mon_settings.monitor, total_timeout=1.5, max_body_bytes=100_000),
    )
    result = run_pass(mon_db, settings, all_feeds=True, analyse=False)
    assert result.feeds == len(expect) and result.failed == len(expect) - 1 and result.ok == 1

    now = datetime.now(UTC)
    with mon_db.read() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(feeds))}
        events = conn.execute(sa.select(fetch_events)).all()
        stored = conn.execute(sa.select(articles)).all()
        if conn.dialect.name == "sqlite":
            assert conn.execute(sa.text("pragma integrity_check")).scalar() == "ok"
    assert len(events) == len(expect)  # one event per feed: each failure recorded once
    for path, kind in expect.items():
        feed = rows[ids[path]]
        event = next(e for e in events if e.feed_id == feed.id)
        assert feed.last_error_kind == kind == event.error_kind, path
        if kind:
            assert feed.failures == 1 and feed.enabled, path
            assert feed.last_error and "\n" not in feed.last_error, path
            assert datetime.fromisoformat(feed.next_fetch_at) > now, path
    assert "HTML page" in rows[ids["/homepage.xml"]].last_error
    assert rows[ids["/missing.xml"]].last_status == 404
    # Retry-After: 7200 s is honoured over the normal back-off
    wait = datetime.fromisoformat(rows[ids["/limited.xml"]].next_fetch_at) - now
    assert wait.total_seconds() >= 7200 - 60
    assert result.errors and all("\n" not in line for line in result.errors)

    # the good feed: every item stored, pages that failed fall back to the summary with the reason
    assert len(stored) == 4
    by_guid = {
        a.guid.rsplit("/", 1)[-1]: a for a in stored
    }  # feedparser resolves a bare GUID against the feed URL
    assert by_guid["g1"].text_source == "extracted" and "sentenced" in by_guid["g1"].text
    assert by_guid["g2"].text_source == "summary" and "not HTML" in by_guid["g2"].extract_note
    assert by_guid["g3"].text_source == "summary" and "http" in by_guid["g3"].extract_note
    for a in stored:
        assert is_clean(a.title + a.text + a.summary + a.outlet + (a.extract_note or ""))
    assert rows[ids["/good.xml"]].name == "good.xml"
    assert by_guid["g1"].title == "Man jailed after trial"

    # a second pass: failing feeds fail again, more slowly, and are still there
    again = run_pass(mon_db, settings, all_feeds=True, analyse=False)
    assert again.failed == len(expect) - 1 and again.articles == 0
    with mon_db.read() as conn:
        after = {r.id: r for r in conn.execute(sa.select(feeds))}
    for path, kind in expect.items():
        if kind:
            assert after[ids[path]].failures == 2 and after[ids[path]].enabled, path
