"""F1 help: the keys that are live on the screen underneath, from its real bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from tui.bindings import display_keys
from tui.command_table import COMMANDS


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 90%; max-width: 110; height: 85%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; padding: 0 0 1 0; }
    HelpScreen DataTable { height: 1fr; }
    HelpScreen #help-foot { color: $text-muted; padding: 1 0 0 0; }
    """
    BINDINGS = [
        Binding("escape,f1,q", "close", "Close", show=True),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(keys, label, binding id, what it does) for each live binding, several
        keys per action merged.  The keys are the live ones, after the user's
        [ui.keymap]; the id is what that table takes."""
        helps = {c.action: c.help for c in COMMANDS}
        keys: dict[tuple[str, str], list[str]] = {}
        what: dict[tuple[str, str], str] = {}
        ids: dict[tuple[str, str], str] = {}
        for key, active in self.under.active_bindings.items():
            binding = active.binding
            if binding.system or not binding.description:
                continue
            ident = (binding.action, binding.description)
            keys.setdefault(ident, []).append(display_keys(key))
            what.setdefault(ident, binding.tooltip or helps.get(binding.action, ""))
            ids.setdefault(ident, binding.id or "")
        rows = [(" / ".join(k), ident[1], ids[ident], what[ident]) for ident, k in keys.items()]
        # Framewatch's own keys first (they have help text), widget navigation after.
        return sorted(rows, key=lambda r: not r[3])

    def compose(self) -> ComposeResult:
        name = getattr(self.under, "HELP_TITLE", type(self.under).__name__)
        with Vertical():
            yield Static(f"Keys: {name}", id="help-title")
            table: DataTable = DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            table.add_columns("Key", "Action", "Id", "What it does")
            for row in self.rows():
                table.add_row(*row)
            yield table
            yield Static(
                "Ctrl+P opens the command palette (every action, searchable). "
                'Change a key in config.toml: [ui.keymap] id = "keys". '
                "Esc, F1 or q closes this help.",
                id="help-foot",
            )

    def action_close(self) -> None:
        self.dismiss()
