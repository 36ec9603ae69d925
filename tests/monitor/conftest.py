"""Fixtures for the monitor pipeline tests: a real database (a SQLite file, and
again a PostgreSQL database: tests/conftest.py's ``db_target``), a real HTTP
server on 127.0.0.1, and settings that let the fetcher use it quickly."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.settings import load_settings
from monitor.localserver import LocalServer
from storage.db import open_database


def local_settings(tmp_path, db=None, **monitor):
    s = load_settings(db=db if db is not None else tmp_path / "fw.sqlite3")
    # generous timeouts: CI machines are shared; the hostile tests set their own short ones
    base = dict(
        min_host_interval=0.0,
        allow_private_addresses=True,
        connect_timeout=10.0,
        total_timeout=20.0,
        global_concurrency=16,
        per_host_concurrency=16,
    )
    base.update(monitor)
    return replace(s, monitor=replace(s.monitor, **base))


@pytest.fixture
def mon_settings(tmp_path, db_target):
    return local_settings(tmp_path, db=db_target)


@pytest.fixture
def mon_db(mon_settings):
    database = open_database(mon_settings.db_path)
    yield database
    database.close()


@pytest.fixture
def local_server():
    with LocalServer() as srv:
        yield srv
