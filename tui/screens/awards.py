"""The media awards: sift the nominations, enter judges' scores, watch the results.

One screen, three panes: the nominations (per category, with eligibility and
the framing profile as evidence - never a verdict), the selected nomination's
details with the current judge's score sheet, and the results table, which
is redrawn from the database after every change.

Scoring is keyboard-first: pick the judge with ``j``, then type one digit per
criterion; the cursor moves to the next criterion after each digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.widgets.data_table import CellDoesNotExist

from awards import common, cycles, judging, model, nominations
from tui.bindings import bindings_for
from tui.messages import AwardsLoaded, ServiceFailed
from tui.sanitize import one_line, sanitize
from tui.screens.awards_actions import AwardsActions


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
        self.judges: list[model.Judge] = []
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
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#awards-noms", DataTable).add_columns(
            "#", "Category", "Title", "Nominee", "List", "Eligibility", "Flags/1k words"
        )
        self.load()

    # ------------------------------------------------------------------ data

    def load(self, cycle_id: int | None = None) -> None:
        """Re-read the cycle in a worker; the panes are redrawn when it arrives.

        Writes stay on the UI thread (a few ms, and their order matters: one
        digit per criterion); only this read, which grows with the number of
        nominations and score sheets, moves off it."""
        self.generation += 1
        current = self.cycle.id if self.cycle is not None else None
        self._fetch(cycle_id if cycle_id is not None else current, self.normalise, self.generation)

    @work(thread=True, exclusive=True, group="awards-load", exit_on_error=False)
    def _fetch(self, cycle_id: int | None, normalise: bool, generation: int) -> None:
        try:
            if cycle_id is not None:
                cycle = cycles.cycle_by_id(self.db, cycle_id)
            else:
                found = cycles.list_cycles(self.db)
                cycle = found[-1] if found else None
            data = None if cycle is None else _read_cycle(self.db, cycle, normalise)
        except Exception as exc:  # noqa: BLE001 - one line for the user, the screen stays usable
            self.post_message(ServiceFailed(str(exc) or type(exc).__name__))
            return
        self.post_message(AwardsLoaded(data, generation))

    @on(AwardsLoaded)
    def _loaded(self, message: AwardsLoaded) -> None:
        if message.generation != self.generation:
            return  # a later change already asked for a newer read
        data = message.data
        if data is None:
            self.cycle = None
            self._empty("No award cycle yet. Create one: framewatch awards cycle new YEAR")
            return
        self.cycle, self.noms, self.judges, self.sheets = (
            data.cycle,
            data.noms,
            data.judges,
            data.sheets,
        )
        self.rows, self.progress = data.rows, data.progress
        if self.judge not in {j.name for j in self.judges}:
            self.judge = None
        self._fill_nominations()
        self._fill_results()
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
            cols.insert(5, "Normalised")
        table.add_columns(*cols)
        for r in self.rows:
            res = r.result
            cells = [
                str(r.nomination.id),
                Text(one_line(r.nomination.category, 22)),
                Text(one_line(r.nomination.title, 40)),
                r.nomination.stage,
                _num(res.mean),
                str(res.n_judges),
                "" if res.low is None else f"{res.low}-{res.high}",
                _num(res.sd),
                "YES" if res.disagreement else "",
                r.nomination.decision,
            ]
            if self.normalise:
                cells.insert(5, _num(res.normalised))
            table.add_row(*cells, key=str(r.nomination.id))
        c = self.cycle
        span = f"totals out of {len(c.criteria) * c.scale[1]} ({len(c.criteria)} criteria, {c.scale[0]}-{c.scale[1]})"
        self.query_one("#awards-results-title", Static).update(
            f"Results: mean of completed, non-recused score sheets; {span}"
            + ("; normalised = per-judge z-scores rescaled" if self.normalise else "")
        )

    def _status(self, progress: list[model.CategoryProgress]) -> None:
        assert self.cycle is not None
        c = self.cycle
        per = " · ".join(f"{escape(p.category)} {p.shortlist}/{p.target}" for p in progress)
        judge = escape(self.judge) if self.judge else "none (press j)"
        key, label = c.criteria[self.criterion]
        self.query_one("#awards-status", Static).update(
            f"[b]{escape(c.name)}[/b]  window {c.window_start} to {c.window_end}   shortlisted: {per}\n"
            f"Judge: [b]{judge}[/b]   criterion {self.criterion + 1}/{len(c.criteria)}: "
            f"[b]{escape(label)}[/b] - type a digit {c.scale[0]}-{c.scale[1]}"
        )

    def _detail(self) -> None:
        n = self.selected
        box = self.query_one("#awards-detail", Static)
        if n is None or self.cycle is None:
            box.update(
                "No nominations yet. Nominate from an article (w in the review screen) "
                "or with 'framewatch awards nominate'."
            )
            return
        lines = [
            f"[b]#{n.id} {escape(one_line(n.title))}[/b]",
            escape(one_line(f"{n.nominee} · {n.outlet} · {n.published_on or 'date unknown'}")),
            escape(
                one_line(
                    f"{n.category} · {n.stage}" + (f" ({n.stage_reason})" if n.stage_reason else "")
                )
            ),
            f"Nominated by {escape(one_line(n.nominator))}",
        ]
        if n.decision:
            lines.append(
                f"Decision: [b]{escape(n.decision)}[/b] {escape(one_line(n.decision_note))}"
            )
        lines.append("")
        if n.reasons:
            lines.append(
                f"[b]{n.eligibility.upper()}[/b]"
                + (
                    f" - override: {escape(one_line(n.override_reason))}"
                    if n.override_reason
                    else ""
                )
            )
            lines += [f"  • {escape(one_line(r.message))}" for r in n.reasons]
            lines.append("")
        if n.profile:
            lines.append("[b]Framing profile[/b] (evidence for the sift, not a verdict)")
            lines.append(escape(n.profile.summary()))
            lines += [
                escape(
                    f"  {one_line(c.category)}: {c.voice} own voice ({c.voice_per_1000}/1k), "
                    f"{c.quoted} quoted ({c.quoted_per_1000}/1k)"
                )
                for c in n.profile.categories
            ]
        else:
            lines.append(f"Framing profile: {escape(one_line(n.profile_note or 'not computed'))}")
        lines.append("")
        if self.judge:
            sheet = next(
                (s for s in self.sheets if s.nomination_id == n.id and s.judge == self.judge), None
            )
            if sheet and sheet.recused:
                lines.append(f"[b]{escape(self.judge)}[/b] has recused from this nomination.")
            else:
                lines.append(f"[b]{escape(self.judge)}[/b]'s scores:")
                for i, (key, label) in enumerate(self.cycle.criteria):
                    mark = "▶" if i == self.criterion else " "
                    val = sheet.scores.get(key, "·") if sheet else "·"
                    lines.append(f" {mark} {escape(label)}: {val}")
                if sheet and sheet.comment:
                    lines.append(f"Comment: {escape(one_line(sheet.comment))}")
            lines.append("")
        lines.append(f"[b]Citation[/b] ({n.citation_words} words)")
        lines.append(escape(sanitize(n.citation)))
        box.update("\n".join(lines))

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


@dataclass(frozen=True)
class CycleData:
    cycle: model.Cycle
    noms: list[model.Nomination]
    judges: list[model.Judge]
    sheets: list[model.ScoreSheet]
    rows: list[model.ResultRow]
    progress: list[model.CategoryProgress]


def _read_cycle(db: Any, cycle: model.Cycle, normalise: bool) -> CycleData:
    noms = nominations.list_nominations(db, cycle.id)
    sheets = judging.list_sheets(db, cycle.id)
    # results and progress come from the rows just read, not from reading them again
    rows = [
        r
        for r in judging.results_from(cycle, noms, sheets, normalise=normalise)
        if r.nomination.stage != "declined"
    ]
    return CycleData(
        cycle,
        noms,
        judging.list_judges(db, cycle.id),
        sheets,
        rows,
        cycles.progress_from(cycle, noms),
    )


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
