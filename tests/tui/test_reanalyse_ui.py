"""The UI sees that the lexicon changed since articles were analysed, says so
(a notice and the status line, in words), and U re-analyses them in a worker,
keeping the reviewer's decisions (issue 12).  The real app via App.run_test(),
the real engine, a real SQLite file."""

from __future__ import annotations

import sqlalchemy as sa

from framing import Engine
from lexicon.cache import load_lexicon_cached
from monitor.review import article
from storage.schema import articles, flags
from tui.app import create_app
from tui.screens.queue import QueueScreen

from .conftest import REVIEWER, settle

SIZE = (120, 36)


async def test_a_changed_lexicon_is_noticed_and_u_reanalyses(filled_db):
    first = filled_db.article_ids[0]
    thug = next(f for f in article.get_article(filled_db, first).flags if f.entry == "thug")
    article.decide(filled_db, thug.id, "accepted", by=REVIEWER)
    # the organisation disabled "thug" since these articles were analysed
    changed = Engine(load_lexicon_cached(disable=("thug",)))
    app = create_app(filled_db, engine=changed, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.stale)
        queue = app.screen
        n = len(filled_db.article_ids)
        assert queue.stale == n
        notices = [m.message for m in app._notifications]
        assert any("press U" in m and f"{n} articles" in m for m in notices), notices
        status = str(queue.query_one("#queue-status").render())
        assert "Lexicon changed: U re-analyses" in status

        await pilot.press("U")
        await settle(pilot, app, lambda: not queue.reanalysing and not queue.stale)
        notices = [m.message for m in app._notifications]
        assert any("re-analysed" in m and "1 vanished" in m for m in notices), notices
        assert "Lexicon changed" not in str(queue.query_one("#queue-status").render())
    with filled_db.read() as conn:
        stamps = set(conn.execute(sa.select(articles.c.lexicon_hash)).scalars())
        kept = conn.execute(sa.select(flags).where(flags.c.id == thug.id)).one()
    assert stamps == {changed.lexicon_hash}
    assert (kept.decision, kept.lexicon_state) == ("accepted", "vanished")
    # the review screen's flag panel says so in words
    from tui.widgets.flag_panel import describe_flag

    view = article.get_article(filled_db, first)
    shown = next(f for f in view.flags if f.id == thug.id)
    panel = str(describe_flag(shown, view.text))
    assert "Lexicon: vanished" in panel and "no longer flagged by the lexicon" in panel
