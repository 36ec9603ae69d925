"""The feeds repository: monitored feeds, their schedule and their fetch events."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from storage.db import Row, insert_or_ignore
from storage.schema import articles, feeds, fetch_events

EVENTS_KEPT_PER_FEED = 50  # rss-fetcher keeps 30; a few more helps diagnose flapping feeds


def id_by_url(conn: sa.Connection, url: str) -> int | None:
    found = conn.execute(sa.select(feeds.c.id).where(feeds.c.url == url)).scalar()
    return None if found is None else int(found)


def insert_feed(
    conn: sa.Connection,
    *,
    url: str,
    name: str,
    site_url: str,
    verified: bool,
    added_at: str,
    interval_minutes: int,
    folder: str = "",
) -> int | None:
    """The new feed's id, or None when a feed with this URL exists already."""
    found = insert_or_ignore(
        conn,
        feeds,
        dict(
            url=url,
            name=name,
            site_url=site_url,
            folder=folder,
            verified=verified,
            enabled=True,
            added_at=added_at,
            interval_minutes=interval_minutes,
        ),
        ["url"],
    )
    return None if found is None else int(found)


def find(conn: sa.Connection, ref: str) -> Row | None:
    """A feed by its id (all digits) or its exact URL."""
    # ASCII digits only: "²".isdigit() is true and int() refuses it
    cond = feeds.c.id == int(ref) if ref.isascii() and ref.isdigit() else feeds.c.url == ref
    return conn.execute(sa.select(feeds).where(cond)).first()


def delete(conn: sa.Connection, feed_id: int) -> None:
    conn.execute(feeds.delete().where(feeds.c.id == feed_id))


def all_feeds(conn: sa.Connection) -> Sequence[Row]:
    return conn.execute(sa.select(feeds).order_by(feeds.c.id)).all()


def article_counts(conn: sa.Connection) -> dict[int, int]:
    """Stored articles per feed id."""
    return {
        int(feed_id): int(n)
        for feed_id, n in conn.execute(
            sa.select(articles.c.feed_id, sa.func.count()).group_by(articles.c.feed_id)
        ).all()
        if feed_id is not None
    }


def due(
    conn: sa.Connection, now: str, *, all_feeds: bool, feed_ids: Iterable[int] | None = None
) -> Sequence[Row]:
    """Enabled feeds to fetch: these ids, or every one, or those due by ``now``;
    never-fetched first, then by when they fall due."""
    query = sa.select(feeds).where(feeds.c.enabled.is_(True))
    if feed_ids is not None:
        query = query.where(feeds.c.id.in_(list(feed_ids)))
    elif not all_feeds:
        query = query.where(sa.or_(feeds.c.next_fetch_at.is_(None), feeds.c.next_fetch_at <= now))
    return conn.execute(
        query.order_by(feeds.c.next_fetch_at.is_not(None), feeds.c.next_fetch_at, feeds.c.id)
    ).all()


def next_due(conn: sa.Connection) -> str | None:
    """When the next enabled feed falls due (ISO time), if any is scheduled."""
    found = conn.execute(
        sa.select(sa.func.min(feeds.c.next_fetch_at)).where(feeds.c.enabled.is_(True))
    ).scalar()
    return None if found is None else str(found)


def update_feed(conn: sa.Connection, feed_id: int, **values: Any) -> None:
    conn.execute(feeds.update().where(feeds.c.id == feed_id).values(**values))


def add_event(
    conn: sa.Connection,
    feed_id: int,
    *,
    at: str,
    status: int | None,
    error_kind: str | None,
    error: str | None,
    new_items: int = 0,
    seen_items: int = 0,
    not_modified: bool = False,
) -> None:
    """Record one fetch; only the latest ``EVENTS_KEPT_PER_FEED`` per feed are kept."""
    conn.execute(
        fetch_events.insert().values(
            feed_id=feed_id,
            at=at,
            status=status,
            error_kind=error_kind,
            error=error,
            new_items=new_items,
            seen_items=seen_items,
            not_modified=not_modified,
        )
    )
    old = (
        conn.execute(
            sa.select(fetch_events.c.id)
            .where(fetch_events.c.feed_id == feed_id)
            .order_by(fetch_events.c.id.desc())
            .offset(EVENTS_KEPT_PER_FEED)
        )
        .scalars()
        .all()
    )
    if old:
        conn.execute(fetch_events.delete().where(fetch_events.c.id.in_(old)))


def on_any_local_port(conn: sa.Connection, path: str) -> Row | None:
    """(id, url) of a feed at ``http://127.0.0.1:<any port><path>`` (the demo's sample)."""
    return conn.execute(
        sa.select(feeds.c.id, feeds.c.url).where(feeds.c.url.like("http://127.0.0.1:%" + path))
    ).first()
