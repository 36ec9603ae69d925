"""The `framewatch monitor ...` and `framewatch articles ...` commands."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from click.testing import CliRunner

from core.cli import cli, main
from monitor.demo import serve_sample
from monitor.localserver import LocalServer
from storage.db import open_database

OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Crime"><outline type="rss" text="A" title="Feed A" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/>
<outline type="rss" text="B" xmlUrl="https://b.example/atom"/></outline>
<outline type="rss" text="bad" xmlUrl="javascript:alert(1)"/></body></opml>"""


def _run(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result


def test_feed_management_round_trip(tmp_path):
    db = tmp_path / "fw.sqlite3"
    assert (
        "added feed 1"
        in _run(db, "monitor", "add", "https://x.example/feed.xml", "--name", "X News").output
    )
    dup = CliRunner().invoke(cli, ["--db", str(db), "monitor", "add", "https://x.example/feed.xml"])
    assert dup.exit_code != 0 and "already monitored" in str(dup.exception)
    opml = tmp_path / "in.opml"
    opml.write_text(OPML)
    out = CliRunner().invoke(cli, ["--db", str(db), "monitor", "import-opml", str(opml)])
    assert (
        "imported 2 feeds" in out.output and "javascript:alert(1)" in out.output
    )  # skipped, with why
    listed = json.loads(_run(db, "monitor", "list", "--json").output)
    assert [f["url"] for f in listed] == [
        "https://x.example/feed.xml",
        "https://a.example/rss",
        "https://b.example/atom",
    ]
    assert listed[1]["name"] == "Feed A" and listed[1]["site_url"] == "https://a.example/"
    assert all(f["last_error_kind"] is None and f["next_fetch_at"] is None for f in listed)
    assert "X News" in _run(db, "monitor", "list").output
    assert "removed feed" in _run(db, "monitor", "remove", "2").output
    assert "removed feed" in _run(db, "monitor", "remove", "https://b.example/atom").output
    out_file = tmp_path / "out.opml"
    assert "exported 1 feeds" in _run(db, "monitor", "export-opml", str(out_file)).output
    text = out_file.read_text()
    assert (
        'xmlUrl="https://x.example/feed.xml"' in text and 'type="rss"' in text and "X News" in text
    )


def test_defaults_are_added_once_and_marked_unverified(tmp_path):
    db = tmp_path / "fw.sqlite3"
    first = _run(db, "monitor", "defaults").output
    assert "added 21 default feeds (0 already present)" in first
    assert "added 0 default feeds (21 already present)" in _run(db, "monitor", "defaults").output
    listed = json.loads(_run(db, "monitor", "list", "--json").output)
    assert len(listed) == 21 and not any(f["verified"] for f in listed)
    assert any(
        f["url"] == "https://www.gov.uk/government/organisations/ministry-of-justice.atom"
        for f in listed
    )
    assert "(unverified)" in _run(db, "monitor", "list").output


def test_once_then_articles_list_and_show(tmp_path, monkeypatch):
    db_path = tmp_path / "fw.sqlite3"
    monkeypatch.setenv("FRAMEWATCH_MIN_HOST_INTERVAL", "0")
    monkeypatch.setenv("FRAMEWATCH_ALLOW_PRIVATE", "1")
    with LocalServer() as server:
        db = open_database(db_path)
        serve_sample(server, db)
        db.close()
        out = _run(db_path, "monitor", "once", "--no-analyse")
        assert "5 feeds (5 ok, 0 unchanged, 0 failed); 20 new articles, 17 relevant" in out.output
        again = json.loads(
            _run(db_path, "monitor", "once", "--all", "--no-analyse", "--json").output
        )
        assert again["not_modified"] == 5 and again["articles"] == 0
        # nothing is due after a pass: the schedule holds
        due = json.loads(_run(db_path, "monitor", "once", "--no-analyse", "--json").output)
        assert due["feeds"] == 0
    listed = json.loads(_run(db_path, "articles", "--json", "--limit", "100").output)
    assert len(listed) == 17 and all(a["relevant"] for a in listed)
    assert set(listed[0]["flags"]) == {"high", "medium", "low", "quoted"}
    everything = json.loads(
        _run(db_path, "articles", "--json", "--all-relevance", "--limit", "100").output
    )
    assert len(everything) == 20
    herald = json.loads(
        _run(db_path, "articles", "--json", "--feed", "2", "--all-relevance").output
    )
    assert {a["outlet"] for a in herald} == {"Northgate Herald"} and len(herald) == 4
    assert json.loads(_run(db_path, "articles", "--json", "--status", "reviewed").output) == []
    found = json.loads(
        _run(db_path, "articles", "--json", "--all-relevance", "--search", "QUARTER-finals").output
    )
    assert [a["title"] for a in found] == [
        "Harwick Town stun league leaders to reach cup quarter-finals"
    ]
    assert json.loads(_run(db_path, "articles", "--json", "--search", "100%_").output) == []
    wire = next(a for a in listed if a["title"].startswith("Ashworth Vale: Inmates"))
    shown = json.loads(_run(db_path, "articles", "show", str(wire["id"]), "--json").output)
    assert (
        len(shown["same_story"]) == 2
        and "cockroaches" in shown["text"]
        # the body starts after the headline it repeated on the page (issue 12)
        and shown["text"].startswith("Inmates at HMP")
        and shown["text_source"] == "extracted"
    )
    assert "prison" in shown["relevance_terms"]
    human = _run(db_path, "articles", "show", str(wire["id"])).output
    assert "Ashworth Vale" in human and "not analysed yet" in human
    assert "Harwick" in _run(db_path, "articles").output


def test_one_line_errors_for_users(tmp_path, capsys):
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"\x00garbage" * 1000)
    assert main(["--db", str(corrupt), "monitor", "list"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("framewatch: error:") and str(corrupt) in err and "\n" not in err
    assert corrupt.read_bytes() == b"\x00garbage" * 1000

    locked = tmp_path / "locked.sqlite3"
    open_database(locked).close()
    holder = sqlite3.connect(locked, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert main(["--db", str(locked), "monitor", "add", "https://x.example/f"]) == 1
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err.strip()
    assert "locked" in err and "\n" not in err

    bad_opml = tmp_path / "bad.opml"
    bad_opml.write_text("<opml><body><outline xmlUrl=")
    assert (
        main(["--db", str(tmp_path / "ok.sqlite3"), "monitor", "import-opml", str(bad_opml)]) == 1
    )
    assert "not valid OPML" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "ok.sqlite3"), "articles", "show", "99"]) == 1
    assert "article 99: not found" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "ok.sqlite3"), "monitor", "remove", "42"]) == 1
    assert "42: no such feed" in capsys.readouterr().err


def test_run_stops_cleanly_on_sigterm(tmp_path):
    db_path = tmp_path / "fw.sqlite3"
    env = dict(
        os.environ,
        FRAMEWATCH_DB=str(db_path),
        FRAMEWATCH_MIN_HOST_INTERVAL="0",
        FRAMEWATCH_ALLOW_PRIVATE="1",
    )
    with LocalServer() as server:
        db = open_database(db_path)
        serve_sample(server, db)
        db.close()
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "core.cli",
                "monitor",
                "run",
                "--no-analyse",
                "--idle-seconds",
                "30",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        stored = 0
        while time.monotonic() < deadline and stored < 20:
            time.sleep(0.2)
            with sqlite3.connect(db_path) as conn:
                stored = conn.execute("select count(*) from articles").fetchone()[0]
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "20 new articles" in out and "monitor stopped after 1 pass(es)" in out
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_opml_with_external_entities_is_refused(tmp_path, capsys):
    hostile = tmp_path / "xxe.opml"
    hostile.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<opml version="2.0"><body><outline type="rss" title="&x;" xmlUrl="https://x.example/f"/></body></opml>'
    )
    assert main(["--db", str(tmp_path / "fw.sqlite3"), "monitor", "import-opml", str(hostile)]) == 1
    err = capsys.readouterr().err
    assert "not valid OPML" in err and "external entity" in err and "root:" not in err
    assert json.loads(_run(tmp_path / "fw.sqlite3", "monitor", "list", "--json").output) == []
