"""SIGKILL `framewatch monitor once --all` at random moments, twenty times,
setting review decisions in between; the database must stay whole."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from monitor.feeds import add_feed
from monitor.localserver import Response
from storage.db import open_database
from storage.schema import articles, flags, stories

FEEDS, ITEMS = 12, 6
WORDS = ["inmates", "offenders", "thugs", "prisoners", "people in prison", "addicts", "residents"]


def _page(f, i):
    rng = random.Random(f * 100 + i)
    paras = "".join(
        f"<p>Paragraph {p} of report {f}-{i}: the court in Harwick heard that {rng.choice(WORDS)} at HMP "
        f"Ashworth Vale had waited {rng.randint(2, 90)} days for a hearing, and the judge sentenced "
        f"the defendant to {rng.randint(1, 9)} years in prison on count {p}.</p>"
        for p in range(6)
    )
    return f"<html><body><article><h1>Report {f}-{i}</h1>{paras}</article></body></html>".encode()


def _feed(base, f):
    items = "".join(
        f"<item><title>Prison report {f}-{i}: sentencing at Crown Court</title>"
        f"<link>{base}/a/{f}/{i}?utm_source=rss</link><guid>{base}/a/{f}/{i}#0</guid>"
        f"<description>Summary {f}-{i} about the prison.</description></item>"
        for i in range(ITEMS)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>{items}</channel></rss>'.encode()


def _snapshot(db):
    with db.read() as conn:
        return {
            (r.article_id, r.start, r.end, r.entry): (r.decision, r.note)
            for r in conn.execute(sa.select(flags))
        }


@pytest.mark.slow
def test_sigkill_twenty_times_loses_nothing(tmp_path, local_server):
    base = local_server.base
    for f in range(FEEDS):
        local_server.routes[f"/feed/{f}.xml"] = Response(
            200, {"Content-Type": "application/rss+xml"}, _feed(base, f)
        )
        for i in range(ITEMS):
            local_server.routes[f"/a/{f}/{i}"] = Response(
                200, {"Content-Type": "text/html"}, _page(f, i)
            )
    path = tmp_path / "crash.sqlite3"
    db = open_database(path)
    for f in range(FEEDS):
        add_feed(db, f"{base}/feed/{f}.xml")
    env = dict(
        os.environ,
        FRAMEWATCH_DB=str(path),
        FRAMEWATCH_MIN_HOST_INTERVAL="0",
        FRAMEWATCH_ALLOW_PRIVATE="1",
        FRAMEWATCH_GLOBAL_CONCURRENCY="8",
        FRAMEWATCH_PER_HOST_CONCURRENCY="8",
    )
    cmd = [sys.executable, "-m", "core.cli", "monitor", "once", "--all", "--json"]
    rng = random.Random(20261126)
    decided: dict = {}
    for round_ in range(20):
        before = _snapshot(db)
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if round_ % 2:
            # mid-write: wait for this run to store a few articles, then kill at a random moment
            with db.read() as conn:
                start_count = conn.execute(
                    sa.select(sa.func.count()).select_from(articles)
                ).scalar_one()
            target = start_count + rng.randint(1, 6)
            deadline = time.monotonic() + 30
            while proc.poll() is None and time.monotonic() < deadline:
                with db.read() as conn:
                    if (
                        conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
                        >= target
                    ):
                        break
                time.sleep(0.02)
            time.sleep(rng.uniform(0, 0.3))
        else:
            # anywhere: start-up, fetching, parsing, model loading
            time.sleep(rng.uniform(0.2, 3.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        # no flag (or decision) that existed before this crash is gone after it
        after = _snapshot(db)
        assert all(after.get(key) == value for key, value in before.items()), f"round {round_}"
        # a reviewer works between crashes: decide on a few flags
        pending = [k for k, (d, _) in after.items() if d == "pending"]
        with db.transaction() as conn:
            for key in rng.sample(pending, min(3, len(pending))):
                decision = rng.choice(["accepted", "dismissed"])
                note = f"round {round_}"
                conn.execute(
                    flags.update()
                    .where(
                        flags.c.article_id == key[0],
                        flags.c.start == key[1],
                        flags.c.end == key[2],
                        flags.c.entry == key[3],
                    )
                    .values(decision=decision, note=note, decided_by="test")
                )
                decided[key] = (decision, note)
    final = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stderr
    summary = json.loads(final.stdout)
    assert summary["failed"] == 0

    with db.read() as conn:
        assert conn.execute(sa.text("pragma integrity_check")).scalar() == "ok"
        arts = conn.execute(sa.select(articles)).all()
        assert len(arts) == FEEDS * ITEMS
        assert len({a.url_norm for a in arts}) == len(arts)
        # every article is whole: relevant ones analysed (flags written with them), stories all used
        assert all(a.relevant and a.analysed_at and a.model for a in arts)
        story_ids = set(conn.execute(sa.select(stories.c.id)).scalars())
        assert story_ids == {a.story_id for a in arts}
        n_flags = conn.execute(sa.select(sa.func.count()).select_from(flags)).scalar_one()
        texts = {a.id: a.text for a in arts}
        for fl in conn.execute(sa.select(flags)):
            assert texts[fl.article_id][fl.start : fl.end] == fl.text
    assert n_flags > 0
    after = _snapshot(db)
    assert decided and all(after.get(key) == value for key, value in decided.items())
    db.close()
