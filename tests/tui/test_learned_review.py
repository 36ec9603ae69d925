"""The learned review model in the real app (issue 14): a trained model on a
real database folds a desk's repeat false flag into "probably noise", explains
it, never deletes it, and ranks the queue likely-accepted work first."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Static

from core.settings import LearningSettings, Settings
from tui.app import create_app
from tui.screens.queue import QueueScreen
from tui.screens.review import ReviewScreen

from ..learning.conftest import trained_db, trained_file  # noqa: F401 - shared fixtures
from .conftest import REVIEWER, settle

MIXED = (
    "Savage scored twice for United on Saturday.\n"
    "Away from the pitch, the offender was jailed for six years."
)


async def test_review_folds_probable_noise_and_explains_it(trained_db, engine):  # noqa: F811
    from monitor.review.paste import import_text

    aid = import_text(
        trained_db,
        "Weekend round-up",
        MIXED,
        outlet="Sports Daily",
        url="https://sports.example/sport/football/round-up",
        engine=engine,
    )
    settings = replace(Settings(), learning=LearningSettings(fold_threshold=0.8, retrain_every=0))
    app = create_app(trained_db, settings=settings, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        queue = app.screen
        # a current model: the queue opens sorted likely-accepted work first
        await settle(pilot, app, lambda: queue.filter.sort == "likely")
        status = str(queue.query_one("#queue-status", Static).render())
        assert "sort: likely" in status and "probably noise (folded in review)" in status

        app.push_screen(ReviewScreen(aid))
        await settle(
            pilot, app, lambda: isinstance(app.screen, ReviewScreen) and app.screen.article
        )
        screen = app.screen
        savage, offender = screen.flags
        assert (savage.text, offender.text) == ("Savage", "offender")
        meta = str(screen.query_one("#review-meta", Static).render())
        assert "1 probably noise (folded; z to show)" in meta
        # the folded flag is skipped: review starts at the real one
        assert screen.current_flag.id == offender.id
        panel = str(screen.query_one("#flag-detail", Static).render())
        assert "Learned: " in panel and "likely to be dismissed" in panel
        assert "probably noise" not in panel

        await pilot.press("z")  # unfold: the noise is there, with why
        assert screen.current_flag.id == savage.id
        panel = str(screen.query_one("#flag-detail", Static).render())
        assert "probably noise (folded)" in panel
        assert "Like it: dismissed 9 times: 'savage scored' in Sports Daily sport pages" in panel
        assert "1 probably noise (shown; z to fold)" in str(
            screen.query_one("#review-meta", Static).render()
        )

        await pilot.press("z")  # fold again: back to the shown flag, nothing deleted
        assert screen.current_flag.id == offender.id and len(screen.flags) == 2
        await pilot.press("a")
        await settle(pilot, app, lambda: screen.flags[1].decision == "accepted")
        assert screen.flags[0].decision == "pending"  # folded, never decided for the reviewer


async def test_lexicon_screen_accepts_a_suggested_exception(trained_db, engine, tmp_path):  # noqa: F811
    import yaml

    from core.settings import LexiconSettings
    from lexicon.load import check_lexicon
    from tui.screens.exceptions import ExceptionsScreen

    org = tmp_path / "org-lexicon.yaml"
    settings = replace(
        Settings(),
        lexicon=LexiconSettings(extra_files=(str(org),)),
        learning=LearningSettings(retrain_every=0),
    )
    app = create_app(trained_db, settings=settings, engine=engine, reviewer=REVIEWER)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, QueueScreen))
        await pilot.press("f4")
        await settle(pilot, app, lambda: getattr(app.screen, "stats", None))
        await pilot.press("x")
        await settle(
            pilot, app, lambda: isinstance(app.screen, ExceptionsScreen) and app.screen.suggestions
        )
        screen = app.screen
        top = screen.suggestions[0]
        assert top.acceptable and top.support == 9 and top.counter == 0
        detail = str(screen.query_one("#sug-detail", Static).render())
        assert "dismissed 9 times" in detail and "no counter-examples" in detail
        await pilot.press("a")
        await settle(pilot, app, lambda: org.exists())
    item = yaml.safe_load(org.read_text())["exceptions"][0]
    assert (item["entry"], item["phrases"]) == (top.entry, [top.value])
    assert check_lexicon(extra_files=[org]).ok
