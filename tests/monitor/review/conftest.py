"""The review service's tests use the UI tests' database, filled by the real engine."""

from ...tui.conftest import db, engine, filled_db  # noqa: F401 - fixtures shared with tests/tui
