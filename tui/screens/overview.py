"""Overview: flags per outlet and per category over recent weeks."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Sparkline, Static

from lexicon.model import CATEGORIES
from tui.bindings import bindings_for
from tui.messages import OverviewLoaded, ServiceFailed
from tui.sanitize import one_line

WEEKS = 8


class OverviewScreen(Screen):
    SCOPE = "overview"
    HELP_TITLE = "Overview"
    BINDINGS = bindings_for("overview")
    DEFAULT_CSS = """
    OverviewScreen #ov-body { padding: 0 1; }
    OverviewScreen .ov-title { text-style: bold; margin: 1 0 0 0; }
    OverviewScreen Grid { grid-size: 3; grid-columns: 28 1fr 26; height: auto; grid-gutter: 0 1; }
    OverviewScreen Grid > * { height: 1; }
    OverviewScreen Sparkline { height: 1; }
    OverviewScreen .ov-axis { height: 1; color: $text-muted; }
    OverviewScreen .ov-axis > Label { width: 1fr; }
    OverviewScreen .ov-axis > .ov-axis-end { text-align: right; }
    """

    def __init__(self, today: Any = None) -> None:
        super().__init__()
        self.today = today
        self.overview: Any = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="ov-body"):
            yield Static("Loading…", id="ov-summary")
            yield Static(
                "Flags in the writer's voice per outlet (one bar per week, oldest first)",
                classes="ov-title",
            )
            yield Grid(id="ov-outlets")
            yield Static("Flags per category", classes="ov-title")
            yield Grid(id="ov-categories")
            yield Static(
                "Constructive coverage per outlet and month (shares of profiled articles)",
                classes="ov-title",
            )
            yield Static("", id="ov-profiles")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Overview"
        self.load()

    def on_screen_resume(self) -> None:
        if self.overview is not None:
            self.load()

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def load(self) -> None:
        from monitor.review import insights

        try:
            ov = insights.overview(self.app.db, weeks=WEEKS, today=self.today)
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(OverviewLoaded(ov))

    @on(OverviewLoaded)
    async def _loaded(self, message: OverviewLoaded) -> None:
        ov = self.overview = message.overview
        first, last = (ov.weeks[0], ov.weeks[-1]) if ov.weeks else ("", "")
        summary = (
            f"{ov.flags:,} flags in the writer's voice and {ov.quoted:,} in quotations, "
            f"in {ov.articles:,} articles, weeks starting {first} to {last}"
        )
        if ov.reviewers:
            summary += "\nDecisions by reviewer: " + "; ".join(
                f"{one_line(r.reviewer, 20)} {r.decisions} ({r.accepted} accepted, "
                f"{r.dismissed} dismissed)"
                for r in ov.reviewers[:8]
            )
        self.query_one("#ov-summary", Static).update(summary)
        for grid_id, series in (("#ov-outlets", ov.by_outlet), ("#ov-categories", ov.by_category)):
            grid = self.query_one(grid_id, Grid)
            await grid.remove_children()
            rows = []
            if series and ov.weeks:
                # the time axis under the column header: first and last week's Monday
                rows += [
                    Label(""),
                    Horizontal(
                        Label(f"w/c {_day(ov.weeks[0])}"),
                        Label(f"w/c {_day(ov.weeks[-1])}", classes="ov-axis-end"),
                        classes="ov-axis",
                    ),
                    Label("total · last wk · quoted"),
                ]
            for s in series:
                label = CATEGORIES.get(s.label, s.label) if grid_id == "#ov-categories" else s.label
                rows += [
                    Label(one_line(label, 28)),
                    Sparkline(list(s.counts), summary_function=max),
                    Label(f"{s.total:>5} · {s.counts[-1] if s.counts else 0:>7} · {s.quoted:>6}"),
                ]
            if not rows:
                rows = [Label("No flags yet."), Label(""), Label("")]
            await grid.mount_all(rows)
        self.query_one("#ov-profiles", Static).update(profile_table(ov.profiles))

    def action_refresh(self) -> None:
        self.load()

    @on(ServiceFailed)
    def _failed(self, message: ServiceFailed) -> None:
        self.notify(message.error, title="Overview", severity="error")


def _day(iso: str) -> str:
    """'2026-11-16' -> '16 Nov'."""
    from datetime import date

    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d:%b}"


def profile_table(shares: Any) -> str:
    """One line per outlet and month: articles, % thematic, % with a lived-experience
    voice, % reporting solutions, mean score, own-voice flags per 1,000 words."""
    if not shares:
        return "No profiled articles yet (the monitor profiles each article it analyses)."
    head = f"{'outlet':<26} {'month':<8} {'arts':>5} {'thematic':>9} {'★ lived':>8} {'✚ solut.':>9} {'score':>6} {'flags/1k':>9}"
    lines = [head]
    for s in shares:
        lines.append(
            f"{one_line(s.outlet, 26):<26} {s.month:<8} {s.articles:>5} {s.thematic:>8.0%} "
            f"{s.lived_experience:>8.0%} {s.solutions:>9.0%} {s.mean_score:>6.0f} {s.flags_per_1000:>9.1f}"
        )
    return "\n".join(lines)
