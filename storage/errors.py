"""Errors of the storage layer: one line naming the database and the cause."""

from __future__ import annotations

from core.errors import FramewatchError


class DatabaseError(FramewatchError):
    """The database cannot be opened or used (locked, corrupt, unwritable)."""


def describe_db_error(exc: BaseException, where: str, *, secret: str | None = None) -> str:
    """One line naming the database and the cause, for the user.

    ``secret`` (a URL's password) is masked wherever the driver repeated it:
    a psycopg message can quote the connection string it was given."""
    text = (
        str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
        if str(exc)
        else type(exc).__name__
    )
    low = text.lower()
    if "locked" in low or "busy" in low:
        cause = "the database is locked by another program (try again, or close it)"
    elif "not a database" in low or "malformed" in low or "corrupt" in low:
        cause = "the file is not a valid Framewatch database or is corrupt"
    elif "unable to open" in low or "readonly" in low or "read-only" in low:
        cause = "the file cannot be opened for writing (check the path and permissions)"
    elif "connection refused" in low or "could not connect" in low or "connection failed" in low:
        cause = f"cannot connect to the database server ({text})"
    else:
        cause = text
    line = f"{where}: {cause}"
    return line.replace(secret, "***") if secret else line
