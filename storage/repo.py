"""Storage helpers the pipeline and CLI share: plain functions over a
connection, so the caller decides where transactions begin and end."""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlalchemy as sa

from storage.db import iso_minus
from storage.schema import articles, feeds, fetch_events, flags, stories

EVENTS_KEPT_PER_FEED = 50  # rss-fetcher keeps 30; a few more helps diagnose flapping feeds
TITLE_DEDUP_DAYS = 7  # Media Cloud NORMALIZED_TITLE_DAYS
# An article's date: when it was published, or when we fetched it if the feed did not say.
ARTICLE_DATE = sa.func.coalesce(articles.c.published_at, articles.c.fetched_at)


def is_duplicate(
    conn, feed_id: int, *, guid: str, url_norm: str, title_norm: str, now: str
) -> bool:
    """Already stored under this feed's GUID, this URL (from any feed), or the
    same headline from this feed within a week."""
    if (
        guid
        and conn.execute(
            sa.select(articles.c.id)
            .where(articles.c.feed_id == feed_id, articles.c.guid == guid)
            .limit(1)
        ).first()
    ):
        return True
    if conn.execute(
        sa.select(articles.c.id).where(articles.c.url_norm == url_norm).limit(1)
    ).first():
        return True
    if (
        title_norm
        and conn.execute(
            sa.select(articles.c.id)
            .where(
                articles.c.feed_id == feed_id,
                articles.c.title_norm == title_norm,
                ARTICLE_DATE >= iso_minus(now, days=TITLE_DEDUP_DAYS),
            )
            .limit(1)
        ).first()
    ):
        return True
    return False


def headline_or_text_contains(term: str):
    """Case-insensitive substring match on an article's headline or text; % and _ are literal."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return sa.or_(
        articles.c.title.ilike(pattern, escape="\\"), articles.c.text.ilike(pattern, escape="\\")
    )


def insert_article(conn, values: dict) -> int:
    return conn.execute(articles.insert().values(**values)).inserted_primary_key[0]


def new_story(conn, title: str, now: str) -> int:
    return conn.execute(stories.insert().values(title=title, created_at=now)).inserted_primary_key[
        0
    ]


def store_flags(
    conn, article_id: int, found: Iterable, *, field: str = "text", keep_decided: bool = True
) -> int:
    """Upsert one field's analysis result without losing review work.

    ``field`` says where the offsets point: the stored headline ('title') or
    body ('text'); only that field's flags are touched.  An occurrence is
    (article, field, start, end, entry).  One that is found again keeps its
    decision, reason and note; its engine-side fields (category, severity,
    suggestions, rewrite) are refreshed.  Pending flags the engine no longer
    reports are removed; decided ones stay as the record of a human judgement.
    Returns the number of flags now on the article (both fields).
    """
    rows = conn.execute(
        sa.select(flags.c.id, flags.c.start, flags.c.end, flags.c.entry, flags.c.decision).where(
            flags.c.article_id == article_id, flags.c.field == field
        )
    ).all()
    existing = {(r.start, r.end, r.entry): r.id for r in rows}
    decided = {r.id for r in rows if r.decision != "pending"}
    current = set()
    for f in found:
        key = (f.start, f.end, f.entry)
        if key in current:
            continue
        current.add(key)
        values = dict(
            text=f.text,
            category=f.category,
            severity=f.severity,
            quoted=bool(f.quoted),
            suggestions=json.dumps(list(f.suggestions)),
            rewrite=f.rewrite,
        )
        if key in existing:
            conn.execute(flags.update().where(flags.c.id == existing[key]).values(**values))
        else:
            conn.execute(
                flags.insert().values(
                    article_id=article_id,
                    field=field,
                    start=f.start,
                    end=f.end,
                    entry=f.entry,
                    **values,
                )
            )
    stale = [
        fid
        for key, fid in existing.items()
        if key not in current and not (keep_decided and fid in decided)
    ]
    if stale:
        conn.execute(flags.delete().where(flags.c.id.in_(stale)))
    return conn.execute(
        sa.select(sa.func.count()).select_from(flags).where(flags.c.article_id == article_id)
    ).scalar_one()


def store_article_flags(conn, article_id: int, found: tuple[list, list]) -> int:
    """Store an article's (headline flags, body flags); returns flags on the article."""
    title_flags, text_flags = found
    store_flags(conn, article_id, text_flags, field="text")
    return store_flags(conn, article_id, title_flags, field="title")


def add_event(
    conn,
    feed_id: int,
    *,
    at: str,
    status,
    error_kind,
    error,
    new_items=0,
    seen_items=0,
    not_modified=False,
) -> None:
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


def update_feed(conn, feed_id: int, **values) -> None:
    conn.execute(feeds.update().where(feeds.c.id == feed_id).values(**values))
