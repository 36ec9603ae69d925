"""Headlines end to end: the offline sample through the real pipeline and engine,
reviewed in the real app, then analysed again."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from textual.widgets import DataTable

from storage.schema import articles, flags
from tui.app import create_app
from tui.screens.queue import QueueScreen
from tui.screens.review import ReviewScreen

from .conftest import REVIEWER, settle

HEADLINE = "Knife thug who stabbed teenager outside chicken shop caged"


@pytest.fixture
def demo_path(tmp_path, engine):
    """The offline sample run through the real pipeline (local server, fetcher, extraction, engine)."""
    from core.settings import load_settings
    from monitor.demo import prepare_demo

    path = tmp_path / "demo.sqlite3"
    demo = prepare_demo(path, load_settings(db=path), engine=engine)
    assert demo.errors == [] and demo.analysed == demo.relevant > 0
    return path


async def test_headline_flag_from_the_pipeline_is_reviewed_and_survives_reanalysis(
    demo_path, engine
):
    from monitor.analyse import analyse_backlog
    from monitor.review import listing
    from storage.db import open_database

    path = demo_path

    db = open_database(path)
    try:
        with db.read() as conn:
            article_id = conn.execute(
                sa.select(articles.c.id).where(articles.c.title == HEADLINE)
            ).scalar_one()
            stored = conn.execute(sa.select(flags).where(flags.c.article_id == article_id)).all()
        (thug,) = [f for f in stored if f.field == "title"]
        assert (thug.entry, thug.text, HEADLINE[thug.start : thug.end]) == ("thug", "thug", "thug")
        assert any(f.field == "text" for f in stored)
        # the queue counts the headline's flag with the body's
        (row,) = [r for r in listing.queue(db).rows if r.article_id == article_id]
        assert row.total == len(stored) and row.pending == len(stored)

        app = create_app(db, engine=engine, reviewer=REVIEWER)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(
                pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded
            )
            table = app.screen.query_one(DataTable)
            await pilot.press("slash", *"chicken shop", "enter")
            await settle(pilot, app, lambda: table.row_count == 1)
            assert str(table.get_row_at(0)[table.get_column_index("title")]) == HEADLINE
            await pilot.press("enter")
            await settle(
                pilot, app, lambda: isinstance(app.screen, ReviewScreen) and app.screen.article
            )
            screen = app.screen
            assert screen.article_id == article_id
            # the headline's flag is the first one offered, marked in place in the headline
            assert screen.current_flag.id == thug.id
            heading = str(screen.query_one("#article-head").render())
            assert heading == HEADLINE.replace("thug", "▲thug", 1), heading
            await pilot.press("a")
            await settle(pilot, app, lambda: screen.flags[0].decision == "accepted")
            assert screen.current_flag.field == "text"  # moved on into the body

        with db.read() as conn:
            saved = conn.execute(sa.select(flags).where(flags.c.id == thug.id)).one()
        assert (saved.field, saved.decision, saved.decided_by) == ("title", "accepted", REVIEWER)

        # analysed again (as after a model or lexicon change): same occurrence, decision kept
        with db.transaction() as conn:
            conn.execute(
                articles.update().where(articles.c.id == article_id).values(analysed_at=None)
            )
        assert analyse_backlog(db, engine) == 1
        with db.read() as conn:
            after = conn.execute(sa.select(flags).where(flags.c.article_id == article_id)).all()
        assert sorted((f.id, f.field, f.start, f.end, f.entry) for f in after) == sorted(
            (f.id, f.field, f.start, f.end, f.entry) for f in stored
        )
        (kept,) = [f for f in after if f.id == thug.id]
        assert (kept.decision, kept.decided_by) == ("accepted", REVIEWER)
    finally:
        db.close()

    from core.cli import cli

    out = CliRunner().invoke(
        cli,
        ["--db", str(path), "articles", "show", str(article_id), "--json"],
        catch_exceptions=False,
    )
    shown = json.loads(out.output)
    head = [f for f in shown["flags"] if f["field"] == "title"]
    assert [(f["text"], f["decision"]) for f in head] == [("thug", "accepted")]
    assert shown["flags"][0]["field"] == "title"
    assert all(f["field"] == "text" for f in shown["flags"][1:])
