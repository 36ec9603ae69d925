"""The constructive profile in the app (issue 13): the queue's profile column and
"coverage to amplify" filter, the article screen's profile pane with each voice
marked in the text, and the overview's per-outlet shares. Real app, real
SQLite file, real engine and profiler."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from monitor.review.paste import import_text
from tui.app import create_app
from tui.screens.overview import OverviewScreen
from tui.screens.queue import QueueScreen
from tui.screens.review import ReviewScreen
from tui.widgets.article_text import ArticleText
from tui.widgets.profile_panel import ProfilePanel

from .conftest import REVIEWER, settle

SIZE = (140, 40)
CONSTRUCTIVE = dict(
    title="What works: education behind bars",
    outlet="Valley Gazette",
    url="https://valley.example.org/education",
    published_at="2026-11-21T09:00:00+00:00",
    text=(
        "Prison numbers have risen by 20% since 2010, according to Ministry of Justice figures.\n"
        "A study by the University of Leeds found that restorative justice cut reoffending rates.\n"
        "\u201cEducation inside gave me a second chance,\u201d said Marcus Bell, who spent six "
        "years in prison."
    ),
)


def _profile_text(table: DataTable) -> list[str]:
    return [
        str(table.get_cell_at((r, table.get_column_index("profile"))))
        for r in range(table.row_count)
    ]


async def test_queue_profile_column_and_amplify_filter(filled_db, engine):
    good = import_text(filled_db, engine=engine, **CONSTRUCTIVE)
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        screen = app.screen
        table = screen.query_one(DataTable)
        assert table.row_count == 4
        cells = _profile_text(table)
        # every pasted article is profiled; the constructive one carries the lived-experience star
        assert all(c != "–" for c in cells)
        assert sum("★" in c for c in cells) == 1
        riot = filled_db.article_ids[
            0
        ]  # "Prison moves inmates after riot": one incident, officials only
        await pilot.press("m")
        await settle(pilot, app, lambda: screen.filter.amplify and table.row_count < 4)
        shown = {
            int(table.coordinate_to_cell_key((r, 0)).row_key.value) for r in range(table.row_count)
        }
        assert good in shown and riot not in shown
        # what is left is what the filter promises: score >= 50 or a lived-experience voice
        assert all(
            (screen.rows[i].score or 0) >= 50 or screen.rows[i].lived_experience for i in shown
        )
        status = str(screen.query_one("#queue-status", Static).render())
        assert "coverage to amplify" in status
        await pilot.press("m")
        await settle(pilot, app, lambda: not screen.filter.amplify and table.row_count == 4)


async def test_article_screen_shows_profile_and_marks_voices(filled_db, engine):
    good = import_text(filled_db, engine=engine, **CONSTRUCTIVE)
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        app.screen.open_article(good)
        await settle(
            pilot, app, lambda: isinstance(app.screen, ReviewScreen) and app.screen.article
        )
        pane = app.screen.query_one(ProfilePanel)
        body = str(pane.query_one("#profile-body", Static).render())
        assert "Constructive score" in body
        assert "★ Marcus Bell · lived experience" in body
        assert "restorative justice" in body
        text = app.screen.query_one(ArticleText)
        para = next(
            str(s.render()) for s in text.query(".para") if "Marcus Bell" in str(s.render())
        )
        # the speaker is marked by its role's symbol, not by colour alone
        assert "★Marcus Bell" in para
        # an article stored before profiles existed says so instead of showing nothing
        pane.show(None)
        assert "Not profiled yet" in str(pane.query_one("#profile-body", Static).render())


async def test_overview_shows_profile_shares_per_outlet(filled_db, engine):
    import datetime as dt

    import_text(filled_db, engine=engine, **CONSTRUCTIVE)
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        app.push_screen(OverviewScreen(today=dt.date(2026, 11, 25)))
        await settle(pilot, app, lambda: app.screen.overview is not None)
        table = str(app.screen.query_one("#ov-profiles", Static).render())
        lines = {line.split()[0] + " " + line.split()[1]: line for line in table.splitlines()[1:]}
        # Valley Gazette: two articles in 2026-11, one with a lived-experience voice
        valley = next(line for line in table.splitlines() if line.startswith("Valley Gazette"))
        assert "2026-11" in valley and " 2 " in valley and "50%" in valley
        assert any(k.startswith("Daily") for k in lines)


async def test_awards_screen_suggests_unnominated_coverage(filled_db, engine):
    from awards import cycles
    from tui.screens.awards_suggestions import AwardsSuggestionsDialog

    good = import_text(filled_db, engine=engine, **CONSTRUCTIVE)
    cycles.create_cycle(
        filled_db, year=2026, who="Admin", window_start="2025-12-01", window_end="2026-11-30"
    )
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("f6")
        await settle(pilot, app, lambda: getattr(app.screen, "cycle", None) is not None)
        await pilot.press("i")
        await settle(pilot, app, lambda: isinstance(app.screen, AwardsSuggestionsDialog))
        text = str(app.screen.query_one("#suggestions", Static).render())
        first = text.splitlines()[2]
        # the constructive piece first, with the reasons its score is made of
        assert CONSTRUCTIVE["title"] in first and f"article {good}" in first
        assert "lived experience 20/20" in text
        await pilot.press("escape")
        await settle(pilot, app, lambda: not isinstance(app.screen, AwardsSuggestionsDialog))
