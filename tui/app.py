"""The Framewatch terminal app and its factory.

``create_app`` is separate from the CLI so tests and benchmarks can build the
app on a temporary database (and an already-loaded engine) without click.

The app owns the shared, slow-to-build things - the database handle, the
spaCy engine and the lexicon - and hands them to workers; screens never build
their own.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App
from textual.binding import Binding

from tui.bindings import bindings_for, check_keymap
from tui.palette import FramewatchCommands
from tui.screens.draft import DraftScreen
from tui.screens.help import HelpScreen
from tui.screens.lexicon import LexiconScreen
from tui.screens.overview import OverviewScreen
from tui.screens.queue import QueueScreen

MODES_ORDER = ("queue", "draft", "lexicon", "overview")


class FramewatchApp(App, inherit_bindings=False):
    TITLE = "Framewatch"
    CSS_PATH = "app.tcss"
    BINDINGS: list[Binding] = [
        *bindings_for("app"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]
    COMMANDS = App.COMMANDS | {FramewatchCommands}

    def __init__(
        self,
        db: Any,
        settings: Any = None,
        *,
        engine: Any = None,
        paste_text: str | None = None,
        start: str = "queue",
        reviewer: str = "",
        lexicon: Any = None,
        today: Any = None,
        notice: str = "",
    ) -> None:
        super().__init__()
        self.notice = notice  # said once the UI is up (the demo: where its feeds are served)
        self.today = today  # fixed date for the overview (tests, screenshots)
        self.db = db
        self.settings = settings
        # Decisions record who made them: the configured name, else the login name.
        self.reviewer = (
            reviewer or getattr(getattr(settings, "ui", None), "reviewer", "") or _login_name()
        )
        self.paste_text = paste_text
        self.start_mode = "draft" if paste_text is not None else start
        self._engine = engine
        self._lexicon = lexicon
        self._engine_build = threading.Lock()
        self.draft_screen: DraftScreen | None = None
        self.lexicon_error = ""
        # checked here so a typo is one line from 'framewatch tui', before the screen opens
        self.keymap = check_keymap(
            getattr(getattr(settings, "ui", None), "keymap", None) or {},
            str(getattr(settings, "config_path", None) or "config"),
        )
        theme = getattr(getattr(settings, "ui", None), "theme", "") or ""
        if theme in self.available_themes:
            self.theme = theme
        self.add_mode("queue", QueueScreen)
        self.add_mode("draft", lambda: DraftScreen(initial_text=self.paste_text))
        self.add_mode("lexicon", LexiconScreen)
        self.add_mode("overview", lambda: OverviewScreen(today=self.today))
        # the awards are a mode too: F2-F5 leave them, F6 comes back to the same screen
        self.add_mode("awards", self._awards_screen)
        self._before_awards = "queue"

    def _awards_screen(self) -> Any:
        from tui.screens.awards import AwardsScreen

        return AwardsScreen(self.db, reviewer=self.reviewer)

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        self.switch_mode(self.start_mode)
        if self.notice:
            self.notify(self.notice, timeout=8)

    # ------------------------------------------------------------------ shared services
    # Called from worker threads only: building the engine takes ~1.3 s.

    def get_engine(self) -> Any:
        with self._engine_build:
            if self._engine is None:
                from framing.factory import engine_from_settings

                if self.settings is None:
                    from core.settings import load_settings

                    self.settings = load_settings()
                # the engine locks itself, so screens and workers share this one
                self._engine = engine_from_settings(self.settings)
            return self._engine

    @property
    def learning_settings(self) -> Any:
        """``[learning]`` settings (the defaults when the app has no settings)."""
        learning = getattr(self.settings, "learning", None)
        if learning is None:
            from core.settings import LearningSettings

            learning = LearningSettings()
        return learning

    def decision_made(self) -> None:
        """After each accept or dismiss: retrain the learned model in a worker
        once ``[learning] retrain_every`` new decisions have been made."""
        if self.learning_settings.retrain_every > 0:
            self._retrain()

    @work(thread=True, exclusive=True, group="learning", exit_on_error=False)
    def _retrain(self) -> None:
        from core.errors import FramewatchError
        from learning.service import maybe_retrain
        from tui.messages import ModelRetrained

        try:
            lexicon = self.get_lexicon()
            if lexicon is None:
                return
            status = maybe_retrain(
                self.db, lexicon, self.learning_settings, engine=self.get_engine()
            )
        except FramewatchError:
            return  # learning is a help, never in the reviewer's way
        if status is not None:
            self.post_message(ModelRetrained(status))

    def on_model_retrained(self, message: Any) -> None:
        s = message.status
        self.notify(
            f"Learned from {s.decisions_used} decisions ({s.kind}).",
            title="Review model",
            timeout=3,
        )

    def get_lexicon(self) -> Any:
        """The lexicon that explains stored flags (None if it cannot be loaded)."""
        with self._engine_build:
            if self._lexicon is None:
                lex = getattr(self._engine, "lexicon", None)
                if lex is None:
                    try:
                        from core.settings import Settings
                        from framing.factory import lexicon_from_settings

                        lex = lexicon_from_settings(self.settings or Settings())
                    except ImportError:
                        lex = None
                    except Exception as exc:  # noqa: BLE001 - a broken lexicon file must not block review
                        self.lexicon_error = (
                            str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                        )
                        self.call_from_thread(
                            self.notify,
                            f"Explanations unavailable: {self.lexicon_error}",
                            title="Lexicon",
                            severity="warning",
                            timeout=8,
                        )
                        lex = False  # tried and failed: do not retry on every screen
                self._lexicon = lex
            return self._lexicon or None

    # ------------------------------------------------------------------ actions

    def action_go(self, mode: str) -> None:
        if mode in MODES_ORDER:
            self.switch_mode(mode)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_awards(self) -> None:
        """Switch to the awards (never a second copy on top of the first)."""
        if self.current_mode == "awards":
            return
        self._before_awards = self.current_mode or "queue"
        self.switch_mode("awards")

    def action_leave_awards(self) -> None:
        """Esc on the awards screen: back to the mode F6 was pressed in."""
        self.switch_mode(self._before_awards)

    async def action_quit(self) -> None:
        """Quit, but never silently drop an unsaved draft."""
        draft = self.draft_screen
        if draft is not None and draft.dirty:
            from tui.screens.confirm import ConfirmDialog

            def answer(ok: bool | None) -> None:
                if ok:
                    self.exit()

            self.push_screen(
                ConfirmDialog(
                    "The draft has unsaved changes. Quit and lose them?",
                    yes="Quit",
                    no="Keep editing",
                ),
                answer,
            )
            return
        self.exit()


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user database (containers): leave it blank
        return ""


def create_app(
    db_path: str | Path | Any,
    settings: Any = None,
    engine: Any = None,
    paste_text: str | None = None,
    *,
    start: str = "queue",
    reviewer: str = "",
    lexicon: Any = None,
    today: Any = None,
    notice: str = "",
) -> FramewatchApp:
    """Open (and migrate) the database, then build the app around it.

    ``db_path`` may also be an already open ``Database``.
    """
    from storage.db import Database, open_database

    db = db_path if isinstance(db_path, Database) else open_database(db_path)
    return FramewatchApp(
        db,
        settings,
        engine=engine,
        paste_text=paste_text,
        start=start,
        reviewer=reviewer,
        lexicon=lexicon,
        today=today,
        notice=notice,
    )
