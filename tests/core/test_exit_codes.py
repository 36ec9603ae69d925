"""Exit statuses a CI job or cron can rely on: 1 means findings (or, for the
monitor, that every feed failed), 2 means the run could not be made (usage,
config, lexicon).  Each runs the real entry point in a subprocess, because
the status is what a script sees; the monitor fetches from a real HTTP server
on 127.0.0.1 into a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from monitor.feeds import add_feed
from monitor.localserver import LocalServer, Response
from storage.db import open_database

QUOTED_ONLY = 'A neighbour said: "Those thugs wrecked the street."\n'
WRITER = "The thugs wrecked the street.\n"


def framewatch(*args: str, stdin: str | None = None, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def _one_line_error(done, *needles: str) -> None:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("framewatch: error: "), done.stderr
    assert all(n in lines[0] for n in needles), lines[0]


def test_a_broken_override_file_is_2_not_flags_found(tmp_path: Path):
    (tmp_path / "ours.yaml").write_text("entries: [\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('[lexicon]\nextra_files = ["ours.yaml"]\n', encoding="utf-8")
    done = framewatch("--config", str(config), "check", "-", stdin=WRITER)
    assert done.returncode == 2
    _one_line_error(done, "ours.yaml:2", "YAML syntax error")


def test_a_broken_config_is_2(tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text("[lexicon\n", encoding="utf-8")
    done = framewatch("--config", str(config), "check", "-", stdin=WRITER)
    assert done.returncode == 2
    _one_line_error(done, str(config), "invalid TOML")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text("[lexicon]\nextra_files = 3\n", encoding="utf-8")
    done = framewatch("--config", str(wrong), "check", "-", stdin=WRITER)
    assert done.returncode == 2
    _one_line_error(done, "extra_files must be a list of strings")


def test_quoted_only_flags_do_not_fail_unless_asked():
    done = framewatch("check", "--json", "--fail-on", "low", "-", stdin=QUOTED_ONLY)
    assert done.returncode == 0
    # the quoted flag is still reported: only the status leaves it out
    assert [f["quoted"] for f in json.loads(done.stdout)["flags"]] == [True]
    asked = framewatch("check", "--fail-on", "low", "--fail-on-quoted", "-", stdin=QUOTED_ONLY)
    assert asked.returncode == 1
    both = framewatch("check", "--fail-on", "low", "-", stdin=QUOTED_ONLY + WRITER)
    assert both.returncode == 1  # a flag in the writer's voice still fails


def test_usage_errors_are_2():
    assert framewatch("check", "--fail-on", "loud", "-", stdin=WRITER).returncode == 2
    assert framewatch("check", "--encoding", "klingon", "-", stdin=WRITER).returncode == 2


def test_monitor_once_fails_when_every_feed_failed_and_points_to_all(tmp_path: Path):
    db = str(tmp_path / "fw.sqlite3")
    env = {"FRAMEWATCH_MIN_HOST_INTERVAL": "0", "FRAMEWATCH_ALLOW_PRIVATE": "1"}
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Up</title>'
        b"<link>http://127.0.0.1/</link><description>d</description></channel></rss>"
    )
    with LocalServer(
        {
            "/down.xml": Response(500, {"Content-Type": "text/plain"}, b"broken"),
            "/gone.xml": Response(404, {"Content-Type": "text/plain"}, b"no"),
            "/up.xml": Response(200, {"Content-Type": "application/rss+xml"}, rss),
        }
    ) as server:
        store = open_database(db)
        for path in ("/down.xml", "/gone.xml"):
            add_feed(store, server.url(path))
        store.close()
        failed = framewatch("--db", db, "monitor", "once", "--no-analyse", env=env)
        assert failed.returncode == 1, failed.stdout + failed.stderr
        assert "2 feeds (0 ok, 0 unchanged, 2 failed)" in failed.stdout
        assert "framewatch: error: all 2 feed(s) failed" in failed.stderr
        as_json = framewatch(
            "--db", db, "monitor", "once", "--all", "--no-analyse", "--json", env=env
        )
        assert as_json.returncode == 1 and json.loads(as_json.stdout)["failed"] == 2

        store = open_database(db)
        add_feed(store, server.url("/up.xml"))
        store.close()
        some = framewatch("--db", db, "monitor", "once", "--all", "--no-analyse", env=env)
        assert some.returncode == 0, some.stdout + some.stderr  # one feed worked
        assert "3 feeds (1 ok" in some.stdout

        idle = framewatch("--db", db, "monitor", "once", "--no-analyse", env=env)
        assert idle.returncode == 0
        assert idle.stdout.startswith("no feed is due (next: ")
        assert "'framewatch monitor once --all' fetches every feed now" in idle.stdout
    empty = framewatch("--db", str(tmp_path / "empty.sqlite3"), "monitor", "once", env=env)
    assert empty.returncode == 0
    assert "no feeds to fetch: add one with 'framewatch monitor add URL'" in empty.stdout
