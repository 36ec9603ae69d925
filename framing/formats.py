"""Plain text, Markdown and HTML in; a text to analyse plus a way back to the
original offsets out.

- text: analysed as given.
- markdown: analysed in place.  Code blocks/spans, URLs, link targets, HTML
  comments and markup characters are blanked with spaces of the same length,
  so every offset is already an offset into the original.  ``>`` blocks are
  quotations; ``*single*``/``_single_`` emphasis may be a title.
- html: BeautifulSoup decides what is visible (no script/style/template/
  noscript/head, no code) and the block structure; each visible string is
  located in the source so every analysed character maps back to the exact
  source character (entities such as ``&amp;`` map to their whole reference).
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

FORMATS = ("text", "markdown", "html")
EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def format_for_path(path: str, default: str = "text") -> str:
    for ext, fmt in EXTENSIONS.items():
        if path.lower().endswith(ext):
            return fmt
    return default


@dataclass
class Prepared:
    text: str  # what the engine analyses
    source: str  # the input exactly as given
    offsets: list[int] | None = None  # analysed index -> source index (-1: synthetic)
    ends: list[int] | None = None  # analysed index -> source end of that character
    quotes: list[tuple[int, int]] = field(default_factory=list)  # markup quotations
    italic: list[tuple[int, int]] = field(default_factory=list)

    def to_source(self, start: int, end: int) -> tuple[int, int] | None:
        """Source span of analysed [start, end), or None if it is not one piece."""
        if self.offsets is None:
            return start, end
        if end <= start:
            return None
        assert self.ends is not None  # set together with offsets
        s, e = self.offsets[start], self.ends[end - 1]
        if s < 0 or e < 0:
            return None
        return s, e

    def contiguous(self, start: int, end: int) -> bool:
        """True when the analysed text of [start, end) is exactly the source text there."""
        span = self.to_source(start, end)
        return span is not None and self.source[span[0] : span[1]] == self.text[start:end]


def prepare(source: str, fmt: str = "text") -> Prepared:
    if fmt == "markdown":
        return _markdown(source)
    if fmt == "html":
        return _html(source)
    return Prepared(source, source)


# --- Markdown ---------------------------------------------------------------

_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]+|<[a-zA-Z][\w+.-]*:[^\s>]*>|<[^\s@>]+@[^\s>]+>"
)
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_REF_DEF = re.compile(r"(?m)^ {0,3}\[[^\]\n]+\]:\s*\S+.*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
_LINE_MARKUP = re.compile(
    r"(?m)^(?P<m>[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]|[*+-][ \t]|\d{1,9}[.)][ \t])?)"
)
_EMPH_DELIMS = re.compile(r"(\*\*|__|~~)")
_ITALIC = re.compile(
    r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])"
)


def _blank(chars: list[str], a: int, b: int) -> None:
    for i in range(a, b):
        if chars[i] != "\n":
            chars[i] = " "


def _markdown(source: str) -> Prepared:
    from markdown_it import MarkdownIt

    chars = list(source)
    lines = source.splitlines(keepends=True)
    line_starts = [0]
    for ln in lines:
        line_starts.append(line_starts[-1] + len(ln))
    quotes: list[tuple[int, int]] = []
    for tok in MarkdownIt("commonmark").parse(source):
        if tok.map is None:
            continue
        a, b = line_starts[tok.map[0]], line_starts[min(tok.map[1], len(lines))]
        if tok.type in ("fence", "code_block", "html_block"):
            _blank(chars, a, b)
        elif tok.type == "blockquote_open":
            quotes.append((a, b))
    text = "".join(chars)
    for rx in (_COMMENT, _INLINE_CODE, _LINK_TARGET, _REF_DEF, _URL, _TAG):
        for m in rx.finditer(text):
            _blank(chars, m.start(), m.end())
        text = "".join(chars)
    for m in _LINE_MARKUP.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _EMPH_DELIMS.finditer(text):
        _blank(chars, m.start(), m.end())
    text = "".join(chars)
    italic = []
    for m in _ITALIC.finditer(text):
        italic.append((m.start() + 1, m.end() - 1))
        _blank(chars, m.start(), m.start() + 1)
        _blank(chars, m.end() - 1, m.end())
    text = "".join(chars)
    # a bare link text "[offenders]" keeps its brackets out of the words
    text = text.replace("[", " ").replace("]", " ") if "[" in text else text
    return Prepared(text, source, quotes=quotes, italic=italic)


# --- HTML -------------------------------------------------------------------

_SKIP = {
    "script",
    "style",
    "template",
    "noscript",
    "head",
    "code",
    "pre",
    "kbd",
    "samp",
    "svg",
    "math",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "title",
    "hr",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "aside",
    "nav",
    "main",
    "form",
    "body",
    "html",
    "address",
    "caption",
    "details",
    "summary",
    "fieldset",
    "legend",
    "option",
}
# elements whose content _RAW_TOKENS removes from the searched stream
_RAW_ELEMENTS = {"script", "style", "template", "textarea", "title", "xmp", "noscript"}
_QUOTE_TAGS = {"blockquote", "q"}
_ITALIC_TAGS = {"i", "em", "cite"}
_RAW_TOKENS = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^>]*>?|<\?.*?(?:>|\Z)"
    r"|<(script|style|template|textarea|title|xmp|noscript)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|</?[a-zA-Z][^>]*>?",
    re.S | re.I,
)
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def _decode_run(
    raw: str, base: int, out_chars: list[str], offs: list[int], ends: list[int]
) -> None:
    if "&" not in raw:  # the common case, done in C
        out_chars.append(raw)
        offs.extend(range(base, base + len(raw)))
        ends.extend(range(base + 1, base + len(raw) + 1))
        return
    pos = 0
    for m in _ENTITY.finditer(raw):
        for i in range(pos, m.start()):
            out_chars.append(raw[i])
            offs.append(base + i)
            ends.append(base + i + 1)
        decoded = htmllib.unescape(m.group())
        for ch in decoded:
            out_chars.append(ch)
            offs.append(base + m.start())
            ends.append(base + m.end())
        pos = m.end()
    for i in range(pos, len(raw)):
        out_chars.append(raw[i])
        offs.append(base + i)
        ends.append(base + i + 1)


def _raw_runs(source: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each raw text run between tags, comments and raw-text
    elements, in source order (decoded by ``_decode_run``)."""
    pos = 0
    for m in _RAW_TOKENS.finditer(source):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(source):
        yield pos, len(source)


def _html(source: str) -> Prepared:
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString, PreformattedString

    # lxml parses 3-4x faster than html.parser; strings it rewrote are simply not
    # found in the source stream below and so never flagged at a wrong offset
    soup = BeautifulSoup(source, "lxml")
    # decoded stream of every raw text run, each run ending in a NUL fence so a
    # search cannot straddle two runs
    stream: list[str] = []
    s_offs: list[int] = []
    s_ends: list[int] = []
    for a, b in _raw_runs(source):
        _decode_run(source[a:b], a, stream, s_offs, s_ends)
        stream.append("\0")
        s_offs.append(-1)
        s_ends.append(-1)
    flat = "".join(stream)  # items are characters or whole runs: offsets stay per character

    out: list[str] = []
    offs: list[int] = []
    ends: list[int] = []
    quotes: list[tuple[int, int]] = []
    italic: list[tuple[int, int]] = []
    cursor = 0
    last_block = None

    def sep(n: str) -> None:
        for ch in n:
            out.append(ch)
            offs.append(-1)
            ends.append(-1)

    for s in soup.find_all(string=True):
        if not isinstance(s, NavigableString) or isinstance(s, PreformattedString):
            continue
        names = {p.name for p in s.parents}
        if _RAW_ELEMENTS & names:
            continue  # not in the stream at all (taken out whole by _RAW_TOKENS)
        text = str(s)
        if not text:
            continue
        at = flat.find(text, cursor)
        if at < 0:
            continue  # the parser rewrote this string; skipping it is safer than guessing
        # the cursor moves past hidden strings too (<pre>, <code>...), or a visible
        # copy of the same words later on would be located inside the hidden one
        cursor = at + len(text)
        if _SKIP & names:
            continue
        block = next((p for p in s.parents if p.name in _BLOCK), None)
        prev = s.previous_sibling
        if block is not last_block:
            sep("\n\n")
            last_block = block
        elif prev is not None and getattr(prev, "name", None) in _BLOCK:
            sep("\n")
        begin = len(out)
        out.extend(text)
        offs.extend(s_offs[at : at + len(text)])
        ends.extend(s_ends[at : at + len(text)])
        if _QUOTE_TAGS & names:
            quotes.append((begin, len(out)))
        if _ITALIC_TAGS & names:
            italic.append((begin, len(out)))
    return Prepared("".join(out), source, offs, ends, quotes, italic)
