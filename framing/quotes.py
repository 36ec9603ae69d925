"""Direct quotations, found by a cheap pass over the whole text (no spaCy).

Conventions handled:
- curly and straight double quotes;
- single curly quotes and straight single quotes used as quotation marks,
  told apart from apostrophes by what stands either side;
- BBC style: a quote left open at the end of a paragraph runs to that
  paragraph's end, and a paragraph that opens with a quotation mark starts a
  new quoted stretch (continuing the speaker's words);
- quoted headlines (a headline is just a one-line paragraph).

Paragraphs are blank-line separated when the text has blank lines, else lines.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_QUOTE_CHARS = re.compile("[\"“”„‘’‚'«»]")
_OPEN_CTX = set(" \t\n\r([{—–-/:;“‘\"'")  # what may stand before an opening mark


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph."""
    sep = _BLANK if _BLANK.search(text) else re.compile(r"\n")
    out, pos = [], 0
    for m in sep.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if b > a]


def _is_opening(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before in _OPEN_CTX or before.isspace()) and not after.isspace()


def _is_closing(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and not after.isalnum()


def _paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    double_open: int | None = None
    single_open: int | None = None
    for m in _QUOTE_CHARS.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch in "“„«":
            if double_open is None:
                double_open = i
        elif ch in "”»":
            if double_open is not None:
                spans.append((double_open, i + 1))
                double_open = None
        elif ch == '"':
            if double_open is None:
                if _is_opening(text, i, start, end):
                    double_open = i
            elif _is_closing(text, i, start, end) or not _is_opening(text, i, start, end):
                spans.append((double_open, i + 1))
                double_open = None
        elif single_open is None:  # single marks: ‘ ’ ‚ '
            if ch in "‘‚'" and _is_opening(text, i, start, end):
                single_open = i
        elif _closes_single(text, i, ch, start, end):
            spans.append((single_open, i + 1))
            single_open = None
    for opened in (double_open, single_open):
        if opened is not None:
            # unclosed at paragraph end: the quote runs on (BBC style)
            spans.append((opened, end))
    return spans


def _closes_single(text: str, i: int, ch: str, start: int, end: int) -> bool:
    """Whether the single mark at ``i`` closes the open single quotation."""
    if ch not in "’'" or not _is_closing(text, i, start, end):
        return False
    # "the prisoners’ families": an s’ followed by a lower-case word is more
    # likely a plural possessive than the end of the quote, unless no later
    # closing mark exists in this paragraph.
    nxt = text[i + 1 : i + 3]
    possessive = text[i - 1] in "sS" and len(nxt) == 2 and nxt[0] == " " and nxt[1].islower()
    return not (possessive and _later_closer(text, i + 1, end))


def _later_closer(text: str, i: int, end: int) -> bool:
    for m in re.finditer("[’']", text[i:end]):
        j = i + m.start()
        if _is_closing(text, j, i, end) and text[j - 1] not in "sS":
            return True
    return False


class QuoteMap:
    """Answers "is this offset inside a direct quotation?" in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.spans = [(a, b) for a, b in merged]
        self._starts = [a for a, _ in self.spans]

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self._starts, start) - 1
        if k >= 0:
            a, b = self.spans[k]
            if a <= start and end <= b:
                return a, b
        return None

    def inside(self, start: int, end: int) -> bool:
        return self.covering(start, end) is not None


def find_quotes(text: str, extra: Sequence[tuple[int, int]] = ()) -> QuoteMap:
    """Quoted spans of ``text`` (including the marks); ``extra`` adds markup quotes
    such as HTML <blockquote>/<q> or Markdown ``>`` blocks."""
    spans: list[tuple[int, int]] = list(extra)
    if _QUOTE_CHARS.search(text):
        for a, b in paragraphs(text):
            spans.extend(_paragraph_quotes(text, a, b))
    return QuoteMap(spans)
