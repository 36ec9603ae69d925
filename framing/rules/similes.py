"""Similes (policy, "Decisions on hard cases"): a comparison that describes
treatment or a condition labels no one ("treated like animals", "herded like
a prisoner", "treat her students worse than prisoners", "like a prisoner in his own home", "made to feel like
criminals").  A slur used in a simile still stigmatises the group it names
("driving like a lunatic", "treated like a junkie"), so mental health, race,
drug use and immigration labels are flagged all the same, and so is a
comparison of conduct ("behaved like animals")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

import re

_TREATMENT_VERBS = (
    r"treat(?:ed|s|ing)?|herd(?:ed|ing|s)?|cag(?:ed|ing)|kept|keep(?:s|ing)?|held|hold(?:s|ing)?|"
    r"lock(?:ed|s|ing)?(?:\s+up)?|chain(?:ed|s)?|shackl(?:ed|ing)|handl(?:ed|ing)|fed|"
    r"pen(?:ned)?|transport(?:ed|ing)?|ship(?:ped)?|dump(?:ed|ing)?|hous(?:ed|ing)|"
    r"look(?:ed|s|ing)?\s+(?:at|upon)|spok(?:e|en)\s+to|talk(?:ed|s)?\s+(?:to|down\s+to)|"
    r"made\s+to\s+feel|fe(?:el|els|eling|lt)|liv(?:e|ed|es|ing)|stripped|searched|"
    r"paraded|marched|escorted|hunted|slaughtered|butchered|culled|rounded\s+up|stuffed|"
    r"crammed|packed|left|abandoned|dragged|frogmarched|photographed|fingerprinted|"
    r"restrained|handcuffed|punished|exploited|used|discarded|confined|isolated"
)
_SIMILE = re.compile(
    rf"\b(?:{_TREATMENT_VERBS})\b(?:\s+(?!like\b)[\w'’-]+){{0,3}}?\s+"
    r"(?:like|(?:worse|better)\s+than|as\s+if\s+(?:they|we|he|she|i|you|it)\s+(?:were|was|are)|"
    r"as\s+though\s+(?:they|we|he|she|i|you|it)\s+(?:were|was|are))\s+"
    r"(?:an?\s+|the\s+|common\s+|caged\s+|wild\s+|mere\s+)?"
    # the second of two compared ("treated like 'prisoners or criminals'")
    r"(?:[\w'’-]+\s+(?:or|and)\s+(?:an?\s+)?)?$",
    re.I,
)
# a condition: "like a prisoner in his own home"
_CONDITION = re.compile(r"^s?\s+in\s+(?:his|her|their|my|your|our|its)\s+own\b", re.I)
_LIKE = re.compile(r"\blike\s+(?:an?\s+)?$", re.I)
SLUR_CATEGORIES = frozenset({"mental-health", "race-class", "drug-use", "immigration"})


# quotation marks around the compared word say who said it, not what it is:
# "feels like a 'prisoner' in his own home", "felt like 'prisoners in their own home'"
_MARKS = re.compile("[\"'“”‘’]+")


def treatment_simile(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if c.entry.category in SLUR_CATEGORIES or not c.entry.refers_to_people:
        return None
    before = _MARKS.sub("", s.text[max(0, c.start - 80) : c.start])
    after = _MARKS.sub("", s.text[c.end : c.end + 24])
    if _SIMILE.search(before):
        return "a simile describing treatment"
    if _LIKE.search(before) and _CONDITION.match(after):
        return "a simile describing a condition"
    return None
