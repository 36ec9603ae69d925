"""SVG snapshots of each screen (pytest-textual-snapshot).

Sync tests (snap_compare runs its own event loop), fixed terminal size,
deterministic data from the real engine with a pinned
three-entry lexicon (see ``pinned_engine``), no clock, no cursor blink, a fixed
"today" for the overview.  Update baselines with
``python -m pytest tests/tui/test_snapshots.py --snapshot-update`` after
checking the HTML report.
"""

from __future__ import annotations

from datetime import date

from tui.app import create_app

from .conftest import REVIEWER, settle

SIZE = (120, 36)
TODAY = date(2026, 11, 26)


def _app(db, engine, **kw):
    return create_app(db, engine=engine, reviewer=REVIEWER, today=TODAY, **kw)


async def _ready(pilot, cond=None):
    await settle(pilot, pilot.app, cond)


async def _open_review(pilot):
    """From the queue, open the first article and wait until it is shown."""
    await _ready(pilot, lambda: getattr(pilot.app.screen, "loaded", 0))
    await pilot.press("enter")
    await _ready(pilot, lambda: getattr(pilot.app.screen, "article", None))


def test_queue_screen(snap_compare, pinned_db, pinned_engine):
    async def run_before(pilot):
        await _ready(pilot, lambda: getattr(pilot.app.screen, "loaded", 0))

    assert snap_compare(_app(pinned_db, pinned_engine), run_before=run_before, terminal_size=SIZE)


def test_review_screen_with_decisions(snap_compare, pinned_db, pinned_engine):
    async def run_before(pilot):
        await _open_review(pilot)
        screen = pilot.app.screen
        await pilot.press("a")  # accept the headline's flag; moves to the same word in the body
        await _ready(pilot, lambda: screen.flags[0].decision == "accepted")

    assert snap_compare(_app(pinned_db, pinned_engine), run_before=run_before, terminal_size=SIZE)


def test_draft_checker_with_flags(snap_compare, db, pinned_engine):
    text = (
        "Officers said the inmates were calm.\n"
        'A neighbour said: "Those thugs wrecked the street."\n'
        "The offenders left on Tuesday."
    )

    async def run_before(pilot):
        await _ready(pilot, lambda: getattr(pilot.app.screen, "checks", 0))

    assert snap_compare(
        _app(db, pinned_engine, paste_text=text), run_before=run_before, terminal_size=SIZE
    )


def test_lexicon_browser(snap_compare, pinned_db, pinned_engine):
    async def run_before(pilot):
        await pilot.press("f4")
        await _ready(pilot, lambda: getattr(pilot.app.screen, "stats", None))
        await pilot.press("slash", *"inmate", "enter")
        await _ready(
            pilot,
            lambda: all(
                "inmate" in s.entry or "inmate" in " ".join(s.forms) for s in pilot.app.screen.stats
            ),
        )

    assert snap_compare(_app(pinned_db, pinned_engine), run_before=run_before, terminal_size=SIZE)


def test_overview(snap_compare, pinned_db, pinned_engine):
    async def run_before(pilot):
        await pilot.press("f5")
        await _ready(pilot, lambda: getattr(pilot.app.screen, "overview", None))

    assert snap_compare(_app(pinned_db, pinned_engine), run_before=run_before, terminal_size=SIZE)


def test_help_screen(snap_compare, pinned_db, pinned_engine):
    async def run_before(pilot):
        await _open_review(pilot)
        await pilot.press("f1")
        await _ready(pilot)

    assert snap_compare(_app(pinned_db, pinned_engine), run_before=run_before, terminal_size=SIZE)


def test_review_screen_light_theme(snap_compare, pinned_db, pinned_engine):
    async def run_before(pilot):
        pilot.app.theme = "textual-light"
        await _open_review(pilot)

    assert snap_compare(_app(pinned_db, pinned_engine), run_before=run_before, terminal_size=SIZE)


def test_review_screen_no_color(snap_compare, pinned_db, pinned_engine, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = _app(pinned_db, pinned_engine)

    async def run_before(pilot):
        await _open_review(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)
