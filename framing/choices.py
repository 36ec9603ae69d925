"""Every suggestion for a flag as something a writer can apply, each with the
sentence as it would read (the draft checker's suggestion list, issue 10).

The ready rewrite (``Flag.rewrite``, fitted to the sentence and to the
person's legal status) comes first, over its own span.  Each other
suggestion replaces the flagged words themselves, in their case; wording
that needs a status the text does not give ("person convicted of an offence
(once convicted)") is shown by the flag panel but is never offered here, and
a quoted flag offers nothing (a quotation is never changed).
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.flag import Flag
from framing.inflect import match_case
from framing.sentences import sentence_bounds


@dataclass(frozen=True)
class Choice:
    start: int  # the span of ``text`` the replacement takes
    end: int
    replacement: str
    preview: str  # the sentence with the replacement in place
    ready: bool  # the engine's own fitted rewrite


def choices(text: str, flag: Flag) -> tuple[Choice, ...]:
    """What the writer may apply for ``flag`` in ``text``, the ready rewrite first."""
    if flag.quoted:
        return ()
    out: list[Choice] = []
    seen: set[tuple[int, int, str]] = set()

    def add(start: int, end: int, replacement: str, ready: bool) -> None:
        key = (start, end, replacement)
        if key in seen:
            return
        seen.add(key)
        a, b = sentence_bounds(text, start, end)
        a, b = min(a, start), max(b, end)
        preview = (text[a:start] + replacement + text[end:b]).strip()
        out.append(Choice(start, end, replacement, " ".join(preview.split()), ready))

    if flag.rewrite is not None:
        add(*flag.rewrite_span, flag.rewrite, True)
    original = text[flag.start : flag.end]
    before = text[: flag.start].split()
    for s in flag.suggestions:
        if s.endswith(")") and " (" in s:
            continue  # conditional wording: the text does not establish what it needs
        if s == flag.rewrite:
            continue  # the ready rewrite, offered above over its own span
        first = s.split()[0].lower() if s.split() else ""
        if before and before[-1].lower() == first:
            continue  # "the the person": this wording carries its own determiner
        add(flag.start, flag.end, match_case(original, s), False)
    return tuple(out)
