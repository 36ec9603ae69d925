"""The stories repository: groups of syndicated copies of one piece."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from storage.db import Row, new_id
from storage.schema import articles, stories


def new_story(conn: sa.Connection, title: str, now: str) -> int:
    return new_id(conn.execute(stories.insert().values(title=title, created_at=now)))


def recent_members(conn: sa.Connection, since: str) -> Sequence[Row]:
    """(story_id, title, text, summary) of articles in a story fetched since ``since``."""
    return conn.execute(
        sa.select(articles.c.story_id, articles.c.title, articles.c.text, articles.c.summary)
        .where(articles.c.story_id.is_not(None), articles.c.fetched_at >= since)
        .order_by(articles.c.id)
    ).all()


def insert_many(conn: sa.Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Store many stories at once (benchmarks and bulk loads)."""
    if rows:
        conn.execute(stories.insert(), list(rows))
