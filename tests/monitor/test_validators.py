"""Conditional GET against hostile servers (issue 16, failures 4 and 8).

4: an ETag or Last-Modified that is not a valid header value must never be
   stored or sent: it used to stop the feed for good (every later request
   failed with UnicodeEncodeError).  Values stored before the fix must not
   break the next request either.
8: a 304 to a request that carried no validator is a classified problem,
   not a healthy "unchanged".
"""

import sqlalchemy as sa

from monitor.feeds import add_feed
from monitor.localserver import Response
from monitor.pipeline import run_pass
from storage import feeds as feed_store
from storage.schema import feeds

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>V</title>'
    b"<item><title>Court hears case</title><link>https://news.example/a/1</link>"
    b"<guid>https://news.example/a/1</guid><description>At the court.</description></item>"
    b"</channel></rss>"
)
# What http.server sends is each character's latin-1 byte: "\u00c3\u00a9" goes out as
# the UTF-8 bytes of "é", "\u00e9" as the single latin-1 byte.
BAD_ETAGS = {"/utf8.xml": '"caf\u00c3\u00a9"', "/latin1.xml": '"caf\u00e9"'}
BAD_DATE = "Mi\u00e9, 01 Ene 2025 10:00:00 GMT"


def _feed_row(db, feed_id):
    with db.read() as conn:
        return conn.execute(sa.select(feeds).where(feeds.c.id == feed_id)).one()


def _sent(server, path):
    return [r.headers for r in server.requests if r.path == path]


def test_non_ascii_validators_are_never_stored_or_sent(mon_db, mon_settings, local_server):
    ids = {}
    for path, etag in BAD_ETAGS.items():
        local_server.routes[path] = Response(
            200,
            {"Content-Type": "application/rss+xml", "ETag": etag, "Last-Modified": BAD_DATE},
            RSS.replace(b"/a/1", path.encode()),
        )
        ids[path] = add_feed(mon_db, local_server.url(path))
    for n in range(3):  # the second and third passes are where the stored value used to bite
        result = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
        assert result.failed == 0, (n, result.errors)
    for path, feed_id in ids.items():
        row = _feed_row(mon_db, feed_id)
        assert row.failures == 0 and row.last_error_kind is None, row.last_error
        assert row.etag is None and row.last_modified is None
        for headers in _sent(local_server, path):
            assert "if-none-match" not in headers and "if-modified-since" not in headers


def test_bad_validators_stored_before_the_fix_do_not_break_the_next_request(
    mon_db, mon_settings, local_server
):
    local_server.routes["/feed.xml"] = Response(
        200, {"Content-Type": "application/rss+xml", "Last-Modified": "x"}, RSS
    )
    feed_id = add_feed(mon_db, local_server.url("/feed.xml"))
    run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
    # as an older version stored them; the last full fetch is recent, so they are sent
    with mon_db.transaction() as conn:
        feed_store.update_feed(
            conn, feed_id, etag='"caf\u00e9"', last_modified="Tue, 07 Jan 2025 10:00:00 GMT"
        )
    result = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
    assert result.failed == 0, result.errors
    last = _sent(local_server, "/feed.xml")[-1]
    # the ETag cannot be sent, so the date is
    assert "if-none-match" not in last
    assert last["if-modified-since"] == "Tue, 07 Jan 2025 10:00:00 GMT"
    assert _feed_row(mon_db, feed_id).failures == 0


def test_a_304_to_a_request_without_validators_is_an_http_problem(
    mon_db, mon_settings, local_server
):
    local_server.routes["/stuck.xml"] = Response(304, {}, b"")
    feed_id = add_feed(mon_db, local_server.url("/stuck.xml"))
    result = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False)
    assert (result.failed, result.not_modified, result.ok) == (1, 0, 0)
    row = _feed_row(mon_db, feed_id)
    assert (row.last_error_kind, row.last_status, row.failures) == ("http", 304, 1)
    assert "without validators" in row.last_error and row.last_success_at is None
    assert "if-none-match" not in _sent(local_server, "/stuck.xml")[0]


def test_a_304_to_a_conditional_request_is_still_unchanged(mon_db, mon_settings, local_server):
    local_server.routes["/good.xml"] = Response(
        200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'}, RSS
    )
    feed_id = add_feed(mon_db, local_server.url("/good.xml"))
    first = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
    second = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
    assert (first.ok, second.not_modified, second.failed) == (1, 1, 0)
    assert _sent(local_server, "/good.xml")[-1]["if-none-match"] == '"v1"'
    assert _feed_row(mon_db, feed_id).etag == '"v1"'
