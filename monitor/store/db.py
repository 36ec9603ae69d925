"""Opening the database: pragmas, migrations, and one-line errors.

SQLite is the default (a file in the user data directory).  Everything above
this module goes through SQLAlchemy Core, so a team can point ``--db`` at a
``postgresql://`` URL later without the monitor changing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Engine

from core.errors import FramewatchError

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(FramewatchError):
    """The database cannot be opened or used (locked, corrupt, unwritable)."""


def utcnow() -> str:
    """Timestamps are ISO-8601 UTC strings: sortable and portable."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _url(target: str | Path) -> str:
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets the UI read while the monitor writes; NORMAL sync is durable
    # across process crashes in WAL mode (only power loss can drop the tail).
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _alembic_config(connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def describe_db_error(exc: BaseException, where: str) -> str:
    """One line naming the database and the cause, for the user."""
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
    else:
        cause = text
    return f"{where}: {cause}"


@dataclass
class Database:
    engine: Engine
    location: str

    def connect(self):
        return self.engine.connect()

    def begin(self):
        return self.engine.begin()

    def close(self) -> None:
        self.engine.dispose()


def heads() -> set[str]:
    return set(ScriptDirectory(str(MIGRATIONS)).get_heads())


def open_database(target: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at ``target``.

    Raises :class:`DatabaseError` with a one-line message on any failure; never
    deletes or rewrites existing data except through migrations.
    """
    url = _url(target)
    where = str(target)
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"{where}: cannot create folder ({exc.strerror})") from exc
    try:
        engine = sa.create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000} if url.startswith("sqlite") else {},
        )
        if url.startswith("sqlite"):
            event.listen(engine, "connect", _sqlite_pragmas)
        db = Database(engine=engine, location=where)
        if migrate:
            with engine.begin() as conn:
                current = set(MigrationContext.configure(conn).get_current_heads())
                if current != heads():
                    command.upgrade(_alembic_config(conn), "heads")
        return db
    except (sa.exc.SQLAlchemyError, sqlite3.Error) as exc:
        raise DatabaseError(describe_db_error(exc, where)) from exc
