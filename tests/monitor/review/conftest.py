"""The review service's tests use the UI tests' fixtures, filled by the real
engine, on both databases (tests/conftest.py's ``db_target``)."""

import pytest

from ...tui.conftest import engine, filled_db  # noqa: F401 - fixtures shared with tests/tui


@pytest.fixture
def db(db_target):
    from storage.db import open_database

    database = open_database(db_target)
    yield database
    database.close()
