"""Sentence bounds found lazily around a candidate, so cost follows candidates
rather than text length.  A rule-based split is enough: sentences only scope
context rules, the tagger's window and the cache."""

from __future__ import annotations

import re

# end of sentence: terminal punctuation (plus closing quotes/brackets) then space,
# or any line break (headlines, list items and paragraphs end sentences too)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Prof|Sgt|Insp|Det|Supt|Rev|No|vs?|Co|Ltd|Inc|Jr|Sr|etc|e\.g|i\.e|[A-Z])\.)$"
)
_MAX_SCAN = 2000  # a "sentence" longer than this is cut: keeps pathological input linear
_LOOKAHEAD = 2  # characters the boundary's look-ahead may read: an opening mark and a capital


def sentence_bounds(text: str, start: int, end: int, floor: int = 0) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), never starting before ``floor``
    (the end of the previous sentence), at most about 2,000 characters long."""
    lo = max(floor, start - _MAX_SCAN)
    s = lo
    # The boundary's look-ahead reads the first character of the next sentence,
    # so the scan must run a little past ``start``: ending it at ``start`` hid
    # the boundary just before a candidate that opens its sentence ("... so
    # simple. Drug addict John Smith was ..."), which then read as capitalised in
    # mid-sentence (a proper name) and was never flagged.
    for m in _BOUNDARY.finditer(text, lo, min(len(text), start + _LOOKAHEAD)):
        if m.end() > start:
            break
        if m.group().startswith("\n") or not _ABBREV.search(
            text[max(0, m.start() - 6) : m.start()]
        ):
            s = m.end()
    e = min(len(text), end + _MAX_SCAN, max(end, s + 2 * _MAX_SCAN))
    pos = end
    while True:
        hit = _BOUNDARY.search(text, pos, min(len(text), e + _LOOKAHEAD))
        if hit is not None and hit.start() >= e:
            hit = None
        if hit is None:
            if e < len(text):
                # cut a run-on "sentence" at a space, not inside a word
                cut = text.rfind(" ", end, e)
                e = cut if cut > end else e
            break
        if hit.group().startswith("\n") or not _ABBREV.search(
            text[max(0, hit.start() - 6) : hit.start()]
        ):
            e = hit.start()
            break
        pos = hit.end()
    # strip surrounding whitespace so equal sentences share a cache key
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, max(e, end)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "as",
    "but",
    "from",
    "is",
    "after",
    "over",
    "into",
    "up",
    "vs",
    "v",
}


def _shouted(words: list[str]) -> bool:
    """Most words in capitals; a one-letter word ("A", "I") is either case."""
    long = [w for w in words if len(w) > 1]
    return bool(long) and sum(w.isupper() for w in long) >= 0.8 * len(long)


def is_headline(sentence: str) -> bool:
    """Title Case or ALL CAPS line: capitals carry no proper-name signal there."""
    words = _WORD.findall(sentence)
    if len(words) < 3:
        return False
    if _shouted(words):
        return True
    content = [w for w in words if w.lower() not in _SMALL]
    if len(content) < 3:
        return False
    caps = sum(w[0].isupper() for w in content)
    return (
        caps >= 0.75 * len(content)
        and not sentence.rstrip().endswith((".", "?", "!"))
        or caps >= 0.9 * len(content)
    )


def case_style(sentence: str) -> str:
    """How a line is cased, for a rewrite to follow it: "upper" (an ALL CAPS
    headline), "title" (Title Case that lower-cases short words: NYT style),
    "title-all" (every word capitalised, "Riot Over Food At HMP Lewes"), or
    "sentence".  An acronym in running text ("BAME staff") is not a shout."""
    words = _WORD.findall(sentence)
    if len(words) >= 2 and _shouted(words):
        return "upper"
    if not is_headline(sentence):
        return "sentence"
    small = [w for w in words[1:] if w.lower() in _SMALL]
    if small and sum(w[0].isupper() for w in small) * 2 >= len(small):
        return "title-all"
    return "title"


_OPENERS = set("\"'“‘([{:;—–-•*#>|")


def at_sentence_start(sentence: str, offset: int) -> bool:
    """True when only punctuation/space stands before ``offset`` since the sentence
    start or since a colon / dash / opening quote."""
    i = offset - 1
    while i >= 0 and (
        sentence[i].isspace()
        or sentence[i] in _OPENERS
        or sentence[i].isdigit()
        or sentence[i] == "."
    ):
        if sentence[i] in ':;—–“"‘(':
            return True
        i -= 1
    return i < 0
