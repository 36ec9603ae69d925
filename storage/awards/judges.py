"""Judges on a cycle's panel, and their recusals (declared conflicts of interest)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from storage.awards.tables import judges, nominations, recusals
from storage.db import Row, new_id


def insert(conn: sa.Connection, cycle_id: int, name: str, *, at: str, by: str) -> int:
    return new_id(
        conn.execute(judges.insert().values(cycle_id=cycle_id, name=name, added_at=at, added_by=by))
    )


def of_cycle(conn: sa.Connection, cycle_id: int) -> Sequence[Row]:
    """The cycle's judges in the order they were added, removed ones included."""
    return conn.execute(
        sa.select(judges).where(judges.c.cycle_id == cycle_id).order_by(judges.c.id)
    ).all()


def by_name(conn: sa.Connection, cycle_id: int, name: str) -> Row | None:
    """The judge of this name (any case) on the cycle's panel."""
    return conn.execute(
        sa.select(judges).where(
            judges.c.cycle_id == cycle_id, sa.func.lower(judges.c.name) == name.strip().lower()
        )
    ).first()


def update(conn: sa.Connection, judge_id: int, **values: Any) -> None:
    """Change a judge's row (removal from the panel, reinstatement)."""
    conn.execute(judges.update().where(judges.c.id == judge_id).values(**values))


def has_recused(conn: sa.Connection, nomination_id: int, judge_id: int) -> bool:
    return (
        conn.execute(
            sa.select(recusals.c.id).where(
                recusals.c.nomination_id == nomination_id, recusals.c.judge_id == judge_id
            )
        ).first()
        is not None
    )


def insert_recusal(
    conn: sa.Connection, nomination_id: int, judge_id: int, *, reason: str, at: str, by: str
) -> None:
    conn.execute(
        recusals.insert().values(
            nomination_id=nomination_id, judge_id=judge_id, reason=reason, at=at, by=by
        )
    )


def recusals_of_cycle(conn: sa.Connection, cycle_id: int) -> Sequence[Row]:
    """Recusals with the nomination's title, the judge's name (as ``judge``)
    and when the judge was removed from the panel (``removed_at``, or None)."""
    q = (
        sa.select(recusals, nominations.c.title, judges.c.name.label("judge"), judges.c.removed_at)
        .join(nominations, nominations.c.id == recusals.c.nomination_id)
        .join(judges, judges.c.id == recusals.c.judge_id)
        .where(nominations.c.cycle_id == cycle_id)
        .order_by(recusals.c.nomination_id, judges.c.name)
    )
    return conn.execute(q).all()
