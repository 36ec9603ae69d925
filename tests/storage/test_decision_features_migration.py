"""Migration l14_decision_features on a real SQLite file made by the previous revision."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from storage.db import _alembic_config, heads, open_database


def test_upgrade_adds_features_and_keeps_decisions(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "i16_lease_claimed_dates")
        command.upgrade(_alembic_config(conn), "awards@head")
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, url, url_norm, title, fetched_at, text) VALUES "
                "(1, 'https://e.example/a', 'https://e.example/a', 'T', '2026-11-01', 'The inmates.')"
            )
        )
        conn.execute(
            sa.text(
                'INSERT INTO flags (id, article_id, field, start, "end", text, entry, category, '
                "severity, decision, reason) VALUES (7, 1, 'text', 4, 11, 'inmates', 'inmate', "
                "'labels', 'high', 'dismissed', 'a report')"
            )
        )
    engine.dispose()
    db = open_database(path)
    try:
        with db.read() as conn:
            versions = set(
                conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars()
            )
            row = conn.execute(sa.text("SELECT * FROM flags WHERE id = 7")).mappings().one()
        assert versions == heads() and len(heads()) == 2  # the monitor and awards branches
        assert (row["decision"], row["reason"], row["features"]) == ("dismissed", "a report", None)
    finally:
        db.close()
    with sa.create_engine(f"sqlite:///{path}").begin() as conn:
        command.downgrade(_alembic_config(conn), "i16_lease_claimed_dates")
        columns = {c["name"] for c in sa.inspect(conn).get_columns("flags")}
        kept = conn.execute(sa.text("SELECT decision FROM flags WHERE id = 7")).scalar()
    assert "features" not in columns and kept == "dismissed"
