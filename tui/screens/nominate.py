"""Nominate the article under review for the media awards.

Eligibility is previewed live (window, items per nominee, citation length,
category, duplicates) so the nominator sees the reasons before saving; a
nomination that breaks a rule is still recorded, as "ineligible" with those
reasons, for the awards admin to decline or override with a reason.

Without an article (``article_id=None``) the dialog takes the piece by hand:
title, outlet, link and date (a broadcast, a podcast, anything the monitor
did not collect).

The cycle is the current one (``awards cycle use``, the same the CLI and
the awards screen use); another open cycle can be chosen explicitly.  With
several cycles and none current the dialog says so rather than guess.

Keyboard only: Tab between fields, Ctrl+S to save, Esc to cancel.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from awards import common, cycles, lifecycle, model, nominations
from awards.rules import count_words
from core.errors import FramewatchError
from tui.sanitize import one_line, sanitize


class NominateDialog(ModalScreen[int | None]):
    """Returns the new nomination's id, or None when cancelled."""

    DEFAULT_CSS = """
    NominateDialog { align: center middle; }
    NominateDialog > VerticalScroll {
        width: 90%; max-width: 110; height: auto; max-height: 90%; border: thick $primary;
        background: $surface; padding: 0 2;
    }
    NominateDialog .row { height: auto; }
    NominateDialog .row > Label { width: 14; padding: 1 1 0 0; }
    NominateDialog .row > Select, NominateDialog .row > Input { width: 1fr; }
    NominateDialog #nominate-citation { height: 10; }
    NominateDialog #nominate-words { color: $text-muted; }
    NominateDialog #nominate-words.over { color: $error; text-style: bold; }
    NominateDialog #nominate-eligibility { padding: 1 0 0 0; }
    NominateDialog #nominate-eligibility.ineligible { color: $warning; }
    NominateDialog #nominate-hint { color: $text-muted; padding: 1 0 0 0; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, db: Any, article_id: int | None = None, reviewer: str = "") -> None:
        super().__init__()
        self.db = db
        self.article_id = article_id
        self.reviewer = reviewer
        self.article: model.ArticleInfo | None = None
        self.cycles: list[model.Cycle] = []
        self.current: model.Cycle | None = None
        self.error: str = ""
        self.saving = False
        self.reasons: list = []
        try:
            self.cycles = cycles.list_cycles(db)  # open ones: archived cycles are read-only
            if self.cycles:
                self.current = lifecycle.current_cycle(db)
            if article_id is not None:
                self.article = nominations.article_info(db, article_id)
        except FramewatchError as exc:
            self.error = str(exc)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            if self.article is not None:
                a = self.article
                yield Static(f"[b]Nominate[/b] {_safe(a.title)}", id="nominate-title")
                yield Static(
                    _safe(
                        f"{a.outlet or 'unknown outlet'} · {a.author or 'no byline'} · "
                        f"{a.published_on or 'date unknown'} · {a.words} words"
                    ),
                    id="nominate-article",
                )
            if self.error or not self.cycles:
                msg = self.error or (
                    "No award cycle yet. Create one first: framewatch awards cycle new YEAR"
                )
                yield Static(_safe(msg), id="nominate-error")
                yield Static("Esc to close.", id="nominate-hint")
                return
            current = self.current or self.cycles[-1]
            with Horizontal(classes="row"):
                yield Label("Cycle")
                yield Select(
                    [
                        (c.name + (" (current)" if c.id == current.id else ""), c.id)
                        for c in reversed(self.cycles)
                    ],
                    value=current.id,
                    allow_blank=False,
                    id="nominate-cycle",
                )
            with Horizontal(classes="row"):
                yield Label("Category")
                yield Select(
                    [(c, c) for c in current.categories],
                    value=current.categories[0],
                    allow_blank=False,
                    id="nominate-category",
                )
            if self.article_id is None:
                for key, label, hint in (
                    ("title", "Title", "Headline or programme title"),
                    ("outlet", "Outlet", "Publication, channel or site"),
                    ("url", "Link", "https://..."),
                    ("date", "Date", "15/09/2026 or 2026-09-15 (publication or broadcast)"),
                ):
                    with Horizontal(classes="row"):
                        yield Label(label)
                        yield Input(placeholder=hint, id=f"nominate-{key}")
            with Horizontal(classes="row"):
                yield Label("Nominator")
                yield Input(
                    self.reviewer, placeholder="Name (and organisation)", id="nominate-nominator"
                )
            with Horizontal(classes="row"):
                yield Label("Journalist(s)")
                names = ", ".join(self.article.journalists) if self.article else ""
                yield Input(
                    names,
                    placeholder="Comma-separated; blank = the outlet",
                    id="nominate-journalists",
                )
            yield Label("Citation: how the work meets the criteria")
            yield TextArea("", id="nominate-citation", soft_wrap=True, tab_behavior="focus")
            yield Static("", id="nominate-words")
            yield Static("", id="nominate-eligibility")
            yield Static("Tab: next field · Ctrl+S: save · Esc: cancel", id="nominate-hint")

    def on_mount(self) -> None:
        if self.cycles and not self.error:
            self.query_one("#nominate-category", Select).focus()
            self.refresh_checks()

    # ------------------------------------------------------------------ state

    @property
    def cycle(self) -> model.Cycle | None:
        if not self.cycles or self.error:
            return None
        value = self.query_one("#nominate-cycle", Select).value
        return next((c for c in self.cycles if c.id == value), self.current)

    def _piece(self) -> dict:
        """The piece's facts: from the monitor article, or as typed by hand."""
        if self.article is not None:
            a = self.article
            return {"title": a.title, "outlet": a.outlet, "url": a.url, "date": a.published_on}
        return {
            k: self.query_one(f"#nominate-{k}", Input).value.strip()
            for k in ("title", "outlet", "url", "date")
        }

    def _values(self) -> dict:
        return {
            "category": self.query_one("#nominate-category", Select).value,
            "nominator": self.query_one("#nominate-nominator", Input).value.strip(),
            "journalists": common.split_names(self.query_one("#nominate-journalists", Input).value),
            "citation": self.query_one("#nominate-citation", TextArea).text,
        }

    @on(Select.Changed, "#nominate-cycle")
    def _cycle_changed(self) -> None:
        cycle = self.cycle
        if cycle is None:
            return
        category = self.query_one("#nominate-category", Select)
        category.set_options([(c, c) for c in cycle.categories])
        category.value = cycle.categories[0]
        self.refresh_checks()

    @on(Select.Changed, "#nominate-category")
    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self) -> None:
        self.refresh_checks()

    def refresh_checks(self) -> None:
        """Live word count against the limit, and the eligibility reasons."""
        cycle = self.cycle
        if cycle is None:
            return
        v = self._values()
        words = count_words(v["citation"])
        counter = self.query_one("#nominate-words", Static)
        counter.update(f"{words} / {cycle.max_citation_words} words")
        counter.set_class(words > cycle.max_citation_words, "over")
        box = self.query_one("#nominate-eligibility", Static)
        piece = self._piece()
        try:
            reasons = nominations.check_eligibility(
                self.db,
                cycle.id,
                category=str(v["category"]),
                published_on=piece["date"] or None,
                journalists=v["journalists"],
                outlet=piece["outlet"],
                citation=v["citation"],
                url=piece["url"],
            )
        except FramewatchError as exc:
            box.update(_safe(str(exc)))
            return
        self.reasons = reasons
        if reasons:
            lines = "\n".join(f"  • {_safe(r.message)}" for r in reasons)
            box.update(
                f"Will be recorded as INELIGIBLE (the admin can override with a reason):\n{lines}"
            )
        else:
            box.update("Eligible under this cycle's rules.")
        box.set_class(bool(reasons), "ineligible")

    # ------------------------------------------------------------------ actions

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        cycle = self.cycle
        if cycle is None or self.saving:
            return
        v = self._values()
        v["piece"] = self._piece()
        if self.article_id is None and not v["piece"]["title"]:
            self.notify("The piece needs a title.", severity="warning")
            self.query_one("#nominate-title", Input).focus()
            return
        if not v["nominator"]:
            self.notify("Who is nominating? Fill in the nominator.", severity="warning")
            self.query_one("#nominate-nominator", Input).focus()
            return
        self.saving = True
        self._save(cycle.id, v)

    @work(thread=True, exclusive=True, group="nominate-save", exit_on_error=False)
    def _save(self, cycle_id: int, v: dict) -> None:
        # A worker: an article the monitor has not analysed needs the engine
        # (model load ~1.3 s the first time), which must not freeze the UI.
        factory = getattr(self.app, "get_engine", None)
        who = self.reviewer or v["nominator"]
        try:
            if self.article_id is not None:
                # the engine locks itself: a draft check may be running beside it
                nom = nominations.nominate_article(
                    self.db,
                    cycle_id,
                    self.article_id,
                    str(v["category"]),
                    v["nominator"],
                    v["citation"],
                    journalists=v["journalists"] or None,
                    who=who,
                    engine_factory=factory,
                )
            else:
                p = v["piece"]
                nom = nominations.nominate(
                    self.db,
                    cycle_id,
                    title=p["title"],
                    outlet=p["outlet"],
                    journalists=v["journalists"],
                    url=p["url"],
                    published_on=p["date"] or None,
                    category=str(v["category"]),
                    nominator=v["nominator"],
                    citation=v["citation"],
                    who=who,
                )
        except FramewatchError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._saved, nom)

    def _failed(self, message: str) -> None:
        self.saving = False
        self.notify(_safe(message), title="Not nominated", severity="error")

    def _saved(self, nom: model.Nomination) -> None:
        if nom.reasons:
            why = "; ".join(r.message for r in nom.reasons)
            self.app.notify(
                _safe(f"Nomination #{nom.id} recorded as ineligible: {why}"),
                title="Nominated",
                severity="warning",
            )
        else:
            self.app.notify(
                f"Nomination #{nom.id} recorded ({_safe(nom.category)}).", title="Nominated"
            )
        self.dismiss(nom.id)


def _safe(text: str) -> str:
    """Untrusted text shown through Static markup: sanitised and markup-escaped."""
    from rich.markup import escape

    return escape(one_line(text)) if "\n" not in text else escape(sanitize(text))
