"""The retention repository: what old data may go, and how big the database is.

Only two kinds of thing are ever deleted: the raw HTML of old articles (kept
for re-extraction; the extracted text stays), and old articles nobody needs:
scored as not criminal justice, never opened for review, without a note, a
decided flag or an award nomination.  Everything a person touched is kept.
Deletion goes in batches (one short transaction each, the caller's), so a
monitor or the UI is never locked out for long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from storage.awards.tables import nominations
from storage.schema import articles, flags, stories


def _stale_irrelevant(cutoff: str) -> sa.ColumnElement[bool]:
    decided = sa.exists().where(flags.c.article_id == articles.c.id, flags.c.decision != "pending")
    nominated = sa.exists().where(nominations.c.article_id == articles.c.id)
    return sa.and_(
        articles.c.relevant.is_(False),
        articles.c.status == "new",
        articles.c.note == "",
        articles.c.fetched_at < cutoff,
        ~decided,
        ~nominated,
    )


def _with_raw_html(cutoff: str) -> sa.ColumnElement[bool]:
    return sa.and_(articles.c.raw_html_gz.is_not(None), articles.c.fetched_at < cutoff)


def _size_of(*columns: sa.ColumnElement[object]) -> sa.ColumnElement[int]:
    total: sa.ColumnElement[int] = sa.literal(0)
    for column in columns:
        total = total + sa.func.coalesce(sa.func.length(column), 0)
    return total


def count_raw_html(conn: sa.Connection, cutoff: str) -> tuple[int, int]:
    """(articles fetched before ``cutoff`` still holding raw HTML, its bytes)."""
    n, size = conn.execute(
        sa.select(sa.func.count(), sa.func.sum(sa.func.length(articles.c.raw_html_gz))).where(
            _with_raw_html(cutoff)
        )
    ).one()
    return int(n), int(size or 0)


def drop_raw_html(conn: sa.Connection, cutoff: str, limit: int) -> int:
    """Drop the raw HTML of up to ``limit`` articles fetched before ``cutoff``."""
    ids = (
        conn.execute(sa.select(articles.c.id).where(_with_raw_html(cutoff)).limit(limit))
        .scalars()
        .all()
    )
    if ids:
        conn.execute(articles.update().where(articles.c.id.in_(ids)).values(raw_html_gz=None))
    return len(ids)


def count_irrelevant(conn: sa.Connection, cutoff: str) -> tuple[int, int]:
    """(old unreviewed irrelevant articles that may go, roughly the bytes they hold)."""
    n, size = conn.execute(
        sa.select(
            sa.func.count(),
            sa.func.sum(
                _size_of(
                    articles.c.text, articles.c.summary, articles.c.title, articles.c.raw_html_gz
                )
            ),
        ).where(_stale_irrelevant(cutoff))
    ).one()
    return int(n), int(size or 0)


def delete_irrelevant(conn: sa.Connection, cutoff: str, limit: int) -> int:
    """Delete up to ``limit`` of them (their pending flags go with them)."""
    ids = (
        conn.execute(sa.select(articles.c.id).where(_stale_irrelevant(cutoff)).limit(limit))
        .scalars()
        .all()
    )
    if ids:
        conn.execute(flags.delete().where(flags.c.article_id.in_(ids)))
        conn.execute(articles.delete().where(articles.c.id.in_(ids)))
    return len(ids)


def _empty_stories() -> sa.ColumnElement[bool]:
    return ~sa.exists().where(articles.c.story_id == stories.c.id)


def count_empty_stories(conn: sa.Connection) -> int:
    return int(
        conn.execute(
            sa.select(sa.func.count()).select_from(stories).where(_empty_stories())
        ).scalar_one()
    )


def delete_empty_stories(conn: sa.Connection) -> int:
    """Stories left without any article."""
    return int(conn.execute(stories.delete().where(_empty_stories())).rowcount)


def count_kept(conn: sa.Connection) -> int:
    """Articles kept for ever: reviewed, in review, noted, decided on or nominated."""
    decided = sa.exists().where(flags.c.article_id == articles.c.id, flags.c.decision != "pending")
    nominated = sa.exists().where(nominations.c.article_id == articles.c.id)
    return int(
        conn.execute(
            sa.select(sa.func.count())
            .select_from(articles)
            .where(sa.or_(articles.c.status != "new", articles.c.note != "", decided, nominated))
        ).scalar_one()
    )


@dataclass(frozen=True)
class Size:
    """How big the database is and how much of it is free space (SQLite only)."""

    bytes: int | None
    free_bytes: int | None


def size(conn: sa.Connection) -> Size:
    if conn.dialect.name == "sqlite":
        page = int(conn.exec_driver_sql("PRAGMA page_size").scalar_one())
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
        free = int(conn.exec_driver_sql("PRAGMA freelist_count").scalar_one())
        return Size(page * pages, page * free)
    if conn.dialect.name == "postgresql":
        found = conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar_one()
        return Size(int(found), None)
    return Size(None, None)


def vacuum(conn: sa.Connection) -> None:
    """Give free space back to the disk (a connection outside any transaction)."""
    conn.exec_driver_sql("VACUUM")


def row_counts(
    conn: sa.Connection, tables: Sequence[sa.Table] = (articles, stories)
) -> dict[str, int]:
    return {
        t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
        for t in tables
    }
