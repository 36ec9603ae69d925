"""HTML fragment -> plain text in one linear pass, within a work budget.

Feed summaries and readability's output are HTML; readers and the engine want
text with paragraph breaks.  The text is collected from lxml's parser events
(a parser *target*: no tree is built), so the cost is one walk over the
markup whatever its shape.  The previous BeautifulSoup version inserted a
break after every block, and each insert walked to the block's last
descendant: quadratic in the nesting depth, so one hostile item nesting
50,000 ``<div>`` elements stalled a pass for two minutes.

Work is also capped: a fragment nesting deeper than ``MAX_DEPTH`` elements or
holding more than ``MAX_ELEMENTS`` is refused with :class:`HtmlBudgetError`
(one line saying which limit), so the caller records the item as over budget
instead of storing a text nobody wrote that way.  Real summaries and article
bodies nest a few dozen levels and hold a few thousand elements.
"""

from __future__ import annotations

import re

from lxml import etree

from monitor.sanitize import clean_text

MAX_DEPTH = 1_000
MAX_ELEMENTS = 100_000
MAX_CHARS = 8_000_000  # a fragment's markup; the fetcher's body cap comes first in practice

# A paragraph break follows each of these (as before: what feeds use for paragraphs).
BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"})
# Their text is code or styling, not prose.
HIDDEN = frozenset({"script", "style", "template"})
# The parser wraps every fragment in these; they are not the fragment's own nesting.
WRAPPERS = frozenset({"html", "body"})

_SPACES = re.compile(r"[ \t\u00a0]+")
_AROUND_NEWLINE = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n{3,}")


class HtmlBudgetError(ValueError):
    """The markup is over the work budget; ``str()`` is one line naming the limit."""


class _Text:
    """lxml parser target: collects text, breaks and the nesting depth."""

    def __init__(self, max_depth: int, max_elements: int) -> None:
        self.parts: list[str] = []
        self.depth = 0
        self.elements = 0
        self.hidden = 0
        self.max_depth = max_depth
        self.max_elements = max_elements

    def start(self, tag: str, attrib: object) -> None:
        if tag in WRAPPERS:
            return
        self.depth += 1
        self.elements += 1
        if self.depth > self.max_depth:
            raise HtmlBudgetError(f"markup nests deeper than {self.max_depth:,} elements")
        if self.elements > self.max_elements:
            raise HtmlBudgetError(f"markup holds more than {self.max_elements:,} elements")
        if tag == "br":
            self.parts.append("\n")
        elif tag in HIDDEN:
            self.hidden += 1

    def end(self, tag: str) -> None:
        if tag in WRAPPERS:
            return
        self.depth -= 1
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def data(self, text: str) -> None:
        if not self.hidden:
            self.parts.append(text)

    def comment(self, text: str) -> None:
        pass

    def close(self) -> str:
        return "".join(self.parts)


def html_to_text(
    fragment: str, *, max_depth: int = MAX_DEPTH, max_elements: int = MAX_ELEMENTS
) -> str:
    """Plain text of an HTML fragment: one line break per ``<br>``, a blank
    line after each block, spaces folded; raises :class:`HtmlBudgetError`
    when the markup is over the budget."""
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        return clean_text(fragment).strip()
    if len(fragment) > MAX_CHARS:
        raise HtmlBudgetError(f"markup is longer than {MAX_CHARS:,} characters")
    target = _Text(max_depth, max_elements)
    parser = etree.HTMLParser(target=target, no_network=True, remove_comments=True)
    try:
        parser.feed(fragment)
        text = parser.close()
    except HtmlBudgetError:
        raise
    except etree.LxmlError:
        # libxml2 in recovery mode rarely gives up; what was collected is the text
        text = target.close()
    text = _SPACES.sub(" ", clean_text(text))
    text = _AROUND_NEWLINE.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()
