"""The UI shows invisible characters in stored text (rows from before the
monitor removed them) as visible stand-ins, one for one so flag offsets still
hold, and leaves an emoji's ZWJ sequence whole.  Issue 16, failure 5."""

from __future__ import annotations

from storage import articles as article_store
from storage.db import utcnow
from tui.app import create_app
from tui.sanitize import one_line, sanitize
from tui.screens.queue import QueueScreen
from tui.screens.review import ReviewScreen

from .conftest import settle

DOCTOR = "\U0001f469\u200d\u2695\ufe0f"
TAGGED = "\U000e0069\U000e0067\U000e006e"  # "ign" in tag characters
INVISIBLE = ["\u200b", "\u200e", "\u200f", "\u061c", "\u2060", "\ufff9", "\U000e0069", "\u00ad"]


def test_sanitize_makes_invisible_characters_visible_one_for_one():
    text = f"in\u200bmates\u200e {TAGGED} \ufff9note\ufffb pris\u00adon {DOCTOR}"
    shown = sanitize(text)
    assert len(shown) == len(text)
    assert shown == f"in\ufffdmates\ufffd \ufffd\ufffd\ufffd \ufffdnote\ufffd pris\ufffdon {DOCTOR}"


async def test_queue_and_review_show_no_invisible_characters(db, engine):
    now = utcnow()
    with db.transaction() as conn:
        article_store.insert_article(
            conn,
            dict(
                outlet="Daily\u200b Example",
                url="https://news.example/a/old",
                url_norm="https://news.example/a/old",
                title=f"Prison\u200e report{TAGGED} {DOCTOR}",
                title_norm="prison report",
                fetched_at=now,
                published_at=now,
                text="The inmates\u2060 were moved to another prison on Tuesday.",
                relevant=True,
                relevance=1.0,
            ),
        )
    app = create_app(db, engine=engine)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        table = app.screen.query_one("DataTable")
        cells = [str(c) for c in table.get_row_at(0)]
        assert f"Prison\ufffd report\ufffd\ufffd\ufffd {DOCTOR}" in cells
        assert "Daily\ufffd Example" in cells
        await pilot.press("enter")
        await settle(
            pilot, app, lambda: isinstance(app.screen, ReviewScreen) and app.screen.article
        )
        screen = app.screen
        assert screen.sub_title == one_line(screen.article.title, 80)
        body = screen.query_one("#article")
        shown = screen.sub_title + body.heading + body.text
        assert "The inmates\ufffd were moved" in body.text
        assert not any(ch in shown for ch in INVISIBLE), shown
