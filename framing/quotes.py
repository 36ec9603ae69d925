"""Direct quotations, found by a cheap pass over the whole text (no spaCy).

One left-to-right pass per paragraph keeps a stack of open quotations, so
the state is always explicit and cannot leak (policy, "Decisions on hard
cases"):

- a possessive or elided apostrophe never opens or closes a quotation:
  "Mack's", "Mack’s", "the Smiths' house", "rock 'n' roll", "the ’90s",
  "‘til", "’em" (a word processor often turns the elision mark into ‘);
- a quotation nested inside another is still quoted, and its closing mark
  closes only itself: “He called it ‘rubbish’ and left,” or with straight
  marks inside curly ones;
- UK and BBC style: a quotation may run over several paragraphs, each
  paragraph opening with a mark and only the last closing.  A quotation still
  open at the end of its paragraph runs to that paragraph's end.  A single
  mark opened mid-paragraph that never closes and is not continued by the
  next paragraph is most likely a stray apostrophe: it ends with its
  sentence instead of quoting the rest of the paragraph;
- an opening double mark while a double quotation is already open (a missing
  closing mark) closes the earlier one where its sentence ended;
- quoted headlines (a headline is just a one-line paragraph).

Paragraphs are blank-line separated when the text has blank lines, else lines.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
# two single marks for a double one ('' `` ‘‘ ’’), as some systems write them
_QUOTE_CHARS = re.compile("’’|''|‘‘|``|[\"“”„‘’‚'«»]")
_OPEN_CTX = set(" \t\n\r([{—–-/:;“‘\"'«„")  # what may stand before an opening mark
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
# words written with a leading elision mark: "’em", "‘til", "'cause", "'n'"
_ELIDED = frozenset(
    "em tis twas til till cos cause coz n round bout ello ere appen ow av ad er im "
    "t s d ll re ve m".split()  # "isn ‘t", "it ’s": a contraction with a stray space
)
_ELISION = re.compile(r"[‘’'](?:\d\d?s?\b|([A-Za-z]+)\b)")
# what follows a quotation's closing mark when it attributes it
_ATTRIBUTION = re.compile(
    r"\s+(?:(?:said|says|added|adds|told|tells|asked|wrote|writes|insisted|claimed|explained)\b"
    r"|(?:he|she|they|[A-Z][a-z]+|(?:the|a|an|his|her|their)(?:\s+[\w'’-]+){1,3}?)"
    r"\s+(?:said|says|added|adds|told|wrote|insisted|claimed)\b)"
)
_SENTENCE_END = re.compile(r"[.!?](?=[\"'”’)\]]*\s)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph."""
    sep = _BLANK if _BLANK.search(text) else re.compile(r"\n")
    out, pos = [], 0
    for m in sep.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if b > a]


def _before(text: str, i: int, start: int) -> str:
    return text[i - 1] if i > start else " "


def _after(text: str, i: int, end: int) -> str:
    return text[i + 1] if i + 1 < end else " "


def _is_opening(text: str, i: int, start: int, end: int) -> bool:
    before, after = _before(text, i, start), _after(text, i, end)
    return (before in _OPEN_CTX or before.isspace()) and not after.isspace()


def _is_closing(text: str, i: int, start: int, end: int) -> bool:
    before, after = _before(text, i, start), _after(text, i, end)
    return not before.isspace() and not after.isalnum()


def _elision(text: str, i: int, end: int) -> bool:
    """A mark at a word start that elides letters or a century: "’90s", "‘em",
    "'n'" (then the mark after the n is an apostrophe too)."""
    m = _ELISION.match(text, i, end)
    if m is None:
        return False
    word = m.group(1)
    if word is None:  # '90s, ’05
        return True
    if word.lower() not in _ELIDED:
        return False
    # "'n' roll": both marks belong to the word; "‘Em’ was her name" is a quote
    tail = text[m.end() : m.end() + 2]
    if word.lower() == "n":
        return tail[:1] in "'’" and tail[1:2] == " "
    return not (tail[:1] in "'’" and (len(tail) < 2 or not tail[1].isalnum()))


def _sentence_end(text: str, i: int, end: int) -> int:
    m = _SENTENCE_END.search(text, i, end)
    if m is None:
        return end
    j = m.end()
    while j < end and text[j] in "\"'”’)]":
        j += 1
    return j


class _Scanner:
    """One paragraph's left-to-right pass: a stack of open quotations and the
    spans closed so far.  One method per kind of mark."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.spans: list[tuple[int, int]] = []
        self.stack: list[tuple[str, int]] = []  # ("d" | "s", offset of the opening mark)
        self.skip = -1  # the second mark of "'n'"

    def close_innermost(self, kind: str, at: int) -> None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == kind:
                # marks opened inside it and never closed end with it
                for _kind, opened in self.stack[k:]:
                    self.spans.append((opened, at))
                del self.stack[k:]
                return

    def double_open(self, i: int) -> None:
        if self.stack and self.stack[-1][0] == "d":
            # a second opening mark with the first never closed (UK style
            # nests with single marks): the first ended with its sentence
            self.close_innermost("d", min(_sentence_end(self.text, self.stack[-1][1], self.end), i))
        self.stack.append(("d", i))

    def straight_double(self, i: int) -> None:
        t, a, b = self.text, self.start, self.end
        open_d = any(k == "d" for k, _ in self.stack)
        top_straight = bool(self.stack) and self.stack[-1][0] == "d" and t[self.stack[-1][1]] == '"'
        opening = _is_opening(t, i, a, b)
        if top_straight and (_is_closing(t, i, a, b) or not opening):
            self.close_innermost("d", i + 1)  # 'ourselves? " she wrote' closes too
        elif opening:
            self.stack.append(("d", i))  # a new quotation, or one nested in a curly one
        elif open_d and _is_closing(t, i, a, b):
            self.close_innermost("d", i + 1)
        elif not self.stack and _is_closing(t, i, a, b):
            self.orphan_close(i)

    def single(self, i: int, ch: str) -> None:
        t, a, b = self.text, self.start, self.end
        if i == self.skip:
            return
        before, after = _before(t, i, a), _after(t, i, b)
        if before.isalnum() and after.isalnum():
            return  # Mack's, don’t: an apostrophe inside a word
        elided = ch != "‚" and _elision(t, i, b)
        if ch in "‘‚'" and _is_opening(t, i, a, b) and not elided:
            self.stack.append(("s", i))
            return
        if ch in "‘'" and elided:
            em = _ELISION.match(t, i, b)
            if em and em.group(1) and em.group(1).lower() == "n":
                self.skip = em.end()
            return
        if ch in "’'" and _is_closing(t, i, a, b) and any(k == "s" for k, _ in self.stack):
            # "the prisoners’ families": an s’ followed by a lower-case word is
            # more likely a plural possessive than the end of the quote, unless
            # no later closing mark exists in this paragraph.  With nothing
            # single open, the mark is an apostrophe (the Smiths' house).
            nxt = t[i + 1 : i + 3]
            possessive = before in "sS" and len(nxt) == 2 and nxt[0] == " " and nxt[1].islower()
            if not (possessive and _later_closer(t, i + 1, b)):
                self.close_innermost("s", i + 1)
        elif ch in "’'" and not self.stack:
            self.orphan_close(i)

    def orphan_close(self, i: int) -> None:
        """A closing mark after the quotation's own punctuation, with nothing
        open, then its attribution ("... going to appeal,' said another."):
        the quotation opened before this text began (an excerpt, a paragraph
        cut from its first line), so it runs from the paragraph's start."""
        t = self.text
        if i == self.start or t[i - 1] not in ",.!?" or self.spans:
            return
        if _ATTRIBUTION.match(t, i + 1, self.end):
            self.spans.append((self.start, i + 1))

    def finish(self, continued: bool) -> bool:
        """Close what is still open at the paragraph's end; True if anything was."""
        for kind, opened in self.stack:
            at_paragraph_start = not self.text[self.start : opened].strip()
            if kind == "s" and not at_paragraph_start and not continued:
                # a stray apostrophe most likely: no further than its sentence
                self.spans.append((opened, _sentence_end(self.text, opened, self.end)))
            else:
                # unclosed at paragraph end: the quote runs on (UK / BBC style)
                self.spans.append((opened, self.end))
        return bool(self.stack)


def _mark(text: str, i: int, ch: str, start: int, end: int) -> tuple[int, str] | None:
    """A doubled single mark ('' `` ‘‘ ’’) read as the double mark it stands for."""
    if len(ch) == 1:
        return i, ch
    if ch in ("‘‘", "``") or (ch == "''" and _is_opening(text, i, start, end)):
        return i, "“"
    if ch == "’’" or _is_closing(text, i + 1, start, end):
        return i + 1, "”"
    return None


def _paragraph_quotes(
    text: str, start: int, end: int, continued: bool
) -> tuple[list[tuple[int, int]], bool]:
    """Quoted spans of one paragraph, and whether a quotation is still open at
    its end.  ``continued``: the next paragraph opens with a quotation mark."""
    scan = _Scanner(text, start, end)
    for m in _QUOTE_CHARS.finditer(text, start, end):
        got = _mark(text, m.start(), m.group(), start, end)
        if got is None:
            continue
        i, ch = got
        if ch in _DOUBLE_OPEN:
            scan.double_open(i)
        elif ch in _DOUBLE_CLOSE:
            if not scan.stack:
                scan.orphan_close(i)
            scan.close_innermost("d", i + 1)
        elif ch == '"':
            scan.straight_double(i)
        else:  # single marks: ‘ ’ ‚ '
            scan.single(i, ch)
    open_at_end = scan.finish(continued)
    return scan.spans, open_at_end


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


def _opens_with_mark(text: str, a: int, b: int) -> bool:
    i = a
    while i < b and text[i].isspace():
        i += 1
    return i < b and text[i] in "\"“„«‘'" and not _elision(text, i, b)


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Quoted spans of ``text[start:end]``, paragraph by paragraph."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    if not _QUOTE_CHARS.search(text, start, end):
        return spans
    paras = [(a + start, b + start) for a, b in paragraphs(text[start:end])]
    for k, (a, b) in enumerate(paras):
        continued = k + 1 < len(paras) and _opens_with_mark(text, *paras[k + 1])
        got, _open = _paragraph_quotes(text, a, b, continued)
        spans.extend(got)
    return spans


def find_quotes(text: str, extra: Sequence[tuple[int, int]] = ()) -> QuoteMap:
    """Quoted spans of ``text`` (including the marks); ``extra`` adds markup quotes
    such as HTML <blockquote>/<q> or Markdown ``>`` blocks."""
    spans: list[tuple[int, int]] = list(extra)
    spans.extend(quote_spans(text))
    return QuoteMap(spans)


def blank_quotes(text: str) -> str:
    """``text`` with every quoted span (marks included) blanked to spaces, so
    offsets keep: what the writer says in their own voice ("called him: 'wet',
    a 'bullying victim'" tells no act of the writer's)."""
    spans = quote_spans(text)
    if not spans:
        return text
    out = list(text)
    for a, b in spans:
        out[a:b] = " " * (b - a)
    return "".join(out)
