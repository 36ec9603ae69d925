"""Reported labels (policy, "Decisions on hard cases"): a label someone else
used, carried into the text neutrally ("dubbed 'Granny Evil'", "was branded a
thug", "has been labelled a career criminal", "branded feral yobs"), or
denied ("I'm not a thug", "patients, not criminals"), is flagged and marked as
quoted, quotation marks or not: a journalist cannot rewrite another person's
label, only choose whether to report it.

A label reported in order to criticise it or the person who used it is not
flagged at all; ``framing.rules.mentions.label_rejected`` exempts those
before this runs.  This module only recognises the report, so the hit can be
marked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence
from framing.rules.names import nicknamed

if TYPE_CHECKING:
    pass

import re

# the verb of labelling, then who was labelled, then the label's own words
REPORT_VERBS = (
    r"call(?:ed|ing|s)?|brand(?:ed|ing|s)?|dub(?:bed|bing|s)?|nicknamed|labell?(?:ed|ing)|"
    r"labels?|tagged|termed|(?:described|portrayed|painted|depicted|characterised|characterized|"
    r"cast|condemned|denounced|derided|dismissed|slammed|known|referred\s+to|billed)\s+as|"
    r"known\s+(?:on|to|in)\s+[\w-]+\s+as|(?:the|a|his|her|their)\s+(?:nickname|moniker)(?:\s+of)?"
)
# "called to a domestic", "called in to deal with": summoned, not labelled
# "calls from an inmate", "a call about an alleged shoplifter": the noun
_NOT_LABELLING = (
    r"(?!\s*(?:to|in|out|for|up|on|off|back|over|at|into|round|around|by|about|from|with)\b)"
)
# who was labelled: a pronoun, a name (capitalised, whatever the pattern's
# flags: "tagged overnight by vandals" names no one), or "the ..."
_WHO = (
    r"(?:(?:me|him|her|them|us|you|it|(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})|"
    r"the\s+[\w-]+(?:\s+[\w-]+)?)\s+)?"
)
# words that may stand between the label's start and the candidate: the label's
# own modifiers ("a 'career criminal'", "feral yobs", "'Granny Evil'"), never a
# preposition or verb that would start another phrase
_FILLER = r"(?:(?!(?:for|to|after|before|by|on|in|at|of|out|up|off|back|that|when|while|with|from|over|into|police|officers)\b)[\w'’-]+\s+){0,2}"
_REPORTED = re.compile(
    rf"\b(?:{REPORT_VERBS}){_NOT_LABELLING}\s+{_WHO}(?:as\s+)?(?:(?:a|an|the|some|one|two)\s+)?[\"'“‘]?\s*{_FILLER}[\"'“‘]?$",
    re.I,
)
# "described him as a thug", "portrayed the boys as feral yobs": the verb, who
# was labelled, then "as" (which the verbs above need straight after them)
_AS_VERBS = (
    r"described|portrayed|painted|depicted|characteri[sz]ed|cast|condemned|denounced|"
    r"derided|dismissed|slammed|referred\s+to|billed|branded|labell?ed|dubbed|called"
)
_REPORTED_AS = re.compile(
    rf"\b(?:{_AS_VERBS})\s+{_WHO}as\s+(?:(?:a|an|the|some|one|two)\s+)?[\"'“‘]?\s*{_FILLER}[\"'“‘]?$",
    re.I,
)
# "I'm not a thug", "my son isn't a monster", "patients, not criminals"
_DENIED = re.compile(
    r"(?:\b(?:is|am|are|was|were|isn|aren|wasn|weren|be|being|been)(?:\s+not|\s*n['’]t)"
    r"|['’]m\s+not|(?<!\bor\s)\bnot\s+(?:just|simply|merely|really)?"
    r"|(?:,|\bbut)\s+not|\bnever\s+(?:was|were|been|a)"
    # "to see the real her rather than a husband killer": the label set aside
    r"|\b(?:the\s+real\s+(?:me|him|her|them|us)(?:\s+[\w'’-]+){0,3}|as\s+(?:a\s+)?(?:person|human))\s+(?:rather\s+than|not|instead\s+of))"
    r"\s+(?:an?\s+|the\s+)?[\"'“‘]?(?:[\w-]+\s+)?$",
    re.I,
)


def reported_label(c: Candidate, s: Sentence) -> str | None:
    """A note when the candidate is a label reported or denied, else None."""
    if c.entry.category == "punitive-frame":
        return None  # a frame repeated is a frame used ("prisons are not holiday camps")
    before = s.text[max(0, c.start - 80) : c.start]
    m = _REPORTED.search(before) or _REPORTED_AS.search(before)
    if m and re.match(r"\s+[\"“‘']", s.text[c.end : c.end + 3]):
        m = None  # "called the killers 'evil monsters'": the candidate is who was called
    if m:
        verb = m.group().split()[0]
        return f"a label reported ('{verb} ... {c.text}'): flagged as quoted"
    if c.text[:1].isupper() and nicknamed(c, s):
        return "a nickname reported: flagged as quoted"
    if _DENIED.search(before):
        return "a label denied: flagged as quoted"
    return None
