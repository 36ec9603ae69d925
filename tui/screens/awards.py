"""The media awards: sift the nominations, enter judges' scores, watch the results.

One screen, three panes: the nominations (per category, with eligibility and
the framing profile as evidence - never a verdict), the selected nomination's
details with the current judge's score sheet, and the results table (the
shortlisted entries of each category, ranked), which is redrawn from the
database after every change; ``p`` swaps it for the judging progress (per
judge: scored, partly scored, missing, recused).

The screen always shows the current cycle, the one stored in the database
(``awards cycle use``; ``c`` here makes the next open cycle current), and
says so in its header, so it never disagrees with the CLI or the nominate
dialog.  It is an app mode (F6), so F2-F5 leave it and F6 comes back to the
same screen rather than stacking another.

Scoring is keyboard-first: pick the judge with ``j``, then type one digit per
criterion; the cursor moves to the next criterion after each digit.  A digit
outside the scale, or a key with nothing to act on, says so in one line.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.widgets.data_table import CellDoesNotExist

from awards import common, lifecycle, model, rules
from awards.errors import AwardsError
from tui.bindings import bindings_for
from tui.messages import AwardsLoaded, ServiceFailed
from tui.sanitize import one_line
from tui.screens.awards_actions import AwardsActions
from tui.screens.awards_view import detail_markup, ids, num, read_cycle


class AwardsScreen(AwardsActions, Screen):
    HELP_TITLE = "Media awards"
    SCOPE = "awards"
    AUTO_FOCUS = "#awards-noms"
    DEFAULT_CSS = """
    AwardsScreen #awards-status { height: auto; padding: 0 1; background: $boost; }
    AwardsScreen #awards-top { height: 3fr; }
    AwardsScreen #awards-noms { width: 3fr; height: 1fr; }
    AwardsScreen #awards-detail-box { width: 2fr; min-width: 36; border-left: solid $primary; padding: 0 1; }
    AwardsScreen #awards-results-title { height: 1; padding: 0 1; text-style: bold; }
    AwardsScreen #awards-results { height: 2fr; }
    AwardsScreen #awards-progress { height: 2fr; display: none; }
    AwardsScreen.-progress #awards-results { display: none; }
    AwardsScreen.-progress #awards-progress { display: block; }
    """
    BINDINGS = bindings_for(SCOPE)

    def __init__(self, db: Any, reviewer: str = "") -> None:
        super().__init__()
        self.db = db
        self.reviewer = reviewer
        self.cycle: model.Cycle | None = None
        self.noms: list[model.Nomination] = []
        self.rows: list[model.ResultRow] = []
        self.sheets: list[model.ScoreSheet] = []
        self.progress: list[model.CategoryProgress] = []
        self.judging: model.JudgingProgress | None = None
        self.show_progress = False
        self.not_ranked = 0  # nominations not judged (see awards.rules.judged): not in the results
        self.judges: list[model.Judge] = []  # on the panel (removed judges left out)
        self.judge: str | None = None
        self.criterion = 0
        self.normalise = False
        self.generation = 0  # of the latest read asked for; older answers are dropped

    @property
    def who(self) -> str:
        return common.default_who(self.reviewer)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="awards-status")
        with Horizontal(id="awards-top"):
            yield DataTable(id="awards-noms", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="awards-detail-box"):
                yield Static("", id="awards-detail")
        yield Static("Results", id="awards-results-title")
        yield DataTable(id="awards-results", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="awards-progress", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#awards-noms", DataTable).add_columns(
            "#", "Category", "Title", "Nominee", "List", "Eligibility", "Flags/1k words"
        )
        self.query_one("#awards-progress", DataTable).add_columns(
            "Judge", "Scored", "Partly scored", "Missing", "Recused"
        )
        self.load()

    def on_screen_resume(self) -> None:
        # back from another mode (F2-F5, then F6) or a dialog: the CLI or the
        # review screen may have changed the awards meanwhile
        if self.is_mounted:
            self.load()

    # ------------------------------------------------------------------ data

    def load(self) -> None:
        """Re-read the current cycle in a worker; the panes are redrawn when it arrives.

        Writes stay on the UI thread (a few ms, and their order matters: one
        digit per criterion); only this read, which grows with the number of
        nominations and score sheets, moves off it."""
        self.generation += 1
        self._fetch(self.normalise, self.generation)

    @work(thread=True, exclusive=True, group="awards-load", exit_on_error=False)
    def _fetch(self, normalise: bool, generation: int) -> None:
        try:
            try:
                cycle = lifecycle.current_cycle(self.db)
            except AwardsError as exc:  # no cycle, or several and none current
                self.post_message(AwardsLoaded(str(exc), generation))
                return
            data = read_cycle(self.db, cycle, normalise)
        except Exception as exc:  # noqa: BLE001 - one line for the user, the screen stays usable
            self.post_message(ServiceFailed(str(exc) or type(exc).__name__))
            return
        self.post_message(AwardsLoaded(data, generation))

    @on(AwardsLoaded)
    def _loaded(self, message: AwardsLoaded) -> None:
        if message.generation != self.generation:
            return  # a later change already asked for a newer read
        data = message.data
        if isinstance(data, str):
            self.cycle = None
            self.sub_title = "Awards: no current cycle"
            self._empty(f"{data[:1].upper()}{data[1:]}. (c makes the next open cycle current)")
            return
        if self.cycle is not None and data.cycle.id != self.cycle.id:
            self.judge, self.criterion = None, 0  # another cycle, another panel
        self.cycle, self.noms, self.judges, self.sheets = (
            data.cycle,
            data.noms,
            data.judges,
            data.sheets,
        )
        self.rows, self.progress, self.judging = data.rows, data.progress, data.judging
        self.not_ranked = sum(1 for n in data.noms if not n.judged)
        self.sub_title = f"Awards: {data.cycle.name} (current cycle)"
        if self.judge not in {j.name for j in self.judges}:
            self.judge = None
        self._fill_nominations()
        self._fill_results()
        self._fill_progress()
        self._redraw()

    @on(ServiceFailed)
    def _failed(self, message: ServiceFailed) -> None:
        message.stop()
        self.notify(one_line(message.error), title="Awards", severity="error")

    def _redraw(self) -> None:
        """Status line and detail pane: all a change of judge or criterion needs (no DB read)."""
        self._status(self.progress)
        self._detail()

    def _empty(self, message: str) -> None:
        self.query_one("#awards-status", Static).update(escape(message))
        self.query_one("#awards-noms", DataTable).clear()
        self.query_one("#awards-results", DataTable).clear(columns=True)
        self.query_one("#awards-progress", DataTable).clear()

    def _fill_nominations(self) -> None:
        table = self.query_one("#awards-noms", DataTable)
        keep = self.selected_id
        table.clear()
        for n in self.noms:
            # Short cells: the reasons and the full profile are in the detail pane.
            framing = (
                f"{n.profile.voice_per_1000:.1f} own, {n.profile.quoted_per_1000:.1f} quoted"
                if n.profile and n.profile.words
                else "-"
            )
            table.add_row(
                str(n.id),
                Text(one_line(n.category, 22)),
                Text(one_line(n.title, 36)),
                Text(one_line(n.nominee, 20)),
                n.stage,
                n.eligibility,
                framing,
                key=str(n.id),
            )
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))

    def _fill_results(self) -> None:
        assert self.cycle is not None
        table = self.query_one("#awards-results", DataTable)
        table.clear(columns=True)
        cols = [
            "Rank",
            "#",
            "Category",
            "Title",
            "List",
            "Mean",
            "n judges",
            "Range",
            "SD",
            "Disagree",
            "Decision",
        ]
        if self.normalise:
            cols.insert(6, "Normalised")
        table.add_columns(*cols)
        for r in self.rows:
            res = r.result
            cells = [
                r.rank_label,
                str(r.nomination.id),
                Text(one_line(r.nomination.category, 22)),
                Text(one_line(r.nomination.title, 40)),
                r.nomination.stage,
                num(res.mean),
                str(res.n_judges),
                "" if res.low is None else f"{res.low}-{res.high}",
                num(res.sd),
                "YES" if res.disagreement else "",
                rules.DECISION_LABELS.get(r.nomination.decision, ""),
            ]
            if self.normalise:
                cells.insert(6, num(res.normalised))
            table.add_row(*cells, key=str(r.nomination.id))
        self._results_title()

    def _results_title(self) -> None:
        c = self.cycle
        if c is None:
            return
        if self.show_progress:
            n = len(self.judging.entries) if self.judging else 0
            text = (
                f"Judging progress on {n} shortlisted entries ({len(c.criteria)} criteria); "
                "p: back to the results"
            )
        else:
            span = f"totals out of {len(c.criteria) * c.scale[1]} ({len(c.criteria)} criteria, {c.scale[0]}-{c.scale[1]})"
            text = (
                f"Results, shortlisted entries ranked on the mean of counted sheets; {span}"
                + ("; normalised = per-judge z-scores rescaled" if self.normalise else "")
                + (f"; {self.not_ranked} not shortlisted, not ranked" if self.not_ranked else "")
            )
        self.query_one("#awards-results-title", Static).update(escape(text))

    def _fill_progress(self) -> None:
        table = self.query_one("#awards-progress", DataTable)
        table.clear()
        p = self.judging
        if p is None:
            return
        for j in p.judges:
            table.add_row(
                Text(one_line(j.judge + (" (removed, not counted)" if j.removed else ""), 40)),
                f"{len(j.scored)}: {ids(j.scored)}",
                f"{len(j.partly)}: "
                + (", ".join(f"#{n} ({k}/{p.criteria})" for n, k in j.partly) or "-"),
                f"{len(j.missing)}: {ids(j.missing)}",
                f"{len(j.recused)}: {ids(j.recused)}",
                key=j.judge,
            )

    def _status(self, progress: list[model.CategoryProgress]) -> None:
        assert self.cycle is not None
        c = self.cycle
        per = " · ".join(f"{escape(p.category)} {p.shortlist}/{p.target}" for p in progress)
        judge = escape(self.judge) if self.judge else "none (press j)"
        key, label = c.criteria[self.criterion]
        mine = (
            next((j for j in self.judging.judges if j.judge == self.judge), None)
            if self.judging
            else None
        )
        done = (
            f" ({len(mine.scored)} scored, {len(mine.partly)} partly, {len(mine.missing)} missing)"
            if mine
            else ""
        )
        self.query_one("#awards-status", Static).update(
            f"[b]{escape(c.name)}[/b] (current cycle)  window {c.window_start} to {c.window_end}   "
            f"shortlisted: {per}\n"
            f"Judge: [b]{judge}[/b]{done}   criterion {self.criterion + 1}/{len(c.criteria)}: "
            f"[b]{escape(label)}[/b] - type a digit {c.scale[0]}-{c.scale[1]}"
        )

    def _detail(self) -> None:
        box = self.query_one("#awards-detail", Static)
        n = self.selected
        if n is None or self.cycle is None:
            box.update(
                "No nominations yet. Nominate from an article (w in the review screen) "
                "or with 'framewatch awards nominate'."
            )
            return
        box.update(detail_markup(n, self.cycle, self.judge, self.sheets, self.criterion))

    # ------------------------------------------------------------------ selection

    @property
    def selected_id(self) -> int | None:
        table = self.query_one("#awards-noms", DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except CellDoesNotExist:  # an empty or refreshing table has no cursor row
            return None
        return int(key.value) if key.value is not None else None

    @property
    def selected(self) -> model.Nomination | None:
        nid = self.selected_id
        return next((n for n in self.noms if n.id == nid), None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "awards-noms":
            self._detail()
