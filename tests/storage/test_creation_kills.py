"""Creating a database is all or nothing (issue 16, failure 3).

A SIGKILL while a new database was being created used to leave tables
without a schema version, and every later run failed for good ("table
award_cycles already exists").  Here real processes create databases and are
killed at random moments of the creation; every database must open
afterwards, complete.  A database half-made by an older version is refused
with a one-line remedy.

The default run kills KILLS times; FRAMEWATCH_SOAK=1 runs the full 50.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from storage.db import heads, open_database
from storage.errors import DatabaseError

KILLS = 50 if os.environ.get("FRAMEWATCH_SOAK") else 16
REPO = Path(__file__).resolve().parents[2]
CREATE = (
    "import sys\n"
    "from storage.db import open_database\n"
    "print('ready', flush=True)\n"
    "open_database(sys.argv[1]).close()\n"
    "print('done', flush=True)\n"
)


def _spawn(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", CREATE, str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    return proc


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}


def _schema(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("select name, sql from sqlite_master order by name").fetchall()


@pytest.mark.slow
def test_sigkill_during_creation_never_leaves_an_unusable_database(tmp_path):
    # how long a creation takes here (the median of three, measured now): the
    # kills are spread over that time
    timings = []
    for n in range(3):
        proc = _spawn(tmp_path / f"calibrate{n}.sqlite3")
        t0 = time.monotonic()
        assert proc.stdout.readline().strip() == "done"
        timings.append(time.monotonic() - t0)
        proc.wait(timeout=60)
    creation = sorted(timings)[1]
    complete = _tables(tmp_path / "calibrate0.sqlite3")

    rng = random.Random(16)
    mid = 0
    for n in range(KILLS):
        path = tmp_path / f"kill{n}.sqlite3"
        proc = _spawn(path)
        time.sleep(rng.uniform(0, creation))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        if "done" not in out and path.exists():
            mid += 1  # the file was there and the creation had not finished
        db = open_database(path)  # a DatabaseError here is the failure
        with db.read() as conn:
            versions = set(
                conn.execute(sa.text("select version_num from alembic_version")).scalars()
            )
            assert conn.execute(sa.text("pragma integrity_check")).scalar() == "ok"
        db.close()
        assert versions == heads(), n
        assert _tables(path) == complete, n
    print(f"{KILLS} kills, {mid} during creation; creation takes {creation:.2f} s here")
    assert mid >= KILLS // 3, f"only {mid} of {KILLS} kills landed during creation"


def test_two_processes_creating_one_database_both_succeed(tmp_path):
    path = tmp_path / "shared.sqlite3"
    procs = [_spawn(path) for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and "done" in out, err
    db = open_database(path)
    with db.read() as conn:
        assert (
            set(conn.execute(sa.text("select version_num from alembic_version")).scalars())
            == heads()
        )
    db.close()


def test_a_half_made_database_is_refused_with_a_remedy_and_left_alone(tmp_path):
    path = tmp_path / "half.sqlite3"
    with sqlite3.connect(path) as conn:  # what an older version's killed first run left
        conn.execute("create table feeds (id integer primary key, url text)")
        conn.execute("create table award_cycles (id integer primary key, name text)")
    before = _schema(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: half-made by an interrupted first run")
    assert "delete" in message and "run again" in message and "\n" not in message
    assert _schema(path) == before  # nothing created, nothing dropped


def test_a_database_of_another_program_is_not_migrated_over(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("create table invoices (id integer primary key)")
        conn.execute("insert into invoices values (1)")
    with pytest.raises(DatabaseError, match="not a Framewatch database"):
        open_database(path)
    assert _tables(path) == {"invoices"}
