"""The command table (``tui/command_table.py``) turned into what Textual needs:
each screen's ``BINDINGS``, the user's keymap checked against the table's ids,
and keys as the footer, the F1 help and the palette print them."""

from __future__ import annotations

from textual.binding import Binding

from tui.command_table import COMMANDS, Command

IDS = frozenset(c.id for c in COMMANDS)


def check_keymap(keymap: dict[str, str], where: str = "config") -> dict[str, str]:
    """The user's keymap, or a one-line error naming the file and the first unknown id."""
    from difflib import get_close_matches

    from core.errors import ConfigError

    for ident in keymap:
        if ident not in IDS:
            close = get_close_matches(ident, sorted(IDS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else " (F1 in the app lists the ids)"
            raise ConfigError(f"{where}: [ui.keymap] unknown binding id '{ident}'{hint}")
    return {k: ",".join(part.strip() for part in v.split(",")) for k, v in keymap.items()}


def keys_of(command: Command, keymap: dict[str, str]) -> str:
    """The keys that run ``command`` once the user's keymap is applied."""
    return keymap.get(command.id, command.keys)


def commands_for(scope: str) -> tuple[Command, ...]:
    return tuple(c for c in COMMANDS if c.scope == scope)


def bindings_for(scope: str) -> list[Binding]:
    """Textual bindings for one scope, in table order."""
    return [
        Binding(
            c.keys,
            c.action,
            c.label,
            show=c.show,
            priority=c.priority,
            tooltip=c.help,
            id=c.id or None,
        )
        for c in commands_for(scope)
    ]


def display_keys(keys: str) -> str:
    """ "n,j" -> "n / j", "ctrl+r" -> "Ctrl+R", "slash" -> "/"."""
    names = {"slash": "/", "escape": "Esc", "enter": "Enter"}
    out = []
    for key in keys.split(","):
        key = key.strip()
        if key in names:
            out.append(names[key])
        elif "+" in key:
            out.append(
                "+".join(p.capitalize() if len(p) > 1 else p.upper() for p in key.split("+"))
            )
        elif key.startswith("f") and key[1:].isdigit():
            out.append(key.upper())
        else:
            out.append(key)
    return " / ".join(out)
