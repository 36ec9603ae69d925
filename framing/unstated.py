"""Wording for a label whose sentence gives no legal status (a generic group,
or people the text says nothing more of), where the lexicon's own wording
would state a verdict ("people convicted of drug offences") and so cannot be
used (``tests/data/rewrites.md``, decisions 5 and 6).

- held in prison: a group the sentence places in prison as a body ("make up
  15% of the prison population", "behind bars") is "people in prison for"
  the offence the lexicon names.  That is what the sentence says of them; it
  adds no conviction and keeps the offence ("Drug offenders make up around 15%
  of the prison population" -> "People in prison for drug offences make up
  ...").  A plan to imprison them ("should be sent to prison") places no one.
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence
from framing.inflect import match_case
from framing.sentences import case_style
from lexicon.model import Alternative

Span = tuple[int, int, str]

_UNSTATED = frozenset({"group_generic", "unknown"})
# the group held in prison as a body: the prison population, behind bars
_HELD = re.compile(
    r"\b(?:(?:prison|jail|gaol) population|(?:are|is|remain|remains|kept|held|now|currently)"
    r" behind bars)\b",
    re.IGNORECASE,
)
_CONVICTED_OF = "people convicted of "


def _offence(alternatives: tuple[Alternative, ...]) -> str | None:
    """The offence the lexicon names ("drug offences", "murder"), from its
    "people convicted of ..." wording; None where it names one event ("the
    killing"), which a group held in prison did not all commit."""
    for a in alternatives:
        if a.plural.startswith(_CONVICTED_OF):
            what = a.plural[len(_CONVICTED_OF) :]
            first = what.split(" ", 1)[0].lower()
            if first in ("the", "a", "an", "this", "that", "his", "her", "their"):
                return None
            return what
    return None


def held_for_fit(c: Candidate, s: Sentence, status: str, plural: bool) -> Span | None:
    """ "Drug offenders make up 15% of the prison population" -> "People in
    prison for drug offences make up ...": a plural label with no determiner
    (or "the"), no status given, in a sentence that places the group in prison."""
    if status not in _UNSTATED or not plural or c.possessive:
        return None
    if _HELD.search(s.text) is None:
        return None
    offence = _offence(c.entry.alternatives)
    if offence is None:
        return None
    start = c.start
    before = s.word_before(c.start)
    if before is not None and not s.text[before[1] : c.start].strip():
        if before[2].lower() != "the":
            return None  # "convicted drug offenders", "our offenders": not this wording
        start = before[0]
    out = ("the " if start < c.start else "") + f"people in prison for {offence}"
    original = s.text[start : c.end]
    at_start = not s.text[:start].strip()
    style = s.memo("case_style", lambda: case_style(s.text))
    return start, c.end, match_case(original, out, style, at_start)
