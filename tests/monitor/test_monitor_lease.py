"""Two monitors on one database (issue 16, failure 2).

Two ``monitor run`` processes on one file used to fetch everything twice and
race each other's inserts until one died with ``UNIQUE constraint failed:
articles.url_norm``.  Now a monitor takes the database's lease first: a
second one says who holds it and exits 0, or waits for it with ``--wait``;
and any two writers that do meet (the pipeline run by another program, a
paste import) store each article once, never failing on the duplicate.

Real processes, a real HTTP server on 127.0.0.1, one real SQLite file.
"""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from monitor.feeds import add_feed
from monitor.localserver import Response
from storage.db import iso_plus, open_database, utcnow

REPO = Path(__file__).resolve().parents[2]
SOAK = bool(os.environ.get("FRAMEWATCH_SOAK"))
FEEDS = 6


class MintingFeeds:
    """Feeds whose every fetch lists new items (new GUIDs and addresses), and
    which share most of them with each other (syndication), so writers keep
    meeting on the same articles."""

    def __init__(self, server) -> None:
        self.server = server
        self.fetches = itertools.count()
        self.lock = threading.Lock()
        for f in range(FEEDS):
            server.routes[f"/feed/{f}.xml"] = self._feed(f)

    def _feed(self, f: int):
        def route(_req):
            with self.lock:
                n = next(self.fetches)
            # half a second per round: two monitors fetching together see the same items
            rnd = int(time.time() * 2)
            base = self.server.base
            items = [f"{base}/shared/{rnd}/{i}" for i in range(8)]
            items += [f"{base}/own/{f}/{n}/{i}" for i in range(2)]
            body = "".join(
                f"<item><title>Court story {link.split('/', 3)[-1]}</title><link>{link}</link>"
                f"<guid>{link}</guid><description>The court heard case {link}.</description></item>"
                for link in items
            )
            return Response(
                200,
                {"Content-Type": "application/rss+xml"},
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>'
                f"{body}</channel></rss>".encode(),
            )

        return route


def _env(db_path: Path) -> dict[str, str]:
    return dict(
        os.environ,
        FRAMEWATCH_DB=str(db_path),
        FRAMEWATCH_MIN_HOST_INTERVAL="0",
        FRAMEWATCH_ALLOW_PRIVATE="1",
        FRAMEWATCH_CONFIG=str(db_path.parent / "none.toml"),
    )


def _config(db_path: Path) -> None:
    # feeds due again as soon as they are fetched: the monitors keep fetching
    (db_path.parent / "none.toml").write_text(
        "[monitor]\npoll_min_minutes = 0\npoll_default_minutes = 0\n"
    )


_logs = itertools.count()


def _monitor(db_path: Path, *args: str) -> subprocess.Popen:
    """A monitor process; its output goes to files the test can read while it runs."""
    n = next(_logs)
    out = (db_path.parent / f"monitor{n}.out").open("w+")
    err = (db_path.parent / f"monitor{n}.err").open("w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "core.cli", "monitor", *args],
        cwd=REPO,
        env=_env(db_path),
        stdout=out,
        stderr=err,
        text=True,
    )
    proc.out, proc.err = out, err  # type: ignore[attr-defined]
    return proc


def _output(proc: subprocess.Popen) -> tuple[str, str]:
    texts = []
    for f in (proc.out, proc.err):  # type: ignore[attr-defined]
        f.flush()
        f.seek(0)
        texts.append(f.read())
    return texts[0], texts[1]


def _started(proc: subprocess.Popen, db_path: Path) -> bool:
    """Past start-up (its signal handlers set): holding the lease, or waiting for it."""
    holder = _holder(db_path)
    return bool(holder and holder.endswith(f":{proc.pid}")) or (
        "waiting for the monitor" in _output(proc)[1]
    )


def _holder(db_path: Path) -> str | None:
    with sqlite3.connect(db_path, timeout=30) as conn:
        row = conn.execute("select holder from monitor_leases where name = 'monitor'").fetchone()
    return row[0] if row else None


def _wait_for(condition, timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _articles(db_path: Path) -> int:
    with sqlite3.connect(db_path, timeout=30) as conn:
        return conn.execute("select count(*) from articles").fetchone()[0]


def _stored(db_path: Path) -> int:
    with sqlite3.connect(db_path, timeout=30) as conn:
        return int(conn.execute("select count(*) from articles").fetchone()[0])


def _check_database(db_path: Path) -> int:
    with sqlite3.connect(db_path, timeout=30) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        total, urls = conn.execute(
            "select count(*), count(distinct url_norm) from articles"
        ).fetchone()
        guids = conn.execute(
            "select count(*) from (select feed_id, guid from articles where guid is not null "
            "group by feed_id, guid having count(*) > 1)"
        ).fetchone()[0]
    assert total == urls and guids == 0, (total, urls, guids)
    return total


@pytest.fixture
def feeds_db(tmp_path, local_server):
    MintingFeeds(local_server)
    db_path = tmp_path / "fw.sqlite3"
    _config(db_path)
    db = open_database(db_path)
    for f in range(FEEDS):
        # due again as soon as fetched (with poll_min_minutes = 0): monitors keep fetching
        add_feed(db, local_server.url(f"/feed/{f}.xml"), name=f"Feed {f}", interval_minutes=0)
    db.close()
    return db_path


def _stop(proc: subprocess.Popen, sig=signal.SIGTERM) -> tuple[str, str]:
    proc.send_signal(sig)
    proc.wait(timeout=60)
    out, err = _output(proc)
    proc.out.close()  # type: ignore[attr-defined]
    proc.err.close()  # type: ignore[attr-defined]
    return out, err


RUN = ("run", "--no-analyse", "--idle-seconds", "0.5")


def test_a_second_run_says_who_holds_the_lease_and_exits_0(feeds_db):
    first = _monitor(feeds_db, *RUN, "--name", "comms laptop")
    try:
        _wait_for(lambda: _holder(feeds_db) == f"{os.uname().nodename}:{first.pid}", what="lease")
        _wait_for(lambda: _articles(feeds_db) > 0, what="articles")
        second = subprocess.run(
            [sys.executable, "-m", "core.cli", "monitor", *RUN],
            cwd=REPO,
            env=_env(feeds_db),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "already running on this database" in second.stdout
        assert f":{first.pid} (comms laptop)" in second.stdout
        assert "Traceback" not in second.stderr
        assert _holder(feeds_db).endswith(f":{first.pid}")
        once = subprocess.run(
            [sys.executable, "-m", "core.cli", "monitor", "once", "--json"],
            cwd=REPO,
            env=_env(feeds_db),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert once.returncode == 0 and '"holder_name": "comms laptop"' in once.stdout
    finally:
        out, err = _stop(first)
    assert first.returncode == 0, err
    assert "monitor stopped after" in out
    assert _holder(feeds_db) is None  # released on the way out
    _check_database(feeds_db)


def test_a_waiting_run_takes_over_when_the_holder_stops(feeds_db):
    first = _monitor(feeds_db, *RUN)
    try:
        _wait_for(lambda: _holder(feeds_db) == f"{os.uname().nodename}:{first.pid}", what="lease")
        second = _monitor(feeds_db, *RUN, "--wait")
        _wait_for(lambda: _started(second, feeds_db), what="the second monitor's start-up")
        assert second.poll() is None  # waiting, not exited, not running passes
        assert _holder(feeds_db).endswith(f":{first.pid}")
        out1, err1 = _stop(first)
        assert first.returncode == 0, err1
        _wait_for(
            lambda: _holder(feeds_db) == f"{os.uname().nodename}:{second.pid}", what="takeover"
        )
        stored = _articles(feeds_db)
        _wait_for(lambda: _articles(feeds_db) > stored, what="the new holder's articles")
    finally:
        out2, err2 = _stop(second)
    assert second.returncode == 0, err2
    assert "waiting for the monitor held by" in err2
    _check_database(feeds_db)


def test_a_killed_holder_on_this_host_is_taken_over_at_once(feeds_db):
    first = _monitor(feeds_db, *RUN)
    _wait_for(lambda: _holder(feeds_db) == f"{os.uname().nodename}:{first.pid}", what="lease")
    _stop(first, signal.SIGKILL)
    assert _holder(feeds_db).endswith(f":{first.pid}")  # it had no chance to release it
    before = _articles(feeds_db)
    once = subprocess.run(
        [sys.executable, "-m", "core.cli", "monitor", "once", "--all", "--no-analyse", "--json"],
        cwd=REPO,
        env=_env(feeds_db),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert once.returncode == 0, once.stderr
    assert '"articles"' in once.stdout and _articles(feeds_db) > before
    _check_database(feeds_db)


def test_another_hosts_lease_is_respected_until_it_expires(feeds_db):
    from storage import lease as lease_store

    db = open_database(feeds_db)
    now = utcnow()
    with db.transaction() as conn:
        lease_store.acquire(
            conn,
            holder="elsewhere.example:4242",
            holder_name="the office server",
            now=now,
            until=iso_plus(now, seconds=600),
        )
    once = [sys.executable, "-m", "core.cli", "monitor", "once", "--all", "--no-analyse"]
    held = subprocess.run(once, cwd=REPO, env=_env(feeds_db), capture_output=True, text=True)
    assert held.returncode == 0, held.stderr
    assert "elsewhere.example:4242 (the office server)" in held.stdout
    assert _articles(feeds_db) == 0
    with db.transaction() as conn:  # its lease ran out (the server died)
        lease_store.acquire(
            conn, holder="elsewhere.example:4242", holder_name="", now=now, until=now
        )
    db.close()
    taken = subprocess.run(once, cwd=REPO, env=_env(feeds_db), capture_output=True, text=True)
    assert taken.returncode == 0, taken.stderr
    assert _articles(feeds_db) > 0 and _holder(feeds_db) is None


WRITER = """
import sys, time
from dataclasses import replace
from core.settings import load_settings
from monitor.pipeline import run_pass
from storage.db import open_database
path, seconds = sys.argv[1], float(sys.argv[2])
settings = load_settings(db=path)
settings = replace(settings, monitor=replace(
    settings.monitor, min_host_interval=0.0, allow_private_addresses=True, total_timeout=30.0))
db = open_database(path)
print("ready", flush=True)
stored, passes, end = 0, 0, time.monotonic() + seconds
while time.monotonic() < end:
    stored += run_pass(db, settings, all_feeds=True, analyse=False, fetch_articles=False).articles
    passes += 1
print("stored", stored, "passes", passes, flush=True)
"""


def test_two_writers_without_the_lease_store_each_article_once(feeds_db):
    """Two programs running the pipeline itself (no lease between them) on the
    same feeds at the same moments: both finish, nothing is stored twice."""
    seconds = "30" if SOAK else "8"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(feeds_db), seconds],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err.strip().splitlines()[-1:]
        assert "stored" in out
    stored = [int(out.split("stored", 1)[1].split()[0]) for out, _ in results]
    total = _check_database(feeds_db)
    assert sum(stored) == total and min(stored) > 0, (stored, total)
    print(f"two writers for {seconds} s: {stored} articles each, {total} stored, no duplicates")


@pytest.mark.slow
def test_two_monitors_run_together_on_one_database(feeds_db):
    """Two ``monitor run --wait`` processes for SECONDS (60 with
    FRAMEWATCH_SOAK=1): one runs, the other waits; every few seconds the one
    running is stopped (SIGTERM) and a fresh waiter started, so the lease
    changes hands again and again.  Every process exits 0, nothing is stored
    twice, the database is whole."""
    seconds = 60.0 if SOAK else 20.0

    def start() -> subprocess.Popen:
        proc = _monitor(feeds_db, *RUN, "--wait")
        _wait_for(lambda: _started(proc, feeds_db), what="a monitor's start-up")
        return proc

    procs = [start(), start()]
    # The first holder must have stored something before the lease starts
    # changing hands: on a loaded machine a model load can outlast the 6 s
    # between handovers, and a run that stores nothing proves nothing.
    _wait_for(lambda: _stored(feeds_db) > 0, timeout=300, what="the first stored article")
    finished: list[tuple[subprocess.Popen, str, str]] = []
    handovers, end = 0, time.monotonic() + seconds
    # on a loaded machine a start-up can eat the whole window: go on (up to a
    # hard cap) until the lease has changed hands at least twice
    hard_end = end + 300.0

    def more() -> bool:
        now = time.monotonic()
        return now < end or (handovers < 2 and now < hard_end)

    while more():
        time.sleep(6.0 if handovers < 2 else min(6.0, max(0.0, end - time.monotonic())))
        holder = _holder(feeds_db)
        running = [p for p in procs if holder and holder.endswith(f":{p.pid}")]
        if running and more():
            out, err = _stop(running[0])
            finished.append((running[0], out, err))
            procs.remove(running[0])
            procs.append(start())
            handovers += 1
    for proc in procs:
        out, err = _stop(proc)
        finished.append((proc, out, err))
    for proc, _out, err in finished:
        assert proc.returncode == 0, err.strip().splitlines()[-3:]
        assert "Traceback" not in err
    total = _check_database(feeds_db)
    print(f"{seconds:.0f} s, {len(finished)} monitors, {handovers} handovers, {total} articles")
    assert handovers >= 2 and total > 0
