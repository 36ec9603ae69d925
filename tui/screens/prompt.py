"""One-line text prompt (dismiss reason, notes, file names).

Enter returns the text (possibly empty); Esc returns None (cancelled).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class PromptDialog(ModalScreen[str | None]):
    DEFAULT_CSS = """
    PromptDialog { align: center middle; }
    PromptDialog > Vertical {
        width: 80%; max-width: 90; height: auto; border: thick $primary;
        background: $surface; padding: 1 2;
    }
    PromptDialog #prompt-hint { color: $text-muted; padding: 1 0 0 0; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        question: str,
        value: str = "",
        *,
        placeholder: str = "",
        hint: str = "Enter to save, Esc to cancel.",
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="prompt-question")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static(self.hint, id="prompt-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
