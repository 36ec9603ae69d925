"""Awards settings every front end must agree on (the CLI, the UI, the nominate
dialog): one row per key.  Today: ``current_cycle``, the id of the cycle used
when a command names none."""

from __future__ import annotations

import sqlalchemy as sa

from storage.awards.tables import settings

CURRENT_CYCLE = "current_cycle"


def get(conn: sa.Connection, key: str) -> str | None:
    found = conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar()
    return None if found is None else str(found)


def put(conn: sa.Connection, key: str, value: str | None, *, at: str, by: str) -> None:
    """Set ``key`` (``None`` removes it)."""
    conn.execute(settings.delete().where(settings.c.key == key))
    if value is not None:
        conn.execute(settings.insert().values(key=key, value=value, updated_at=at, updated_by=by))


def current_cycle_id(conn: sa.Connection) -> int | None:
    value = get(conn, CURRENT_CYCLE)
    return int(value) if value and value.isdigit() else None
