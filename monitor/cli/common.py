"""What the monitor's commands share: the database from the settings, JSON
out, text made safe to print, times."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import click

from core.safe_text import (
    BIDI,
    C0_EXCEPT_TAB_LF,
    DEL_C1,
    LINE_SEPARATORS,
    NONCHARACTERS,
    SURROGATES,
    replace_unseen,
)
from storage.db import Database, open_database

# What must never reach a terminal as itself, besides the invisible characters:
# controls (an escape sequence starts with one), bidi controls, separators that
# some terminals take for newlines, and what cannot be encoded.
_UNPRINTABLE = re.compile(
    f"[{C0_EXCEPT_TAB_LF}{DEL_C1}{BIDI}{LINE_SEPARATORS}{SURROGATES}{NONCHARACTERS}]"
)


def open_db(ctx: Any) -> Database:
    return open_database(ctx.settings.db_path)


@contextmanager
def opened(ctx: Any) -> Iterator[Database]:
    """The configured database, closed afterwards (its errors are one line each)."""
    db = open_db(ctx)
    try:
        yield db
    finally:
        db.close()


def _escape(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def shown(text: object) -> str:
    """Stored text as plain output prints it: every control, bidi control and
    invisible character as a visible escape (``\\u200b``), so what the
    terminal shows is what the database holds.  Tabs and newlines stay; the
    sequences readers need (an emoji's ZWJ, a flag's tags) stay whole.  Rows
    stored before the monitor removed invisible characters still hold them."""
    value = "" if text is None else str(text)
    return replace_unseen(_UNPRINTABLE.sub(lambda m: _escape(m.group()), value), _escape)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def echo_json(data: Any) -> None:
    """JSON with the same data, but every unprintable or invisible character
    written as a JSON escape (it only occurs inside strings), so a terminal
    showing the output shows no hidden text and a parser reads the original."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = replace_unseen(_UNPRINTABLE.sub(lambda m: _json_escape(m.group()), text), _json_escape)
    click.echo(text)


def now() -> datetime:
    return datetime.now(UTC)


def ago(iso: str | None, now: datetime) -> str:
    if not iso:
        return "-"
    try:
        delta = (datetime.fromisoformat(iso) - now).total_seconds()
    except ValueError:
        return iso
    minutes = int(abs(delta) // 60)
    text = f"{minutes} min" if minutes < 120 else f"{minutes // 60} h"
    return f"in {text}" if delta > 0 else ("due" if minutes < 1 else f"{text} ago")
