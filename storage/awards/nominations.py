"""Nominations: the piece (a copy, so pruning the monitor never breaks a
record), its eligibility, its place in the sift and the panel's decision."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from storage.awards.tables import nominations
from storage.db import Row, new_id


def insert(conn: sa.Connection, **values: Any) -> int:
    return new_id(conn.execute(nominations.insert().values(**values)))


def get(conn: sa.Connection, nomination_id: int) -> Row | None:
    return conn.execute(sa.select(nominations).where(nominations.c.id == nomination_id)).first()


def update(conn: sa.Connection, nomination_id: int, **values: Any) -> None:
    conn.execute(nominations.update().where(nominations.c.id == nomination_id).values(**values))


def of_cycle(
    conn: sa.Connection, cycle_id: int, *, category: str | None = None, stage: str | None = None
) -> Sequence[Row]:
    """A cycle's nominations by category, then in the order they were made."""
    q = sa.select(nominations).where(nominations.c.cycle_id == cycle_id)
    if category:
        q = q.where(nominations.c.category == category)
    if stage:
        q = q.where(nominations.c.stage == stage)
    return conn.execute(q.order_by(nominations.c.category, nominations.c.id)).all()


def in_order(conn: sa.Connection, cycle_id: int) -> Sequence[Row]:
    """A cycle's nominations in the order they were made."""
    return conn.execute(
        sa.select(nominations).where(nominations.c.cycle_id == cycle_id).order_by(nominations.c.id)
    ).all()


def counts_by_category(conn: sa.Connection, cycle_id: int) -> dict[str, int]:
    return {
        str(r[0]): int(r[1])
        for r in conn.execute(
            sa.select(nominations.c.category, sa.func.count())
            .where(nominations.c.cycle_id == cycle_id)
            .group_by(nominations.c.category)
        )
    }


def rename_category(conn: sa.Connection, cycle_id: int, before: str, after: str) -> None:
    conn.execute(
        nominations.update()
        .where(nominations.c.cycle_id == cycle_id, nominations.c.category == before)
        .values(category=after)
    )


def counting(conn: sa.Connection, cycle_id: int) -> Sequence[Row]:
    """(id, journalists, outlet) of the nominations not themselves ineligible."""
    return conn.execute(
        sa.select(nominations.c.id, nominations.c.journalists, nominations.c.outlet).where(
            nominations.c.cycle_id == cycle_id, nominations.c.eligibility != "ineligible"
        )
    ).all()


def ids_with_url(conn: sa.Connection, cycle_id: int, url: str) -> list[int]:
    """Nominations of this URL in the cycle, first made first."""
    return [
        int(i)
        for i in conn.execute(
            sa.select(nominations.c.id)
            .where(nominations.c.cycle_id == cycle_id, nominations.c.url == url)
            .order_by(nominations.c.id)
        ).scalars()
    ]


def with_decision(
    conn: sa.Connection, cycle_id: int, category: str, decision: str
) -> Sequence[Row]:
    """(id, title) of the category's nominations with this decision, first made first."""
    return conn.execute(
        sa.select(nominations.c.id, nominations.c.title)
        .where(
            nominations.c.cycle_id == cycle_id,
            nominations.c.category == category,
            nominations.c.decision == decision,
        )
        .order_by(nominations.c.id)
    ).all()


def max_decided_in_a_category(conn: sa.Connection, cycle_id: int, decision: str) -> tuple[str, int]:
    """The category with the most nominations of this decision, and how many ("", 0 if none)."""
    row = conn.execute(
        sa.select(nominations.c.category, sa.func.count().label("n"))
        .where(nominations.c.cycle_id == cycle_id, nominations.c.decision == decision)
        .group_by(nominations.c.category)
        .order_by(sa.desc("n"), nominations.c.category)
        .limit(1)
    ).first()
    return ("", 0) if row is None else (str(row[0]), int(row[1]))


def count_decided(conn: sa.Connection, cycle_id: int) -> int:
    """Nominations with a final decision recorded."""
    return int(
        conn.execute(
            sa.select(sa.func.count()).where(
                nominations.c.cycle_id == cycle_id, nominations.c.decision != ""
            )
        ).scalar_one()
    )
