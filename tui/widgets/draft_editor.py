"""The draft checker's editor: a TextArea that underlines flagged words live.

Flags arrive from a worker a moment after typing stops.  Until the next
result, the last flags are carried across edits: a flag before the edited
region keeps its offsets, one after it shifts by the edit's length, one the
edit touched is dropped.  So highlights never drift onto the wrong words.

``_build_highlight_map`` is TextArea's private hook (Textual is pinned for
this); its columns are UTF-8 BYTE offsets within each line, which is why
curly quotes and dashes need the conversion below.

Underlines alone would convey a flag by style only, so the margin left of
the text carries the review screen's symbols (▲ high, ◆ medium, ○ low,
❝ quoted) on the screen row where each flag starts.  A margin rather than
characters in the text: the text must stay exactly what the writer typed,
offsets and all.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

from tui.flagstyle import QUOTED_SYMBOL, SYMBOL

THEME_NAME = "framewatch-draft"

# Attributes carry the meaning (NO_COLOR keeps them); colour only reinforces.
HIGHLIGHT_STYLES = {
    # Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
    "fw-high": Style(bold=True, underline2=True, color="#D55E00"),
    "fw-medium": Style(bold=True, underline=True, color="#E69F00"),
    "fw-low": Style(underline=True, color="#56B4E9"),
    "fw-quoted": Style(italic=True, underline=True, dim=True),
}


MARGIN = 4  # cells left of the text: up to three symbols and a space
MARGIN_STYLES = {
    name: Style(bold=True, color=style.color) for name, style in HIGHLIGHT_STYLES.items()
}


@dataclass(frozen=True)
class Span:
    """A flag's position; ``flag`` is the engine's Flag it came from."""

    start: int
    end: int
    flag: Any

    @property
    def name(self) -> str:
        return "fw-quoted" if self.flag.quoted else f"fw-{self.flag.severity}"

    @property
    def symbol(self) -> str:
        return QUOTED_SYMBOL if self.flag.quoted else SYMBOL.get(self.flag.severity, "•")


def edit_window(old: str, new: str) -> tuple[int, int]:
    """Length of the common prefix and of the common suffix (not overlapping)."""
    limit = min(len(old), len(new))
    lo, hi = 0, limit
    while lo < hi:  # binary search on slices: C-speed comparisons, log n steps
        mid = (lo + hi + 1) // 2
        if old[:mid] == new[:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    lo, hi = 0, limit - prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid :] == new[len(new) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return prefix, lo


def carry_spans(old: str, new: str, spans: list[Span]) -> list[Span]:
    """The spans of ``old`` that are still valid in ``new``, moved as needed."""
    if old == new:
        return spans
    prefix, suffix = edit_window(old, new)
    old_tail = len(old) - suffix
    delta = len(new) - len(old)
    out = []
    for s in spans:
        if s.end <= prefix:
            out.append(s)
        elif s.start >= old_tail:
            out.append(Span(s.start + delta, s.end + delta, s.flag))
    return out


def line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def to_location(starts: list[int], offset: int) -> tuple[int, int]:
    """Character offset -> (row, character column)."""
    row = bisect_right(starts, offset) - 1
    return row, offset - starts[row]


class DraftEditor(TextArea):
    DEFAULT_CSS = """
    DraftEditor { height: 1fr; }
    """
    HELP = """
    Type or paste copy here. Flagged words are underlined a moment after you
    stop typing, and the margin shows a symbol for each on its row:
    ▲ high (bold double underline), ◆ medium (bold underline), ○ low
    (underline), ❝ inside a quotation (italic, never rewritten).
    Ctrl+R applies the suggestion at the cursor; Ctrl+Z undoes it.
    """

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        super().__init__(text, **kwargs)
        self.checked_text = ""
        self.spans: list[Span] = []
        self._spans_text = ""
        self._marks: dict[int, list[tuple[int, Span]]] = {}  # row -> (column, span)
        theme = TextAreaTheme.get_builtin_theme("css") or TextAreaTheme(name="css")
        self.register_theme(
            TextAreaTheme(
                name=THEME_NAME,
                base_style=theme.base_style,
                gutter_style=theme.gutter_style,
                cursor_style=theme.cursor_style,
                cursor_line_style=theme.cursor_line_style,
                selection_style=theme.selection_style,
                syntax_styles=dict(HIGHLIGHT_STYLES),
            )
        )
        self.theme = THEME_NAME

    def set_flags(self, checked_text: str, flags: list[Any]) -> None:
        """Flags computed on ``checked_text``; carried onto the current text."""
        self.checked_text = checked_text
        self.spans = [Span(f.start, f.end, f) for f in flags]
        self._spans_text = checked_text
        self._build_highlight_map()
        self.refresh()

    def live_spans(self) -> list[Span]:
        """The flags as they sit in the text right now."""
        text = self.text
        if text != self._spans_text:
            self.spans = carry_spans(self._spans_text, text, self.spans)
            self._spans_text = text
        return self.spans

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        marks: dict[int, list[tuple[int, Span]]] = {}
        self._marks = marks
        if not getattr(self, "_spans_text", None) and not getattr(self, "spans", None):
            return
        spans = self.live_spans()
        if not spans:
            return
        text = self._spans_text
        starts = line_starts(text)
        for s in spans:
            row, col = to_location(starts, s.start)
            end_row, end_col = to_location(starts, s.end)
            if end_row != row:
                continue  # flags never cross a line; a stale one might
            line = text[starts[row] : starts[row + 1] - 1 if row + 1 < len(starts) else len(text)]
            b_start = len(line[:col].encode("utf-8"))
            b_end = b_start + len(line[col:end_col].encode("utf-8"))
            highlights[row].append((b_start, b_end, s.name))
            marks.setdefault(row, []).append((col, s))

    @property
    def gutter_width(self) -> int:
        """The symbol margin (TextArea keeps its text and wrapping clear of it)."""
        return MARGIN

    def _render_line(self, y: int) -> Strip:
        strip = super()._render_line(y)
        try:
            row, section = self.wrapped_document._offset_to_line_info[y + self.scroll_offset.y]
        except IndexError:
            return strip  # below the text: a blank line of full width already
        return Strip.join([self._margin(row, section), strip])

    def _margin(self, row: int, section: int) -> Strip:
        """The symbols of the flags that start on this screen row of ``row``."""
        offsets = [0, *self.wrapped_document.get_offsets(row)]
        lo = offsets[section] if section < len(offsets) else offsets[-1]
        hi = offsets[section + 1] if section + 1 < len(offsets) else None
        here = [
            s
            for col, s in sorted(self._marks.get(row, []), key=lambda m: m[0])
            if col >= lo and (hi is None or col < hi)
        ]
        if len(here) > MARGIN - 1:
            shown = [(s.symbol, MARGIN_STYLES[s.name]) for s in here[: MARGIN - 2]]
            shown.append(("+", Style(bold=True)))
        else:
            shown = [(s.symbol, MARGIN_STYLES[s.name]) for s in here]
        segments = [Segment(text, style) for text, style in shown]
        segments.append(Segment(" " * (MARGIN - len(shown))))
        return Strip(segments, MARGIN)

    def span_at(self, offset: int) -> Span | None:
        for s in self.live_spans():
            if s.start <= offset <= s.end:
                return s
        return None

    def cursor_offset(self) -> int:
        row, col = self.cursor_location
        starts = line_starts(self.text)
        return starts[min(row, len(starts) - 1)] + col

    def location_of(self, offset: int) -> tuple[int, int]:
        return to_location(line_starts(self.text), offset)
