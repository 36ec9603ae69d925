"""``framewatch db status|migrate|copy`` on the real demo database, SQLite ->
PostgreSQL -> SQLite (issue 17): every table arrives with the same rows and
the same checksum, a non-empty destination is refused, and --append adds
only what the destination lacks."""

from __future__ import annotations

import json
import shutil

import pytest
import sqlalchemy as sa

from core.cli import main
from core.settings import load_settings
from monitor.demo import prepare_demo
from monitor.review import article as review
from storage import transfer
from storage.db import open_database
from storage.schema import articles, flags


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """The demo's own pass (local feeds, extraction, the real engine), with a decision made."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    settings = load_settings(db=path)
    prepare_demo(path, settings)
    db = open_database(path)
    with db.read() as conn:
        first = conn.execute(sa.select(flags.c.id).order_by(flags.c.id).limit(2)).scalars().all()
    review.decide(db, first[0], "accepted", by="Sam")
    review.decide(db, first[1], "dismissed", reason="quoted", by="Ana")
    db.close()
    return path


def _copy(capsys, *args):
    code = main(["db", "copy", *map(str, args), "--json"])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip() else None), out.err


def test_round_trip_sqlite_postgresql_sqlite_keeps_every_checksum(
    demo_file, pg_empty, tmp_path, capsys
):
    code, there, _ = _copy(capsys, demo_file, pg_empty)
    assert code == 0 and there["ok"], there
    back = tmp_path / "back.sqlite3"
    code, home, _ = _copy(capsys, pg_empty, back)
    assert code == 0 and home["ok"], home

    sums = [transfer.checksums(open_database(t)) for t in (demo_file, pg_empty, back)]
    assert sums[0] == sums[1] == sums[2]
    by_table = {t["table"]: t for t in there["tables"]}
    assert by_table["articles"]["source_rows"] > 10 and by_table["flags"]["source_rows"] > 10
    assert all(t["copied"] == t["source_rows"] and t["skipped"] == 0 for t in there["tables"])
    # the decisions travelled with their reviewers, and new rows get new ids on the server
    db = open_database(pg_empty)
    with db.read() as conn:
        decided = conn.execute(
            sa.select(flags.c.decision, flags.c.decided_by).where(flags.c.decision != "pending")
        ).all()
        top = conn.execute(sa.select(sa.func.max(articles.c.id))).scalar_one()
    assert sorted(decided) == [("accepted", "Sam"), ("dismissed", "Ana")]
    with db.transaction() as conn:
        new = conn.execute(
            articles.insert().values(url="u", url_norm="u", fetched_at="2026-12-01T00:00:00")
        ).inserted_primary_key[0]
    assert new == top + 1
    db.close()


def test_a_non_empty_destination_is_refused_and_append_adds_only_what_it_lacks(
    demo_file, pg_empty, tmp_path, capsys
):
    assert _copy(capsys, demo_file, pg_empty)[0] == 0
    code, _, err = _copy(capsys, demo_file, pg_empty)
    assert code == 1 and "not empty (" in err and "--append" in err and err.count("\n") == 1
    # a mistyped source file is not created empty and "copied"
    missing = tmp_path / "no-such.sqlite3"
    code, _, err = _copy(capsys, missing, tmp_path / "out.sqlite3")
    assert code == 1 and "no such database file" in err and not missing.exists()

    # a reviewer's file with everything the server has, plus one article of its own
    mine = tmp_path / "mine.sqlite3"
    shutil.copy(demo_file, mine)
    db = open_database(mine)
    with db.transaction() as conn:
        aid = conn.execute(
            articles.insert().values(
                url="https://x.example/a",
                url_norm="x.example/a",
                title="Only in mine",
                fetched_at="2026-12-01T00:00:00+00:00",
                relevant=True,
            )
        ).inserted_primary_key[0]
        conn.execute(
            flags.insert().values(
                article_id=aid,
                start=0,
                end=4,
                text="Only",
                entry="e",
                category="c",
                severity="low",
            )
        )
    db.close()
    code, report, _ = _copy(capsys, mine, pg_empty, "--append")
    assert code == 0 and report["ok"], report
    by_table = {t["table"]: t for t in report["tables"]}
    assert (by_table["articles"]["copied"], by_table["flags"]["copied"]) == (1, 1)
    assert by_table["articles"]["skipped"] == by_table["articles"]["source_rows"] - 1
    assert by_table["feeds"]["copied"] == 0
    # appending the same file again adds nothing
    code, again, _ = _copy(capsys, mine, pg_empty, "--append")
    assert code == 0 and all(t["copied"] == 0 for t in again["tables"])
    server = open_database(pg_empty)
    with server.read() as conn:
        new_flag = conn.execute(
            sa.select(flags.c.article_id).where(flags.c.text == "Only")
        ).scalar_one()
        assert (
            conn.execute(sa.select(articles.c.title).where(articles.c.id == new_flag)).scalar_one()
            == "Only in mine"
        )  # the flag follows its article's new id
    server.close()


def test_status_and_migrate_on_a_fresh_server_database(pg_server, capsys):
    if pg_server.admin_url is None:
        pytest.skip(pg_server.why_not)
    url = pg_server.create("status")
    try:
        assert main(["--db", url, "db", "status", "--json"]) == 0
        st = json.loads(capsys.readouterr().out)
        assert (st["engine"], st["schema"], st["state"]) == (
            "postgresql",
            [],
            "empty (not created yet)",
        )
        assert main(["--db", url, "db", "migrate"]) == 0
        assert "migrated from nothing to" in capsys.readouterr().out
        assert main(["--db", url, "db", "migrate", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["changed"] is False
        assert main(["--db", url, "db", "status", "--json"]) == 0
        st = json.loads(capsys.readouterr().out)
        assert st["state"] == "up to date" and st["schema"] == st["expected"]
        assert st["counts"]["articles"] == 0 and "award_cycles" in st["counts"]
    finally:
        pg_server.drop(url)


def test_every_copied_table_has_a_natural_key_for_append():
    """A table added without one makes ``--append`` insert rows the destination
    already holds (article_profiles did: a primary-key conflict on every
    article both sides have)."""
    from storage.transfer import NATURAL_KEYS, copied_tables

    assert [t.name for t in copied_tables() if t.name not in NATURAL_KEYS] == []
