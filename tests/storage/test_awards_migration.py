"""Migration a002_awards_stages_current on a real SQLite file made by a001_awards."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from storage.db import _alembic_config, heads, open_database


def _a001_database(path, cycles) -> None:
    """A database as a001_awards left it, with the given (id, year, name) cycles and a judge."""
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "heads")
        command.downgrade(_alembic_config(conn), "a001_awards")
        for cid, year, name in cycles:
            conn.execute(
                sa.text(
                    "INSERT INTO award_cycles (id, year, name, window_start, window_end, "
                    "categories, criteria, created_at) VALUES (:id, :year, :name, '2025-01-01', "
                    "'2025-12-31', '[\"Documentary\"]', '[[\"overall\", \"Overall\"]]', 'x')"
                ),
                {"id": cid, "year": year, "name": name},
            )
        if cycles:
            conn.execute(
                sa.text(
                    "INSERT INTO award_judges (cycle_id, name, added_at) VALUES (:c, 'Ann', 'x')"
                ),
                {"c": cycles[0][0]},
            )
    engine.dispose()


def test_upgrade_keeps_the_newest_cycle_in_effect_and_adds_the_new_columns(tmp_path):
    path = tmp_path / "old.sqlite3"
    # ids out of year order: the old default was the newest *year*, not the highest id
    _a001_database(path, [(1, 2026, "Media Awards 2026"), (2, 2025, "Media Awards 2025")])
    db = open_database(path)
    try:
        with db.read() as conn:
            versions = set(
                conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars()
            )
            current = conn.execute(
                sa.text("SELECT value, updated_by FROM award_settings WHERE key = 'current_cycle'")
            ).one()
            cycles = conn.execute(
                sa.text(
                    "SELECT id, highly_commended_max, archived_at, archived_by FROM award_cycles "
                    "ORDER BY id"
                )
            ).all()
            judge = conn.execute(
                sa.text("SELECT name, removed_at, removed_by, removed_reason FROM award_judges")
            ).one()
        assert versions == heads() and "a002_awards_stages_current" in versions
        assert tuple(current) == ("1", "migration a002")
        assert [tuple(c) for c in cycles] == [(1, 2, None, ""), (2, 2, None, "")]
        assert tuple(judge) == ("Ann", None, "", "")
    finally:
        db.close()


def test_upgrade_of_a_database_without_cycles_sets_nothing_and_downgrade_drops_it(tmp_path):
    path = tmp_path / "empty.sqlite3"
    _a001_database(path, [])
    db = open_database(path)
    try:
        with db.read() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM award_settings")).scalar_one() == 0
        with db.engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "a001_awards")
        with db.read() as conn:
            tables = set(sa.inspect(conn).get_table_names())
            columns = {c["name"] for c in sa.inspect(conn).get_columns("award_cycles")}
        assert "award_settings" not in tables and "highly_commended_max" not in columns
    finally:
        db.close()


def test_a_new_database_matches_the_awards_tables_module(tmp_path):
    from storage.awards.tables import cycles, judges, settings

    db = open_database(tmp_path / "new.sqlite3")
    try:
        with db.read() as conn:
            insp = sa.inspect(conn)
            got = {t: {c["name"] for c in insp.get_columns(t)} for t in insp.get_table_names()}
    finally:
        db.close()
    for table in (cycles, judges, settings):
        assert got[table.name] == {c.name for c in table.columns}, table.name
