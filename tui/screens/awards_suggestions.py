"""The awards screen's suggestions: eligible coverage nobody has nominated yet,
best constructive profile first, each with its reasons (``awards.suggest``),
so a coordinator can invite nominations. Read-only; Esc closes."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.sanitize import one_line


def describe(cycle_name: str, found: list[Any]) -> str:
    if not found:
        return (
            f"{cycle_name}: no profiled articles published in the window and not yet "
            "nominated. (The monitor profiles each article it analyses.)"
        )
    lines = [f"{cycle_name}: {len(found)} article(s) to invite nominations for, best first", ""]
    for n, s in enumerate(found, 1):
        lines.append(
            f"{n:>2}. [{s.score}/100] {one_line(s.title, 70)} - {one_line(s.outlet, 24)}, "
            f"{s.published_on} (article {s.article_id})"
        )
        for r in s.reasons[:4]:
            lines.append(f"      · {one_line(r, 90)}")
    lines += [
        "",
        "Nominate one from its article screen (w), or: framewatch awards nominate --article ID",
    ]
    return "\n".join(lines)


class AwardsSuggestionsDialog(ModalScreen[None]):
    DEFAULT_CSS = """
    AwardsSuggestionsDialog { align: center middle; }
    AwardsSuggestionsDialog > VerticalScroll {
        width: 90%; height: 80%; border: thick $accent; background: $surface; padding: 1 2;
    }
    """
    BINDINGS = [Binding("escape,q", "close", "Close")]

    def __init__(self, cycle_name: str, found: list[Any]) -> None:
        super().__init__()
        self.text = describe(cycle_name, found)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.text, id="suggestions")

    def action_close(self) -> None:
        self.dismiss(None)
