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


def _status(db, article_id):
    import sqlalchemy as sa

    from storage.schema import articles

    with db.engine.connect() as conn:
        return conn.execute(
            sa.select(articles.c.status).where(articles.c.id == article_id)
        ).scalar_one()


async def test_r_with_flags_pending_asks_first_and_R_reopens(filled_db, engine):
    from tui.screens.confirm import ConfirmDialog
    from tui.screens.review import ReviewScreen

    article = filled_db.article_ids[0]  # three flags, none decided
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _queue(pilot, app)
        await pilot.press("enter")
        await settle(
            pilot, app, lambda: isinstance(app.screen, ReviewScreen) and app.screen.article
        )
        review = app.screen
        await pilot.press("r")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog), "r with pending flags must ask first"
        assert str(app.screen.question) == (
            "3 of 3 flags are still pending (no decision yet). Mark the article reviewed anyway?"
        )
        await pilot.press("n")  # keep reviewing: nothing changes
        await settle(pilot, app)
        assert app.screen is review and _status(filled_db, article) == "in_review"

        await pilot.press("a")  # one decided: the count goes down
        await settle(pilot, app, lambda: review.flags[0].decision == "accepted")
        await pilot.press("r")
        await settle(pilot, app, lambda: isinstance(app.screen, ConfirmDialog))
        assert str(app.screen.question).startswith("2 of 3 flags are still pending")
        await pilot.press("y")
        await settle(pilot, app, lambda: _status(filled_db, article) == "reviewed")
        assert "✓ reviewed" in str(review.query_one("#review-meta").render())

        await pilot.press("R")  # reopen
        await settle(pilot, app, lambda: _status(filled_db, article) == "in_review")
        assert any("Reopened" in n.message for n in app._notifications)


async def test_queue_marks_a_selection_reviewed_after_naming_the_pending_flags(filled_db, engine):
    from tui.screens.confirm import ConfirmDialog

    first, second, third = filled_db.article_ids  # newest first: 3 flags, 1 flag, none
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        queue = await _queue(pilot, app)
        table = queue.query_one(DataTable)
        await pilot.press("space", "space")  # select the first two rows
        assert queue.selected == {first, second}
        assert [str(table.get_cell(str(i), "mark")) for i in (first, second, third)] == [
            "■",
            "■",
            "",
        ]
        assert "2 selected" in str(queue.query_one("#queue-status").render())
        await pilot.press("r")
        await settle(pilot, app, lambda: isinstance(app.screen, ConfirmDialog))
        assert str(app.screen.question) == (
            "4 flags are still pending (no decision yet) in 2 of them. Mark both reviewed anyway?"
        )
        await pilot.press("y")
        await settle(pilot, app, lambda: _status(filled_db, second) == "reviewed")
        assert [_status(filled_db, i) for i in (first, second, third)] == [
            "reviewed",
            "reviewed",
            "new",
        ]
        await settle(pilot, app, lambda: "✓" in str(table.get_cell(str(first), "status")))
        assert not queue.selected

        # no selection: r and R act on the row at the cursor; no flags, so no question
        table.move_cursor(row=2)
        await pilot.press("r")
        await settle(pilot, app, lambda: _status(filled_db, third) == "reviewed")
        table.move_cursor(row=0)
        await pilot.press("R")
        await settle(pilot, app, lambda: _status(filled_db, first) == "in_review")
        assert _status(filled_db, second) == "reviewed"

        await pilot.press("a")  # select all listed, then none
        assert queue.selected == {first, second, third}
        await pilot.press("a")
        assert not queue.selected
        assert all(str(table.get_cell(str(i), "mark")) == "" for i in (first, second, third))


async def test_at_80x24_every_queue_column_is_on_screen_and_the_detail_line_has_words(
    filled_db, engine
):
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        queue = await _queue(pilot, app)
        table = queue.query_one(DataTable)
        await settle(pilot, app, lambda: table.row_count == 3)
        room = table.scrollable_content_region.width
        right = 0
        for column in table.ordered_columns:
            right += column.get_render_width(table)
            assert right <= room, f"column {column.label} ends at {right}, the table shows {room}"
        assert table.virtual_size.width <= room  # no sideways scrolling to reach a column
        # the newest article: "inmates" in the headline and the text (high), "thugs" quoted
        first = str(filled_db.article_ids[0])
        assert str(table.get_cell(first, "flags")) == "▲2❝1"
        assert str(table.get_cell(first, "status")) == "●"  # new
        detail = str(queue.query_one("#queue-detail").render())
        assert detail.splitlines() == [
            "Prison moves inmates after riot",
            "▲2 high ◆0 medium ○0 low ❝1 quoted · 3 pending · ● new · Daily Example, 20 No…",
        ]  # cut at the screen's edge, least important last
        # every filter is on screen too (two rows of borderless boxes)
        for box in queue.query("#filters Input, #filters Select"):
            assert box.region.right <= 80 and box.region.width >= 8, box.id

        await pilot.resize_terminal(160, 40)  # a wide terminal: a column per severity
        await settle(pilot, app, lambda: "high" in {str(k.value) for k in table.columns})
        assert str(table.get_cell(first, "high")) == "2"
        assert str(table.get_cell(first, "status")) == "● new"


def _screen_lines(app) -> list[str]:
    """What the terminal shows for the top screen, line by line (its compositor's
    strips: the same cells a real terminal would get)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def _column_text(lines: list[str], header: str, width: int) -> str:
    """The words shown in the column headed ``header``, in reading order."""
    top = next(i for i, line in enumerate(lines) if header in line)
    x = lines[top].index(header)
    return " ".join(" ".join(line[x : x + width] for line in lines[top + 1 :]).split())


def _width_of(table, label: str) -> int:
    column = next(c for c in table.ordered_columns if str(c.label) == label)
    return column.get_render_width(table) - 2 * table.cell_padding


def test_keys_show_as_people_type_them():
    from tui.bindings import display_keys

    assert display_keys("right_square_bracket,full_stop") == "] / ."
    assert display_keys("left_square_bracket,comma") == "[ / ,"
    assert display_keys("space") == "Space" and display_keys("shift+tab") == "Shift+Tab"
    assert display_keys("ctrl+r") == "Ctrl+R" and display_keys("slash") == "/"


async def test_f1_help_shows_every_id_and_the_whole_of_what_it_does(filled_db, engine):
    from tui.command_table import COMMANDS
    from tui.screens.help import HelpScreen

    helps = {c.id: c.help for c in COMMANDS}
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=(160, 50)) as pilot:
        await _queue(pilot, app)
        await pilot.press("f6")  # the awards: the longest key names and ids
        await settle(pilot, app)
        await pilot.press("f1")
        await settle(pilot, app, lambda: isinstance(app.screen, HelpScreen))
        await settle(pilot, app, lambda: app.screen.query_one(DataTable).row_count)
        table = app.screen.query_one(DataTable)
        lines = _screen_lines(app)
        shown = _column_text(lines, "What it does", _width_of(table, "What it does"))
        listed = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        visible = [i for i in listed if i in helps][:22]  # the rows on screen
        assert len(visible) == 22
        for ident in visible:
            assert " ".join(helps[ident].split()) in shown, ident  # never cut off
        screen = "\n".join(lines)
        assert " Id " in screen and "awards-next-criterion" in screen
        assert "] / ." in screen and "right_square_bracket" not in screen

        # at 80x24 the id goes under the action's name; nothing is cut off either
        await pilot.press("escape", "f2")
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen))
        await pilot.resize_terminal(80, 24)
        await pilot.press("f1")
        await settle(pilot, app, lambda: isinstance(app.screen, HelpScreen))
        await settle(pilot, app, lambda: app.screen.query_one(DataTable).row_count)
        table = app.screen.query_one(DataTable)
        lines = _screen_lines(app)
        shown = _column_text(lines, "What it does", _width_of(table, "What it does"))
        assert helps["sort"] in shown and helps["search"] in shown
        assert "Action · Id" in "\n".join(lines) and "sort" in _column_text(lines, "Action", 20)


async def test_draft_checker_marks_each_flag_with_a_symbol_not_only_a_style(db, engine):
    from tui.flagstyle import QUOTED_SYMBOL, SYMBOL
    from tui.screens.draft import DraftScreen

    text = 'The offenders were released.\nA guard said: "these thugs should stay inside."'
    app = create_app(db, engine=engine, start="draft")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen))
        draft = app.screen
        editor = draft.editor
        await pilot.press(*text.replace("\n", " "))  # typed: one long line that wraps
        await settle(pilot, app, lambda: draft.checks and len(editor.spans) == 2)
        found = {s.flag.text: s.flag for s in editor.spans}
        assert set(found) == {"offenders", "thugs"} and found["thugs"].quoted
        rows = [editor.render_line(y).text for y in range(editor.wrapped_document.height)]
        assert len(rows) >= 2, rows  # it wraps, so the two flags start on different rows
        # each flag's symbol is in the margin of the screen row where the flag starts
        for word, symbol in (
            ("offenders", SYMBOL[found["offenders"].severity]),
            ("thugs", QUOTED_SYMBOL),
        ):
            (row,) = [r for r in rows if word in r]
            assert row[:4].strip() == symbol, (word, row)
        assert all(not r[:4].strip() for r in rows if "offenders" not in r and "thugs" not in r)
