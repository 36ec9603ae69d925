"""The review queue: stories needing review, newest first, filterable.

Rows come a page at a time (SQL LIMIT/OFFSET in ``monitor.review.listing.queue``);
the next page loads when the cursor nears the end, so 10,000 articles open as
fast as 200.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from awards.dates import DateProblem, parse_day
from lexicon import CATEGORIES
from tui.bindings import bindings_for
from tui.flagstyle import STATUS_LABEL, SYMBOL
from tui.messages import (
    LexiconStale,
    OptionsLoaded,
    QueueLoaded,
    Reanalysed,
    ReanalyseProgress,
    ServiceFailed,
    StatusesSaved,
)
from tui.profilestyle import LIVED_SYMBOL
from tui.queue_columns import SELECTED, Layout, cells, detail, layout_for
from tui.sanitize import one_line

SORTS = ("date", "outlet", "title", "flags", "status", "likely")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PAGE = 200
NARROW_FILTERS = 110  # screen width under which the filters wrap onto two rows
LOOKAHEAD = 20  # rows before the end at which the next page is fetched


class QueueScreen(Screen):
    SCOPE = "queue"
    HELP_TITLE = "Review queue"
    BINDINGS = bindings_for("queue")
    AUTO_FOCUS = "#queue-table"
    DEFAULT_CSS = """
    QueueScreen #filters { height: auto; padding: 0 1; }
    QueueScreen #filters Input { width: 1fr; }
    QueueScreen #filters Select { width: 18; }
    QueueScreen #filters .date { width: 14; }
    /* category names ("Dehumanising / sensationalist") and outlets read on one line */
    QueueScreen #outlet > SelectOverlay, QueueScreen #category > SelectOverlay { width: 36; }
    QueueScreen #queue-table { height: 1fr; }
    QueueScreen #queue-detail { height: 2; padding: 0 1; }
    /* under 110 columns the filters take two rows of borderless boxes */
    QueueScreen.-narrow #filters { layout: grid; grid-size: 4 2; grid-gutter: 0 1; height: 2; }
    QueueScreen.-narrow #filters Input, QueueScreen.-narrow #filters Select { width: 1fr; }
    /* borderless boxes: the focused one is underlined, not only recoloured */
    QueueScreen.-narrow #filters Input:focus,
    QueueScreen.-narrow #filters Select:focus > SelectCurrent { text-style: bold underline; }
    QueueScreen #queue-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        from monitor.review.model import QueueFilter

        self.filter = QueueFilter()
        self.loaded_once_sorted = False  # the learned order is chosen once, then the reviewer's
        self.noise = 0  # pending flags on the loaded rows folded as "probably noise"
        self.generation = 0
        self.loaded = 0
        self.total = 0
        self.loading = False
        self._search_timer: Timer | None = None
        self._keep_cursor: int | None = None
        self._date_errors: dict[str, str] = {}  # filter field -> text last reported as no date
        self.rows: dict[int, Any] = {}  # article id -> QueueRow, for the rows loaded
        self.selected: set[int] = set()  # article ids picked with space, for r and R
        self.columns_layout: Layout | None = None
        self.stale = 0  # articles analysed with another lexicon than the engine's (U re-analyses)
        self.reanalysing = ""  # progress of a re-analysis under way, for the status line

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="filters"):
            yield Input(placeholder="Search headlines and text  (/)", id="search")
            yield Select((), prompt="Outlet", id="outlet")
            yield Select((), prompt="Category", id="category")
            yield Select(
                [(f"{SYMBOL[s]} {s}", s) for s in ("high", "medium", "low")],
                prompt="Severity",
                id="severity",
            )
            yield Select(
                [(STATUS_LABEL[s], s) for s in ("new", "in_review", "reviewed")],
                prompt="Status",
                id="status",
            )
            yield Input(placeholder="from YYYY-MM-DD", id="date-from", classes="date")
            yield Input(placeholder="to YYYY-MM-DD", id="date-to", classes="date")
        table: DataTable = DataTable(id="queue-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="queue-detail")
        yield Static("Loading…", id="queue-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.filter = replace(
            self.filter, noise_threshold=self.app.learning_settings.fold_threshold
        )
        self._fit(self.app.size.width)
        self.load_options()
        self.reload()
        self.check_lexicon()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """Columns for this width (see tui/queue_columns.py); the rows already
        loaded are redrawn in them, the cursor kept."""
        new = layout_for(width)
        self.set_class(width < NARROW_FILTERS, "-narrow")
        for box in self.query("#filters Input, #filters Select"):
            box.compact = width < NARROW_FILTERS  # type: ignore[attr-defined]
        if new == self.columns_layout:
            return
        self.columns_layout = new
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        for column in new.columns:
            table.add_column(column.label, key=column.key, width=new.width_of(column))
        for row in self.rows.values():
            self._add_row(table, row)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1), animate=False)
        self._update_detail()

    def _add_row(self, table: DataTable, row: Any) -> None:
        assert self.columns_layout is not None
        selected = row.article_id in self.selected
        table.add_row(*cells(row, self.columns_layout, selected), key=str(row.article_id))

    def on_screen_resume(self) -> None:
        # Back from a review: statuses and counts may have changed.
        if self.loaded:
            table = self.query_one(DataTable)
            self._keep_cursor = table.cursor_row
            self.reload(keep=True)

    # ------------------------------------------------------------------ loading

    def reload(self, keep: bool = False) -> None:
        self.generation += 1
        limit = max(PAGE, self.loaded) if keep else PAGE
        self.loading = True
        self.fetch_page(self.filter, 0, limit, False, self.generation)

    @work(thread=True, exclusive=True, group="queue", exit_on_error=False)
    def fetch_page(self, filt: Any, offset: int, limit: int, append: bool, generation: int) -> None:
        from monitor.review import listing

        try:
            page = listing.queue(
                self.app.db, filt, offset=offset, limit=limit, viewer=self.app.reviewer
            )
        except Exception as exc:  # noqa: BLE001 - one line for the user
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(QueueLoaded(page, append, generation))

    @work(thread=True, group="queue-options", exit_on_error=False)
    def load_options(self) -> None:
        from monitor.review import listing

        try:
            self.post_message(OptionsLoaded(listing.options(self.app.db), self._learned()))
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))

    def _learned(self) -> bool:
        """Whether a current learned model ranks this queue (then it opens
        sorted likely-accepted work first)."""
        from core.errors import FramewatchError
        from learning.service import status

        lexicon = self.app.get_lexicon()
        if lexicon is None:
            return False
        try:
            s = status(self.app.db, lexicon)
        except FramewatchError:
            return False
        return s.trained and not s.stale

    @on(OptionsLoaded)
    def _options(self, message: OptionsLoaded) -> None:
        opts = message.options
        self.query_one("#outlet", Select).set_options((one_line(o, 30), o) for o in opts.outlets)
        # the lexicon's names for its categories ("Offence identity noun"), not the ids
        self.query_one("#category", Select).set_options(
            (CATEGORIES.get(c, c), c) for c in opts.categories
        )
        if message.learned and not self.loaded_once_sorted:
            self.loaded_once_sorted = True
            self.set_filter(sort="likely", descending=True)

    @on(QueueLoaded)
    def _page(self, message: QueueLoaded) -> None:
        if message.generation != self.generation:
            return  # a newer filter superseded this page
        self.loading = False
        table = self.query_one(DataTable)
        page = message.page
        if not message.append:
            table.clear()
            self.loaded = 0
            self.rows = {}
            self.noise = 0
        for row in page.rows:
            self.rows[row.article_id] = row
            self._add_row(table, row)
        self.loaded += len(page.rows)
        self.noise += sum(getattr(row, "noise", 0) for row in page.rows)
        self.total = page.total
        if self._keep_cursor is not None and table.row_count:
            table.move_cursor(row=min(self._keep_cursor, table.row_count - 1), animate=False)
            self._keep_cursor = None
        self._update_status()
        self._update_detail()

    def _update_status(self) -> None:
        f = self.filter
        arrow = "↓" if f.descending else "↑"
        active = [
            f"{k}={v}"
            for k, v in (
                ("outlet", f.outlet),
                ("category", f.category),
                ("severity", f.severity),
                ("status", f.status),
                ("from", f.date_from),
                ("to", f.date_to),
            )
            if v
        ]
        if f.search:
            active.append(f"search={f.search!r}")
        if f.amplify:
            from monitor.review.model import AMPLIFY_SCORE

            active.append(
                f"coverage to amplify (score ≥ {AMPLIFY_SCORE} or {LIVED_SYMBOL} lived experience)"
            )
        text = (
            f"{self.loaded:,} of {self.total:,} stories · sort: {f.sort} {arrow}"
            f" · copies {'folded' if f.fold_copies else 'shown'}"
        )
        if self.selected:
            text += f" · {len(self.selected)} selected"
        if self.noise:
            text += f" · {self.noise:,} flags probably noise (folded in review)"
        if self.reanalysing:
            text = f"{self.reanalysing} · {text}"
        elif self.stale:
            text = f"Lexicon changed: U re-analyses {self.stale:,} articles · {text}"
        if active:
            text += " · " + ", ".join(active)
        elif not self.total:
            text = (
                "No articles yet: run `framewatch monitor once` (or `framewatch demo`), "
                "or store a draft from the draft checker (F3, then Ctrl+T)."
            )
        self.query_one("#queue-status", Static).update(one_line(text))

    @on(DataTable.RowHighlighted, "#queue-table")
    def _show_detail(self, event: DataTable.RowHighlighted) -> None:
        self._update_detail()

    def _update_detail(self) -> None:
        """The row at the cursor in words (tui/queue_columns.py: detail)."""
        article_id = self._cursor_id()
        row = self.rows.get(article_id) if article_id is not None else None
        text = "" if row is None else detail(row, max(10, self.size.width - 2))
        self.query_one("#queue-detail", Static).update(text)

    @on(DataTable.RowHighlighted, "#queue-table")
    def _maybe_more(self, event: DataTable.RowHighlighted) -> None:
        # Fetch the next page before the reviewer reaches the end.
        if (
            not self.loading
            and self.loaded < self.total
            and event.cursor_row >= self.loaded - 1 - LOOKAHEAD
        ):
            self.loading = True
            self.fetch_page(self.filter, self.loaded, PAGE, True, self.generation)

    def set_filter(self, **changes: Any) -> None:
        new = replace(self.filter, **changes)
        if new != self.filter:
            self.filter = new
            self.reload()

    # ------------------------------------------------------------------ filter widgets

    @on(Select.Changed)
    def _select(self, event: Select.Changed) -> None:
        value = "" if event.select.is_blank() else str(event.value)
        field = {
            "outlet": "outlet",
            "category": "category",
            "severity": "severity",
            "status": "status",
        }.get(event.select.id or "")
        if field:
            self.set_filter(**{field: value})

    @on(Input.Changed, "#search")
    def _search_typed(self, event: Input.Changed) -> None:
        # Debounced: one query after the reviewer pauses, not one per key.
        if self._search_timer is not None:
            self._search_timer.stop()
        value = event.value
        self._search_timer = self.set_timer(0.3, lambda: self.set_filter(search=value.strip()))

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self.set_filter(search=event.value.strip())
        self.query_one(DataTable).focus()

    @on(Input.Changed, ".date")
    def _date_typed(self, event: Input.Changed) -> None:
        value = event.value.strip()
        event.input.remove_class("-invalid")
        if value and not _DATE.match(value):
            return  # half-typed, or another form: checked on Enter or when the box is left
        self._apply_date(event.input)

    @on(Input.Submitted, ".date")
    def _date_submitted(self, event: Input.Submitted) -> None:
        if self._apply_date(event.input):
            self.query_one(DataTable).focus()

    @on(Input.Blurred, ".date")
    def _date_left(self, event: Input.Blurred) -> None:
        self._apply_date(event.input)

    def _apply_date(self, box: Input) -> bool:
        """Filter by the date in ``box``, or say why it is not a date.

        A date the reviewer cannot see being refused would leave the queue
        unfiltered while the box claims otherwise, so a refusal is an error
        notice naming the text, and that end of the range is left open."""
        key = "date_from" if box.id == "date-from" else "date_to"
        value = box.value.strip()
        if not value:
            self._date_errors.pop(key, None)
            self.set_filter(**{key: ""})
            return True
        try:
            day = parse_day(value).isoformat()
        except DateProblem as problem:
            box.add_class("-invalid")
            self.set_filter(**{key: ""})
            if self._date_errors.get(key) != value:  # once per text, not on every blur
                self._date_errors[key] = value
                which = "From" if key == "date_from" else "To"
                self.notify(
                    f"{which} date '{one_line(value, 30)}' {problem}; not filtering by it.",
                    title="Date filter",
                    severity="error",
                    timeout=8,
                )
            return False
        self._date_errors.pop(key, None)
        box.remove_class("-invalid")
        self.set_filter(**{key: day})
        return True

    # ------------------------------------------------------------------ actions

    @on(DataTable.RowSelected, "#queue-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_article(int(event.row_key.value))

    def open_article(self, article_id: int) -> None:
        from tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(article_id))

    def action_open_selected(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.open_article(int(key.value))

    def action_leave_filters(self) -> None:
        """Esc in the search or a filter: back to the list, so its keys (c, g, s)
        are commands again instead of letters typed into the box."""
        focused = self.focused
        if isinstance(focused, Input) and focused.id == "search":
            if self._search_timer is not None:
                self._search_timer.stop()
            self.set_filter(search=focused.value.strip())
        self.query_one(DataTable).focus()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_filters(self) -> None:
        self.query_one("#outlet", Select).focus()

    def action_cycle_sort(self) -> None:
        nxt = SORTS[(SORTS.index(self.filter.sort) + 1) % len(SORTS)]
        # Dates and counts read best largest first; names alphabetically.
        self.set_filter(sort=nxt, descending=nxt in ("date", "flags", "likely"))

    def action_reverse_sort(self) -> None:
        self.set_filter(descending=not self.filter.descending)

    def action_toggle_fold(self) -> None:
        self.set_filter(fold_copies=not self.filter.fold_copies)

    def action_toggle_hide_open(self) -> None:
        hide = not self.filter.hide_open_by_others
        self.set_filter(hide_open_by_others=hide)
        self.notify(
            "Hiding articles other reviewers have open."
            if hide
            else "Showing every article, open or not.",
            timeout=3,
        )

    def action_toggle_amplify(self) -> None:
        self.set_filter(amplify=not self.filter.amplify)

    def action_clear_filters(self) -> None:
        from monitor.review.model import QueueFilter

        for select in self.query(Select):
            select.clear()
        for box in self.query(Input):
            box.value = ""
        self.filter = QueueFilter(
            sort=self.filter.sort,
            descending=self.filter.descending,
            noise_threshold=self.filter.noise_threshold,
        )
        self.reload()

    def action_refresh(self) -> None:
        self.load_options()
        self.reload(keep=True)

    # ------------------------------------------------------------------ lexicon changes

    @work(thread=True, group="queue-lexicon", exit_on_error=False)
    def check_lexicon(self) -> None:
        """Stored flags from another lexicon (an override changed since) are stale:
        say so, and offer U (``monitor.reanalyse``)."""
        from monitor.reanalyse import stale_articles

        try:
            self.post_message(LexiconStale(stale_articles(self.app.db, self.app.get_engine())))
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the queue stays usable
            self.post_message(ServiceFailed(str(exc)))

    @on(LexiconStale)
    def _stale(self, message: LexiconStale) -> None:
        self.stale = message.articles
        if self.stale:
            self.notify(
                f"The lexicon has changed since {self.stale:,} articles were analysed: press U "
                "to re-analyse them (reviewed decisions are kept; changed and vanished flags "
                "are marked).",
                title="Lexicon changed",
                timeout=20,
            )
        self._update_status()

    def action_reanalyse(self) -> None:
        if self.reanalysing:
            return
        if not self.stale:
            self.notify("Every analysed article already uses today's lexicon.", title="Re-analyse")
            return
        self.reanalysing = "Re-analysing…"
        self._update_status()
        self.run_reanalysis()

    @work(thread=True, exclusive=True, group="queue-reanalyse", exit_on_error=False)
    def run_reanalysis(self) -> None:
        from monitor.reanalyse import reanalyse

        try:
            result = reanalyse(
                self.app.db,
                self.app.get_engine(),
                progress=lambda done, total: self.post_message(ReanalyseProgress(done, total)),
            )
        except Exception as exc:  # noqa: BLE001 - one line for the user; what is stored stays
            self.post_message(ServiceFailed(str(exc)))
            self.post_message(Reanalysed(None))
            return
        self.post_message(Reanalysed(result))

    @on(ReanalyseProgress)
    def _reanalyse_progress(self, message: ReanalyseProgress) -> None:
        self.reanalysing = f"Re-analysing {message.done:,}/{message.total:,}"
        self._update_status()

    @on(Reanalysed)
    def _reanalysed(self, message: Reanalysed) -> None:
        self.reanalysing = ""
        if message.result is not None:
            self.notify(message.result.summary(), title="Re-analysed", timeout=20)
        self.check_lexicon()
        self.load_options()
        self.reload(keep=True)

    # ------------------------------------------------------------------ selection, bulk status

    def _cursor_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _show_mark(self, article_id: int) -> None:
        mark = SELECTED if article_id in self.selected else ""
        self.query_one(DataTable).update_cell(str(article_id), "mark", mark)

    def action_toggle_select(self) -> None:
        article_id = self._cursor_id()
        if article_id is None:
            return
        self.selected ^= {article_id}
        self._show_mark(article_id)
        self.query_one(DataTable).action_cursor_down()
        self._update_status()

    def action_select_all(self) -> None:
        everything = set(self.rows)
        self.selected = set() if everything <= self.selected else everything
        for article_id in self.rows:
            self._show_mark(article_id)
        self._update_status()

    def _targets(self) -> list[int]:
        """The selected articles, else the one at the cursor."""
        if self.selected:
            return sorted(self.selected)
        article_id = self._cursor_id()
        return [] if article_id is None else [article_id]

    def action_mark_reviewed(self) -> None:
        """Mark reviewed; while any of them has flags without a decision, ask
        first, naming how many flags in how many articles."""
        ids = [i for i in self._targets() if self.rows.get(i) and self.rows[i].status != "reviewed"]
        if not ids:
            self.notify("Nothing to mark: already reviewed.", timeout=4)
            return
        pending = {i: self.rows[i].pending for i in ids if self.rows[i].pending}
        if not pending:
            self.save_statuses(ids, "reviewed")
            return
        from tui.screens.confirm import ConfirmDialog

        flags = sum(pending.values())
        where = "in it" if len(ids) == 1 else f"in {len(pending)} of them"
        question = (
            f"{flags} flag{'s are' if flags != 1 else ' is'} still pending (no decision yet) "
            f"{where}. Mark {_them(len(ids))} reviewed anyway?"
        )

        def answer(ok: bool | None) -> None:
            if ok:
                self.save_statuses(ids, "reviewed")

        self.app.push_screen(
            ConfirmDialog(question, yes="Mark reviewed", no="Keep reviewing"), answer
        )

    def action_reopen(self) -> None:
        ids = [i for i in self._targets() if self.rows.get(i) and self.rows[i].status == "reviewed"]
        if not ids:
            self.notify("Nothing to reopen: not reviewed.", timeout=4)
            return
        self.save_statuses(ids, "in_review")

    @work(thread=True, group="queue-status", exit_on_error=False)
    def save_statuses(self, article_ids: list[int], status: str) -> None:
        from monitor.review import article

        try:
            article.set_status_many(self.app.db, article_ids, status)
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(StatusesSaved(tuple(article_ids), status))

    @on(StatusesSaved)
    def _statuses_saved(self, message: StatusesSaved) -> None:
        n = len(message.article_ids)
        what = "Marked reviewed" if message.status == "reviewed" else "Reopened (in review)"
        self.notify(f"{what}: {_articles(n)}.", title="Saved")
        self.selected -= set(message.article_ids)
        self.reload(keep=True)
        self._keep_cursor = self.query_one(DataTable).cursor_row

    @on(ServiceFailed)
    def _failed(self, message: ServiceFailed) -> None:
        self.loading = False
        self.notify(message.error, title="Could not load", severity="error")


def _articles(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"


def _them(n: int) -> str:
    return "it" if n == 1 else "both" if n == 2 else f"all {n}"
