"""The review screen with two reviewers on one database (issue 17): a decision
on a flag someone else decided since it was shown is reported, with who, when
and what, and theirs is shown in place; the article says who else has it
open; the queue marks it and h hides it.  The real app via App.run_test()."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from monitor.review import article
from tui.app import create_app
from tui.screens.queue import QueueScreen
from tui.screens.review import ReviewScreen

from .conftest import settle

SIZE = (130, 36)


async def _open(pilot, app, article_id: int) -> ReviewScreen:
    await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
    table = app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(str(article_id)))
    await pilot.press("enter")
    await settle(pilot, app, lambda: isinstance(app.screen, ReviewScreen) and app.screen.article)
    return app.screen


async def test_a_conflicting_decision_is_shown_and_never_saved_over_theirs(filled_db, engine):
    db = filled_db
    aid = db.article_ids[0]
    app = create_app(db, engine=engine, reviewer="Ana")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, app, aid)
        shown = screen.current_flag
        assert shown.version == 0
        # Sam, at another desk, dismisses the same flag; he is told Ana has the article open
        article.decide(db, shown.id, "dismissed", reason="quoted", by="Sam", shown=0)
        other = article.open_article(db, aid, who="Sam", session="desk:2")
        assert other is not None and other[0] == "Ana"
        await pilot.press("a")  # Ana accepts what she was shown
        await settle(pilot, app, lambda: screen.flags[screen.current].decided_by == "Sam")
        messages = [str(n.message) for n in app._notifications]
        assert any(
            "decided by Sam at " in m and ": dismiss; yours: accept" in m for m in messages
        ), messages
        now = article.get_flag(db, shown.id)
        assert (now.decision, now.decided_by) == ("dismissed", "Sam")  # not overwritten
        # deciding again on what is now shown replaces it, as Ana
        await pilot.press("a")
        await settle(pilot, app, lambda: article.get_flag(db, shown.id).decided_by == "Ana")
    assert article.get_flag(db, shown.id).decision == "accepted"


async def test_who_has_an_article_open_is_shown_and_the_queue_can_hide_it(filled_db, engine):
    db = filled_db
    taken = db.article_ids[1]
    article.open_article(db, taken, who="Sam", session="desk:2")
    app = create_app(db, engine=engine, reviewer="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        table = app.screen.query_one(DataTable)
        rows = table.row_count

        def marked() -> int:
            return sum(
                "[open: Sam]" in " ".join(map(str, table.get_row_at(i)))
                for i in range(table.row_count)
            )

        assert marked() == 1
        await pilot.press("h")
        await settle(pilot, app, lambda: table.row_count == rows - 1)
        assert marked() == 0
        await pilot.press("h")
        await settle(pilot, app, lambda: table.row_count == rows)
        screen = await _open(pilot, app, taken)
        meta = str(screen.query_one("#review-meta", Static).render())
        assert "also open by Sam" in meta
