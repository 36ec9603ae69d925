"""The articles repository: stored articles, their review status and notes.

Plain functions over a connection from :meth:`Database.transaction` or
:meth:`Database.read`, so the caller decides where a transaction begins and
ends (the pipeline writes an article, its story and its flags in one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from storage.db import Row, insert_or_ignore, iso_minus
from storage.schema import articles

TITLE_DEDUP_DAYS = 7  # Media Cloud NORMALIZED_TITLE_DAYS
# An article's date: when it was published, or when we fetched it if the feed did not say.
ARTICLE_DATE = sa.func.coalesce(articles.c.published_at, articles.c.fetched_at)


def is_duplicate(
    conn: sa.Connection, feed_id: int, *, guid: str, url_norm: str, title_norm: str, now: str
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


def insert_article(conn: sa.Connection, values: Mapping[str, Any]) -> int | None:
    """The new article's id, or None when one with the same address (url_norm)
    is stored already (another writer got there first: never an error)."""
    found = insert_or_ignore(conn, articles, values, ["url_norm"])
    return None if found is None else int(found)


def id_by_address(conn: sa.Connection, url_norm: str) -> int | None:
    found = conn.execute(
        sa.select(articles.c.id).where(articles.c.url_norm == url_norm)
    ).scalar_one_or_none()
    return None if found is None else int(found)


def get(conn: sa.Connection, article_id: int) -> Row | None:
    return conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()


def story_copies(conn: sa.Connection, story_id: int, exclude_id: int) -> Sequence[Row]:
    """(id, outlet, title, url) of the story's other articles, oldest first."""
    return conn.execute(
        sa.select(articles.c.id, articles.c.outlet, articles.c.title, articles.c.url)
        .where(articles.c.story_id == story_id, articles.c.id != exclude_id)
        .order_by(articles.c.id)
    ).all()


def count(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())


def _unanalysed() -> list[sa.ColumnElement[bool]]:
    return [articles.c.relevant.is_(True), articles.c.analysed_at.is_(None)]


def count_unanalysed(conn: sa.Connection) -> int:
    """Relevant articles stored without the engine's analysis."""
    return int(
        conn.execute(
            sa.select(sa.func.count()).select_from(articles).where(*_unanalysed())
        ).scalar_one()
    )


def unanalysed(conn: sa.Connection, limit: int) -> Sequence[Row]:
    """(id, title, text) of relevant articles stored without analysis, oldest first."""
    return conn.execute(
        sa.select(articles.c.id, articles.c.title, articles.c.text)
        .where(*_unanalysed())
        .order_by(articles.c.id)
        .limit(limit)
    ).all()


def set_analysed(
    conn: sa.Connection, article_id: int, *, at: str, model: str, lexicon_hash: str | None = None
) -> None:
    conn.execute(
        articles.update()
        .where(articles.c.id == article_id)
        .values(analysed_at=at, model=model, lexicon_hash=lexicon_hash)
    )


def _to_reanalyse(lexicon_hash: str, since: str, every: bool) -> list[sa.ColumnElement[bool]]:
    """Analysed articles: every one, those dated since ``since``, or (neither)
    those analysed with another lexicon or an unknown one."""
    conds: list[sa.ColumnElement[bool]] = [articles.c.analysed_at.is_not(None)]
    if since:
        conds.append(ARTICLE_DATE >= since)
    elif not every:
        conds.append(
            sa.or_(articles.c.lexicon_hash.is_(None), articles.c.lexicon_hash != lexicon_hash)
        )
    return conds


def to_reanalyse(
    conn: sa.Connection, lexicon_hash: str, *, since: str = "", every: bool = False
) -> list[int]:
    """Ids of the analysed articles to run through the engine again, oldest first
    (see ``_to_reanalyse`` for which)."""
    return [
        int(i)
        for i in conn.execute(
            sa.select(articles.c.id)
            .where(*_to_reanalyse(lexicon_hash, since, every))
            .order_by(articles.c.id)
        ).scalars()
    ]


def count_stale(conn: sa.Connection, lexicon_hash: str) -> int:
    """Analysed articles whose flags came from another lexicon (or an unknown one)."""
    return int(
        conn.execute(
            sa.select(sa.func.count())
            .select_from(articles)
            .where(*_to_reanalyse(lexicon_hash, "", False))
        ).scalar_one()
    )


def texts(conn: sa.Connection, article_ids: Sequence[int]) -> Sequence[Row]:
    """(id, title, text) of these articles, by id."""
    return conn.execute(
        sa.select(articles.c.id, articles.c.title, articles.c.text)
        .where(articles.c.id.in_(list(article_ids)))
        .order_by(articles.c.id)
    ).all()


def set_note(conn: sa.Connection, article_id: int, note: str) -> bool:
    """False when there is no such article."""
    done = conn.execute(articles.update().where(articles.c.id == article_id).values(note=note))
    return bool(done.rowcount)


def set_status(conn: sa.Connection, article_id: int, status: str) -> bool:
    """False when there is no such article."""
    done = conn.execute(articles.update().where(articles.c.id == article_id).values(status=status))
    return bool(done.rowcount)


def set_status_many(conn: sa.Connection, article_ids: Sequence[int], status: str) -> list[int]:
    """Give every article in ``article_ids`` the status; the ids that do not exist."""
    wanted = sorted(set(article_ids))
    found = set(conn.execute(sa.select(articles.c.id).where(articles.c.id.in_(wanted))).scalars())
    if found:
        conn.execute(articles.update().where(articles.c.id.in_(found)).values(status=status))
    return [i for i in wanted if i not in found]


def start_review(conn: sa.Connection, article_id: int) -> None:
    """A new article moves to "in review"; others keep their status."""
    conn.execute(
        articles.update()
        .where(articles.c.id == article_id, articles.c.status == "new")
        .values(status="in_review")
    )


def outlets(conn: sa.Connection) -> list[str]:
    """Outlets of relevant articles, alphabetically."""
    return [
        str(o)
        for o in conn.execute(
            sa.select(articles.c.outlet)
            .where(articles.c.relevant.is_(True), articles.c.outlet != "")
            .distinct()
            .order_by(articles.c.outlet)
        ).scalars()
    ]


def count_relevant_since(conn: sa.Connection, since: str) -> int:
    return int(
        conn.execute(
            sa.select(sa.func.count()).where(articles.c.relevant.is_(True), ARTICLE_DATE >= since)
        ).scalar_one()
    )


def rebase_feed_articles(conn: sa.Connection, feed_id: int, old_base: str, new_base: str) -> None:
    """A feed moved to a new address: its articles' addresses follow (the demo's
    sample server gets a new port each run)."""
    for a in conn.execute(
        sa.select(articles.c.id, articles.c.url, articles.c.url_norm).where(
            articles.c.feed_id == feed_id
        )
    ).all():
        conn.execute(
            articles.update()
            .where(articles.c.id == a.id)
            .values(
                url=a.url.replace(old_base, new_base),
                url_norm=a.url_norm.replace(
                    old_base.replace("http://", "https://"),
                    new_base.replace("http://", "https://"),
                ),
            )
        )


def insert_many(conn: sa.Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Store many articles at once (benchmarks and bulk loads)."""
    if rows:
        conn.execute(articles.insert(), list(rows))
