"""Lexicon browser: every entry, why it matters, and how reviewers judged it."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Static

from tui.bindings import bindings_for
from tui.flagstyle import SYMBOL
from tui.messages import LexiconLoaded, ServiceFailed
from tui.sanitize import one_line, sanitize


def describe_entry(s: Any) -> Content:
    parts: list[str | tuple[str, str]] = [
        (f"{s.entry}", "bold"),
        f"  {SYMBOL.get(s.severity, '•')} {s.severity} · {s.category}\n",
        ("Forms: ", "bold"),
        one_line(", ".join(s.forms)) + "\n",
    ]
    if s.sense:
        parts += [("Sense: ", "bold"), one_line(s.sense) + "\n"]
    parts += [
        ("Fired ", "bold"),
        f"{s.fired} · accepted {s.accepted} · dismissed {s.dismissed} · pending {s.pending}\n\n",
    ]
    parts += [("Why\n", "bold"), sanitize(s.rationale).strip() + "\n"]
    if s.advice:
        parts += [sanitize(s.advice).strip() + "\n"]
    if s.suggestions:
        parts += [("\nSuggestions\n", "bold")]
        parts += [f"  → {one_line(x)}\n" for x in s.suggestions]
    if s.sources:
        parts += [("\nSources\n", "bold")]
        for title, url in s.sources:
            parts.append(f"  • {one_line(title)}\n    {one_line(url)}\n")
    return Content.assemble(*parts)


class LexiconScreen(Screen):
    SCOPE = "lexicon"
    HELP_TITLE = "Lexicon"
    BINDINGS = bindings_for("lexicon")
    AUTO_FOCUS = "#lex-table"
    DEFAULT_CSS = """
    LexiconScreen #lex-search { margin: 0 1; }
    LexiconScreen #lex-body { height: 1fr; }
    LexiconScreen #lex-table { width: 3fr; }
    LexiconScreen #lex-detail-box { width: 2fr; border-left: wide $primary; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.stats: tuple[Any, ...] = ()
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Input(placeholder="Search entries, forms, rationale  (/)", id="lex-search")
        with Horizontal(id="lex-body"):
            yield DataTable(id="lex-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="lex-detail-box"):
                yield Static("Loading the lexicon…", id="lex-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Lexicon"
        table = self.query_one(DataTable)
        table.add_column("Entry", key="entry")
        table.add_column("Sev", key="severity", width=8)
        table.add_column("Category", key="category")
        table.add_column("Fired", key="fired", width=6)
        table.add_column("Accepted", key="accepted", width=8)
        table.add_column("Dismissed", key="dismissed", width=9)
        self.load("")

    def on_screen_resume(self) -> None:
        if self.stats:
            self.load(self.query_one("#lex-search", Input).value)

    @work(thread=True, exclusive=True, group="lexicon", exit_on_error=False)
    def load(self, search: str) -> None:
        from monitor.review import insights

        try:
            lex = self.app.get_lexicon()
            if lex is None:
                raise RuntimeError("the lexicon is not available in this build")
            stats = insights.lexicon_stats(self.app.db, lex, search)
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(LexiconLoaded(stats))

    @on(LexiconLoaded)
    def _loaded(self, message: LexiconLoaded) -> None:
        self.stats = message.stats
        table = self.query_one(DataTable)
        table.clear()
        for s in self.stats:
            table.add_row(
                s.entry,
                f"{SYMBOL.get(s.severity, '•')} {s.severity}",
                s.category,
                str(s.fired),
                str(s.accepted),
                str(s.dismissed),
                key=s.entry,
            )
        self._show(0 if self.stats else None)

    def _show(self, index: int | None) -> None:
        detail = self.query_one("#lex-detail", Static)
        if index is None or not (0 <= index < len(self.stats)):
            detail.update("No entries match.")
            return
        detail.update(describe_entry(self.stats[index]))

    @on(DataTable.RowHighlighted, "#lex-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    @on(Input.Changed, "#lex-search")
    def _search(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        value = event.value
        self._timer = self.set_timer(0.25, lambda: self.load(value))

    @on(Input.Submitted, "#lex-search")
    def _submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_focus_search(self) -> None:
        self.query_one("#lex-search", Input).focus()

    def action_focus_table(self) -> None:
        self.query_one(DataTable).focus()

    def action_suggestions(self) -> None:
        from tui.screens.exceptions import ExceptionsScreen

        self.app.push_screen(ExceptionsScreen())

    @on(ServiceFailed)
    def _failed(self, message: ServiceFailed) -> None:
        self.query_one("#lex-detail", Static).update(f"Could not load: {message.error}")
        self.notify(message.error, title="Lexicon", severity="error")
