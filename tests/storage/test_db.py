import sqlalchemy as sa

from storage.db import heads, open_database
from storage.errors import DatabaseError


def test_new_database_is_migrated_to_head_with_wal(tmp_path):
    db = open_database(tmp_path / "fw.sqlite3")
    with db.read() as conn:
        tables = {
            r[0] for r in conn.execute(sa.text("select name from sqlite_master where type='table'"))
        }
        assert {"feeds", "articles", "flags", "stories", "fetch_events"} <= tables
        assert conn.execute(sa.text("pragma journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("pragma foreign_keys")).scalar() == 1
        versions = {r[0] for r in conn.execute(sa.text("select version_num from alembic_version"))}
    assert versions == heads()


def test_corrupt_file_is_a_one_line_error_and_left_alone(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    garbage = b"\x00\xffnot a database" * 500
    bad.write_bytes(garbage)
    try:
        open_database(bad)
    except DatabaseError as exc:
        assert str(bad) in str(exc)
        assert "corrupt" in str(exc) or "not a valid" in str(exc)
        assert "\n" not in str(exc)
    else:
        raise AssertionError("corrupt database opened without error")
    assert bad.read_bytes() == garbage
