"""Every suggestion for a flag as something a writer can apply, each with the
sentence as it would read (the draft checker's suggestion list, issue 10).

The ready rewrite (``Flag.rewrite``, fitted to the sentence and to the
person's legal status) comes first, over its own span.  Each other
suggestion replaces the flagged words themselves, in the line's case (a Title
Case headline keeps Title Case, an ALL CAPS one capitals); where the flag's
span took in a joining word after the label for its own rewrite ("drug
dealer who" -> "person who sells drugs and"), the other suggestions replace
the label and keep that word.  Wording that needs a status the text does not
give ("person convicted of an offence (once convicted)") is shown by the
flag panel but is never offered here, and a quoted flag offers nothing (a
quotation is never changed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.flag import Flag
from framing.inflect import match_case
from framing.sentences import case_style, sentence_bounds


@dataclass(frozen=True)
class Choice:
    start: int  # the span of ``text`` the replacement takes
    end: int
    replacement: str
    preview: str  # the sentence with the replacement in place
    ready: bool  # the engine's own fitted rewrite


# words a ready rewrite's span may take in after the label to join its own
# clause ("drug dealer who" -> "person who sells drugs and"; "ex-offender
# turned" -> "... who became a"); a plain swap leaves them where they are
_JOINING = re.compile(r"(?:\s+(?:who|that|turned|and))+\s*$", re.IGNORECASE)


def choices(text: str, flag: Flag) -> tuple[Choice, ...]:
    """What the writer may apply for ``flag`` in ``text``, the ready rewrite first."""
    if flag.quoted:
        return ()
    out: list[Choice] = []
    seen: set[tuple[int, int, str]] = set()
    a, b = sentence_bounds(text, flag.start, flag.end)
    style = case_style(text[a:b])

    def add(start: int, end: int, replacement: str, ready: bool) -> None:
        key = (start, end, replacement)
        if key in seen:
            return
        seen.add(key)
        lo, hi = min(a, start), max(b, end)
        preview = (text[lo:start] + replacement + text[end:hi]).strip()
        out.append(Choice(start, end, replacement, " ".join(preview.split()), ready))

    if flag.rewrite is not None:
        add(*flag.rewrite_span, flag.rewrite, True)
    end = flag.end
    joining = _JOINING.search(text, flag.start, flag.end)
    if joining is not None and joining.start() > flag.start:
        end = joining.start()  # the label alone; its joining word stays
    original = text[flag.start : end]
    before = text[: flag.start].split()
    at_start = not text[a : flag.start].strip()
    for s in flag.suggestions:
        if s.endswith(")") and " (" in s:
            continue  # conditional wording: the text does not establish what it needs
        if s == flag.rewrite:
            continue  # the ready rewrite, offered above over its own span
        first = s.split()[0].lower() if s.split() else ""
        if before and before[-1].lower() == first:
            continue  # "the the person": this wording carries its own determiner
        cased = match_case(original, s, style, at_start) if style != "sentence" else None
        add(flag.start, end, cased or match_case(original, s), False)
    return tuple(out)
