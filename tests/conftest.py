"""Shared test fixtures.

Tests never touch the developer's own config or database: every test gets its
own config and data directories.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpora"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    for var in ("FRAMEWATCH_CONFIG", "FRAMEWATCH_DB", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)


def corpora_or_skip(*parts: str) -> Path:
    """A path under ../shared/corpora, or skip the test with the reason."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared corpus not present: {path}")
    return path


# --------------------------------------------------------------------------- both databases
#
# The storage, review, awards and monitor tests run on SQLite and on a real
# PostgreSQL server (issue 17).  The server: FRAMEWATCH_TEST_PG (an admin URL
# of a server the tests may create databases on), else the project machines'
# server at 127.0.0.1:5432, else a throwaway cluster started here from the
# system's initdb/pg_ctl (as "nobody" when run as root: PostgreSQL refuses
# root), else the PostgreSQL half is skipped with one reason line (-ra).
# FRAMEWATCH_TEST_PG=cluster always starts the throwaway cluster; =none skips.
# Each test module gets one uniquely named database, migrated once and
# emptied between tests (TRUNCATE is milliseconds; migrating is not).

PG_ENV = "FRAMEWATCH_TEST_PG"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
BACKENDS = ("sqlite", "postgresql")


class PgServer:
    """A PostgreSQL server the session may create databases on (or why there is none)."""

    def __init__(self) -> None:
        self.admin_url: str | None = None
        self.why_not = ""
        self._cluster: Path | None = None
        self._user: str | None = None
        self._pg_ctl: str | None = None

    def start(self) -> None:
        import os
        import shutil

        explicit = os.environ.get(PG_ENV, "")
        if explicit == "none":
            self.why_not = f"PostgreSQL tests skipped: {PG_ENV}=none"
            return
        problem = None
        if explicit != "cluster":  # "cluster": always a throwaway one (how the fallback is tried)
            problem = _pg_reachable(explicit or PG_DEFAULT)
            if problem is None:
                self.admin_url = explicit or PG_DEFAULT
                return
        if explicit not in ("", "cluster"):  # a server was named: it is not there; start none
            self.why_not = f"PostgreSQL tests skipped: {PG_ENV} server not reachable ({problem})"
            return
        initdb, pg_ctl = _pg_binaries()
        if initdb is None or pg_ctl is None:
            self.why_not = (
                "PostgreSQL tests skipped: no server at 127.0.0.1:5432 and no initdb/pg_ctl "
                f"installed (set {PG_ENV}=postgresql://user@host/db to use one)"
            )
            return
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="fw-pgtest-"))
        user = "nobody" if os.geteuid() == 0 else None
        if user:
            shutil.chown(folder, user)
        data = folder / "data"
        port = _free_port()
        try:
            _as(
                user,
                [
                    initdb,
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "--no-sync",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ],
            )
            _as(
                user,
                [
                    pg_ctl,
                    "-D",
                    str(data),
                    "-w",
                    "-s",
                    "-l",
                    str(folder / "log"),
                    "-o",
                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
                    "start",
                ],
            )
        except Exception as exc:  # noqa: BLE001 - any failure starting it means "skip", said once
            self.why_not = f"PostgreSQL tests skipped: could not start a throwaway cluster ({exc})"
            shutil.rmtree(folder, ignore_errors=True)
            return
        self._cluster, self._user, self._pg_ctl = folder, user, pg_ctl
        self.admin_url = f"postgresql://postgres@127.0.0.1:{port}/postgres"

    def stop(self) -> None:
        import shutil

        if self._cluster is not None and self._pg_ctl is not None:
            _as(
                self._user,
                [self._pg_ctl, "-D", str(self._cluster / "data"), "-m", "immediate", "-s", "stop"],
                check=False,
            )
            shutil.rmtree(self._cluster, ignore_errors=True)

    def create(self, label: str) -> str:
        """A new, empty database on the server; its URL."""
        import os
        import re
        import uuid

        import sqlalchemy as sa

        assert self.admin_url is not None
        name = f"fwtest_{re.sub(r'[^a-z0-9]+', '_', label.lower())[-30:]}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        admin = _admin_engine(self.admin_url)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return sa.make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        import sqlalchemy as sa

        assert self.admin_url is not None
        name = sa.make_url(url).database
        engine = _admin_engines.pop(f"False:{url}", None)
        if engine is not None:
            engine.dispose()
        with _admin_engine(self.admin_url).connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_admin_engines: dict[str, object] = {}


def _admin_engine(url: str, *, autocommit: bool = True):
    """One engine per URL for the session (CREATE/DROP DATABASE need autocommit)."""
    import sqlalchemy as sa

    from storage.db import database_url

    key = f"{autocommit}:{url}"
    if key not in _admin_engines:
        _admin_engines[key] = (
            sa.create_engine(
                database_url(url), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool
            )
            if autocommit
            else sa.create_engine(database_url(url), pool_size=1)
        )
    return _admin_engines[key]


def _pg_reachable(url: str) -> str | None:
    """None when the server answers at ``url``, else why not (one line)."""
    import sqlalchemy as sa

    from storage.db import database_url

    try:
        engine = sa.create_engine(
            database_url(url), connect_args={"connect_timeout": 3}, poolclass=sa.pool.NullPool
        )
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        engine.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "not reachable"
        return str(getattr(exc, "orig", exc)).strip().splitlines()[0][:160]


def _pg_binaries() -> tuple[str | None, str | None]:
    import glob
    import shutil

    found = [shutil.which("initdb"), shutil.which("pg_ctl")]
    if None in found:  # Debian keeps them off PATH
        for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
            if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
                return str(Path(folder, "initdb")), str(Path(folder, "pg_ctl"))
    return found[0], found[1]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as(user: str | None, argv: list[str], check: bool = True) -> None:
    import subprocess

    subprocess.run(argv, check=check, capture_output=True, timeout=120, user=user, cwd="/")


@pytest.fixture(scope="session")
def pg_server():
    server = PgServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def pg_module_database(pg_server, request):
    """One migrated PostgreSQL database for this test module: its URL."""
    if pg_server.admin_url is None:
        pytest.skip(pg_server.why_not)
    from storage.db import open_database

    url = pg_server.create(request.module.__name__)
    open_database(url).close()  # migrate once
    yield url
    pg_server.drop(url)


def empty_pg_database(url: str) -> None:
    """Every table emptied and its ids restarted; the schema version stays.

    DELETE in foreign-key order, not TRUNCATE: on tables this small it is
    ~30 ms against ~400 ms (TRUNCATE makes new files for every table)."""
    import sqlalchemy as sa

    import storage.awards.tables  # noqa: F401 - the awards tables join the same metadata
    from storage.schema import metadata

    engine = _admin_engine(url, autocommit=False)
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())
        for seq in conn.execute(
            sa.text("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")
        ).scalars():
            conn.exec_driver_sql(f'ALTER SEQUENCE "{seq}" RESTART')


@pytest.fixture
def pg_empty(pg_module_database):
    """This module's PostgreSQL database, emptied for the test: its URL."""
    empty_pg_database(pg_module_database)
    return pg_module_database


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """'sqlite' or 'postgresql': the tests that take it run once on each."""
    return request.param


@pytest.fixture
def db_target(backend, tmp_path, request):
    """Where a test's database lives: a fresh SQLite file, or this module's
    PostgreSQL database emptied for the test (a URL)."""
    if backend == "sqlite":
        return tmp_path / "framewatch.sqlite3"
    url = request.getfixturevalue("pg_module_database")
    empty_pg_database(url)
    return url
