"""Feed input and output as a monitor admin meets it: addresses checked at
``monitor add``, OPML folders kept both ways, ``export-opml -``, a progress
total from the start and a status line while ``monitor run`` is idle.

Real parts: the ``framewatch`` entry point in a subprocess (what a shell
sees: exit status, stdout, stderr), a real HTTP server on 127.0.0.1 serving
the bundled sample, real SQLite files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from lxml import etree

from core.cli import main
from monitor.demo import serve_sample
from monitor.feeds import list_feeds
from monitor.localserver import LocalServer
from monitor.pipeline import run_pass
from storage.db import open_database

FAST = {"FRAMEWATCH_MIN_HOST_INTERVAL": "0", "FRAMEWATCH_ALLOW_PRIVATE": "1"}

OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>Campaign reading</title></head><body>
  <outline text="Crime" title="Crime">
    <outline text="Courts">
      <outline type="rss" text="Courts desk" xmlUrl="https://courts.example.org/rss"/>
    </outline>
    <outline type="rss" text="Crime desk" xmlUrl="https://crime.example.org/rss"/>
  </outline>
  <outline type="rss" text="Prisons" xmlUrl="https://prisons.example.org/rss"
           category="/Justice/Prisons,/Other"/>
  <outline type="rss" text="Loose" xmlUrl="https://loose.example.org/rss"/>
</body></opml>
"""
FOLDERS = {
    "https://courts.example.org/rss": "Crime/Courts",
    "https://crime.example.org/rss": "Crime",
    "https://prisons.example.org/rss": "Justice/Prisons",
    "https://loose.example.org/rss": "",
}


def framewatch(*args: str, cwd: Path | None = None, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def test_monitor_add_refuses_a_malformed_address_in_one_line(tmp_path: Path, capsys):
    db = str(tmp_path / "fw.sqlite3")
    done = framewatch("--db", db, "monitor", "add", "https://exa mple.org/feed")
    assert done.returncode == 1
    assert done.stderr == (
        "framewatch: error: https://exa mple.org/feed: not a valid feed address "
        "(a space at character 12)\n"
    )
    for url, reason in [
        ("https://example.org:99999/rss", "bad port"),
        (
            "https://-news.example.org/rss",
            "host name '-news.example.org' has an invalid part '-news'",
        ),
        ("https:///rss", "no host name"),
    ]:
        assert main(["--db", db, "monitor", "add", url]) == 1
        assert capsys.readouterr().err == (
            f"framewatch: error: {url}: not a valid feed address ({reason})\n"
        )
    db_ = open_database(db)
    assert list_feeds(db_) == []  # nothing stored
    db_.close()


def test_monitor_add_warns_about_private_addresses(tmp_path: Path):
    db = str(tmp_path / "fw.sqlite3")
    done = framewatch("--db", db, "monitor", "add", "http://192.168.1.20/rss")
    assert done.returncode == 0 and "added feed 1" in done.stdout
    assert done.stderr.strip() == (
        "framewatch: warning: 192.168.1.20 is a private address: the monitor will not fetch "
        "it unless allow_private_addresses is set (FRAMEWATCH_ALLOW_PRIVATE=1)"
    )
    local = framewatch("--db", db, "monitor", "add", "http://localhost:8080/rss")
    assert "localhost resolves to loopback address" in local.stderr
    allowed = framewatch("--db", db, "monitor", "add", "http://127.0.0.1:9/rss", env=FAST)
    assert allowed.returncode == 0 and allowed.stderr == ""  # allowed: nothing to warn of


def test_opml_folders_survive_import_and_export_and_dash_is_stdout(tmp_path: Path):
    src = tmp_path / "reading.opml"
    src.write_text(OPML, encoding="utf-8")
    db, copy = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    assert "imported 4 feeds" in framewatch("--db", db, "monitor", "import-opml", str(src)).stdout
    listed = json.loads(framewatch("--db", db, "monitor", "list", "--json").stdout)
    assert {f["url"]: f["folder"] for f in listed} == FOLDERS

    out = framewatch("--db", db, "monitor", "export-opml", "-", cwd=tmp_path)
    assert out.returncode == 0 and not (tmp_path / "-").exists()
    assert out.stderr.strip() == "exported 4 feeds"
    root = etree.fromstring(out.stdout.encode())
    courts = root.find(".//outline[@xmlUrl='https://courts.example.org/rss']")
    assert [a.get("text") for a in courts.iterancestors("outline")] == ["Courts", "Crime"]
    assert courts.get("category") == "/Crime/Courts"

    again = tmp_path / "again.opml"
    again.write_bytes(out.stdout.encode())
    assert "imported 4" in framewatch("--db", copy, "monitor", "import-opml", str(again)).stdout
    relisted = json.loads(framewatch("--db", copy, "monitor", "list", "--json").stdout)
    assert {f["url"]: f["folder"] for f in relisted} == FOLDERS


def test_the_progress_total_is_known_before_the_first_feed_ends(tmp_path: Path):
    from tests.monitor.conftest import local_settings

    settings = local_settings(tmp_path)
    db = open_database(settings.db_path)
    calls: list[tuple[int, int, str]] = []
    try:
        with LocalServer() as server:
            ids = serve_sample(server, db)
            run_pass(
                db,
                settings,
                feed_ids=ids,
                analyse=False,
                progress=lambda done, total, label: calls.append((done, total, label)),
            )
    finally:
        db.close()
    assert calls[0] == (0, 5, "fetching 5 feeds")
    assert [c[0] for c in calls] == [0, 1, 2, 3, 4, 5] and {c[1] for c in calls} == {5}


def test_monitor_run_says_what_it_waits_for_while_idle(tmp_path: Path):
    db_path = tmp_path / "fw.sqlite3"
    with LocalServer() as server:
        db = open_database(db_path)
        serve_sample(server, db)
        db.close()
        first = framewatch("--db", str(db_path), "monitor", "once", "--no-analyse", env=FAST)
        assert first.returncode == 0, first.stderr
        # every feed is fetched: this run only waits, and must say for what
        done = framewatch(
            "--db", str(db_path), "monitor", "run", "--no-analyse", "--max-passes", "2",
            "--idle-seconds", "0.2", env=FAST,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    db = open_database(db_path)
    names = {f.name for f in list_feeds(db)}
    db.close()
    idle = [line for line in done.stderr.splitlines() if "idle; next feed due: " in line]
    assert len(idle) == 1, done.stderr  # said once, not at every wake-up
    due = idle[0].split("idle; next feed due: ")[1]
    assert any(due.startswith(f"{name} in ") for name in names), idle[0]
    assert due.endswith("min (Ctrl-C stops)")
