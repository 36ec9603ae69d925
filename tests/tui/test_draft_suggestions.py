"""Draft checker: every suggestion can be applied, each shown as its sentence
would read (F7), and Ctrl+R applies a rewrite wider than the flag (issue 10)."""

from __future__ import annotations

from textual.widgets import OptionList

from tui.app import create_app
from tui.screens.draft import DraftScreen
from tui.screens.suggestions import SuggestionsDialog

from .conftest import settle

SIZE = (130, 40)


async def test_ctrl_r_applies_a_rewrite_that_reaches_past_the_flag(db, engine):
    text = "The alleged murderer, 34, appeared at the Old Bailey."
    app = create_app(db, engine=engine, paste_text=text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen) and app.screen.checks)
        editor = app.screen.editor
        (span,) = editor.live_spans()
        assert span.flag.text == "murderer" and span.flag.status == "charged"
        editor.move_cursor(editor.location_of(span.start + 1))
        await pilot.press("ctrl+r")
        assert editor.text == "The person accused of murder, 34, appeared at the Old Bailey."


async def test_f7_offers_every_suggestion_in_its_sentence(db, engine):
    text = "Earlier that day, the inmates were moved to another wing."
    app = create_app(db, engine=engine, paste_text=text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen) and app.screen.checks)
        draft = app.screen
        editor = draft.editor
        (span,) = editor.live_spans()
        editor.move_cursor(editor.location_of(span.start))
        await pilot.press("f7")
        await settle(pilot, app, lambda: isinstance(app.screen, SuggestionsDialog))
        dialog = app.screen
        options = dialog.options
        assert len(options) >= 2 and options[0].ready and not options[1].ready
        # each shows the whole sentence as it would read
        assert (
            options[1].preview
            == f"Earlier that day, the {options[1].replacement} were moved to another wing."
        )
        assert dialog.query_one(OptionList).option_count == len(options)
        # the second, not the first: press its number
        await pilot.press("2")
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen))
        assert editor.text == options[1].preview
        await pilot.press("ctrl+z")
        assert editor.text == text
        # Esc cancels and changes nothing
        await settle(pilot, app, lambda: editor.checked_text == editor.text and editor.live_spans())
        editor.move_cursor(editor.location_of(editor.live_spans()[0].start))
        await pilot.press("f7")
        await settle(pilot, app, lambda: isinstance(app.screen, SuggestionsDialog))
        await pilot.press("escape")
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen))
        assert editor.text == text


async def test_f7_on_a_quoted_flag_offers_nothing(db, engine):
    text = 'A neighbour said: "Those thugs wrecked the street."'
    app = create_app(db, engine=engine, paste_text=text)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen) and app.screen.checks)
        editor = app.screen.editor
        (span,) = editor.live_spans()
        editor.move_cursor(editor.location_of(span.start + 1))
        await pilot.press("f7")
        await settle(pilot, app)
        assert isinstance(app.screen, DraftScreen) and editor.text == text
        assert any("quotation" in n.message for n in app._notifications)
