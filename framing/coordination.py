"""Coordinated labels rewritten as a whole: "burglars, robbers and car
thieves" -> "people who commit burglary, robbery and car theft".

Swapping each word alone gives "car people convicted of theft" and three
"people convicted of" in a row.  A list of offence labels (all plural, joined
by commas and "and"/"or", a lower-case modifier allowed before a later one)
gets one rewrite over the whole list, worded for the status the first label
has: a conviction "people convicted of X, Y and Z"; a generic group "people
who commit X, Y and Z"; two people in court ("the thief and the fraudster")
"the defendants".  Anything else is left to the words one by one.
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence
from framing.inflect import match_case

# the offence each label names, as the noun a list can share
OFFENCES: dict[str, str] = {
    "burglar": "burglary",
    "robber": "robbery",
    "thief": "theft",
    "mugger": "robbery",
    "fraudster": "fraud",
    "arsonist": "arson",
    "shoplifter": "shoplifting",
    "drug-dealer": "drug dealing",
    "rapist": "rape",
    "murderer": "murder",
    "paedophile": "child sexual abuse",
    "looter": "looting",
    "violent-offender": "violent offences",
    "sex-offender": "sexual offences",
}
_GAP = re.compile(r"(?:,\s+|,?\s+(?:and|or)\s+)(?P<the>the\s+)?(?P<mod>[a-z]+\s+)?$")
_CONVICTION = frozenset({"convicted", "sentenced", "released"})
_COURT = frozenset({"charged", "on_trial"})


def runs(kept: list[Candidate], s: Sentence) -> list[list[Candidate]]:
    """Lists of two or more labels joined by commas and a conjunction."""
    out: list[list[Candidate]] = []
    cur: list[Candidate] = []
    for c in kept:
        if c.entry.id not in OFFENCES or c.possessive:
            if len(cur) > 1:
                out.append(cur)
            cur = []
            continue
        if cur and _GAP.fullmatch(s.text[cur[-1].end : c.start]) is None:
            if len(cur) > 1:
                out.append(cur)
            cur = []
        cur.append(c)
    if len(cur) > 1:
        out.append(cur)
    return out


def list_fit(
    run: list[Candidate], s: Sentence, status: str, plural: bool
) -> tuple[int, int, str] | None:
    """One rewrite for the whole list, or None."""
    last_gap = s.text[run[-2].end : run[-1].start]
    if not re.search(r"\b(?:and|or)\b", last_gap):
        return None  # "burglars, robbers" with no conjunction: not a closed list
    start, end = run[0].start, run[-1].end
    if status in _COURT:
        gaps = [_GAP.fullmatch(s.text[a.end : b.start]) for a, b in zip(run, run[1:], strict=False)]
        if s.text[:start].lower().endswith("the ") and all(g and g.group("the") for g in gaps):
            return start - 4, end, match_case(s.text[start - 4 : start], "the defendants")
        return None
    if not plural:
        return None
    names = []
    for i, c in enumerate(run):
        mod = ""
        if i:
            m = _GAP.fullmatch(s.text[run[i - 1].end : c.start])
            if m is None or m.group("the"):
                return None
            mod = m.group("mod") or ""
        names.append(mod + OFFENCES[c.entry.id])
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    if status in _CONVICTION:
        out = f"people convicted of {listed}"
    elif status in ("group_generic", "unknown"):
        out = f"people who commit {listed}"
    else:
        return None
    return start, end, match_case(s.text[start:end], out)
