"""Opening the database: pragmas, transactions, migrations, and one-line errors.

SQLite is the default (a file in the user data directory).  Every query of
the project is in ``storage/`` and goes through SQLAlchemy Core, so a team
points ``--db`` (``FRAMEWATCH_DB``, ``[database] url``) at a
``postgresql://`` URL and the services do not change: :func:`database_url`
turns a bare path into a SQLite URL and a ``postgresql://`` one into
SQLAlchemy's psycopg 3 dialect.  A URL's password is never shown: the
:class:`Database` names itself by :func:`display_url` and every error message
is scrubbed of the password (:func:`describe_db_error`).

Transactions on SQLite are real ones.  Python's sqlite3 driver opens a
transaction only before INSERT/UPDATE/DELETE, so every CREATE TABLE of the
first migration committed on its own: a kill during the first run left a
database with some tables and no schema version, and every later run failed
("table award_cycles already exists").  And a transaction's reads ran before
its write lock, so two writers could both find an article missing and both
insert it.  So the driver's own handling is switched off and each transaction
starts with our BEGIN (SQLAlchemy's documented recipe): ``BEGIN IMMEDIATE``
for :meth:`Database.transaction` (the write lock first, so what it reads
stays true until it commits; other writers wait up to ``BUSY_TIMEOUT_MS``),
a plain ``BEGIN`` for :meth:`Database.read` (one consistent snapshot, never
blocking a writer under WAL).  The whole migration runs in one such
transaction: a database is created completely or not at all.

PostgreSQL gets the same guarantee the same way: each write transaction
first takes one transaction-scoped advisory lock (``pg_advisory_xact_lock``),
so writers run one after another, as on SQLite, and a check made inside a
transaction stays true until it commits (READ COMMITTED alone would let two
writers both find an article missing); readers never wait for it.  Write
transactions here are short (one decision, one article), so serialising
them costs a team nothing it would notice, and no repository has to be
written twice.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
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
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
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


def insert_or_ignore(
    conn: sa.Connection,
    table: sa.Table,
    values: Mapping[str, Any],
    conflict: Sequence[str],
) -> Any:
    """INSERT ... ON CONFLICT (conflict) DO NOTHING: the new row's primary key,
    or None when a row with the same ``conflict`` columns exists (the caller
    re-reads it).

    Another writer (a second monitor, a paste import, ``monitor add`` twice)
    may store the same thing between a check and an insert; with this the
    duplicate is never an error.  SQLite and PostgreSQL share the syntax
    through their SQLAlchemy dialects; other databases insert in a savepoint
    and treat a unique violation the same way."""
    key = list(table.primary_key.columns)[0]
    name = conn.dialect.name
    if name in ("sqlite", "postgresql"):
        dialect_insert = sqlite_insert if name == "sqlite" else postgresql_insert
        stmt = (
            dialect_insert(table)
            .values(**values)
            .on_conflict_do_nothing(index_elements=list(conflict))
            .returning(key)
        )
        return conn.execute(stmt).scalar_one_or_none()
    try:
        with conn.begin_nested():
            inserted = conn.execute(table.insert().values(**values)).inserted_primary_key
    except sa.exc.IntegrityError:
        return None
    return None if inserted is None else inserted[0]


MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
# Execution option set on the connection of Database.transaction(): its BEGIN
# takes SQLite's write lock at once.
_WRITE = "framewatch_write"


def utcnow() -> str:
    """Timestamps are ISO-8601 UTC strings: sortable and portable."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def iso_minus(now_iso: str, **delta: float) -> str:
    return (datetime.fromisoformat(now_iso) - timedelta(**delta)).isoformat()


def iso_plus(now_iso: str, **delta: float) -> str:
    return (datetime.fromisoformat(now_iso) + timedelta(**delta)).isoformat()


# PostgreSQL's advisory lock key for write transactions (any fixed 64-bit number).
_PG_WRITE_LOCK = 0x46574442  # "FWDB"


def database_url(target: str | Path) -> sa.URL:
    """The SQLAlchemy URL for ``target``: a bare path is a SQLite file;
    ``postgresql://`` and ``postgres://`` use psycopg 3 (the driver the project
    depends on); any other URL is taken as given.  A malformed URL is a
    :class:`DatabaseError` that never shows its password."""
    text = str(target)
    if "://" not in text:
        return sa.URL.create("sqlite", database=str(Path(text).expanduser()))
    try:
        url = sa.make_url(text)
    except (sa.exc.ArgumentError, ValueError) as exc:
        raise DatabaseError(f"{_masked_text(text)}: not a database URL") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _masked_text(text: str) -> str:
    """``scheme://user:***@host/...`` for a URL that may not even parse."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", text)


def display_url(target: str | Path) -> str:
    """How a database is named in output, logs and errors: a SQLite file by its
    path, a server by its URL with the password masked."""
    text = str(target)
    if "://" not in text:
        return text
    try:
        return sa.make_url(text).render_as_string(hide_password=True)
    except (sa.exc.ArgumentError, ValueError):
        return _masked_text(text)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # The driver must not open (or commit) transactions behind our back: _sqlite_begin does.
    dbapi_conn.isolation_level = None
    # WAL lets the UI read while the monitor writes; NORMAL sync is durable
    # across process crashes in WAL mode (only power loss can drop the tail).
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    options = conn.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return  # VACUUM and the like run outside any transaction
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get(_WRITE) else "BEGIN")


def _postgresql_begin(conn: sa.Connection) -> None:
    # Write transactions queue behind one another, as SQLite's BEGIN IMMEDIATE does.
    if conn.get_execution_options().get(_WRITE):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")


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
    location: str  # the file, or the URL with its password masked

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql"."""
        return str(self.engine.dialect.name)

    def _where(self, what: str | None) -> str:
        return f"{self.location}: {what}" if what else self.location

    def _error(self, exc: BaseException, what: str | None) -> DatabaseError:
        return DatabaseError(
            describe_db_error(exc, self._where(what), secret=self.engine.url.password)
        )

    @contextmanager
    def transaction(self, what: str | None = None) -> Iterator[sa.Connection]:
        """A connection inside one transaction: committed on success, rolled
        back on any exception (which propagates, database failures as
        :class:`DatabaseError`).  On SQLite it holds the write lock from its
        first statement, so a check made inside it stays true until commit."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise self._error(exc, what) from exc

    @contextmanager
    def autocommit(self, what: str | None = None) -> Iterator[sa.Connection]:
        """A connection outside any transaction, for statements that refuse
        one (VACUUM); each statement commits on its own."""
        try:
            with self.engine.connect() as conn:
                yield conn.execution_options(isolation_level="AUTOCOMMIT")
        except sa.exc.SQLAlchemyError as exc:
            raise self._error(exc, what) from exc

    @contextmanager
    def read(self, what: str | None = None) -> Iterator[sa.Connection]:
        """A connection for reading (SQLite's WAL lets it run beside a writer)."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise self._error(exc, what) from exc

    def close(self) -> None:
        self.engine.dispose()


def analyze(conn: sa.Connection) -> None:
    """Refresh the query planner's statistics (after a bulk load)."""
    conn.execute(sa.text("ANALYZE"))


def heads() -> set[str]:
    return set(ScriptDirectory(str(MIGRATIONS)).get_heads())


def _known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def _user_tables(conn: sa.Connection) -> list[str]:
    return sorted(name for name in sa.inspect(conn).get_table_names() if name != "alembic_version")


def _half_made(conn: sa.Connection, where: str, path: Path | None) -> DatabaseError:
    """What to say about tables without a schema version: a first run of an
    older version killed mid-way, or a file that is not Framewatch's."""
    import storage.awards.tables  # noqa: F401 - defines the awards tables on the same metadata
    from storage.schema import metadata

    tables = _user_tables(conn)
    ours = set(metadata.tables)
    if not set(tables) <= ours:
        foreign = ", ".join(t for t in tables if t not in ours)[:120]
        return DatabaseError(
            f"{where}: not a Framewatch database (tables {foreign} and no Framewatch "
            "schema version); choose another file with --db"
        )
    rows = sum(
        int(conn.execute(sa.select(sa.func.count()).select_from(sa.table(t))).scalar_one())
        for t in tables
    )
    files = f"'{path}', '{path}-wal' and '{path}-shm'" if path else "the database"
    if rows == 0:
        return DatabaseError(
            f"{where}: half-made by an interrupted first run ({len(tables)} of {len(ours)} "
            f"tables, no schema version, no data): delete {files} and run again"
        )
    return DatabaseError(
        f"{where}: Framewatch tables holding {rows} rows but no schema version (a first run "
        "interrupted by an older version?): move the file aside and run again, or restore a backup"
    )


def migrate_schema(db: Database, path: Path | None = None) -> None:
    """Bring the schema to the current heads, in one transaction.

    The version check and the upgrade share the transaction (on SQLite, its
    write lock), so two processes creating the same database one after the
    other create it once; a kill rolls the whole upgrade back.  A database
    with tables but no version (half-made by an older version's first run) is
    refused with a one-line remedy, never migrated over."""
    with db.transaction() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
        if current == heads():
            return
        if not current and _user_tables(conn):
            raise _half_made(conn, db.location, path)
        unknown = current - _known_revisions()
        if unknown:
            raise DatabaseError(
                f"{db.location}: made by a newer Framewatch (schema {', '.join(sorted(unknown))}); "
                "upgrade Framewatch to use it"
            )
        command.upgrade(_alembic_config(conn), "heads")


def open_database(target: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at ``target``.

    Raises :class:`DatabaseError` with a one-line message on any failure; never
    deletes or rewrites existing data except through migrations.
    """
    parsed = database_url(target)
    where = display_url(target)
    secret = parsed.password
    path = None
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"{where}: cannot create folder ({exc.strerror})") from exc
    try:
        if sqlite:
            engine = sa.create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            # pre-ping: a team server restarted overnight must not fail the first query
            engine = sa.create_engine(parsed, pool_pre_ping=True)
            if parsed.get_backend_name() == "postgresql":
                event.listen(engine, "begin", _postgresql_begin)
        db = Database(engine=engine, location=where)
        if migrate:
            migrate_schema(db, path)
        return db
    except (sa.exc.SQLAlchemyError, sqlite3.Error) as exc:
        raise DatabaseError(describe_db_error(exc, where, secret=secret)) from exc
    except ImportError as exc:  # a URL naming a driver that is not installed
        raise DatabaseError(f"{where}: no driver for this database ({exc.name})") from exc
