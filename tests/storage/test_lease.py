"""The lease repository and conflict-safe inserts on a real SQLite file and a
real PostgreSQL database (tests/conftest.py's ``db_target``).  Issue 16,
failure 2."""

from __future__ import annotations

import pytest

from storage import articles as article_store
from storage import feeds as feed_store
from storage import lease as lease_store
from storage.db import open_database

T0, T1, T2, T3 = (f"2026-12-01T10:0{m}:00+00:00" for m in range(4))


@pytest.fixture
def db(db_target):
    database = open_database(db_target)
    yield database
    database.close()


def _take(db, holder, now, until, dead=None):
    with db.transaction() as conn:
        return lease_store.acquire(
            conn, holder=holder, holder_name=holder.upper(), now=now, until=until, dead_holder=dead
        )


def test_one_holder_at_a_time_until_it_expires_or_is_released(db):
    assert _take(db, "a:1", T0, T2)
    assert not _take(db, "b:2", T1, T3)  # a holds it until T2
    with db.read() as conn:
        row = lease_store.current(conn)
    assert (row.holder, row.holder_name, row.acquired_at, row.expires_at) == ("a:1", "A:1", T0, T2)
    assert _take(db, "a:1", T1, T3)  # the holder renews by taking it again
    with db.read() as conn:
        assert lease_store.current(conn).acquired_at == T0  # still held since T0
    assert _take(db, "b:2", T3, "2026-12-01T10:05:00+00:00")  # expired at T3: b takes it
    with db.transaction() as conn:
        assert not lease_store.renew(conn, holder="a:1", now=T3, until=T3)  # a has lost it
        lease_store.release(conn, holder="a:1")  # releasing what it does not hold does nothing
    with db.read() as conn:
        row = lease_store.current(conn)
    assert (row.holder, row.acquired_at) == ("b:2", T3)
    with db.transaction() as conn:
        lease_store.release(conn, holder="b:2")
    with db.read() as conn:
        assert lease_store.current(conn) is None


def test_a_holder_known_to_be_dead_is_taken_over_before_it_expires(db):
    assert _take(db, "here:10", T0, T3)
    assert not _take(db, "here:11", T1, T3)
    assert not _take(db, "here:11", T1, T3, dead="here:99")  # only the named holder
    assert _take(db, "here:11", T1, T3, dead="here:10")


def test_a_duplicate_insert_is_not_an_error_and_the_first_row_stays(db):
    with db.transaction() as conn:
        first = feed_store.insert_feed(
            conn,
            url="https://x.example/feed",
            name="X",
            site_url="",
            verified=True,
            added_at=T0,
            interval_minutes=60,
        )
        again = feed_store.insert_feed(
            conn,
            url="https://x.example/feed",
            name="Y",
            site_url="",
            verified=True,
            added_at=T1,
            interval_minutes=60,
        )
        values = dict(url="https://x.example/a", url_norm="https://x.example/a", fetched_at=T0)
        article = article_store.insert_article(conn, dict(values, title="first"))
        duplicate = article_store.insert_article(conn, dict(values, title="second"))
    assert isinstance(first, int) and again is None
    assert isinstance(article, int) and duplicate is None
    with db.read() as conn:
        assert feed_store.find(conn, str(first)).name == "X"
        assert article_store.get(conn, article).title == "first"
        assert article_store.count(conn) == 1
