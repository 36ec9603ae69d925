"""End to end on the offline sample: real server, fetcher, extraction, SQLite."""

import sqlalchemy as sa

from monitor.demo import prepare_demo, serve_sample
from monitor.localserver import LocalServer
from monitor.pipeline import run_pass
from monitor.sanitize import is_clean
from storage.schema import articles, feeds, fetch_events, flags

IRRELEVANT = {
    "Harwick Town stun league leaders to reach cup quarter-finals",
    "Storm Ilsa: Flood warnings in place as heavy rain hits the north",
    "Council faces £14m budget gap as care costs rise",
}


def _rows(db):
    with db.read() as conn:
        return conn.execute(sa.select(articles).order_by(articles.c.id)).all()


def test_sample_pass_then_conditional_pass_stores_nothing_new(mon_db, mon_settings):
    with LocalServer() as server:
        ids = serve_sample(server, mon_db)
        first = run_pass(mon_db, mon_settings, feed_ids=ids, analyse=False)
        assert first.errors == [] and first.ok == 5
        rows = _rows(mon_db)
        # 19 pages + 1 robots-blocked live page; the courier's '#1' GUID copy collapsed
        assert len(rows) == first.articles == 20
        assert len({r.url_norm for r in rows}) == 20
        assert all("utm_" not in r.url_norm and "at_medium" not in r.url_norm for r in rows)

        # the wire story: three outlets, one story; nothing else shares a story
        wire = [r for r in rows if "Ashworth Vale" in r.title]
        assert len(wire) == 3 and len({r.story_id for r in wire}) == 1
        others = [r.story_id for r in rows if r not in wire]
        assert len(set(others)) == len(others) and wire[0].story_id not in others

        # relevance: exactly the three off-topic pieces are stored but kept out of the queue
        assert {r.title for r in rows if not r.relevant} == IRRELEVANT
        assert all(
            r.relevance >= mon_settings.monitor.relevance_threshold for r in rows if r.relevant
        )

        # extraction: real text for every page, the summary where robots.txt said no
        blocked = [r for r in rows if "live-court-updates" in r.url]
        assert (
            len(blocked) == 1
            and blocked[0].text_source == "summary"
            and "robots" in blocked[0].extract_note
        )
        assert all(
            r.text_source == "extracted" and len(r.text) > 500 for r in rows if r not in blocked
        )
        assert not any("Most read" in r.text or "cookies" in r.text for r in rows)

        # the windows-1252 outlet decoded correctly (HTTP charset for the feed, <meta> for pages)
        wessex = [r for r in rows if r.outlet == "Wessex Evening Post"]
        assert any("£2m" in r.text for r in wessex) and any("‘squalid’" in r.title for r in wessex)
        assert not any("\ufffd" in r.text + r.title or "Ã" in r.text for r in rows)
        assert all(is_clean(r.title + r.text + r.summary + r.author + r.outlet) for r in rows)
        assert all(r.raw_html_gz for r in rows if r not in blocked)

        second = run_pass(mon_db, mon_settings, feed_ids=ids, analyse=False)
        assert second.articles == 0 and second.not_modified == 5 and second.failed == 0
        with mon_db.read() as conn:
            feed_urls = set(
                conn.execute(sa.select(feeds.c.url).where(feeds.c.id.in_(ids))).scalars()
            )
        feed_requests = [q for q in server.requests if server.base + q.path in feed_urls]
        assert len(feed_requests) == 10
        assert all(q.headers.get("if-none-match") for q in feed_requests[5:])
    assert len(_rows(mon_db)) == 20
    with mon_db.read() as conn:
        events = conn.execute(
            sa.select(fetch_events.c.not_modified, fetch_events.c.new_items)
        ).all()
        assert sorted(e.not_modified for e in events) == [False] * 5 + [True] * 5
        assert sum(e.new_items for e in events) == 20
        assert all(f.last_error_kind is None and f.etag for f in conn.execute(sa.select(feeds)))


def test_prepare_demo_twice_moves_to_the_new_port_without_duplicates(tmp_path, mon_settings):
    path = tmp_path / "demo.sqlite3"
    seen = []
    first = prepare_demo(
        path,
        mon_settings,
        progress=lambda done, total, label: seen.append((done, total)),
        analyse=False,
    )
    assert (first.feeds, first.articles, first.relevant, first.total_articles) == (5, 20, 17, 20)
    assert first.stories == 18 and first.errors == []
    assert seen[-1] == (5, 5)
    again = prepare_demo(path, mon_settings, analyse=False)
    assert again.articles == 0 and again.total_articles == 20 and again.feeds == 5
    assert "20 articles" in str(again)


def test_demo_analyses_relevant_articles_and_stores_flags(tmp_path, mon_settings):
    path = tmp_path / "demo.sqlite3"
    result = prepare_demo(path, mon_settings)
    assert result.analysed == result.relevant == 17 and result.flags > 0
    from storage.db import open_database

    db = open_database(path)
    with db.read() as conn:
        analysed = conn.execute(
            sa.select(articles.c.relevant, articles.c.analysed_at, articles.c.model)
        ).all()
        assert all((a.analysed_at is not None) == bool(a.relevant) for a in analysed)
        assert all(a.model for a in analysed if a.relevant)
        texts = {
            r.id: r
            for r in conn.execute(sa.select(articles.c.id, articles.c.title, articles.c.text))
        }
        stored = conn.execute(sa.select(flags)).all()
    db.close()
    # the writer's flags and the quoted ones, reported apart (issue 12)
    assert len(stored) == result.flags + result.quoted
    assert result.quoted == sum(1 for f in stored if f.quoted)
    # offsets point into the stored headline or body, as the flag's field says
    assert {f.field for f in stored} == {"title", "text"}
    assert all(getattr(texts[f.article_id], f.field)[f.start : f.end] == f.text for f in stored)
    words = {f.text.lower() for f in stored if f.field == "text"}
    assert words & {"thugs", "inmates", "illegal immigrants", "lags", "addicts", "thug"}
    # headlines are analysed too: "Knife thug who stabbed teenager outside chicken shop caged"
    knife = [
        f
        for f in stored
        if f.field == "title" and texts[f.article_id].title.startswith("Knife thug")
    ]
    assert [f.text for f in knife if f.entry == "thug"] == ["thug"]


def test_articles_stored_without_analysis_are_analysed_by_a_later_pass(mon_db, mon_settings):
    with LocalServer() as server:
        ids = serve_sample(server, mon_db)
        first = run_pass(mon_db, mon_settings, feed_ids=ids, analyse=False)
        assert first.analysed == 0 and first.relevant == 17
        second = run_pass(mon_db, mon_settings, feed_ids=ids)
    assert second.articles == 0 and second.analysed == 17
    with mon_db.read() as conn:
        rows = conn.execute(sa.select(articles.c.relevant, articles.c.analysed_at)).all()
        n_flags = conn.execute(sa.select(sa.func.count()).select_from(flags)).scalar_one()
    assert all((r.analysed_at is not None) == bool(r.relevant) for r in rows) and n_flags > 0
