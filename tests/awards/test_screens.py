"""The awards UI in the real app: nominate from the review screen, score as two
judges, watch the results table update; plus the dialog's live checks."""

from __future__ import annotations

import csv

import pytest
from textual.widgets import DataTable, Select, Static, TextArea

from awards import audit, judging, nominations
from tui.app import create_app
from tui.screens.awards import AwardsScreen
from tui.screens.nominate import NominateDialog
from tui.screens.review import ReviewScreen

from .conftest import ADMIN, add_article


@pytest.fixture
def backend():
    """The screens run on SQLite only: the UI's queries are the services' ones,
    which the other awards modules run on PostgreSQL too, and App.run_test() is slow."""
    return "sqlite"


async def settle(pilot):
    """Let key handlers run, then the reads they started, then the redraw."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_awards(pilot) -> AwardsScreen:
    await settle(pilot)
    await pilot.press("f6")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AwardsScreen)
    return pilot.app.screen


def results_row(screen, nid):
    table = screen.query_one("#awards-results", DataTable)
    labels = [str(c.label) for c in table.ordered_columns]
    return dict(zip(labels, (str(v) for v in table.get_row(str(nid))), strict=True))


async def test_nominate_from_review_then_two_judges_score_and_results_update(db, cycle):
    text = " ".join(["word"] * 250)
    aid = add_article(
        db,
        title="Life after prison",
        author="By A Smith",
        text=text,
        analysed=True,
        stored_flags=[("dehumanising", False, "pending"), ("dehumanising", True, "pending")],
    )
    for name in ("Ann", "Bob"):
        judging.add_judge(db, cycle.id, name, who=ADMIN)
    app = create_app(db, reviewer="Rev Iewer")
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        app.push_screen(ReviewScreen(aid))
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NominateDialog)
        assert dialog.query_one("#nominate-category", Select).value == "Outstanding Journalism"
        dialog.query_one("#nominate-citation", TextArea).focus()
        await pilot.press(*"Humane and careful")
        await settle(pilot)
        assert str(dialog.query_one("#nominate-words", Static).render()) == "3 / 500 words"
        assert "Eligible" in str(dialog.query_one("#nominate-eligibility", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        [nom] = nominations.list_nominations(db, cycle.id)
        assert (nom.article_id, nom.nominator, nom.citation, nom.journalists) == (
            aid,
            "Rev Iewer",
            "Humane and careful",
            ("A Smith",),
        )
        assert (nom.profile.voice_per_1000, nom.profile.quoted_per_1000) == (4.0, 4.0)

        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AwardsScreen)
        noms = screen.query_one("#awards-noms", DataTable)
        assert str(noms.get_row(str(nom.id))[6]) == "4.0 own, 4.0 quoted"
        assert "4.0/1k own voice" in str(screen.query_one("#awards-detail", Static).render())
        # Issue 12 changes this: a longlisted entry is not a result (only
        # shortlisted entries are ranked), so it is not in the results table yet.
        assert str(nom.id) not in screen.query_one("#awards-results", DataTable).rows

        await pilot.press("s")  # shortlist it
        await settle(pilot)
        assert results_row(screen, nom.id)["n judges"] == "0"
        await pilot.press("j", *"44444")  # Ann
        await settle(pilot)
        row = results_row(screen, nom.id)
        assert (row["List"], row["Mean"], row["n judges"], row["Disagree"]) == (
            "shortlist",
            "20.00",
            "1",
            "",
        )
        await pilot.press("j", *"2222")  # Bob, four of five criteria: not counted yet
        await settle(pilot)
        assert results_row(screen, nom.id)["n judges"] == "1"
        await pilot.press("2")
        await settle(pilot)
        row = results_row(screen, nom.id)
        assert (row["Mean"], row["n judges"], row["Range"], row["Disagree"]) == (
            "15.00",
            "2",
            "10-20",
            "YES",
        )

        # Bob recuses: his sheet stops counting, the table follows.
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"Ex-colleague", "enter")
        await settle(pilot)
        row = results_row(screen, nom.id)
        assert (row["Mean"], row["n judges"]) == ("20.00", "1")
    assert [e.who for e in audit.audit_log(db, cycle.id)][-8:] == ["Rev Iewer"] * 8


async def test_dialog_shows_ineligibility_reasons_before_saving(db, cycle):
    aid = add_article(db, title="Old story", published_at="2024-01-01T00:00:00Z")
    app = create_app(db, reviewer="Rev")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        app.push_screen(NominateDialog(db, article_id=aid, reviewer="Rev"))
        await settle(pilot)
        dialog = app.screen
        box = dialog.query_one("#nominate-eligibility", Static)
        assert "outside the eligibility window" in str(box.render())
        assert "the citation is empty" in str(box.render())
        dialog.query_one("#nominate-citation", TextArea).load_text(" ".join(["w"] * 501))
        await settle(pilot)
        assert "501 / 500 words" in str(dialog.query_one("#nominate-words", Static).render())
        assert dialog.query_one("#nominate-words").has_class("over")
        assert "citation has 501 words" in str(box.render())
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NominateDialog)
    assert nominations.list_nominations(db, cycle.id) == []


async def test_hand_nomination_decision_and_export_from_the_awards_screen(db, cycle, tmp_path):
    judging.add_judge(db, cycle.id, "Ann", who=ADMIN)
    app = create_app(db, reviewer="Admin A")
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_awards(pilot)
        assert "No nominations yet" in str(screen.query_one("#awards-detail", Static).render())
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NominateDialog)
        # Typing is covered by the first test; here the fields are filled directly (faster).
        for field, value in (
            ("title", "Radio 4: Doing time"),
            ("outlet", "BBC Radio 4"),
            ("date", "2026-06-01"),
            ("journalists", "C Presenter"),
        ):
            dialog.query_one(f"#nominate-{field}").value = value
        dialog.query_one("#nominate-citation", TextArea).load_text("Moving and fair")
        await settle(pilot)
        assert "Eligible" in str(dialog.query_one("#nominate-eligibility", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        [nom] = nominations.list_nominations(db, cycle.id)
        assert (nom.title, nom.outlet, nom.published_on, nom.journalists, nom.nominator) == (
            "Radio 4: Doing time",
            "BBC Radio 4",
            "2026-06-01",
            ("C Presenter",),
            "Admin A",
        )
        assert screen.query_one("#awards-noms", DataTable).row_count == 1

        await pilot.press("x")  # declining asks why; an empty answer is refused
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert nominations.get_nomination(db, nom.id).stage == "longlist"
        await pilot.press("s", "d")
        await settle(pilot)
        app.screen.query_one("Input").value = "winner Unanimous"
        await pilot.press("enter")
        await settle(pilot)
        assert results_row(screen, nom.id)["Decision"] == "winner"
        await pilot.press("z")  # normalised means shown beside the raw ones; none without scores
        await settle(pilot)
        row = results_row(screen, nom.id)
        assert (row["Normalised"], row["Mean"]) == ("", "")
        target = tmp_path / "short.csv"
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("Input").value = f"shortlist-csv {target}"
        await pilot.press("enter")
        await settle(pilot)
    with target.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["title"], r["nominee"]) for r in rows] == [("Radio 4: Doing time", "C Presenter")]
    got = nominations.get_nomination(db, nom.id)
    assert (got.decision, got.decision_note) == ("winner", "Unanimous")


async def test_a_failed_read_is_one_line_and_the_screen_stays(db, cycle, db_target):
    import sqlite3

    judging.add_judge(db, cycle.id, "Ann", who=ADMIN)
    app = create_app(db, reviewer="Admin A")
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_awards(pilot)
        assert "Judge:" in str(screen.query_one("#awards-status", Static).render())
        # another process breaks the database under the running app
        con = sqlite3.connect(db_target)  # the file ``db`` has open
        con.execute("ALTER TABLE award_nominations RENAME TO award_nominations_gone")
        con.commit()
        con.close()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen is screen
        errors = [n.message for n in app._notifications if n.title == "Awards"]
        assert len(errors) == 1 and "award_nominations" in errors[0] and "\n" not in errors[0]
        # the last good read is still on screen
        assert screen.cycle is not None and "Judge:" in str(
            screen.query_one("#awards-status", Static).render()
        )
