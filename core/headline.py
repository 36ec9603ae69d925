"""Where an article's body begins by repeating its headline.

Page extractors keep a story's ``<h1>`` as the first line of the text they
return, so a stored body often opens with the headline the feed already gave:
"Inmates" in it was then flagged once as headline and again as body (issue 12:
3 flags for 2 uses).  The monitor leaves that repeat out of the body it stores
(``monitor.extract.without_repeated_headline``, which says why the monitor is
the layer that decides this); a migration applies the same test to articles
stored before.  This lives in ``core`` because both need the one definition
and ``storage`` (the migration) may import ``core`` only.

The comparison is word by word, case-folded and NFKC-normalised, so case,
punctuation (straight or curly quotes, a colon or a dash), line breaks and
spacing do not matter.  A site name after a separator ("| The Daily Courier",
"- Daily Courier") may follow the repeat on its line, and a site name the
feed's headline carries need not be repeated in the body.  The repeat must
end its line: a first sentence that merely starts with the headline's words
("Prisoners freed early as jails fill up ...") is body, not a repeat.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")
# a separator before a site name: a pipe anywhere, a dash or a middle dot between spaces
_SITE_SEPARATOR = re.compile(r"\s*\|\s*|\s+[-\u2013\u2014\u00b7\u2022:]+\s+")
# a site name is short ("The Daily Courier", "BBC News", "Wessex Evening Post Online")
# and is not a clause: "- that is the verdict of inspectors." stays body
MAX_SITE_WORDS = 5
_CLAUSE = re.compile(r"[.!?,;]")


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold()


def _words(text: str) -> list[str]:
    return [_fold(m.group()) for m in _WORD.finditer(text)]


def _headline_forms(title: str) -> list[list[str]]:
    """The headline's words, and the same without a trailing site name; longest first."""
    forms = [_words(title)]
    for sep in reversed(list(_SITE_SEPARATOR.finditer(title))):
        tail = _words(title[sep.end() :])
        if 0 < len(tail) <= MAX_SITE_WORDS:
            forms.append(_words(title[: sep.start()]))
            break
    return [f for f in forms if f]


def _is_site_tail(rest: str) -> bool:
    """What may follow the repeat on its line: punctuation, or a separator and a site name."""
    if not _words(rest):
        return True
    sep = _SITE_SEPARATOR.match(rest)
    if sep is None or _CLAUSE.search(rest[sep.end() :]):
        return False
    return len(_words(rest[sep.end() :])) <= MAX_SITE_WORDS


def repeated_headline_end(title: str, body: str) -> int:
    """Where the body proper starts: 0 when ``body`` does not open by repeating
    ``title``, else the offset just after the repeated line(s) and the blank
    space that follows them (``len(body)`` when the body is only the headline)."""
    if not body or not title:
        return 0
    # a repeat is no longer than the headline with spacing and a site name: read only that far
    words = list(_WORD.finditer(body, 0, 2 * len(title) + 200))
    for form in _headline_forms(title):
        n = len(form)
        if len(words) < n or [_fold(m.group()) for m in words[:n]] != form:
            continue
        end = words[n - 1].end()
        line_end = body.find("\n", end)
        line_end = len(body) if line_end < 0 else line_end
        if not _is_site_tail(body[end:line_end]):
            continue
        while line_end < len(body) and body[line_end].isspace():
            line_end += 1
        return line_end
    return 0


def headline_span(title: str, body: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the body span ``start:end``, inside the repeated headline at the
    start of ``body``, is in ``title``; None when it is not within the repeat's
    words (the repeat is word for word, so the i-th word of each is the same)."""
    body_words = list(_WORD.finditer(body[: repeated_headline_end(title, body)]))
    title_words = list(_WORD.finditer(title))
    first = next((i for i, m in enumerate(body_words) if m.start() <= start < m.end()), None)
    last = next((i for i, m in enumerate(body_words) if m.start() < end <= m.end()), None)
    if first is None or last is None or last < first or last >= len(title_words):
        return None
    head, tail = title_words[first], title_words[last]
    new_start = head.start() + min(start - body_words[first].start(), len(head.group()))
    new_end = tail.end() - min(body_words[last].end() - end, len(tail.group()))
    return (new_start, new_end) if new_start < new_end else None
