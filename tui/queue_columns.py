"""The review queue's columns for the terminal's width, and the detail line.

At 80 columns the full layout (a column per severity, worded statuses)
pushed the flag counts, the status and the copies off the right edge, so
below ``WIDE_MIN`` the queue uses abbreviations: one "Flags" column of
symbols and counts ("▲2◆1❝3"), the status as its symbol alone, dates as
"24 Nov".  The detail line under the table says the same in words for the
row at the cursor, so nothing is only a symbol or a colour.  Pure functions:
no widgets, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from tui.flagstyle import QUOTED_SYMBOL, STATUS_LABEL, SYMBOL
from tui.profilestyle import profile_cell, profile_words
from tui.sanitize import one_line

SELECTED = "■"  # the mark of a selected row: a symbol, not only a colour
STATUS_SYMBOL = {s: label.split(" ", 1)[0] for s, label in STATUS_LABEL.items()}
PADDING = 1  # DataTable's cell padding, each side of every column
CHROME = 4  # the table's border (2) and vertical scrollbar (2)
MIN_HEADLINE = 12
WIDE_HEADLINE = 45  # the wide layout only where it leaves the headline this much


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int  # 0: the headline, which takes what is left


WIDE = (
    Column("mark", SELECTED, 1),
    Column("date", "Date", 10),
    Column("outlet", "Outlet", 16),
    Column("title", "Headline", 0),
    Column("high", f"{SYMBOL['high']} hi", 5),
    Column("medium", f"{SYMBOL['medium']} med", 5),
    Column("low", f"{SYMBOL['low']} low", 5),
    Column("quoted", f"{QUOTED_SYMBOL} quo", 5),
    Column("status", "Status", 12),
    Column("copies", "Copies", 6),
    Column("profile", "Profile", 8),
)
NARROW = (
    Column("mark", SELECTED, 1),
    Column("date", "Date", 6),
    Column("outlet", "Outlet", 10),
    Column("title", "Headline", 0),
    Column("flags", "Flags", 9),
    Column("status", "St", 2),
    Column("copies", "Cp", 3),
    Column("profile", "Prof", 5),
)


def _fixed(columns: tuple[Column, ...]) -> int:
    """Cells every column but the headline takes, padding included."""
    return sum(c.width + 2 * PADDING for c in columns if c.width) + 2 * PADDING


WIDE_MIN = _fixed(WIDE) + WIDE_HEADLINE  # table width (inside its chrome) for the wide layout


@dataclass(frozen=True)
class Layout:
    wide: bool
    columns: tuple[Column, ...]
    headline: int  # the headline column's width

    def width_of(self, column: Column) -> int:
        return column.width or self.headline

    @property
    def outlet(self) -> int:
        return next(c.width for c in self.columns if c.key == "outlet")


def layout_for(screen_width: int) -> Layout:
    """The layout that fits a screen ``screen_width`` columns wide."""
    room = max(0, screen_width - CHROME)
    wide = room >= WIDE_MIN
    columns = WIDE if wide else NARROW
    # room to spare (a 120-column terminal has it, with the profile column): whole outlets
    if not wide and room - _fixed(NARROW) >= WIDE_HEADLINE + 15:
        columns = tuple(replace(c, width=16) if c.key == "outlet" else c for c in NARROW)
    return Layout(wide, columns, max(MIN_HEADLINE, room - _fixed(columns)))


def short_date(day: str) -> str:
    """'2026-11-24' -> '24 Nov' (the year is in the detail line)."""
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return day or "-"
    return f"{d.day} {d:%b}"


def long_date(day: str) -> str:
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return day or "no date"
    return f"{d.day} {d:%b %Y}"


def flag_summary(row: Any) -> str:
    """'▲2◆1❝3': each non-zero count after its symbol; '0' when there are none."""
    parts = [
        f"{symbol}{n}"
        for symbol, n in (
            (SYMBOL["high"], row.high),
            (SYMBOL["medium"], row.medium),
            (SYMBOL["low"], row.low),
            (QUOTED_SYMBOL, row.quoted),
        )
        if n
    ]
    return "".join(parts) or "0"


def cells(row: Any, layout: Layout, selected: bool) -> tuple[str, ...]:
    """One row's cells, in the layout's column order."""
    mark = SELECTED if selected else ""
    copies = f"+{row.copies}" if row.copies else ""
    title = one_line(row.title, layout.headline)
    open_by = getattr(row, "open_by", "")
    if open_by:  # another reviewer has it open: said in words, never by colour alone
        title = one_line(f"[open: {one_line(open_by, 12)}] {row.title}", layout.headline)
    if layout.wide:
        return (
            mark,
            row.published or "-",
            one_line(row.outlet, layout.outlet) or "-",
            title,
            str(row.high),
            str(row.medium),
            str(row.low),
            str(row.quoted),
            STATUS_LABEL.get(row.status, row.status),
            copies,
            profile_cell(row),
        )
    return (
        mark,
        short_date(row.published),
        one_line(row.outlet, layout.outlet) or "-",
        title,
        flag_summary(row),
        STATUS_SYMBOL.get(row.status, "?"),
        copies,
        profile_cell(row, compact=True),
    )


def detail(row: Any, width: int) -> str:
    """Two lines in words for the row at the cursor: the whole headline, then the
    counts by severity (quoted apart), pending, status, copies, outlet and date;
    most important first, as the end is what a narrow screen cuts."""
    bits = [
        f"{SYMBOL['high']}{row.high} high {SYMBOL['medium']}{row.medium} medium "
        f"{SYMBOL['low']}{row.low} low {QUOTED_SYMBOL}{row.quoted} quoted",
        f"{row.pending} pending",
        STATUS_LABEL.get(row.status, row.status),
    ]
    if row.copies:
        bits.append(f"+{row.copies} cop{'y' if row.copies == 1 else 'ies'}")
    bits.append(f"{one_line(row.outlet, 30) or '(no outlet)'}, {long_date(row.published)}")
    bits.append(profile_words(row))
    return one_line(row.title, width) + "\n" + one_line(" · ".join(bits), width)
