"""Opening the database: pragmas, migrations, and one-line errors.

SQLite is the default (a file in the user data directory).  Every query of
the project is in ``storage/`` and goes through SQLAlchemy Core, so a team can
point ``--db`` at a ``postgresql://`` URL later without the services changing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Engine

from storage.errors import DatabaseError, describe_db_error

# What services hold while they call repositories: an open connection inside
# Database.transaction() or Database.read(), and the rows repositories return.
Connection = sa.Connection
Row = sa.Row[*tuple[Any, ...]]


def new_id(result: sa.CursorResult[Any]) -> int:
    """The primary key of the row an INSERT just wrote."""
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - every table here has an integer key
        raise DatabaseError("the database returned no id for a new row")
    return int(key[0])


MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


def utcnow() -> str:
    """Timestamps are ISO-8601 UTC strings: sortable and portable."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def iso_minus(now_iso: str, **delta: float) -> str:
    return (datetime.fromisoformat(now_iso) - timedelta(**delta)).isoformat()


def iso_plus(now_iso: str, **delta: float) -> str:
    return (datetime.fromisoformat(now_iso) + timedelta(**delta)).isoformat()


def _url(target: str | Path) -> str:
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets the UI read while the monitor writes; NORMAL sync is durable
    # across process crashes in WAL mode (only power loss can drop the tail).
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _alembic_config(connection: sa.Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@dataclass
class Database:
    """The one handle every service takes: an open, migrated database.

    All access goes through :meth:`transaction` (writes, committed together
    or not at all) and :meth:`read` (a plain connection); both turn any driver
    failure into a one-line :class:`DatabaseError` naming the database and,
    when given, what was being done.  Repositories in ``storage/`` take the
    connection these yield; nothing outside ``storage/`` writes SQL.
    """

    engine: Engine
    location: str

    def _where(self, what: str | None) -> str:
        return f"{self.location}: {what}" if what else self.location

    @contextmanager
    def transaction(self, what: str | None = None) -> Iterator[sa.Connection]:
        """A connection inside one transaction: committed on success, rolled
        back on any exception (which propagates, database failures as
        :class:`DatabaseError`)."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise DatabaseError(describe_db_error(exc, self._where(what))) from exc

    @contextmanager
    def read(self, what: str | None = None) -> Iterator[sa.Connection]:
        """A connection for reading (SQLite's WAL lets it run beside a writer)."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise DatabaseError(describe_db_error(exc, self._where(what))) from exc

    def close(self) -> None:
        self.engine.dispose()


def analyze(conn: sa.Connection) -> None:
    """Refresh the query planner's statistics (after a bulk load)."""
    conn.execute(sa.text("ANALYZE"))


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
