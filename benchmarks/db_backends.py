"""SQLite against PostgreSQL in the same run, on a team-sized database.

    python benchmarks/db_backends.py [--articles 50000] [--flags-per-article 2.5]
        [--pg postgresql://postgres@127.0.0.1:5432/test] [--feeds 20 --items 25] [--json]

Both databases get the same rows (ARTICLES articles, 2.5 flags each: 50,000 /
125,000 by default), bulk-inserted through the storage layer, then:

* queue first page: the review queue's first 200 rows, stories folded (what
  the UI shows on opening), median of 15;
* article open: one article with its flags, as the review screen opens it:
  its lease taken (a committed write) and the article read, median of 60
  random articles; and the read alone;
* decision write: one accept/dismiss with its version check, log row and
  status change, committed, median of 120 random flags;
* monitor pass: the real pipeline (fetch, parse, dedup, extract, relevance,
  stories; analysis off, so the engine's time does not hide the database's)
  over FEEDS x ITEMS new articles from a local HTTP server, into the big
  database: articles/s.

SQLite is the baseline measured in the same run; the ratio column is
PostgreSQL's figure over SQLite's (for times below 1 means PostgreSQL is
faster; for articles/s above 1 does).  The
PostgreSQL database is created on the server given by --pg (the machine's
127.0.0.1:5432 by default) under a unique name and dropped afterwards.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

SENTENCES = [
    "Officials said the inmates were moved to another prison on Tuesday.",
    "The magistrates heard that the offenders had damaged a badger sett.",
    'A councillor said: "These thugs should never be released."',
    "The charity runs a job club for people leaving prison.",
    "Police said the junkie had been arrested twice this year.",
    "Hundreds of lags were freed early as jails hit bursting point.",
]
OUTLETS = ["Daily Example", "Valley Gazette", "Metro Evening", "Northgate Herald", "Justice Weekly"]
ENTRIES = [("inmate", "high"), ("offender", "medium"), ("thug", "high"), ("junkie", "high")]
NOW = "2026-11-26T00:00:00+00:00"


def fill(db, n: int, per: float) -> int:
    """n articles in n/3 stories with ~per flags each; returns the flags stored."""
    from storage import articles, flags, stories
    from storage.db import analyze

    rng = random.Random(17)
    total_flags = 0
    batch = 5000
    with db.transaction("filling it") as conn:
        stories.insert_many(
            conn, [dict(id=i + 1, title=f"story {i}", created_at=NOW) for i in range(n // 3 + 1)]
        )
    for lo in range(0, n, batch):
        rows, flag_rows = [], []
        for i in range(lo, min(n, lo + batch)):
            text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
            rows.append(
                dict(
                    id=i + 1,
                    outlet=OUTLETS[i % len(OUTLETS)],
                    url=f"https://example.org/{i}",
                    url_norm=f"https://example.org/{i}",
                    title=f"Article {i}: {text[:50]}",
                    title_norm=f"article {i}",
                    published_at=f"2026-{10 + i % 2:02d}-{1 + i % 28:02d}T08:00:00+00:00",
                    fetched_at=NOW,
                    text=text,
                    word_count=len(text.split()),
                    relevance=0.9,
                    relevant=True,
                    story_id=i // 3 + 1,
                    status="new",
                    analysed_at=NOW,
                    model="bench",
                )
            )
            # ~per flags per article (2 or 3 for 2.5), at distinct offsets
            k = int(per) + (1 if rng.random() < per - int(per) else 0)
            for j in range(k):
                entry, severity = ENTRIES[(i + j) % len(ENTRIES)]
                flag_rows.append(
                    dict(
                        article_id=i + 1,
                        field="text",
                        start=j * 20,
                        end=j * 20 + 6,
                        text=entry,
                        entry=entry,
                        category="offence_identity",
                        severity=severity,
                        quoted=j == 2,
                        suggestions='["person in prison"]',
                    )
                )
        with db.transaction("filling it") as conn:
            articles.insert_many(conn, rows)
            flags.insert_many(conn, flag_rows)
        total_flags += len(flag_rows)
    with db.transaction("analysing it") as conn:
        if conn.dialect.name == "postgresql":
            # ids were given: the sequences continue after them
            for table in ("articles", "stories", "flags"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {table}))"
                )
        analyze(conn)
    return total_flags


def _median_ms(fn, args_list) -> float:
    times = []
    for args in args_list:
        t = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def measure(db, n: int, flag_ids: list[int]) -> dict[str, float]:
    from monitor.review import article, listing
    from monitor.review.model import QueueFilter

    rng = random.Random(3)
    queue = _median_ms(
        lambda: listing.queue(db, QueueFilter(), limit=200, viewer="Bench"), [()] * 15
    )

    def open_one(aid: int) -> None:
        article.open_article(db, aid, who="Bench", session="bench:1")
        article.get_article(db, aid, viewer="Bench")

    opened = _median_ms(open_one, [(rng.randint(1, n),) for _ in range(60)])
    read = _median_ms(
        lambda aid: article.get_article(db, aid, viewer="Bench"),
        [(rng.randint(1, n),) for _ in range(60)],
    )

    def decide(fid: int) -> None:
        shown = article.get_flag(db, fid)
        choice = "dismissed" if shown.decision == "accepted" else "accepted"
        article.record_decision(db, fid, choice, by="Bench", shown=shown.version)

    write = _median_ms(decide, [(rng.choice(flag_ids),) for _ in range(120)])
    return {
        "queue_first_page_ms": queue,
        "article_open_ms": opened,
        "article_read_ms": read,
        "decision_write_ms": write,
    }


def monitor_pass(db, target, base: str, feeds: int) -> tuple[int, float]:
    from core.settings import load_settings
    from monitor.feeds import add_feed
    from monitor.pipeline import run_pass

    settings = load_settings(db=target)
    settings = replace(
        settings,
        monitor=replace(
            settings.monitor,
            min_host_interval=0.0,
            allow_private_addresses=True,
            per_host_concurrency=8,
            global_concurrency=8,
        ),
    )
    ids = [add_feed(db, f"{base}/feed/{f}.xml") for f in range(feeds)]
    t = time.perf_counter()
    result = run_pass(db, settings, feed_ids=ids, analyse=False)
    seconds = time.perf_counter() - t
    return result.articles, seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--flags-per-article", type=float, default=2.5)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--items", type=int, default=25)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    import sqlalchemy as sa
    from monitor_throughput import _serve

    from storage.db import database_url, display_url, open_database
    from storage.schema import flags

    admin = sa.create_engine(
        database_url(args.pg), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool
    )
    name = f"fw_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    pg_url = sa.make_url(args.pg).set(database=name).render_as_string(hide_password=False)
    tmp = Path(tempfile.mkdtemp(prefix="fw-dbbench-"))
    targets = {"sqlite": tmp / "bench.sqlite3", "postgresql": pg_url}

    ctx = mp.get_context("fork")
    port_q = ctx.Queue()
    server = ctx.Process(target=_serve, args=(args.feeds, args.items, port_q), daemon=True)
    server.start()
    figures: dict[str, dict[str, float]] = {}
    try:
        base = f"http://127.0.0.1:{port_q.get(timeout=300)}"
        for backend, target in targets.items():
            db = open_database(target)
            t = time.perf_counter()
            stored_flags = fill(db, args.articles, args.flags_per_article)
            fill_s = time.perf_counter() - t
            with db.read() as conn:
                flag_ids = list(conn.execute(sa.select(flags.c.id)).scalars())
            row: dict[str, float] = {
                "articles": args.articles,
                "flags": stored_flags,
                "fill_s": fill_s,
                **measure(db, args.articles, flag_ids),
            }
            stored, seconds = monitor_pass(db, target, base, args.feeds)
            row["monitor_pass_articles"] = stored
            row["monitor_pass_articles_per_s"] = stored / seconds if seconds else 0.0
            db.close()
            figures[backend] = row
            print(f"{backend} done ({display_url(target)})", file=sys.stderr)
    finally:
        server.terminate()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    s, p = figures["sqlite"], figures["postgresql"]
    print(
        f"{args.articles} articles, {int(s['flags'])} flags; PostgreSQL at "
        f"{display_url(args.pg)} (new database {name}); SQLite is the baseline"
    )
    print(f"{'':<30} {'SQLite':>10} {'PostgreSQL':>11} {'PG/SQLite':>10}")
    for key, label in (
        ("fill_s", "bulk load (s)"),
        ("queue_first_page_ms", "queue first page (ms)"),
        ("article_open_ms", "article open (ms)"),
        ("article_read_ms", "  of which reading (ms)"),
        ("decision_write_ms", "decision write (ms)"),
        ("monitor_pass_articles_per_s", "monitor pass (articles/s)"),
    ):
        print(f"{label:<30} {s[key]:>10.1f} {p[key]:>11.1f} {p[key] / s[key]:>10.2f}")
    print(
        f"monitor pass: {int(s['monitor_pass_articles'])} / {int(p['monitor_pass_articles'])} "
        f"new articles from {args.feeds} local feeds (analysis off); times: lower is better, "
        "articles/s: higher is better"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
