"""SIGKILL `framewatch monitor once --all` again and again, with new articles
arriving every round and a reviewer deciding on flags in between.

After every kill the database must be whole: nothing stored before is lost or
changed, and every article marked analysed has exactly its flags (the flags
are worked out from the page text by hand, not by asking the engine).  The
kills are aimed: some at random moments of a pass, some once this round's
articles are being stored, some the moment another connection sees a write
transaction open (``BEGIN IMMEDIATE`` is refused); ``PRAGMA data_version``
then tells whether anything was committed between that sighting and the
death, so a kill that really cut a write short is counted as such.  The
figures are printed (``-s``) and the test fails if too few kills landed
where it claims to test.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from monitor.feeds import add_feed
from monitor.localserver import Response
from storage.db import open_database
from storage.schema import articles, flags

FEEDS, PER_ROUND, ROUNDS = 8, 2, 18
# the words a page is written with; the flagged ones with their lexicon entries,
# by the flagging policy (writer's voice, people in the justice system)
FLAGGED = {
    "inmates": "inmate",
    "offenders": "offender",
    "thugs": "thug",
    "addicts": "addict",
    "prisoners": "prisoner",
}
NEUTRAL = ["people in prison", "residents", "families"]
WORD_RE = re.compile(r"\b(" + "|".join(FLAGGED) + r")\b")
# at least this many kills must land where the test says it tests
MIN_MID_PASS, MIN_MID_WRITE = 6, 2


def _page(f: int, i: int) -> bytes:
    rng = random.Random(f * 1000 + i)
    paras = "".join(
        f"<p>Paragraph {p} of report {f}-{i}: the court in Harwick heard that "
        f"{rng.choice([*FLAGGED, *NEUTRAL])} at HMP Ashworth Vale had waited "
        f"{rng.randint(2, 90)} days for a hearing, and the judge sentenced the "
        f"defendant to {rng.randint(1, 9)} years in prison on count {p}.</p>"
        for p in range(6)
    )
    return f"<html><body><article><h1>Report {f}-{i}</h1>{paras}</article></body></html>".encode()


def _feed(base: str, f: int, n_items: int) -> bytes:
    items = "".join(
        f"<item><title>Prison report {f}-{i}: sentencing at Crown Court</title>"
        f"<link>{base}/a/{f}/{i}?utm_source=rss</link><guid>{base}/a/{f}/{i}#0</guid>"
        f"<description>Summary {f}-{i} about the prison.</description></item>"
        for i in range(n_items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>'
        f"{items}</channel></rss>"
    ).encode()


def _slow(body: bytes, content_type: str, seconds: float):
    """A route that takes ``seconds`` to answer: passes last long enough to be hit."""

    def route(req):
        time.sleep(seconds)
        return Response(200, {"Content-Type": content_type}, body)

    return route


def expected_flags(text: str) -> set[tuple[str, int, int, str]]:
    """(field, start, end, entry) of every flagged word in a stored body, by hand."""
    return {("text", m.start(), m.end(), FLAGGED[m.group(1)]) for m in WORD_RE.finditer(text)}


def _snapshot(db) -> dict:
    with db.read() as conn:
        return {
            (r.article_id, r.field, r.start, r.end, r.entry): (r.decision, r.note)
            for r in conn.execute(sa.select(flags))
        }


def check_whole(db, round_: int) -> tuple[int, int]:
    """The invariant after a kill; returns (articles stored, of them analysed)."""
    with db.read() as conn:
        assert conn.execute(sa.text("pragma integrity_check")).scalar() == "ok", round_
        arts = conn.execute(sa.select(articles)).all()
        stored: dict[int, set] = {}
        for r in conn.execute(sa.select(flags)):
            stored.setdefault(r.article_id, set()).add((r.field, r.start, r.end, r.entry))
    analysed = 0
    for a in arts:
        if a.analysed_at:
            analysed += 1
            # an analysed article has all of its flags, and only those
            assert stored.get(a.id, set()) == expected_flags(a.text), (round_, a.url, a.id)
            assert a.model, (round_, a.id)
        else:
            # no flag is ever stored for an article not (yet) marked analysed
            assert a.id not in stored, (round_, a.url, a.id)
    assert len({a.url_norm for a in arts}) == len(arts), round_
    return len(arts), analysed


@dataclass
class Kill:
    round: int
    aim: str  # anywhere | storing | mid-write
    alive: bool  # the process was still running when the signal was sent
    stored_before: int
    stored_after: int
    due: int  # articles this round had to store (new ones plus any a kill left over)
    write_open: bool = False  # another connection saw a write transaction open ...
    cut_short: bool = False  # ... and nothing was committed before the process died

    @property
    def mid_pass(self) -> bool:
        """Killed while running, with this round's articles partly stored."""
        return self.alive and 0 < self.stored_after - self.stored_before < self.due


def _count(db) -> int:
    with db.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()


def _wait_for_count(db, proc, target: int, deadline: float) -> None:
    while proc.poll() is None and time.monotonic() < deadline and _count(db) < target:
        time.sleep(0.005)


def _kill_mid_write(path, proc, deadline: float) -> tuple[bool, bool]:
    """Poll for an open write transaction and SIGKILL the moment one is seen.

    Returns (seen open, cut short): cut short when ``data_version`` shows no
    commit by anyone between the sighting and the process's death."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            version = probe.execute("PRAGMA data_version").fetchone()[0]
            try:
                probe.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:  # "database is locked": a writer is mid-write
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
                after = probe.execute("PRAGMA data_version").fetchone()[0]
                return True, after == version
            probe.execute("ROLLBACK")
            time.sleep(0.001)
        return False, False
    finally:
        probe.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_and_never_splits_an_article(
    tmp_path, local_server
):
    base = local_server.base
    rng = random.Random(20261126)
    for f in range(FEEDS):
        for i in range(ROUNDS * PER_ROUND):
            local_server.routes[f"/a/{f}/{i}"] = _slow(
                _page(f, i), "text/html", rng.uniform(0.02, 0.12)
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
        FRAMEWATCH_GLOBAL_CONCURRENCY="4",
        FRAMEWATCH_PER_HOST_CONCURRENCY="4",
    )
    cmd = [sys.executable, "-m", "core.cli", "monitor", "once", "--all", "--json"]
    decided: dict = {}
    kills: list[Kill] = []
    aims = ["anywhere", "storing", "mid-write"]
    for round_ in range(ROUNDS):
        # new articles every round: each feed now lists PER_ROUND more items
        listed = (round_ + 1) * PER_ROUND
        for f in range(FEEDS):
            local_server.routes[f"/feed/{f}.xml"] = _slow(
                _feed(base, f, listed), "application/rss+xml", rng.uniform(0.0, 0.3)
            )
        before = _snapshot(db)
        start_count = _count(db)
        due = FEEDS * listed - start_count
        aim = aims[round_ % 3]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        write_open = cut_short = False
        if aim == "anywhere":  # start-up, fetching, model loading, analysing, storing
            time.sleep(rng.uniform(0.2, 3.0))
        elif aim == "storing":  # a random number of this round's articles in, then a moment
            _wait_for_count(db, proc, start_count + rng.randint(1, max(1, due - 1)), deadline)
            time.sleep(rng.uniform(0.0, 0.02))
        else:  # the moment a write is seen open, after a random number of articles
            _wait_for_count(db, proc, start_count + rng.randint(0, max(0, due - 2)), deadline)
            write_open, cut_short = _kill_mid_write(path, proc, deadline)
        alive = proc.poll() is None
        if alive:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        after_count, _ = check_whole(db, round_)
        kills.append(
            Kill(
                round_,
                aim,
                alive or write_open,
                start_count,
                after_count,
                due,
                write_open,
                cut_short,
            )
        )
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
                        flags.c.field == key[1],
                        flags.c.start == key[2],
                        flags.c.end == key[3],
                        flags.c.entry == key[4],
                    )
                    .values(decision=decision, note=note, decided_by="test")
                )
                decided[key] = (decision, note)

    final = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
    assert final.returncode == 0, final.stderr
    assert json.loads(final.stdout)["failed"] == 0
    total, analysed = check_whole(db, ROUNDS)
    assert total == analysed == FEEDS * ROUNDS * PER_ROUND
    with db.read() as conn:
        arts = conn.execute(sa.select(articles)).all()
        n_flags = conn.execute(sa.select(sa.func.count()).select_from(flags)).scalar_one()
    assert all(a.relevant and a.story_id for a in arts)
    assert n_flags == sum(len(expected_flags(a.text)) for a in arts) > 0
    after = _snapshot(db)
    assert decided and all(after.get(key) == value for key, value in decided.items())
    db.close()

    # the kills landed where this test claims to test
    landed = Counter()
    for k in kills:
        landed["while running"] += k.alive
        landed["mid-pass"] += k.mid_pass
        landed["with a write open"] += k.write_open
        landed["mid-write"] += k.cut_short
    print(
        f"\n{len(kills)} kills: {landed['while running']} while running, "
        f"{landed['mid-pass']} mid-pass (this round's articles partly stored), "
        f"{landed['with a write open']} as a write transaction was seen open, "
        f"{landed['mid-write']} of them before it committed (mid-write); "
        f"articles stored per round: {[k.stored_after - k.stored_before for k in kills]}"
    )
    assert landed["mid-pass"] >= MIN_MID_PASS, kills
    assert landed["mid-write"] >= MIN_MID_WRITE, kills
