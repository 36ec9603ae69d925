"""The awards screen in the real app (issue 12): the stages, the current cycle
in the header, F2/F3/F6 as modes, one-line notices for stray keys, and the
judging progress pane."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Select, Static

from awards import cycles, judging, lifecycle, nominations, sift
from tui.app import create_app
from tui.screens.draft import DraftScreen
from tui.screens.nominate import NominateDialog
from tui.screens.queue import QueueScreen
from tui.screens.review import ReviewScreen

from .conftest import ADMIN, add_article, hand, shortlisted
from .test_screens import open_awards, results_row, settle


@pytest.fixture
def backend():
    """The screens run on SQLite only: the UI's queries are the services' ones,
    which the other awards modules run on PostgreSQL too, and App.run_test() is slow."""
    return "sqlite"


SIZE = (160, 50)


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


def status(screen) -> str:
    return str(screen.query_one("#awards-status", Static).render())


async def test_f_keys_switch_modes_and_f6_never_stacks_a_second_screen(db, cycle):
    app = create_app(db, reviewer="Coord")
    async with app.run_test(size=SIZE) as pilot:
        awards = await open_awards(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert app.screen is awards and len(app.screen_stack) == 1
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("f6")
        await settle(pilot)
        assert app.screen is awards and len(app.screen_stack) == 1
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen)
        await pilot.press("f6")
        await settle(pilot)
        assert app.screen is awards
        await pilot.press("escape")  # back where F6 was pressed
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen)


async def test_stray_digits_are_reported_in_one_line_and_nothing_is_stored(db, cycle):
    judging.add_judge(db, cycle.id, "Ann", who=ADMIN)
    app = create_app(db, reviewer="Coord")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_awards(pilot)
        await pilot.press("j", "4")  # nothing nominated yet
        await settle(pilot)
        assert notices(app)[-1] == (
            "No nomination selected: nominate one with n, or from an article with w."
        )
        n = shortlisted(db, cycle)
        await pilot.press("ctrl+r")
        await settle(pilot)
        for digit in ("7", "0"):
            await pilot.press(digit)
            await settle(pilot)
            assert notices(app)[-1] == (
                f"{digit} is outside the scale 1-5: type 1-5 for Relevant content."
            )
        assert judging.list_sheets(db, cycle.id) == []
        await pilot.press("5")
        await settle(pilot)
        assert [s.scores for s in judging.list_sheets(db, cycle.id)] == [{"relevant": 5}]
        assert all("\n" not in m for m in notices(app))
    assert n.stage == "shortlist"


async def test_stages_on_the_awards_screen(db, cycle):
    judging.add_judge(db, cycle.id, "Ann", who=ADMIN)
    long = hand(db, cycle, title="Longlisted", journalists=["L"])
    short = shortlisted(db, cycle, title="Shortlisted", journalists=["S"])
    app = create_app(db, reviewer="Coord")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_awards(pilot)
        results = screen.query_one("#awards-results", DataTable)
        assert set(results.rows) == {str(short.id)}  # only shortlisted entries are results
        title = str(screen.query_one("#awards-results-title", Static).render())
        assert "shortlisted entries ranked" in title and "1 not shortlisted, not ranked" in title
        noms = screen.query_one("#awards-noms", DataTable)
        noms.move_cursor(row=noms.get_row_index(str(long.id)))
        await pilot.press("j", "4")
        await settle(pilot)
        assert notices(app)[-1] == (
            f"#{long.id} is on the longlist: only shortlisted entries are judged (shortlist it "
            f"first: 'framewatch awards shortlist move {long.id} --to shortlist')"
        )
        assert judging.list_sheets(db, cycle.id) == []
        noms.move_cursor(row=noms.get_row_index(str(short.id)))
        await pilot.press(*"44444")
        await settle(pilot)
        row = results_row(screen, short.id)
        assert (row["Rank"], row["List"], row["Mean"]) == ("1", "shortlist", "20.00")
        # one winner per category, refused in one line
        other = shortlisted(db, cycle, title="Other", journalists=["O"])
        sift.decide(db, other.id, "winner", who=ADMIN)
        await pilot.press("ctrl+r")
        await settle(pilot)
        noms.move_cursor(row=noms.get_row_index(str(short.id)))
        await pilot.press("d")
        await settle(pilot)
        app.screen.query_one("Input").value = "winner"
        await pilot.press("enter")
        await settle(pilot)
        assert notices(app)[-1].startswith(
            f"Outstanding Journalism already has a winner (#{other.id} Other): one winner per category"
        )
        assert nominations.get_nomination(db, short.id).decision == ""
        assert results_row(screen, other.id)["Decision"] == "winner"


async def test_the_header_shows_the_current_cycle_and_a_new_cycle_changes_nothing(db, cycle):
    app = create_app(db, reviewer="Coord")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_awards(pilot)
        assert screen.sub_title == "Awards: Media Awards 2026 (current cycle)"
        assert status(screen).startswith("Media Awards 2026 (current cycle)")
        nxt = cycles.create_cycle(db, year=2027, who=ADMIN)  # next year's, from the CLI
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.cycle.id == cycle.id
        await pilot.press("c")  # the screen's own switch is explicit, and for everyone
        await settle(pilot)
        assert lifecycle.current_cycle(db).id == nxt.id
        assert screen.sub_title == "Awards: Media Awards 2027 (current cycle)"
        assert notices(app)[-1] == (
            "Current cycle: Media Awards 2027 (for the CLI and the nominate dialog too)."
        )
        # the CLI changes it back while the reviewer is in the queue; F6 shows it
        await pilot.press("f2")
        await settle(pilot)
        lifecycle.use_cycle(db, "2026", who=ADMIN)
        await pilot.press("f6")
        await settle(pilot)
        assert app.screen is screen and screen.cycle.id == cycle.id
        # with several open cycles and none current the screen says so
        lifecycle.archive_cycle(db, "2026", who=ADMIN)
        cycles.create_cycle(db, year=2028, who=ADMIN)
        lifecycle.unarchive_cycle(db, "2026", who=ADMIN)
        lifecycle.archive_cycle(db, "2027", who=ADMIN)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.cycle is None and screen.sub_title == "Awards: no current cycle"
        assert status(screen).startswith("No current award cycle and 2 to choose from")


async def test_the_nominate_dialog_uses_the_current_cycle_not_the_newest(db, cycle):
    aid = add_article(db, title="Life after prison")
    cycles.create_cycle(db, year=2027, who=ADMIN)
    app = create_app(db, reviewer="Coord")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ReviewScreen(aid))
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NominateDialog)
        assert dialog.query_one("#nominate-cycle", Select).value == cycle.id
        await pilot.press("escape")
        await settle(pilot)
        cycles.create_cycle(db, year=2028, who=ADMIN)
        lifecycle.archive_cycle(db, "2026", who=ADMIN)  # the current one: none is now
        app.push_screen(NominateDialog(db, article_id=aid, reviewer="Coord"))
        await settle(pilot)
        text = str(app.screen.query_one("#nominate-error", Static).render())
        assert text == (
            "no current award cycle and 2 to choose from (Media Awards 2027, Media Awards 2028): "
            "choose one with 'framewatch awards cycle use NAME|ID'"
        )


async def test_the_progress_pane_shows_who_has_scored_what(db, cycle):
    for name in ("Ann", "Bob"):
        judging.add_judge(db, cycle.id, name, who=ADMIN)
    a = shortlisted(db, cycle, title="A", journalists=["A"])
    b = shortlisted(db, cycle, title="B", journalists=["B"])
    judging.score(db, a.id, "Ann", dict.fromkeys(cycle.criterion_keys, 4), who=ADMIN)
    judging.score(db, b.id, "Ann", {"relevant": 3, "impact": 2}, who=ADMIN)
    judging.recuse(db, b.id, "Bob", "Colleague", who=ADMIN)
    app = create_app(db, reviewer="Coord")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_awards(pilot)
        progress = screen.query_one("#awards-progress", DataTable)
        assert not progress.display and screen.query_one("#awards-results").display
        await pilot.press("p")
        await settle(pilot)
        assert progress.display and not screen.query_one("#awards-results").display
        rows = {str(k.value): [str(c) for c in progress.get_row(k)] for k in progress.rows}
        assert rows == {
            "Ann": ["Ann", f"1: #{a.id}", f"1: #{b.id} (2/5)", "0: -", "0: -"],
            "Bob": ["Bob", "0: -", "0: -", f"1: #{a.id}", f"1: #{b.id}"],
        }
        assert "Judging progress on 2 shortlisted entries" in str(
            screen.query_one("#awards-results-title", Static).render()
        )
        await pilot.press("j")  # Ann
        await settle(pilot)
        assert "Judge: Ann (1 scored, 1 partly, 0 missing)" in status(screen)
        judging.remove_judge(db, cycle.id, "Bob", who=ADMIN)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert [str(c) for c in progress.get_row("Bob")][0] == "Bob (removed, not counted)"
        await pilot.press("p")
        await settle(pilot)
        assert screen.query_one("#awards-results").display
