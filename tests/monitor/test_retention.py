"""Retention (issue 16, failure 10): a feed that mints new items on every
fetch no longer grows the database without bound, and nothing a person
touched is ever deleted.

Days cannot pass in a test, so between passes the test ages every stored
article by one day (its ``fetched_at``), then applies the policy as
``monitor run`` does.  A second database gets the same passes without the
policy: the baseline, which must keep growing.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import replace

import sqlalchemy as sa

from core.cli import main
from monitor.feeds import add_feed
from monitor.localserver import Response
from monitor.pipeline import run_pass
from storage.awards.tables import cycles, nominations
from storage.db import iso_minus, open_database, utcnow
from storage.schema import articles, flags, stories

ITEMS = 10
WORDS = "basil garlic simmer oven butter pastry whisk lemon thyme roast sauce crumble".split()
POLICY = dict(raw_html_days=3, irrelevant_days=7, every_hours=0)


class MintingRecipes:
    """A recipe feed (not criminal justice) whose every fetch lists ITEMS new
    items with new GUIDs and new pages."""

    def __init__(self, server) -> None:
        self.server, self.fetches, self.rng = server, itertools.count(), random.Random(10)
        server.routes["/recipes.xml"] = self.feed

    def feed(self, _req):
        n = next(self.fetches)
        base, items = self.server.base, []
        for i in range(ITEMS):
            path = f"/recipe/{n}/{i}"
            words = " ".join(self.rng.choice(WORDS) for _ in range(400))
            self.server.routes[path] = Response(
                200,
                {"Content-Type": "text/html"},
                f"<html><body><article><h1>Recipe {n}-{i}</h1><p>{words}</p></article></body></html>".encode(),
            )
            items.append(
                f"<item><title>Recipe {n}-{i}</title><link>{base}{path}</link>"
                f"<guid>urn:mint:{n}:{i}</guid><description>Tonight: {words[:80]}</description></item>"
            )
        return Response(
            200,
            {"Content-Type": "application/rss+xml"},
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Recipes</title>{"".join(items)}'
            "</channel></rss>".encode(),
        )


def _a_day_passes(db) -> None:
    with db.transaction() as conn:
        for row in conn.execute(sa.select(articles.c.id, articles.c.fetched_at)).all():
            conn.execute(
                articles.update()
                .where(articles.c.id == row.id)
                .values(fetched_at=iso_minus(row.fetched_at, days=1))
            )


def _used_bytes(db) -> int:
    with db.read() as conn:
        page = conn.exec_driver_sql("pragma page_size").scalar_one()
        pages = conn.exec_driver_sql("pragma page_count").scalar_one()
        free = conn.exec_driver_sql("pragma freelist_count").scalar_one()
    return page * (pages - free)


def _count(db, table=articles) -> int:
    with db.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def _keep_some(db) -> dict[str, int]:
    """Mark four of the first pass's articles as a person's work."""
    with db.transaction() as conn:
        ids = (
            conn.execute(sa.select(articles.c.id).order_by(articles.c.id).limit(5)).scalars().all()
        )
        conn.execute(articles.update().where(articles.c.id == ids[0]).values(status="reviewed"))
        conn.execute(articles.update().where(articles.c.id == ids[1]).values(status="in_review"))
        conn.execute(articles.update().where(articles.c.id == ids[2]).values(note="ask the desk"))
        conn.execute(
            flags.insert().values(
                article_id=ids[3],
                field="text",
                start=0,
                end=5,
                text="basil",
                entry="x",
                category="labels",
                severity="low",
                decision="dismissed",
                decided_by="Sam",
            )
        )
        cycle = conn.execute(
            cycles.insert().values(
                year=2026,
                name="Awards 2026",
                window_start="2026-01-01",
                window_end="2026-12-31",
                categories="[]",
                criteria="[]",
                created_at=utcnow(),
            )
        ).inserted_primary_key[0]
        conn.execute(
            nominations.insert().values(
                cycle_id=cycle, category="news", article_id=ids[4], created_at=utcnow()
            )
        )
    return dict(zip(["reviewed", "in_review", "noted", "decided", "nominated"], ids, strict=True))


def test_a_minting_feed_no_longer_grows_the_database_under_the_policy(
    tmp_path, mon_settings, local_server
):
    from core.settings import RetentionSettings
    from monitor.retention import apply_retention

    MintingRecipes(local_server)
    settings = replace(mon_settings, monitor=replace(mon_settings.monitor, min_host_interval=0.0))
    kept_db = open_database(tmp_path / "policy.sqlite3")
    baseline = open_database(tmp_path / "baseline.sqlite3")
    for db in (kept_db, baseline):
        add_feed(db, local_server.url("/recipes.xml"))
    counts, used, base_used = [], [], []
    keep: dict[str, int] = {}
    for day in range(24):
        for db in (kept_db, baseline):
            result = run_pass(db, settings, all_feeds=True, analyse=False)
            assert result.articles == ITEMS and result.relevant == 0, result.errors
            _a_day_passes(db)
        if day == 0:
            keep = _keep_some(kept_db)
        report = apply_retention(kept_db, RetentionSettings(**POLICY))
        assert not report.dry_run
        counts.append(_count(kept_db))
        used.append(_used_bytes(kept_db))
        base_used.append(_used_bytes(baseline))

    # the baseline grows by every pass; under the policy the count and the
    # space in use level off once the first articles pass seven days
    assert _count(baseline) == 24 * ITEMS
    assert base_used[-1] > 1.7 * base_used[11]
    assert counts[-1] == counts[11] == counts[16] <= 7 * ITEMS + len(keep)
    assert used[-1] <= 1.1 * used[11], (used[11], used[-1])
    print(
        f"in use after 12 and 24 passes: policy {used[11]}/{used[-1]} B, baseline {base_used[11]}/{base_used[-1]} B"
    )

    with kept_db.read() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(articles))}
        empty = conn.execute(
            sa.select(sa.func.count())
            .select_from(stories)
            .where(~sa.exists().where(articles.c.story_id == stories.c.id))
        ).scalar_one()
        raw = conn.execute(
            sa.select(sa.func.count()).where(articles.c.raw_html_gz.is_not(None))
        ).scalar_one()
    assert set(keep.values()) <= set(rows), "a person's work was deleted"
    assert all(rows[i].raw_html_gz is None for i in keep.values())  # text kept, raw page not
    assert empty == 0  # stories left without articles go too
    assert 0 < raw <= 3 * ITEMS  # the raw pages of the last three days only
    kept_db.close()
    baseline.close()


def _old_irrelevant_database(path) -> int:
    db = open_database(path)
    now = utcnow()
    with db.transaction() as conn:
        for i in range(30):
            conn.execute(
                articles.insert().values(
                    url=f"https://x.example/{i}",
                    url_norm=f"https://x.example/{i}",
                    title=f"Recipe {i}",
                    text="basil " * 2000,
                    raw_html_gz=b"x" * 20000,
                    fetched_at=iso_minus(now, days=400),
                    relevant=False,
                )
            )
        conn.execute(
            articles.update()
            .where(articles.c.url_norm == "https://x.example/0")
            .values(status="reviewed")
        )
    db.close()
    return 30


def test_maintain_dry_run_then_apply_then_vacuum(tmp_path, capsys):
    path = tmp_path / "fw.sqlite3"
    _old_irrelevant_database(path)
    before = path.stat().st_size
    # by default irrelevant articles are kept (deleting them is opt-in)
    assert main(["--db", str(path), "maintain", "--dry-run", "--json"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert default["articles_deleted"] == 0 and default["raw_html_articles"] == 30
    keep = ["--irrelevant-days", "180"]
    assert main(["--db", str(path), "maintain", "--dry-run", "--json", *keep]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["dry_run"] and dry["articles_deleted"] == 29 and dry["raw_html_articles"] == 30
    db = open_database(path)
    assert _count(db) == 30  # nothing changed
    db.close()

    assert main(["--db", str(path), "maintain", *keep]) == 0
    out = capsys.readouterr().out
    assert "drop the raw HTML of 30 articles" in out and "delete 29 old irrelevant articles" in out
    assert "1 reviewed, noted or nominated articles kept for ever" in out
    assert "'framewatch maintain --vacuum' returns free space to the disk" in out
    db = open_database(path)
    assert _count(db) == 1
    db.close()

    assert main(["--db", str(path), "maintain", "--vacuum", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["vacuumed"] and done["free_bytes"] == 0
    assert done["file_bytes"] < before / 4


def test_vacuum_is_refused_while_a_monitor_runs(tmp_path, capsys):
    from storage import lease as lease_store

    path = tmp_path / "fw.sqlite3"
    _old_irrelevant_database(path)
    db = open_database(path)
    now = utcnow()
    with db.transaction() as conn:
        lease_store.acquire(
            conn,
            holder="elsewhere.example:7",
            holder_name="office",
            now=now,
            until=iso_minus(now, days=-1),
        )
    db.close()
    assert main(["--db", str(path), "maintain", "--vacuum"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"framewatch: error: {path}: not vacuumed: the monitor is running")
    assert "elsewhere.example:7 (office)" in err and "\n" not in err


def test_monitor_run_applies_the_policy(tmp_path, capsys, monkeypatch):
    path = tmp_path / "fw.sqlite3"
    _old_irrelevant_database(path)
    config = tmp_path / "config.toml"
    config.write_text("[retention]\nirrelevant_days = 30\nraw_html_days = 0\n")
    monkeypatch.setenv("FRAMEWATCH_CONFIG", str(config))
    assert main(["--db", str(path), "monitor", "run", "--no-analyse", "--max-passes", "1"]) == 0
    assert "29 old irrelevant articles" in capsys.readouterr().err
    db = open_database(path)
    with db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one() == 1
        assert conn.execute(sa.select(articles.c.raw_html_gz)).scalar_one() is not None
    db.close()


def test_a_negative_retention_setting_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text("[retention]\nirrelevant_days = -1\n")
    monkeypatch.setenv("FRAMEWATCH_CONFIG", str(config))
    assert main(["--db", str(tmp_path / "fw.sqlite3"), "maintain"]) == 2  # a config error
    assert "[retention] irrelevant_days must be 0 or more" in capsys.readouterr().err
