"""Migration 0002_flag_field on a real SQLite file made by the previous revision."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command

from storage.db import _alembic_config, heads, open_database


def _old_database(path) -> None:
    """A database exactly as 0001_core left it, with one decided flag, written in the old schema's SQL."""
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001_core")
        columns = {c["name"] for c in sa.inspect(conn).get_columns("flags")}
        assert "field" not in columns
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, url, url_norm, title, fetched_at, text) VALUES "
                "(1, 'https://e.example/a', 'https://e.example/a', 'Inmates moved', '2026-11-01T00:00:00+00:00', "
                "'The inmates were moved.')"
            )
        )
        conn.execute(
            sa.text(
                'INSERT INTO flags (id, article_id, start, "end", text, entry, category, severity, decision, reason, '
                "note, decided_by, decided_at) VALUES (7, 1, 4, 11, 'inmates', 'inmate', 'labels', 'high', "
                "'dismissed', 'quoting a report', 'ask the desk', 'Sam', '2026-11-02T00:00:00+00:00')"
            )
        )
    engine.dispose()


def _applied(current: set[str]) -> set[str]:
    """Every revision at or below the current heads (later migrations build on 0002)."""
    from alembic.script import ScriptDirectory

    from storage.db import MIGRATIONS

    script = ScriptDirectory(str(MIGRATIONS))
    return {rev.revision for rev in script.iterate_revisions(list(current), "base")}


def test_upgrade_keeps_flags_and_decisions_and_widens_the_key(tmp_path):
    path = tmp_path / "old.sqlite3"
    _old_database(path)
    db = open_database(path)
    try:
        with db.read() as conn:
            current = set(
                conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars()
            )
            row = conn.execute(sa.text("SELECT * FROM flags WHERE id = 7")).mappings().one()
            indexes = {i["name"] for i in sa.inspect(conn).get_indexes("flags")}
        assert current == heads() and "0002_flag_field" in _applied(current)
        assert (row["field"], row["start"], row["end"], row["entry"]) == ("text", 4, 11, "inmate")
        assert (row["decision"], row["reason"], row["note"], row["decided_by"]) == (
            "dismissed",
            "quoting a report",
            "ask the desk",
            "Sam",
        )
        assert row["decided_at"] == "2026-11-02T00:00:00+00:00"
        assert "ix_flags_entry" in indexes  # the batch rebuild kept the index

        insert = sa.text(
            'INSERT INTO flags (article_id, field, start, "end", text, entry, category, severity) '
            "VALUES (1, :field, 4, 11, 'inmates', 'inmate', 'labels', 'high')"
        )
        with db.transaction() as conn:
            # the same offsets in the headline are a different occurrence now
            conn.execute(insert, {"field": "title"})
        with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as conn:
            conn.execute(insert, {"field": "text"})
        with db.transaction() as conn:
            # foreign keys survived the table rebuild: deleting the article takes its flags
            conn.execute(sa.text("DELETE FROM articles WHERE id = 1"))
        with db.read() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM flags")).scalar_one() == 0
    finally:
        db.close()


def test_a_new_database_matches_the_schema_module(tmp_path):
    from storage.schema import flags

    db = open_database(tmp_path / "new.sqlite3")
    try:
        with db.read() as conn:
            cols = {c["name"]: c for c in sa.inspect(conn).get_columns("flags")}
            uniques = sa.inspect(conn).get_unique_constraints("flags")
    finally:
        db.close()
    assert set(cols) == {c.name for c in flags.columns}
    assert not cols["field"]["nullable"] and "text" in str(cols["field"]["default"])
    (key,) = [u for u in uniques if u["name"] == "uq_flags_occurrence"]
    assert key["column_names"] == ["article_id", "field", "start", "end", "entry"]


def test_downgrade_drops_headline_flags_and_keeps_body_decisions(tmp_path):
    db = open_database(tmp_path / "down.sqlite3")
    try:
        with db.transaction() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO articles (id, url, url_norm, fetched_at) VALUES (1, 'u', 'u', 'x')"
                )
            )
            conn.execute(
                sa.text(
                    'INSERT INTO flags (article_id, field, start, "end", text, entry, category, severity, decision) '
                    "VALUES (1, 'title', 0, 3, 'a', 'e', 'c', 'high', 'accepted'), "
                    "(1, 'text', 0, 3, 'a', 'e', 'c', 'high', 'dismissed')"
                )
            )
        with db.engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0001_core")
        with db.read() as conn:
            rows = conn.execute(sa.text("SELECT decision FROM flags")).scalars().all()
            columns = {c["name"] for c in sa.inspect(conn).get_columns("flags")}
        assert rows == ["dismissed"] and "field" not in columns
    finally:
        db.close()
    again = open_database(tmp_path / "down.sqlite3")  # upgrades again
    try:
        with again.read() as conn:
            assert conn.execute(sa.text("SELECT field, decision FROM flags")).all() == [
                ("text", "dismissed")
            ]
    finally:
        again.close()
