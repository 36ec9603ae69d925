"""Pick any suggestion for a flag, each shown as its sentence would read.

Keyboard only: up/down (or the number keys 1-9) to move, Enter to apply,
Esc to cancel.  The ready rewrite (fitted to the sentence and to the
person's legal status) is first and marked; the choices come from
``framing.choices`` so the dialog only shows them.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.sanitize import one_line


class SuggestionsDialog(ModalScreen[int | None]):
    DEFAULT_CSS = """
    SuggestionsDialog { align: center middle; }
    SuggestionsDialog > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 80%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    SuggestionsDialog OptionList { height: auto; max-height: 24; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        *[Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)],
    ]

    def __init__(self, term: str, options: tuple[Any, ...]) -> None:
        super().__init__()
        self.term = term
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"Suggestions for “{one_line(self.term)}”: Enter applies, Esc cancels.",
                id="suggestions-title",
            )
            items = []
            for n, c in enumerate(self.options, 1):
                mark = " (ready rewrite)" if c.ready else ""
                prompt = (
                    f"{n}. → {one_line(c.replacement) or '(cut)'}{mark}\n   {one_line(c.preview)}"
                )
                items.append(Option(prompt, id=f"choice-{n - 1}"))
            yield OptionList(*items, id="suggestions")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.options):
            self.dismiss(index)

    def action_cancel(self) -> None:
        self.dismiss(None)
