"""All 2,107 of feedparser's own test fixtures, served over HTTP (with the
headers each one asks for) through fetch -> parse -> dedup -> store.

What is asserted, precisely:
* the pass finishes, and every feed ends with exactly one fetch event: a
  success, or a classified error (feeds that yield no entries and are not
  feeds at all -> "parse");
* every entry feedparser yields from the same bytes and headers is stored
  exactly once, after the monitor's documented de-duplication (same GUID in a
  feed, same normalised link anywhere, same normalised title in a feed; the
  first wins).  Fixtures reuse links such as http://example.com/, and a link
  stored under one feed is (correctly) not stored again under another, so:
  the set of stored links equals the union of the expected links, each feed
  stores a subset of its own expected items, and feeds whose links no other
  feed shares store exactly their expected items;
* entries without a link are counted per feed;
* everything stored is clean text (no control characters, no escapes).
"""

import io
import re
from collections import Counter
from dataclasses import replace

import feedparser
import pytest
import sqlalchemy as sa

from monitor.feeds import add_feed
from monitor.localserver import Response
from monitor.pipeline import run_pass
from monitor.sanitize import is_clean
from monitor.urls import normalize_title, normalize_url
from storage.schema import articles, feeds, fetch_events
from tests.conftest import corpora_or_skip


@pytest.fixture
def backend():
    """SQLite only: this module is about parsing feeds, and the pipeline's
    storage runs on PostgreSQL in the other monitor modules; here it would
    triple the module's time (a round trip per query)."""
    return "sqlite"


HEADER = re.compile(rb"^\s*Header:\s*([\w-]+):[ \t]*(.*?)\s*$", re.M)


def _headers(body: bytes) -> dict[str, str]:
    head = body[:2000].split(b"-->", 1)[0]
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in HEADER.findall(head)}


def _expected(body, headers, url):
    lower = {k.lower(): v for k, v in headers.items()}
    lower.setdefault("content-location", url)
    parsed = feedparser.parse(io.BytesIO(body), response_headers=lower)
    guids, keys, titles = set(), set(), set()
    linked, unlinked = [], 0
    for e in parsed.entries:
        guid, link = e.get("id") or "", e.get("link") or ""
        if not link.lower().startswith(("http://", "https://")):
            link = (
                guid
                if guid.lower().startswith(("http://", "https://")) and e.get("guidislink")
                else ""
            )
        if link:
            key = normalize_url(link)
        else:
            key = ("no link", guid or (e.get("title"), e.get("summary"), e.get("published")))
        tnorm = normalize_title(re.sub(r"<[^>]+>", "", e.get("title") or ""))
        if (guid and guid in guids) or key in keys or (tnorm and tnorm in titles):
            continue
        guids.add(guid)
        keys.add(key)
        if tnorm:
            titles.add(tnorm)
        if link:
            linked.append(key)
        else:
            unlinked += 1
    return linked, unlinked


@pytest.mark.slow
def test_every_feedparser_fixture_goes_through_the_pipeline(mon_db, mon_settings, local_server):
    root = corpora_or_skip("feedparser")
    files = sorted(
        p for p in root.rglob("*") if p.suffix in (".xml", ".json", ".rdf", ".atom", ".rss")
    )
    assert len(files) == 2107
    plan = {}
    for i, path in enumerate(files):
        body = path.read_bytes()
        headers = _headers(body)
        route = f"/{i}/{path.parent.name}/{path.name}"
        local_server.routes[route] = Response(200, headers, body)
        url = local_server.url(route)
        fid = add_feed(mon_db, url)
        plan[fid] = (path, *_expected(body, headers, url))
    settings = replace(
        mon_settings,
        monitor=replace(
            mon_settings.monitor,
            fetch_articles=False,
            global_concurrency=32,
            per_host_concurrency=32,
            total_timeout=30.0,
        ),
    )
    result = run_pass(mon_db, settings, all_feeds=True, analyse=False)
    assert result.feeds == len(files) and not result.stopped

    with mon_db.read() as conn:
        status = {r.id: r for r in conn.execute(sa.select(feeds))}
        events = Counter(conn.execute(sa.select(fetch_events.c.feed_id)).scalars())
        stored_linked, stored_unlinked = {}, Counter()
        for r in conn.execute(
            sa.select(
                articles.c.feed_id,
                articles.c.url_norm,
                articles.c.title,
                articles.c.summary,
                articles.c.author,
            )
        ):
            assert is_clean(r.title + r.summary + r.author)
            if r.url_norm.startswith("urn:framewatch:"):
                stored_unlinked[r.feed_id] += 1
            else:
                stored_linked.setdefault(r.feed_id, []).append(r.url_norm)
    assert set(events) == set(plan) and set(events.values()) == {1}

    owners = {}
    for fid, (_, linked, _) in plan.items():
        for key in linked:
            owners.setdefault(key, set()).add(fid)
    all_linked = [k for keys in stored_linked.values() for k in keys]
    assert len(all_linked) == len(set(all_linked))
    assert set(all_linked) == set(owners)

    exact = yielding = 0
    for fid, (path, linked, unlinked) in plan.items():
        where = str(path.relative_to(root))
        got = stored_linked.get(fid, [])
        assert set(got) <= set(linked), where
        assert stored_unlinked[fid] == unlinked, where
        if linked or unlinked:
            yielding += 1
            assert status[fid].last_error_kind is None, where
            if all(owners[k] == {fid} for k in linked):
                assert sorted(got) == sorted(linked), where
                exact += 1
        else:
            assert status[fid].last_error_kind in (None, "parse"), where
    assert yielding > 1000 and exact > 500
