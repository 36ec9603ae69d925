"""The article leases repository: who has an article open for review, until when.

One row per article.  A reviewer is known by name (``[ui] reviewer``): the
same person reopening an article from another window, or after a crash,
keeps their lease.  Opening an article takes its lease (or renews it, or
takes over an expired one) with single statements, as the monitor lease does;
a second reviewer opening the same article does not take it, but is told who
has it.  The lease expires on its own, so a closed laptop blocks no one for
long.  Times are ISO-8601 UTC strings and compare as text.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from storage.db import Row, insert_or_ignore
from storage.schema import article_leases

_t = article_leases.c


def take(
    conn: sa.Connection, article_id: int, *, holder: str, session: str, now: str, until: str
) -> Row:
    """Take or renew the article's lease for ``holder``; the lease row as it
    now stands (someone else's when they hold it and it has not expired)."""
    inserted = insert_or_ignore(
        conn,
        article_leases,
        dict(
            article_id=article_id,
            holder=holder,
            session=session,
            acquired_at=now,
            expires_at=until,
        ),
        ["article_id"],
    )
    if inserted is None:
        conn.execute(
            article_leases.update()
            .where(
                _t.article_id == article_id,
                sa.or_(_t.holder == holder, _t.expires_at <= now),
            )
            .values(
                acquired_at=sa.case((_t.holder == holder, _t.acquired_at), else_=now),
                holder=holder,
                session=session,
                expires_at=until,
            )
        )
    row = conn.execute(sa.select(article_leases).where(_t.article_id == article_id)).first()
    assert row is not None  # inserted or already there, inside this transaction
    return row


def release(conn: sa.Connection, article_id: int, *, holder: str) -> None:
    """Give up the lease (only if this reviewer has it)."""
    conn.execute(article_leases.delete().where(_t.article_id == article_id, _t.holder == holder))


def holders(conn: sa.Connection, article_ids: Sequence[int], now: str) -> dict[int, Row]:
    """article id -> its unexpired lease, for these articles."""
    if not article_ids:
        return {}
    rows = conn.execute(
        sa.select(article_leases).where(_t.article_id.in_(list(article_ids)), _t.expires_at > now)
    ).all()
    return {int(r.article_id): r for r in rows}


def open_by_others(article_id: sa.ColumnElement[int], holder: str, now: str) -> sa.Exists:
    """True where another reviewer holds an unexpired lease on the article (a queue condition)."""
    return sa.exists().where(_t.article_id == article_id, _t.holder != holder, _t.expires_at > now)
