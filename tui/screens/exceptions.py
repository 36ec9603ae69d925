"""Suggested lexicon exceptions: what reviewers keep dismissing, proposed as lexicon
rules with their support and counter-examples (``framewatch learn suggest``).

A lexicon manager accepts one with a key; it goes into the organisation's
lexicon file (the first ``[lexicon] extra_files`` entry) as an ``exceptions:``
item, checked like any rule before it is kept.  Work is done in workers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from tui.bindings import bindings_for
from tui.messages import ServiceFailed
from tui.sanitize import one_line


@dataclass
class ExceptionsLoaded(Message):
    suggestions: tuple[Any, ...]  # learning.suggest.Suggestion


@dataclass
class ExceptionAccepted(Message):
    suggestion: Any
    path: str


class ExceptionsScreen(Screen):
    SCOPE = "lex-exceptions"
    HELP_TITLE = "Suggested exceptions"
    BINDINGS = bindings_for("lex-exceptions")
    AUTO_FOCUS = "#sug-table"
    DEFAULT_CSS = """
    ExceptionsScreen #sug-body { height: 1fr; }
    ExceptionsScreen #sug-table { width: 3fr; }
    ExceptionsScreen #sug-detail-box { width: 2fr; border-left: wide $primary; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.suggestions: tuple[Any, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="sug-body"):
            yield DataTable(id="sug-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="sug-detail-box"):
                yield Static("Mining the decisions…", id="sug-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Suggested exceptions"
        table = self.query_one(DataTable)
        table.add_column("Entry", key="entry")
        table.add_column("Pattern", key="value")
        table.add_column("Dismissed", key="support", width=9)
        table.add_column("Counter", key="counter", width=8)
        table.add_column("Rule?", key="rule", width=6)
        self.load()

    @work(thread=True, exclusive=True, group="suggestions", exit_on_error=False)
    def load(self) -> None:
        from learning.service import examples
        from learning.suggest import suggest

        try:
            lexicon = self.app.get_lexicon()
            found = suggest(examples(self.app.db), lexicon) if lexicon is not None else []
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(ExceptionsLoaded(tuple(found)))

    @work(thread=True, group="suggestions-accept", exit_on_error=False)
    def save(self, suggestion: Any, path: str) -> None:
        from pathlib import Path

        from learning.suggest import accept

        try:
            accept(suggestion, Path(path))
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(ExceptionAccepted(suggestion, path))

    @on(ExceptionsLoaded)
    def _loaded(self, message: ExceptionsLoaded) -> None:
        self.suggestions = message.suggestions
        table = self.query_one(DataTable)
        table.clear()
        for s in self.suggestions:
            table.add_row(
                s.entry,
                one_line(s.value, 40),
                str(s.support),
                str(s.counter),
                "yes" if s.acceptable else "no",
                key=s.id,
            )
        self._show(0 if self.suggestions else None)

    @on(ExceptionAccepted)
    def _accepted(self, message: ExceptionAccepted) -> None:
        self.notify(
            f"Added to {one_line(message.path, 60)}: '{one_line(message.suggestion.value)}'. "
            "Restart Framewatch to check with it.",
            title="Exception accepted",
        )

    def _show(self, index: int | None) -> None:
        detail = self.query_one("#sug-detail", Static)
        if index is None or not (0 <= index < len(self.suggestions)):
            detail.update("No pattern has been dismissed often enough to suggest a rule.")
            return
        detail.update(one_line(self.suggestions[index].describe(), 400))

    @on(DataTable.RowHighlighted, "#sug-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def action_accept(self) -> None:
        table = self.query_one(DataTable)
        if not self.suggestions or table.cursor_row >= len(self.suggestions):
            return
        chosen = self.suggestions[table.cursor_row]
        if not chosen.acceptable:
            self.notify(
                "An outlet is not a lexicon rule; the review model already folds it.",
                severity="warning",
            )
            return
        extra = getattr(getattr(self.app.settings, "lexicon", None), "extra_files", ())
        if not extra:
            self.notify(
                "No organisation lexicon file: set [lexicon] extra_files in the config "
                "(or use 'framewatch learn suggest --accept ID --file PATH').",
                severity="warning",
            )
            return
        self.save(chosen, extra[0])

    def action_back(self) -> None:
        self.dismiss()

    @on(ServiceFailed)
    def _failed(self, message: ServiceFailed) -> None:
        self.notify(message.error, title="Suggestions", severity="error")
