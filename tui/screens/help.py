"""F1 help: the keys that are live on the screen underneath, from its real bindings.

The table is laid out for the width it gets: "What it does" takes the room the
other columns leave and wraps instead of being cut off; below ``STACK_ID``
columns the binding id goes under the action's name rather than off screen."""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from tui.bindings import display_keys
from tui.command_table import COMMANDS

STACK_ID = 100  # table width under which the id goes under the action's name


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 96%; height: 90%;
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
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Ctrl+P opens the command palette (every action, searchable). "
                'Change a key in config.toml: [ui.keymap] id = "keys". '
                "Esc, F1 or q closes this help.",
                id="help-foot",
            )

    def on_mount(self) -> None:
        self._laid_out_for = -1
        self.call_after_refresh(self._fill)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        """(Re)build the table for the width it has now."""
        table = self.query_one(DataTable)
        room = table.scrollable_content_region.width
        if room <= 0 or room == self._laid_out_for:
            return
        self._laid_out_for = room
        rows = self.rows()
        cursor = table.cursor_row
        table.clear(columns=True)
        keys_w = min(max([3, *(len(r[0]) for r in rows)]), 18 if room >= STACK_ID else 10)
        action_w = max([6, *(len(r[1]) for r in rows)])
        id_w = max([2, *(len(r[2]) for r in rows)])
        stacked = room < STACK_ID
        if stacked:  # the id under the action's name, dimmed
            action_w = max(action_w, id_w)
        used = keys_w + action_w + (0 if stacked else id_w) + 2 * (3 if stacked else 4)
        what_w = max(16, room - used)
        table.add_column("Key", key="key", width=keys_w)
        table.add_column("Action · Id" if stacked else "Action", key="action", width=action_w)
        if not stacked:
            table.add_column("Id", key="id", width=id_w)
        table.add_column("What it does", key="what", width=what_w)
        for keys, action, ident, what in rows:
            # wrapped here, one cell short of the column: DataTable crops a line that
            # fills its cell exactly (the full stop of "...status)." went missing)
            keys = "\n".join(textwrap.wrap(keys, keys_w - 1, break_on_hyphens=False)) or keys
            what = "\n".join(textwrap.wrap(what, what_w - 1)) or what
            if stacked:
                label = Text(action)
                if ident:
                    label.append("\n" + ident, style="dim")
                table.add_row(keys, label, what, height=None)
            else:
                table.add_row(keys, action, ident, what, height=None)
        if table.row_count:
            table.move_cursor(row=min(max(cursor, 0), table.row_count - 1), animate=False)

    def action_close(self) -> None:
        self.dismiss()
