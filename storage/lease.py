"""The leases repository: which process may run monitoring passes on a database.

One row per lease name ("monitor").  A lease is taken by inserting its row
(INSERT ... ON CONFLICT DO NOTHING) or, when the row is there, by one UPDATE
whose WHERE says "mine already, or expired, or held by this process that is
known to be dead": both are single statements, atomic on SQLite and on
PostgreSQL (a row lock there), so two processes racing for it cannot both
win.  The holder renews it (pushes ``expires_at`` on) while it runs and
deletes it when it stops; a holder killed without a word loses it when it
expires.  Times are ISO-8601 UTC strings, like every timestamp here, and
compare as text.
"""

from __future__ import annotations

import sqlalchemy as sa

from storage.db import Row, insert_or_ignore
from storage.schema import monitor_leases

MONITOR = "monitor"


def current(conn: sa.Connection, name: str = MONITOR) -> Row | None:
    """The lease's row (holder, holder_name, acquired_at, renewed_at, expires_at), if held."""
    return conn.execute(sa.select(monitor_leases).where(monitor_leases.c.name == name)).first()


def acquire(
    conn: sa.Connection,
    *,
    holder: str,
    holder_name: str,
    now: str,
    until: str,
    name: str = MONITOR,
    dead_holder: str | None = None,
) -> bool:
    """Take (or keep) the lease until ``until``; False when someone else holds it.

    ``dead_holder``: a holder the caller knows is gone (a process on this host
    that no longer exists), taken over without waiting for it to expire."""
    if (
        insert_or_ignore(
            conn,
            monitor_leases,
            dict(
                name=name,
                holder=holder,
                holder_name=holder_name,
                acquired_at=now,
                renewed_at=now,
                expires_at=until,
            ),
            ["name"],
        )
        is not None
    ):
        return True
    t = monitor_leases.c
    free = sa.or_(t.holder == holder, t.expires_at <= now)
    if dead_holder is not None:
        free = sa.or_(free, t.holder == dead_holder)
    taken = conn.execute(
        monitor_leases.update()
        .where(t.name == name, free)
        .values(
            acquired_at=sa.case((t.holder == holder, t.acquired_at), else_=now),
            holder=holder,
            holder_name=holder_name,
            renewed_at=now,
            expires_at=until,
        )
    )
    return taken.rowcount == 1


def renew(conn: sa.Connection, *, holder: str, now: str, until: str, name: str = MONITOR) -> bool:
    """Push the lease on; False when it is no longer this holder's (it expired
    and another process took it)."""
    t = monitor_leases.c
    done = conn.execute(
        monitor_leases.update()
        .where(t.name == name, t.holder == holder)
        .values(renewed_at=now, expires_at=until)
    )
    return done.rowcount == 1


def release(conn: sa.Connection, *, holder: str, name: str = MONITOR) -> None:
    """Give the lease up (only if this holder has it)."""
    t = monitor_leases.c
    conn.execute(monitor_leases.delete().where(t.name == name, t.holder == holder))
