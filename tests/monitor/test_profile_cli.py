"""Profiles stored by the monitor's analyse step, and `framewatch profile` on
files, standard input and stored articles (issue 13)."""

from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner

from core.cli import cli
from monitor.demo import serve_sample
from monitor.localserver import LocalServer
from storage.db import heads, open_database

TEXT = (
    "\u201cWe are locking up more people for longer and it is not working,\u201d said "
    "Andrea Coomber, chief executive of the Howard League for Penal Reform.\n\n"
    "A study by the University of Oxford found that restorative justice cut reoffending by 14%.\n"
)


def _run(db, *args, input=None):
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False)


def test_profile_a_file_and_stdin(tmp_path):
    db = tmp_path / "fw.sqlite3"
    path = tmp_path / "piece.txt"
    path.write_text(TEXT)
    out = _run(db, "profile", str(path))
    assert out.exit_code == 0, out.output
    assert "constructive score" in out.output
    assert "[charities and campaigners] Andrea Coomber" in out.output
    data = json.loads(_run(db, "profile", "--json", "-", input=TEXT).output)
    assert data["path"] == "<stdin>"
    prof = data["profile"]
    assert prof["score"] == sum(p["points"] for p in prof["score_parts"])
    assert prof["voices"][0]["speaker"] == "Andrea Coomber"
    assert prof["solutions"]["label"] == "yes"
    missing = _run(db, "profile", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2
    assert "nope.txt: no such file" in missing.output


def test_monitor_pass_stores_a_profile_per_analysed_article(tmp_path, monkeypatch):
    db_path = tmp_path / "fw.sqlite3"
    monkeypatch.setenv("FRAMEWATCH_MIN_HOST_INTERVAL", "0")
    monkeypatch.setenv("FRAMEWATCH_ALLOW_PRIVATE", "1")
    with LocalServer() as server:
        db = open_database(db_path)
        serve_sample(server, db)
        db.close()
        out = _run(db_path, "monitor", "once")
        assert out.exit_code == 0, out.output
    con = sqlite3.connect(db_path)
    analysed = con.execute(
        "SELECT count(*) FROM articles WHERE analysed_at IS NOT NULL"
    ).fetchone()[0]
    rows = con.execute("SELECT article_id, score, profile FROM article_profiles").fetchall()
    assert analysed > 0 and len(rows) == analysed
    aid, score, raw = rows[0]
    assert json.loads(raw)["score"] == score
    shown = json.loads(_run(db_path, "profile", "--article", str(aid), "--json").output)
    assert shown["article"] == aid and shown["profile"]["score"] == score
    gone = _run(db_path, "profile", "--article", "99999")
    assert gone.exit_code == 2 and "article 99999: not found" in gone.output
    # deleting an article deletes its profile (ON DELETE CASCADE)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("DELETE FROM flags WHERE article_id = ?", (aid,))
    con.execute("DELETE FROM articles WHERE id = ?", (aid,))
    con.commit()
    assert (
        con.execute(
            "SELECT count(*) FROM article_profiles WHERE article_id = ?", (aid,)
        ).fetchone()[0]
        == 0
    )


def test_one_head_per_migration_branch():
    assert len(heads()) == 2


def test_reanalyse_recomputes_the_profile_with_the_new_flags(tmp_path):
    from core.settings import load_settings
    from framing.factory import engine_from_settings
    from monitor.review import paste

    path = tmp_path / "fw.sqlite3"
    db = open_database(path)
    engine = engine_from_settings(load_settings(db=path))
    text = "The thugs attacked a guard. The thug was jailed. Thugs, the judge said, are a menace."
    aid = paste.import_text(db, "Wing attack", text, engine=engine)
    db.close()
    con = sqlite3.connect(path)

    def language_points() -> int:
        raw = con.execute("SELECT profile FROM article_profiles WHERE article_id = ?", (aid,))
        parts = json.loads(raw.fetchone()[0])["score_parts"]
        return next(p["points"] for p in parts if p["part"] == "language")

    before = language_points()
    assert before < 10  # three uses of a flagged label in the writer's own words
    # an article profiled before: no row; the lexicon changes ('thug' disabled)
    con.execute("DELETE FROM article_profiles WHERE article_id = ?", (aid,))
    con.commit()
    config = tmp_path / "config.toml"
    config.write_text('[lexicon]\ndisable = ["thug"]\n', encoding="utf-8")
    out = CliRunner().invoke(
        cli, ["--config", str(config), "--db", str(path), "reanalyse", "--all"]
    )
    assert out.exit_code == 0, out.output
    assert language_points() == 10 > before
