"""Scheduling against a real server, and flag storage that keeps review work."""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from framing.flag import Flag
from monitor.feeds import add_feed
from monitor.localserver import Response
from monitor.pipeline import run_pass
from monitor.schedule import adapt_interval
from storage.db import utcnow
from storage.flags import store_article_flags, store_flags
from storage.schema import articles, feeds, fetch_events, flags


def _rss(base, n, start=0):
    items = "".join(
        f"<item><title>Prison story {i}</title><link>{base}/a/{i}</link></item>"
        for i in range(start, start + n)
    )
    return f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode()


def test_adapt_interval_rules():
    assert adapt_interval(60, 1.0, poll_min=15, poll_max=1440) == 75  # mostly seen: slower
    assert adapt_interval(20, 0.9, poll_min=15, poll_max=1440) == 30  # at least +10 min
    assert adapt_interval(60, 0.0, poll_min=15, poll_max=1440) == 30  # mostly new: faster
    assert adapt_interval(60, 0.5, poll_min=15, poll_max=1440) == 60
    assert adapt_interval(20, 0.0, poll_min=15, poll_max=1440) == 15  # floor
    assert adapt_interval(1400, 1.0, poll_min=15, poll_max=1440) == 1440  # cap
    assert (
        adapt_interval(20, 0.0, poll_min=15, poll_max=1440, ttl_minutes=60) == 60
    )  # never faster than <ttl>


def _feed(db):
    with db.read() as conn:
        return conn.execute(sa.select(feeds)).one()


def test_validators_forced_full_fetch_hash_skip_and_due_feeds(mon_db, mon_settings, local_server):
    base = local_server.base
    local_server.routes["/etag.xml"] = Response(
        200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'}, _rss(base, 4)
    )
    add_feed(mon_db, base + "/etag.xml")
    first = run_pass(mon_db, mon_settings, analyse=False, fetch_articles=False)
    assert first.articles == 4
    feed = _feed(mon_db)
    assert (
        feed.etag == '"v1"' and feed.last_full_fetch_at and feed.interval_minutes == 30
    )  # all new: faster
    assert run_pass(mon_db, mon_settings, analyse=False).feeds == 0  # not due yet

    with mon_db.transaction() as conn:
        conn.execute(
            feeds.update().values(
                next_fetch_at=(datetime.now(UTC) - timedelta(minutes=1)).isoformat()
            )
        )
    second = run_pass(mon_db, mon_settings, analyse=False, fetch_articles=False)
    assert second.feeds == 1 and second.not_modified == 1
    assert local_server.requests[-1].headers.get("if-none-match") == '"v1"'
    assert _feed(mon_db).interval_minutes == 40  # unchanged document counts as all seen: slower

    # forced unconditional fetch once full_fetch_hours have passed (servers that lie about 304)
    stale = (datetime.now(UTC) - timedelta(hours=13)).isoformat()
    local_server.routes["/etag.xml"] = Response(
        200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'}, _rss(base, 6)
    )
    with mon_db.transaction() as conn:
        conn.execute(feeds.update().values(last_full_fetch_at=stale))
    third = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
    assert "if-none-match" not in local_server.requests[-1].headers
    assert third.articles == 2  # the ETag never changed, the content did
    assert _feed(mon_db).last_full_fetch_at > stale


def test_unchanged_body_without_validators_is_not_reparsed(mon_db, mon_settings, local_server):
    base = local_server.base
    local_server.routes["/plain.xml"] = Response(
        200, {"Content-Type": "application/rss+xml"}, _rss(base, 3)
    )
    add_feed(mon_db, base + "/plain.xml")
    run_pass(mon_db, mon_settings, analyse=False, fetch_articles=False)
    again = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
    assert again.not_modified == 1 and again.ok == 0 and again.articles == 0
    with mon_db.read() as conn:
        last = conn.execute(sa.select(fetch_events).order_by(fetch_events.c.id.desc())).first()
    assert last.not_modified and last.status == 200


def test_title_and_guid_dedup_within_a_feed(mon_db, mon_settings, local_server):
    base = local_server.base
    body = (
        f"<rss version='2.0'><channel><title>T</title>"
        f"<item><title>Judge jails man</title><link>{base}/a/1</link><guid>x1</guid></item>"
        f"<item><title>Judge jails man!</title><link>{base}/a/1-updated</link><guid>x2</guid></item>"
        f"<item><title>Other</title><link>{base}/a/3</link><guid>x1</guid></item>"
        f"<item><title>Third</title><link>{base}/a/4#comments</link><guid>x4</guid></item>"
        f"<item><title>Fourth</title><link>{base}/a/4?utm_source=tw</link><guid>x5</guid></item>"
        "</channel></rss>"
    ).encode()
    local_server.routes["/d.xml"] = Response(200, {"Content-Type": "application/rss+xml"}, body)
    add_feed(mon_db, base + "/d.xml")
    run_pass(mon_db, mon_settings, analyse=False, fetch_articles=False)
    with mon_db.read() as conn:
        titles = conn.execute(sa.select(articles.c.title).order_by(articles.c.id)).scalars().all()
    assert titles == ["Judge jails man", "Third"]


def _flag(start, end, text, entry="offender", severity="medium"):
    return Flag(
        start=start,
        end=end,
        text=text,
        entry=entry,
        category="labels",
        severity=severity,
        quoted=False,
        suggestions=("people with convictions",),
        rewrite="people with convictions",
        why="",
        sources=(),
    )


def test_reanalysis_keeps_review_decisions(mon_db):
    now = utcnow()
    with mon_db.transaction() as conn:
        aid = conn.execute(
            articles.insert().values(
                url="https://x/a",
                url_norm="https://x/a",
                fetched_at=now,
                text="offenders and inmates and thugs",
            )
        ).inserted_primary_key[0]
        first = [
            _flag(0, 9, "offenders"),
            _flag(14, 21, "inmates", "inmate", "high"),
            _flag(26, 31, "thugs", "thug"),
        ]
        assert store_flags(conn, aid, first + first[:1]) == 3  # duplicates from the engine collapse
        conn.execute(
            flags.update()
            .where(flags.c.entry == "offender")
            .values(
                decision="dismissed", reason="quoted official term", note="n1", decided_by="ana"
            )
        )
        conn.execute(
            flags.update()
            .where(flags.c.entry == "thug")
            .values(decision="accepted", decided_by="ana")
        )
    # re-analysis: same occurrences (new severity from an updated lexicon), one gone, one new
    with mon_db.transaction() as conn:
        again = [
            _flag(0, 9, "offenders", severity="high"),
            _flag(14, 21, "inmates", "inmate", "high"),
        ]
        store_flags(conn, aid, again + [_flag(10, 13, "and", "and-test")])
        rows = {r.entry: r for r in conn.execute(sa.select(flags).where(flags.c.article_id == aid))}
    assert rows["offender"].decision == "dismissed" and rows["offender"].note == "n1"
    assert rows["offender"].severity == "high"  # engine-side fields refreshed
    assert (
        rows["thug"].decision == "accepted"
    )  # no longer reported, but a human decided on it: kept
    assert rows["inmate"].decision == "pending"
    assert "and-test" in rows
    with mon_db.transaction() as conn:
        store_flags(conn, aid, [])
        left = set(
            conn.execute(sa.select(flags.c.entry).where(flags.c.article_id == aid)).scalars()
        )
    assert left == {"offender", "thug"}  # pending ones the engine no longer reports are removed


def test_headline_and_body_flags_are_separate_occurrences(mon_db):
    now = utcnow()
    with mon_db.transaction() as conn:
        aid = conn.execute(
            articles.insert().values(
                url="https://x/h",
                url_norm="https://x/h",
                fetched_at=now,
                title="Offenders freed",
                text="Offenders freed early.",
            )
        ).inserted_primary_key[0]
        # same offsets and entry in headline and body: two flags, not one
        store_article_flags(conn, aid, ([_flag(0, 9, "Offenders")], [_flag(0, 9, "Offenders")]))
        conn.execute(
            flags.update()
            .where(flags.c.field == "title")
            .values(decision="accepted", decided_by="ana")
        )
        # the body analysed again without that flag: the headline's decision is untouched
        assert store_flags(conn, aid, [], field="text") == 1
        # the headline analysed again: same occurrence, decision kept
        assert (
            store_article_flags(conn, aid, ([_flag(0, 9, "Offenders", severity="high")], [])) == 1
        )
        (row,) = conn.execute(sa.select(flags).where(flags.c.article_id == aid)).all()
    assert (row.field, row.decision, row.severity) == ("title", "accepted", "high")


def _articles_feed(base, n):
    items = "".join(
        f"<item><title>Court case {i}: man jailed at Crown Court</title><link>{base}/p/{i}</link>"
        f"<description>The inmates at the prison court case {i}{' POISON' if i == 1 else ''}."
        "</description></item>"
        for i in range(n)
    )
    return f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode()


def test_an_engine_failure_on_one_article_costs_only_that_article(
    mon_db, mon_settings, local_server
):
    from framing.engine import Engine

    class FailsOnPoison(Engine):
        """The real engine, except that it breaks on one marked text (fault injection)."""

        def check_many(self, texts, fmt="text", headlines=None):
            texts = list(texts)
            if any("POISON" in t for t in texts):
                raise RuntimeError("engine bug")
            return super().check_many(texts, fmt, headlines)

        def check(self, text, fmt="text", headline=""):
            if "POISON" in text:
                raise RuntimeError("engine bug")
            return super().check(text, fmt, headline)

    local_server.routes["/f.xml"] = Response(
        200, {"Content-Type": "application/rss+xml"}, _articles_feed(local_server.base, 3)
    )
    add_feed(mon_db, local_server.base + "/f.xml")
    result = run_pass(mon_db, mon_settings, engine=FailsOnPoison(), fetch_articles=False)
    assert (
        result.articles == 3
        and result.analysed == 2
        and "failed on 1 article" in result.analysis_note
    )
    with mon_db.read() as conn:
        rows = conn.execute(sa.select(articles.c.summary, articles.c.analysed_at)).all()
    assert sorted(("POISON" in r.summary, r.analysed_at is None) for r in rows) == [
        (False, False),
        (False, False),
        (True, True),
    ]


def test_page_fetches_per_feed_are_capped(mon_db, mon_settings, local_server, monkeypatch):
    import monitor.pages as pages

    monkeypatch.setattr(pages, "MAX_PAGES_PER_FEED", 2)
    local_server.routes["/f.xml"] = Response(
        200, {"Content-Type": "application/rss+xml"}, _articles_feed(local_server.base, 5)
    )
    add_feed(mon_db, local_server.base + "/f.xml")
    result = run_pass(mon_db, mon_settings, analyse=False)
    assert result.articles == 5
    assert len([q for q in local_server.requests if q.path.startswith("/p/")]) == 2
    with mon_db.read() as conn:
        notes = conn.execute(sa.select(articles.c.extract_note)).scalars().all()
    assert sum("over 2 new items" in (n or "") for n in notes) == 3


def test_a_permanently_moved_feed_is_followed(mon_db, mon_settings, local_server):
    base = local_server.base
    local_server.routes["/old.xml"] = Response(301, {"Location": base + "/new.xml"}, b"")
    local_server.routes["/new.xml"] = Response(
        200, {"Content-Type": "application/rss+xml"}, _rss(base, 2)
    )
    local_server.routes["/tmp.xml"] = Response(302, {"Location": base + "/new2.xml"}, b"")
    local_server.routes["/new2.xml"] = Response(
        200, {"Content-Type": "application/rss+xml"}, _rss(base, 2, 5)
    )
    add_feed(mon_db, base + "/old.xml")
    add_feed(mon_db, base + "/tmp.xml")
    result = run_pass(mon_db, mon_settings, analyse=False, fetch_articles=False)
    assert result.articles == 4
    with mon_db.read() as conn:
        urls = conn.execute(sa.select(feeds.c.url).order_by(feeds.c.id)).scalars().all()
    assert urls == [base + "/new.xml", base + "/tmp.xml"]  # 301 followed for good; 302 is temporary
