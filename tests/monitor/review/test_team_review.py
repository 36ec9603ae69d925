"""Several reviewers on one database (issue 17), on SQLite and PostgreSQL:
a decision on a flag someone else changed since it was shown is a conflict
reported with who, when and what, never a silent overwrite; an article shows
who has it open; the queue can hide articles others have open; and four
reviewer processes deciding on the same flags lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
import sqlalchemy as sa

from monitor.review import article, listing
from monitor.review.model import DecisionConflict, QueueFilter
from storage.schema import flag_decisions, flags


def _first_flag(db):
    view = article.get_article(db, db.article_ids[0])
    return view.flags[0]


def test_a_decision_on_a_flag_changed_since_it_was_shown_is_a_conflict(filled_db):
    db = filled_db
    shown = _first_flag(db)  # both reviewers see version 0
    assert shown.version == 0
    sam = article.decide(db, shown.id, "accepted", by="Sam", shown=shown.version)
    assert (sam.version, sam.decided_by) == (1, "Sam")
    with pytest.raises(DecisionConflict) as conflict:
        article.decide(db, shown.id, "dismissed", reason="quoted", by="Ana", shown=shown.version)
    message = str(conflict.value)
    assert "decided by Sam at " in message and ": accept; yours: dismiss" in message
    assert conflict.value.current.decided_by == "Sam" and conflict.value.yours == "dismissed"
    # nothing of Ana's was written
    now = article.get_flag(db, shown.id)
    assert (now.decision, now.decided_by, now.version, now.reason) == ("accepted", "Sam", 1, "")
    # the same decision as the one made meanwhile is no conflict: Sam's stands
    same, written = article.record_decision(db, shown.id, "accepted", by="Ana", shown=0)
    assert not written and same.decided_by == "Sam"
    # deciding again on what is now shown replaces it, and both are in the log
    ana = article.decide(db, shown.id, "dismissed", by="Ana", shown=now.version)
    assert (ana.decision, ana.decided_by, ana.version) == ("dismissed", "Ana", 2)
    with db.read() as conn:
        log = conn.execute(
            sa.select(flag_decisions.c.by, flag_decisions.c.decision, flag_decisions.c.version)
            .where(flag_decisions.c.flag_id == shown.id)
            .order_by(flag_decisions.c.id)
        ).all()
    assert [tuple(r) for r in log] == [("Sam", "accepted", 1), ("Ana", "dismissed", 2)]
    progress = {p.reviewer: p for p in article.reviewer_progress(db)}
    assert (progress["Sam"].decisions, progress["Sam"].standing) == (1, 0)
    assert (progress["Ana"].decisions, progress["Ana"].dismissed, progress["Ana"].standing) == (
        1,
        1,
        1,
    )


def test_an_open_article_shows_who_has_it_and_the_queue_can_hide_it(filled_db):
    db = filled_db
    first, second = db.article_ids[0], db.article_ids[1]
    assert article.open_article(db, first, who="Sam", session="h:1") is None
    assert article.open_article(db, first, who="Sam", session="h:2") is None  # Sam again
    other = article.open_article(db, first, who="Ana", session="h:3")
    assert other is not None and other[0] == "Sam"
    assert article.get_article(db, first, viewer="Ana").open_by == "Sam"
    assert article.get_article(db, first, viewer="Sam").open_by == ""

    everything = listing.queue(db, QueueFilter(), viewer="Ana")
    assert {r.article_id: r.open_by for r in everything.rows}[first] == "Sam"
    hidden = listing.queue(db, QueueFilter(hide_open_by_others=True), viewer="Ana")
    assert first not in [r.article_id for r in hidden.rows]
    assert second in [r.article_id for r in hidden.rows]
    assert hidden.total == everything.total - 1
    own = listing.queue(db, QueueFilter(hide_open_by_others=True), viewer="Sam")
    assert first in [r.article_id for r in own.rows]  # your own open article is not hidden

    # an expired lease hides nothing, and Ana may then take the article
    article.open_article(db, second, who="Sam", session="h:1", seconds=-1)
    assert article.get_article(db, second, viewer="Ana").open_by == ""
    assert article.open_article(db, second, who="Ana", session="h:3") is None
    article.close_article(db, first, who="Sam")
    assert article.get_article(db, first, viewer="Ana").open_by == ""


# ------------------------------------------------------------------ four processes

WORKER = textwrap.dedent(
    """
    import json, random, sys, time
    from monitor.review import article
    from monitor.review.model import DecisionConflict
    from storage.db import open_database

    url, who, seconds, ids = sys.argv[1], sys.argv[2], float(sys.argv[3]), json.loads(sys.argv[4])
    db = open_database(url)
    rng = random.Random(who)
    counts = dict(attempts=0, written=0, conflicts=0, same=0)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        fid = rng.choice(ids)
        shown = article.get_flag(db, fid)  # what this reviewer is shown
        time.sleep(rng.uniform(0, 0.01))  # reading it
        choice = rng.choice(["accepted", "dismissed"])
        counts["attempts"] += 1
        try:
            _, written = article.record_decision(db, fid, choice, by=who, shown=shown.version)
        except DecisionConflict as exc:
            assert exc.current.version > shown.version and exc.current.decision != choice
            counts["conflicts"] += 1
            continue
        counts["written" if written else "same"] += 1
    db.close()
    print(json.dumps(counts))
    """
)


# PostgreSQL only: the team server is what several reviewers share
@pytest.mark.parametrize("backend", ["postgresql"])
def test_four_reviewer_processes_on_overlapping_flags_lose_nothing(filled_db, db_target):
    db = filled_db
    with db.read() as conn:
        ids = conn.execute(sa.select(flags.c.id).order_by(flags.c.id)).scalars().all()
    assert len(ids) >= 4
    seconds = float(os.environ.get("FRAMEWATCH_CONCURRENCY_SECONDS", "15"))
    reviewers = ["Sam", "Ana", "Joe", "Kim"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db_target), who, str(seconds), json.dumps(ids)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for who in reviewers
    ]
    results = {}
    for who, proc in zip(reviewers, procs, strict=True):
        out, err = proc.communicate(timeout=seconds + 120)
        assert proc.returncode == 0, err[-2000:]
        results[who] = json.loads(out)
    print({w: r for w, r in results.items()})

    with db.read() as conn:
        log = conn.execute(sa.select(flag_decisions).order_by(flag_decisions.c.id)).all()
        final = {r.id: r for r in conn.execute(sa.select(flags).where(flags.c.id.in_(ids)))}
    for who, r in results.items():
        assert r["attempts"] == r["written"] + r["conflicts"] + r["same"]
        # every decision a reviewer was told was saved is in the log, and no other
        assert sum(1 for row in log if row.by == who) == r["written"]
    assert sum(r["conflicts"] for r in results.values()) > 0  # they really did overlap
    assert len(log) == sum(r["written"] for r in results.values()) > 0
    for fid in ids:
        mine = [row for row in log if row.flag_id == fid]
        # each decision was written over the one before it: versions 1..n, none twice
        assert [row.version for row in mine] == list(range(1, final[fid].version + 1))
        if mine:  # the flag holds the last decision written, not an overwritten one
            assert (final[fid].decision, final[fid].decided_by) == (mine[-1].decision, mine[-1].by)
    # the per-reviewer counts the overview shows equal the decisions table
    from monitor.review import insights

    shown = {p.reviewer: p.decisions for p in insights.overview(db).reviewers}
    assert shown == {who: r["written"] for who, r in results.items() if r["written"]}
    assert shown == {p.reviewer: p.decisions for p in article.reviewer_progress(db)}
