"""Monitoring passes log one structured line per pass and per failed feed,
where --log-file and --log-level say; without them the output is unchanged."""

from __future__ import annotations

from core.cli import main
from monitor.demo import serve_sample
from monitor.feeds import add_feed
from monitor.localserver import LocalServer, Response
from storage.db import open_database


def _monitor_once(tmp_path, monkeypatch, *log_args):
    monkeypatch.setenv("FRAMEWATCH_MIN_HOST_INTERVAL", "0")
    monkeypatch.setenv("FRAMEWATCH_ALLOW_PRIVATE", "1")
    db_path = tmp_path / "fw.sqlite3"
    with LocalServer() as server:
        db = open_database(db_path)
        serve_sample(server, db)
        server.routes["/gone.xml"] = Response(404, {"Content-Type": "text/plain"}, b"no")
        add_feed(db, server.base + "/gone.xml", name="Gone Gazette")
        db.close()
        return main([*log_args, "--db", str(db_path), "monitor", "once", "--all", "--no-analyse"])


def test_a_pass_and_each_failed_feed_are_one_line_each(tmp_path, monkeypatch, capsys):
    log = tmp_path / "monitor.log"
    assert _monitor_once(tmp_path, monkeypatch, "--log-level", "info", "--log-file", str(log)) == 0
    lines = log.read_text(encoding="utf-8").splitlines()
    passes = [line for line in lines if " monitor.pass " in line]
    failed = [line for line in lines if " monitor.feed_failed " in line]
    assert len(passes) == 1 and len(failed) == 1, lines
    assert "INFO" in passes[0] and "feeds=6" in passes[0] and "failed=1" in passes[0]
    assert (
        'feed="Gone Gazette"' in failed[0]
        and "kind=http" in failed[0]
        and "status=404" in failed[0]
    )
    assert "monitor.pass" not in capsys.readouterr().err  # the log went to the file


def test_without_log_options_nothing_is_logged(tmp_path, monkeypatch, capsys):
    assert _monitor_once(tmp_path, monkeypatch) == 0
    err = capsys.readouterr().err
    assert "monitor.pass" not in err and "monitor.feed_failed" not in err
    assert "feed failed: Gone Gazette" in err  # the command's own output, as before
