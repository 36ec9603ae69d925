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


def test_a_bare_path_is_sqlite_and_a_postgresql_url_uses_psycopg_3(tmp_path):
    from storage.db import database_url

    assert database_url(tmp_path / "a.sqlite3").get_backend_name() == "sqlite"
    assert database_url(tmp_path / "a.sqlite3").database == str(tmp_path / "a.sqlite3")
    for scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        url = database_url(f"{scheme}://sam:pw@db.example:5433/team")
        assert (url.drivername, url.host, url.port, url.database) == (
            "postgresql+psycopg",
            "db.example",
            5433,
            "team",
        )


def test_the_password_is_masked_in_the_name_and_in_every_error(tmp_path):
    from storage.db import display_url

    secret = "S3cret-Pw"
    url = f"postgresql://sam:{secret}@127.0.0.1:1/team"  # nothing listens on port 1
    assert display_url(url) == "postgresql://sam:***@127.0.0.1:1/team"
    try:
        open_database(url)
    except DatabaseError as exc:
        message = str(exc)
    else:
        raise AssertionError("opened a database on a port nothing listens on")
    assert message.startswith("postgresql://sam:***@127.0.0.1:1/team: cannot connect")
    assert secret not in message and "\n" not in message
    # a URL too broken to parse is still masked
    broken = f"postgresql://sam:{secret}@host:notaport/x"
    try:
        open_database(broken)
    except DatabaseError as exc:
        assert secret not in str(exc) and "***" in str(exc)
    else:
        raise AssertionError("a URL with a bad port was accepted")
