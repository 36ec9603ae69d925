"""Score sheets: one per judge and nomination, criterion scores and a comment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from storage.awards.tables import judges, nominations, sheets
from storage.db import Row


def sheet(conn: sa.Connection, nomination_id: int, judge_id: int) -> Row | None:
    return conn.execute(
        sa.select(sheets).where(
            sheets.c.nomination_id == nomination_id, sheets.c.judge_id == judge_id
        )
    ).first()


def update(conn: sa.Connection, sheet_id: int, **values: Any) -> None:
    conn.execute(sheets.update().where(sheets.c.id == sheet_id).values(**values))


def insert(conn: sa.Connection, nomination_id: int, judge_id: int, **values: Any) -> None:
    conn.execute(sheets.insert().values(nomination_id=nomination_id, judge_id=judge_id, **values))


def of_cycle(conn: sa.Connection, cycle_id: int) -> Sequence[Row]:
    """Every sheet of the cycle with the judge's name (as ``judge``) and when
    the judge was removed from the panel (``removed_at``, or None)."""
    q = (
        sa.select(sheets, judges.c.name.label("judge"), judges.c.removed_at)
        .join(judges, judges.c.id == sheets.c.judge_id)
        .join(nominations, nominations.c.id == sheets.c.nomination_id)
        .where(nominations.c.cycle_id == cycle_id)
        .order_by(sheets.c.nomination_id, judges.c.name)
    )
    return conn.execute(q).all()


def of_judge(conn: sa.Connection, judge_id: int) -> Sequence[Row]:
    """A judge's sheets with each nomination's title, first nomination first."""
    q = (
        sa.select(sheets, nominations.c.title)
        .join(nominations, nominations.c.id == sheets.c.nomination_id)
        .where(sheets.c.judge_id == judge_id)
        .order_by(sheets.c.nomination_id)
    )
    return conn.execute(q).all()


def count_of_cycle(conn: sa.Connection, cycle_id: int) -> int:
    """Score sheets entered in the cycle (any judge, complete or not)."""
    q = (
        sa.select(sa.func.count())
        .select_from(sheets.join(nominations, nominations.c.id == sheets.c.nomination_id))
        .where(nominations.c.cycle_id == cycle_id)
    )
    return int(conn.execute(q).scalar_one())
