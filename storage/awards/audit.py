"""The awards audit log: every change, who made it and when, written in the
same transaction as the change itself."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from storage.awards.tables import audit
from storage.db import Row


def insert(
    conn: sa.Connection,
    *,
    cycle_id: int | None,
    at: str,
    who: str,
    action: str,
    entity: str,
    entity_id: int | None,
    details: str,
) -> None:
    conn.execute(
        audit.insert().values(
            cycle_id=cycle_id,
            at=at,
            who=who,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details,
        )
    )


def entries(conn: sa.Connection, cycle_id: int | None = None) -> Sequence[Row]:
    """The log in the order it was written, for one cycle or all."""
    q = sa.select(audit).order_by(audit.c.id)
    if cycle_id is not None:
        q = q.where(audit.c.cycle_id == cycle_id)
    return conn.execute(q).all()
