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


# names Textual gives keys that are not the character people type
KEY_NAMES = {
    "slash": "/",
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Delete",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
}


def display_key(key: str) -> str:
    """One Textual key name as people type it: "right_square_bracket" -> "]",
    "full_stop" -> ".", "ctrl+r" -> "Ctrl+R", "f1" -> "F1", "S" -> "S"."""
    from textual.keys import key_to_character

    key = key.strip()
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    if "+" in key and len(key) > 1:
        *mods, last = key.split("+")
        shown = display_key(last)
        return "+".join(
            [*(m.capitalize() for m in mods), shown.upper() if len(shown) == 1 else shown]
        )
    if key.startswith("f") and key[1:].isdigit():
        return key.upper()
    char = key_to_character(key) if len(key) > 1 else None
    return char if char and char.isprintable() else key


def display_keys(keys: str) -> str:
    """ "n,j" -> "n / j", "right_square_bracket,full_stop" -> "] / .", "slash" -> "/"."""
    return " / ".join(display_key(k) for k in keys.split(",") if k.strip())
