"""Items dated in the future (2999, 9999) are stored with the fetch time and
keep what the feed said in ``published_claimed``, so they no longer pin
themselves to the top of every newest-first list.  Issue 16, failure 9."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import command

from core.cli import main
from monitor.feeds import add_feed
from monitor.localserver import Response
from monitor.pipeline import run_pass
from monitor.review.listing import article_list
from storage.db import _alembic_config, open_database
from storage.schema import articles


def _rfc822(when: datetime) -> str:
    return when.strftime("%a, %d %b %Y %H:%M:%S GMT")


def _rss(base: str, extra: str = "") -> bytes:
    soon = _rfc822(datetime.now(UTC) + timedelta(minutes=5))  # clock skew: kept as given
    items = [
        ("Far future", f"{base}/a/2999", "Fri, 01 Jan 2999 00:00:00 GMT"),
        ("End of time", f"{base}/a/9999", "Fri, 31 Dec 9999 23:59:59 GMT"),
        ("Slightly ahead", f"{base}/a/soon", soon),
        ("Last week", f"{base}/a/past", _rfc822(datetime.now(UTC) - timedelta(days=7))),
    ]
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate>"
        f"<description>Court report: {t}.</description></item>"
        for t, link, d in items
    )
    # no link and no GUID: its key comes from its content and its date
    body += (
        "<item><title>No address</title><pubDate>Sat, 01 Jan 3000 00:00:00 GMT</pubDate>"
        "<description>A court report without a link.</description></item>"
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}{extra}</channel></rss>'.encode()


def _rows(db):
    with db.read() as conn:
        return {r.title: r for r in conn.execute(sa.select(articles))}


def test_future_dates_fall_back_to_the_fetch_time_and_keep_the_claim(
    mon_db, mon_settings, local_server
):
    base = local_server.base
    local_server.routes["/feed.xml"] = Response(
        200, {"Content-Type": "application/rss+xml"}, _rss(base)
    )
    add_feed(mon_db, base + "/feed.xml")
    before = datetime.now(UTC).replace(microsecond=0)
    result = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
    after = datetime.now(UTC)
    assert result.articles == 5, result.errors
    rows = _rows(mon_db)
    for title, said in (
        ("Far future", "Fri, 01 Jan 2999 00:00:00 GMT"),
        ("End of time", "Fri, 31 Dec 9999 23:59:59 GMT"),
        ("No address", "Sat, 01 Jan 3000 00:00:00 GMT"),
    ):
        row = rows[title]
        assert row.published_claimed == said, title
        assert before <= datetime.fromisoformat(row.published_at) <= after, title
    assert rows["Slightly ahead"].published_claimed is None
    assert datetime.fromisoformat(rows["Slightly ahead"].published_at) > after
    assert rows["Last week"].published_claimed is None

    # newest first: the item the feed dated a few minutes ahead, not the year 2999
    listed = article_list(mon_db, status="all", include_irrelevant=True, limit=10)
    assert listed[0].title == "Slightly ahead"

    # the feed changes (a new item): the clamped items are recognised, not stored again
    local_server.routes["/feed.xml"] = Response(
        200,
        {"Content-Type": "application/rss+xml"},
        _rss(base, f"<item><title>New</title><link>{base}/a/new</link></item>"),
    )
    again = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
    assert again.articles == 1 and set(_rows(mon_db)) == set(rows) | {"New"}


def test_articles_show_says_what_the_feed_claimed(tmp_path, capsys, local_server, monkeypatch):
    base = local_server.base
    local_server.routes["/feed.xml"] = Response(
        200, {"Content-Type": "application/rss+xml"}, _rss(base)
    )
    db = tmp_path / "fw.sqlite3"
    monkeypatch.setenv("FRAMEWATCH_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("FRAMEWATCH_MIN_HOST_INTERVAL", "0")
    assert main(["--db", str(db), "monitor", "add", base + "/feed.xml"]) == 0
    assert main(["--db", str(db), "monitor", "once", "--all", "--no-analyse"]) == 0
    capsys.readouterr()
    opened = open_database(db)
    article_id = next(r.id for r in _rows(opened).values() if r.title == "Far future")
    opened.close()
    assert main(["--db", str(db), "articles", "show", str(article_id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["published_claimed"] == "Fri, 01 Jan 2999 00:00:00 GMT"
    assert data["published_at"] < "2999"
    assert main(["--db", str(db), "articles", "show", str(article_id)]) == 0
    assert "(the feed said Fri, 01 Jan 2999 00:00:00 GMT)" in capsys.readouterr().out


def test_the_migration_moves_future_dates_already_stored(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0002_flag_field")
        conn.execute(
            sa.text(
                "INSERT INTO articles (url, url_norm, title, published_at, fetched_at) VALUES "
                "('u1', 'u1', 'pinned', '2999-01-01T00:00:00+00:00', '2026-11-01T10:00:00+00:00'),"
                "('u2', 'u2', 'fine', '2026-10-31T10:00:00+00:00', '2026-11-01T10:00:00+00:00')"
            )
        )
    engine.dispose()
    db = open_database(path)
    rows = _rows(db)
    db.close()
    assert rows["pinned"].published_at == "2026-11-01T10:00:00+00:00"
    assert rows["pinned"].published_claimed == "2999-01-01T00:00:00+00:00"
    assert rows["fine"].published_at == "2026-10-31T10:00:00+00:00"
    assert rows["fine"].published_claimed is None
