"""Award cycles: their window, categories, criteria, scale and limits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from storage.awards.tables import cycles
from storage.db import Row, new_id


def id_by_name(conn: sa.Connection, name: str) -> int | None:
    found = conn.execute(sa.select(cycles.c.id).where(cycles.c.name == name)).scalar()
    return None if found is None else int(found)


def insert(conn: sa.Connection, **values: Any) -> int:
    return new_id(conn.execute(cycles.insert().values(**values)))


def get(conn: sa.Connection, cycle_id: int) -> Row | None:
    return conn.execute(sa.select(cycles).where(cycles.c.id == cycle_id)).first()


def update(conn: sa.Connection, cycle_id: int, **values: Any) -> None:
    conn.execute(cycles.update().where(cycles.c.id == cycle_id).values(**values))


def all_cycles(conn: sa.Connection) -> Sequence[Row]:
    """Every cycle, oldest year first."""
    return conn.execute(sa.select(cycles).order_by(cycles.c.year, cycles.c.id)).all()


def delete(conn: sa.Connection, cycle_id: int) -> None:
    """The cycle and, by the foreign keys' cascade, its nominations, judges,
    recusals and sheets; its audit entries stay, with no cycle."""
    conn.execute(cycles.delete().where(cycles.c.id == cycle_id))
