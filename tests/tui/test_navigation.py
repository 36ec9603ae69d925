"""Navigation and small terminals (issue 12): the real app, Pilot, a real SQLite
database filled by the real engine."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from tui.app import create_app
from tui.screens.queue import QueueScreen

from .conftest import REVIEWER, settle

SIZE = (120, 36)


async def _queue(pilot, app) -> QueueScreen:
    await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
    return app.screen


async def test_escape_leaves_the_search_so_c_and_g_are_commands_again(filled_db, engine):
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        queue = await _queue(pilot, app)
        table = queue.query_one(DataTable)
        search = queue.query_one("#search", Input)
        await pilot.press("slash", *"badger")
        assert search.has_focus
        await pilot.press("escape")
        assert table.has_focus, "Esc must leave the search box"
        await settle(pilot, app, lambda: table.row_count == 1)  # what was typed is applied
        folded = queue.filter.fold_copies
        await pilot.press("g")
        await settle(pilot, app)
        assert queue.filter.fold_copies is not folded  # g ran 'fold copies'
        await pilot.press("c")
        await settle(pilot, app, lambda: table.row_count == 3)  # c ran 'clear'
        assert search.value == ""  # nothing typed into the box

        # the same from a filter drop-down (closed): Esc goes back to the list
        queue.query_one("#status", Select).focus()
        await pilot.press("escape")
        assert table.has_focus


async def test_a_date_filter_that_is_not_a_date_is_an_error_and_not_applied(filled_db, engine):
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        queue = await _queue(pilot, app)
        table = queue.query_one(DataTable)
        box = queue.query_one("#date-from", Input)
        box.focus()
        await pilot.press(*"last week", "enter")
        await settle(pilot, app)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert [n.message for n in errors] == [
            "From date 'last week' is not a date (write it like 15/09/2026, 15 Sept 2026 or "
            "2026-09-15); not filtering by it."
        ]
        assert box.has_class("-invalid") and box.has_focus  # stays to be corrected
        assert queue.filter.date_from == "" and table.row_count == 3
        await pilot.press("escape")  # leaving the box does not repeat the same error
        await settle(pilot, app)
        assert len([n for n in app._notifications if n.severity == "error"]) == 1

        # a UK date is a date: 15/11/2026 keeps the two articles from 18 and 20 November
        box.focus()
        box.value = ""
        await pilot.press(*"15/11/2026", "enter")
        await settle(pilot, app, lambda: table.row_count == 2)
        assert queue.filter.date_from == "2026-11-15" and not box.has_class("-invalid")
        assert table.has_focus


async def test_category_filter_shows_the_lexicon_names_not_ids(filled_db, engine):
    from lexicon import CATEGORIES

    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        queue = await _queue(pilot, app)
        select = queue.query_one("#category", Select)
        await settle(pilot, app, lambda: len(select._options) > 1)
        shown = {str(prompt): value for prompt, value in select._options[1:]}
        assert shown and all(CATEGORIES[v] == label for label, v in shown.items())
        assert shown["Dehumanising / sensationalist"] == "dehumanising"  # "thugs", article 1
        select.value = "dehumanising"
        await settle(pilot, app, lambda: queue.query_one(DataTable).row_count == 1)
