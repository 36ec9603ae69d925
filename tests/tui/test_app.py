"""The real app, driven with Pilot, on a real database filled by the real engine."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from textual.widgets import DataTable, Input, Label, OptionList, Select

from storage.schema import articles, flags
from tui.app import create_app
from tui.screens.draft import DraftScreen
from tui.screens.help import HelpScreen
from tui.screens.prompt import PromptDialog
from tui.screens.queue import QueueScreen
from tui.screens.review import ReviewScreen

from .conftest import ARTICLES, REVIEWER, settle

SIZE = (120, 36)


def _flag_row(db, flag_id):
    with db.engine.connect() as conn:
        return conn.execute(sa.select(flags).where(flags.c.id == flag_id)).one()


def _status(db, article_id):
    with db.engine.connect() as conn:
        return conn.execute(
            sa.select(articles.c.status).where(articles.c.id == article_id)
        ).scalar_one()


async def _open_first_article(pilot, app):
    await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
    await pilot.press("enter")
    await settle(pilot, app, lambda: isinstance(app.screen, ReviewScreen) and app.screen.article)
    return app.screen


async def test_accept_flag_end_to_end(filled_db, engine):
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_first_article(pilot, app)
        assert screen.article_id == filled_db.article_ids[0]
        first = screen.current_flag
        assert first is not None and first.decision == "pending"
        await pilot.press("a")
        await settle(pilot, app, lambda: screen.flags[0].decision == "accepted")
        row = _flag_row(filled_db, first.id)
        assert (row.decision, row.decided_by) == ("accepted", REVIEWER) and row.decided_at
        assert _status(filled_db, screen.article_id) == "in_review"
        # The screen moved on to the next flag waiting for a decision.
        assert screen.current == 1 or len(screen.flags) == 1


async def test_dismiss_with_reason_note_and_mark_reviewed(filled_db, engine):
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_first_article(pilot, app)
        target = screen.current_flag
        await pilot.press("d")
        await settle(pilot, app, lambda: isinstance(app.screen, PromptDialog))
        await pilot.press(*"official report", "enter")
        await settle(pilot, app, lambda: _flag_row(filled_db, target.id).decision == "dismissed")
        assert _flag_row(filled_db, target.id).reason == "official report"

        await pilot.press("p")  # back to the dismissed flag
        assert screen.current_flag.id == target.id
        await pilot.press("t")
        await settle(pilot, app, lambda: isinstance(app.screen, PromptDialog))
        await pilot.press(*"ask the desk", "enter")
        await settle(pilot, app, lambda: _flag_row(filled_db, target.id).note == "ask the desk")

        await pilot.press("d")  # dismiss dialog, then cancel: nothing changes
        await settle(pilot, app, lambda: isinstance(app.screen, PromptDialog))
        await pilot.press("escape")
        await settle(pilot, app)
        assert _flag_row(filled_db, target.id).reason == "official report"

        await pilot.press("r")  # two flags still pending: it asks first
        from tui.screens.confirm import ConfirmDialog

        await settle(pilot, app, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await settle(pilot, app, lambda: _status(filled_db, screen.article_id) == "reviewed")
        await pilot.press("escape")
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await settle(pilot, app)
        table = queue.query_one(DataTable)
        assert "✓" in str(table.get_cell(str(screen.article_id), "status"))  # ✓ (reviewed)


async def test_open_url_and_nominate_entry_point(filled_db, engine, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _open_first_article(pilot, app)
        await pilot.press("o")
        await settle(pilot, app, lambda: opened)
        assert opened == [ARTICLES[0]["url"]]

        await pilot.press("w")
        await settle(pilot, app)
        from tui.screens.nominate import NominateDialog

        assert isinstance(app.screen, NominateDialog)


async def test_awards_entry_point(filled_db, engine):
    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot, app)
        await pilot.press("f6")
        await settle(pilot, app)
        from tui.screens.awards import AwardsScreen

        assert isinstance(app.screen, AwardsScreen)


async def test_queue_search_and_filters(filled_db, engine):
    app = create_app(filled_db, engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        queue = app.screen
        table = queue.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("slash")
        assert queue.query_one("#search", Input).has_focus
        await pilot.press(*"badger", "enter")
        await settle(pilot, app, lambda: table.row_count == 1)
        assert str(table.get_row_at(0)[table.get_column_index("title")]) == ARTICLES[1]["title"]
        await pilot.press("c")  # clear
        await settle(pilot, app, lambda: table.row_count == 3)

        queue.query_one("#outlet", Select).value = "Daily Example"
        await settle(pilot, app, lambda: table.row_count == 2)
        queue.query_one("#severity", Select).value = "high"
        await settle(pilot, app, lambda: table.row_count == 1)
        assert str(table.get_row_at(0)[table.get_column_index("title")]) == ARTICLES[0]["title"]
        queue.query_one("#severity", Select).clear()
        queue.query_one("#date-from", Input).value = "2026-11-15"
        await settle(pilot, app, lambda: table.row_count == 1)
        await pilot.press("c")
        await settle(pilot, app, lambda: table.row_count == 3)
        await pilot.press("s")  # date -> outlet, ascending
        await settle(pilot, app, lambda: queue.filter.sort == "outlet")
        assert [str(table.get_row_at(i)[table.get_column_index("outlet")]) for i in range(3)] == [
            "Daily Example",
            "Daily Example",
            "Valley Gazette",
        ]


async def test_draft_checker_live_flags_apply_and_undo(db, engine):
    app = create_app(db, engine=engine, start="draft")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen))
        draft = app.screen
        editor = draft.editor
        assert editor.has_focus
        await pilot.press(*"Officers said the inmates were calm.")
        await settle(
            pilot, app, lambda: draft.checks >= 1 and editor.text == draft.editor.checked_text
        )
        spans = editor.live_spans()
        assert [s.flag.text for s in spans] == ["inmates"]
        assert editor._highlights[0], "flag is highlighted"
        assert draft.query_one(OptionList).option_count == 1
        assert draft.dirty
        # Typing more: the flag stays highlighted on the same word while the check runs.
        await pilot.press("home")
        await pilot.press(*"Today ")
        assert editor.text.startswith("Today Officers")
        assert [editor.text[s.start : s.end] for s in editor.live_spans()] == ["inmates"]
        await settle(pilot, app, lambda: editor.checked_text == editor.text)

        # Ctrl+R applies the rewrite for the flag nearest the cursor.
        rewrite = editor.live_spans()[0].flag.rewrite
        assert rewrite
        await pilot.press("ctrl+r")
        assert rewrite in editor.text and "inmates" not in editor.text
        await pilot.press("ctrl+z")
        assert "inmates" in editor.text
        await pilot.press("ctrl+g")
        assert app.clipboard == editor.text


async def test_quoted_flag_is_never_rewritten(db, engine):
    text = 'A neighbour said: "Those thugs wrecked the street."'
    app = create_app(db, engine=engine, paste_text=text)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen) and app.screen.checks)
        editor = app.screen.editor
        spans = editor.live_spans()
        assert spans and all(s.flag.quoted for s in spans)
        editor.move_cursor(editor.location_of(spans[0].start + 1))
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert editor.text == text
        assert any("quotation" in n.message for n in app._notifications)


async def test_paste_mode_starts_draft_with_sanitised_text(db, engine):
    hostile = "The inmates\x1b[31m were\u202e moved.\r\n"
    app = create_app(db, engine=engine, paste_text=hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen) and app.screen.checks)
        editor = app.screen.editor
        assert "\x1b" not in editor.text and "\u202e" not in editor.text
        assert editor.text.startswith("The inmates␛[31m were")
        assert [s.flag.text for s in editor.live_spans()] == ["inmates"]
        assert not app.screen.dirty  # nothing typed yet


async def test_quit_with_unsaved_draft_asks_first(db, engine):
    from tui.screens.confirm import ConfirmDialog

    app = create_app(db, engine=engine, start="draft")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen))
        await pilot.press(*"unsaved words")
        await pilot.press("ctrl+q")
        await settle(pilot, app, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen))
        assert app.is_running
        await pilot.press("ctrl+q")
        await settle(pilot, app, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await settle(pilot, app)
    assert app.return_code == 0


async def test_save_and_open_file(db, engine, tmp_path):
    target = tmp_path / "draft.txt"
    app = create_app(db, engine=engine, start="draft")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen))
        draft = app.screen
        await pilot.press(*"The offenders left.")
        await pilot.press("ctrl+s")
        await settle(pilot, app, lambda: isinstance(app.screen, PromptDialog))
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot, app, lambda: target.exists() and not draft.dirty)
        assert target.read_text(encoding="utf-8") == "The offenders left."
        target.write_text("Fresh text about inmates.", encoding="utf-8")
        await pilot.press("ctrl+o")
        await settle(pilot, app, lambda: isinstance(app.screen, PromptDialog))
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot, app, lambda: draft.editor.text == "Fresh text about inmates.")
        await pilot.press("ctrl+o")
        await settle(pilot, app, lambda: isinstance(app.screen, PromptDialog))
        app.screen.query_one(Input).value = str(tmp_path / "missing.txt")
        await pilot.press("enter")
        await settle(pilot, app)
        assert draft.editor.text == "Fresh text about inmates."
        # Store the draft as an article for the review queue.
        await pilot.press("ctrl+t")
        await settle(pilot, app, lambda: isinstance(app.screen, PromptDialog))
        app.screen.query_one(Input).value = "Trainer's example"
        await pilot.press("enter")
        await settle(pilot, app)
    from monitor.review import listing

    [row] = listing.queue(db).rows
    assert (row.title, row.outlet, row.high) == ("Trainer's example", "Draft", 1)


async def test_f1_help_lists_the_screens_real_bindings(filled_db, engine):
    app = create_app(filled_db, engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        await _open_first_article(pilot, app)
        await pilot.press("f1")
        await settle(pilot, app, lambda: isinstance(app.screen, HelpScreen))
        rows = {label: keys for keys, label, _, _ in app.screen.rows()}
        ids = {label: ident for _, label, ident, _ in app.screen.rows()}
        assert ids["Accept"] == "accept" and ids["Next"] == "next-flag"
        assert rows["Accept"] == "a"
        assert rows["Dismiss"] == "d"
        assert rows["Next"] == "n / j"
        assert rows["Help"] == "F1" and rows["Quit"] == "Ctrl+Q"
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_command_palette_runs_screen_actions(filled_db, engine):
    app = create_app(filled_db, engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_first_article(pilot, app)
        await pilot.press("ctrl+p")
        await settle(pilot, app)
        await pilot.press(*"Reviewed")
        await settle(pilot, app)
        await pilot.press("enter")
        from tui.screens.confirm import ConfirmDialog

        await settle(pilot, app, lambda: isinstance(app.screen, ConfirmDialog))  # flags pending
        await pilot.press("y")
        await settle(pilot, app, lambda: _status(filled_db, screen.article_id) == "reviewed")


async def test_lexicon_and_overview_screens(filled_db, engine):
    app = create_app(filled_db, engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("f4")
        await settle(pilot, app, lambda: getattr(app.screen, "stats", None))
        lex = app.screen
        assert any(s.fired for s in lex.stats)
        await pilot.press("slash", *"inmate")
        await settle(
            pilot,
            app,
            lambda: (
                lex.stats
                and all(
                    "inmate" in (s.entry + " ".join(s.forms) + s.rationale).lower()
                    for s in lex.stats
                )
            ),
        )
        await pilot.press("f5")
        await settle(pilot, app, lambda: getattr(app.screen, "overview", None))
        ov = app.screen.overview
        assert ov.flags >= 1
        # each chart has a time axis: the first and the last week's Monday
        from datetime import date

        first, last = (date.fromisoformat(w) for w in (ov.weeks[0], ov.weeks[-1]))
        axes = [
            [str(lbl.render()) for lbl in axis.query(Label)]
            for axis in app.screen.query(".ov-axis")
        ]
        assert axes == [[f"w/c {first.day} {first:%b}", f"w/c {last.day} {last:%b}"]] * 2


async def test_no_color_keeps_flags_distinguishable(filled_db, engine, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(filled_db, engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color
        await _open_first_article(pilot, app)
        svg = app.export_screenshot()
    # Text attributes (not colour) carry the flags: underline and the symbols survive.
    assert "underline" in svg
    assert "▲" in svg and "❝" in svg


@pytest.fixture
def demo_db_path(tmp_path, engine):
    # Sync fixture: prepare_demo runs its own event loop.
    from core.settings import load_settings
    from monitor.demo import prepare_demo

    path = tmp_path / "demo.sqlite3"
    result = prepare_demo(path, load_settings(), engine=engine)
    assert result.flags > 0
    return path


async def test_demo_pipeline_articles_review_in_the_ui(demo_db_path, engine):
    """The real offline pipeline fills the database; the UI reviews what it stored."""
    from storage.db import open_database

    db = open_database(demo_db_path)
    try:
        app = create_app(db, engine=engine, reviewer=REVIEWER)
        async with app.run_test(size=SIZE) as pilot:
            await settle(
                pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded
            )
            queue = app.screen
            table = queue.query_one(DataTable)
            assert table.row_count == queue.total > 0
            # Sort by flag count: the most-flagged story comes first.
            while queue.filter.sort != "flags":
                await pilot.press("s")
                await settle(pilot, app)
            await settle(pilot, app, lambda: table.row_count)
            await pilot.press("enter")
            await settle(
                pilot, app, lambda: isinstance(app.screen, ReviewScreen) and app.screen.article
            )
            screen = app.screen
            assert screen.flags
            for f in screen.flags:
                # offsets point into the field the flag is in (the headline or the body)
                field = screen.article.title if f.field == "title" else screen.article.text
                assert field[f.start : f.end] == f.text
            await pilot.press("a")
            await settle(pilot, app, lambda: screen.flags[0].decision == "accepted")
            assert _flag_row(db, screen.flags[0].id).decision == "accepted"
    finally:
        db.close()


async def test_queue_loads_further_pages_as_the_cursor_nears_the_end(
    filled_db, engine, monkeypatch
):
    monkeypatch.setattr("tui.screens.queue.PAGE", 2)
    monkeypatch.setattr("tui.screens.queue.LOOKAHEAD", 0)
    app = create_app(filled_db, engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        queue = app.screen
        table = queue.query_one(DataTable)
        assert (queue.loaded, queue.total, table.row_count) == (2, 3, 2)
        await pilot.press("down")
        await settle(pilot, app, lambda: table.row_count == 3)
        assert str(table.get_row_at(2)[table.get_column_index("title")]) == ARTICLES[2]["title"]


def test_demo_command_prepares_its_own_database(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    done = subprocess.run(
        [sys.executable, "-m", "core.cli", "demo", "--no-ui"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=Path(__file__).resolve().parents[2],
        env=dict(os.environ),
    )
    assert done.returncode == 0, done.stderr
    demo_db = Path(os.environ["XDG_DATA_HOME"]) / "framewatch" / "demo.sqlite3"
    assert f"Demo database: {demo_db}" in done.stdout
    assert "sample feeds" in done.stdout
    assert demo_db.exists()
    # The user's real database was not touched.
    assert not (demo_db.parent / "framewatch.sqlite3").exists()


async def test_empty_database_says_how_to_get_articles(db, engine):
    app = create_app(db, engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(
            pilot,
            app,
            lambda: (
                isinstance(app.screen, QueueScreen)
                and "No articles yet" in str(app.screen.query_one("#queue-status").render())
            ),
        )
        await pilot.press("enter")  # nothing to open: stays on the queue
        assert isinstance(app.screen, QueueScreen)


async def test_headline_flag_is_marked_reviewed_and_saved(filled_db, engine):
    """'Prison moves inmates after riot': the headline's flag comes first,
    is marked in the headline, explained in the side panel and saved by 'a'."""
    from tui.widgets.article_text import ArticleText
    from tui.widgets.flag_panel import FlagPanel

    app = create_app(filled_db, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_first_article(pilot, app)
        head = [f for f in screen.flags if f.field == "title"]
        assert head and screen.flags[: len(head)] == head, (
            "navigation starts with the headline's flags"
        )
        flag = screen.current_flag
        assert flag.field == "title" and flag.text.lower() == "inmates"
        assert screen.article.title[flag.start : flag.end] == flag.text
        heading = str(app.screen.query_one("#article-head").render())
        # the severity symbol sits before the flagged word, as in the body
        assert heading == ARTICLES[0]["title"].replace("inmates", "▲inmates"), heading
        panel = str(screen.query_one(FlagPanel).query_one("#flag-detail").render())
        assert "in the headline" in panel and "“inmates”" in panel
        # next/previous move from the headline into the body and back
        await pilot.press("n")
        assert screen.current_flag.field == "text"
        await pilot.press("p")
        assert screen.current_flag.id == flag.id
        await pilot.press("a")
        await settle(pilot, app, lambda: screen.flags[0].decision == "accepted")
        row = _flag_row(filled_db, flag.id)
        assert (row.field, row.decision, row.decided_by) == ("title", "accepted", REVIEWER)
        assert "✓" in str(screen.query_one(ArticleText).query_one("#article-head").render())


async def test_user_keymap_changes_keys_footer_help_and_palette(filled_db, engine, tmp_path):
    from core.settings import load_settings
    from tui.bindings import keys_of
    from tui.command_table import COMMANDS

    cfg = tmp_path / "config.toml"
    cfg.write_text('[ui.keymap]\naccept = "y"\n"next-flag" = "l, ctrl+n"\n', encoding="utf-8")
    settings = load_settings(config=cfg, db=tmp_path / "unused.sqlite3")
    app = create_app(filled_db, settings, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_first_article(pilot, app)
        first = screen.current_flag
        await pilot.press("a")  # the default key no longer accepts
        await settle(pilot, app)
        assert _flag_row(filled_db, first.id).decision == "pending"
        await pilot.press("y")
        await settle(pilot, app, lambda: _flag_row(filled_db, first.id).decision == "accepted")
        footer_keys = {b.binding.action: key for key, b in screen.active_bindings.items()}
        assert footer_keys["accept"] == "y"
        await pilot.press("f1")
        await settle(pilot, app, lambda: isinstance(app.screen, HelpScreen))
        rows = {label: keys for keys, label, _, _ in app.screen.rows()}
        assert rows["Accept"] == "y" and rows["Next"] == "l / Ctrl+N"
        await pilot.press("escape")
    accept = next(c for c in COMMANDS if c.id == "accept")
    assert keys_of(accept, app.keymap) == "y"  # what the palette shows


def test_unknown_keymap_id_is_one_line_naming_the_file(tmp_path, capsys):
    from core.cli import main

    cfg = tmp_path / "config.toml"
    cfg.write_text('[ui.keymap]\nacept = "y"\n', encoding="utf-8")
    assert main(["--config", str(cfg), "--db", str(tmp_path / "x.sqlite3"), "tui"]) != 0
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"framewatch: error: {cfg}: [ui.keymap] unknown binding id 'acept' (did you mean 'accept'?)"
    ]
    bad = tmp_path / "bad.toml"
    bad.write_text("[ui.keymap]\naccept = 3\n", encoding="utf-8")
    assert main(["--config", str(bad), "--db", str(tmp_path / "x.sqlite3"), "tui"]) != 0
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "[ui.keymap] must be a table" in err
