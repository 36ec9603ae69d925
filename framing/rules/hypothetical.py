"""Hypothetical individuals (policy, "Hypothetical, generic and fictional
people"; realnews GUIDE 21): a label for someone who exists only in a
prediction or a figure of speech labels no real person.

- a predicted outcome: "the careers adviser told him he'd end up a thief",
  "you're going to end up a thief and in prison";
- an "even" extreme: "an old phone that not even a thief would want";
- a relabelling that might happen: "people exercising free speech can be
  redesignated as criminals" (a precedent feared, not a person labelled);
- a pretence: "undercover police posing as drug dealers";
- an imagined individual set against one act: "A robber doesn't do that".

A claim about real people ("he became a killer", "she ended up a drug
addict") is not a prediction and stays flagged.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

# a modal or future before "end up"/"wind up"/"grow up to be", then the label
_PREDICTED = re.compile(
    r"\b(?:would|will|could|might|may|shall|going\s+to|gonna|['’]d|['’]ll)\s+"
    r"(?:(?:probably|definitely|surely|only|just|all|both|never)\s+)?"
    r"(?:end\s+up|wind\s+up|grow\s+up\s+to\s+be|turn\s+out\s+to\s+be)\s+"
    r"(?:as\s+)?(?:an?\s+)?$",
    re.I,
)
# a modal passive of a (re)labelling verb: "they can be redesignated as criminals"
_MAY_BE_RELABELLED = re.compile(
    r"\b(?:can|could|would|might|may)\s+(?:now\s+|then\s+|simply\s+|suddenly\s+)?be\s+"
    r"(?:re)?(?:designated|classified|reclassified|redefined|recast|rebranded|deemed|treated)\s+"
    r"as\s+(?:an?\s+)?$",
    re.I,
)
# "not even a thief", "even a burglar would"
_EVEN = re.compile(r"\b(?:not\s+)?even\s+an?\s+$", re.I)


# "undercover police posing as drug dealers": a role someone pretends to, not a
# person who is one
_POSING = re.compile(
    r"\b(?:pos(?:e|es|ed|ing)|masquerad(?:e|es|ed|ing)|disguised|dressed\s+up)\s+as\s+"
    r"(?:an?\s+)?$|\bpretend(?:s|ed|ing)?\s+to\s+be\s+(?:an?\s+)?$",
    re.I,
)
# "A madman wouldn't do it", "A robber doesn't do that" (desk decision 8): an
# imagined individual measured against one act, to say what the act is not;
# "a thief doesn't care who he hurts" (a claim about real people) stays flagged
_CLAUSE_START_INDEFINITE = re.compile(r"(?:^|[.!?:;\"'‘“]\s*)an?\s+$", re.I)
_NOT_THAT_ACT = re.compile(
    r"^\s+(?:would|does|do|will|could|can|did)(?:n['’]t|\s+not|\s+never)\s+"
    r"(?:have\s+done|do|say|leave|act\s+like)\s+(?:it|that|this|such)\b",
    re.I,
)


# "Some people would say "Bloody smack head, gets this"": words imagined in
# others' mouths, reported to criticise them, label no one
_WOULD_SAY = re.compile(
    r"\b(?:people|some|others|many|they|you|one|someone|somebody)\s+(?:would|might|will|could|may)\s+"
    r"(?:say|shout|think|call\s+(?:him|her|them|me|us|you))\s*[,:]?\s*[\"'“‘]+"
    r"(?:[\w'’-]+,?\s+){0,2}$",
    re.I,
)


# "If we speak out, we are now criminals": a label a condition would bring,
# said of the speaker's side (the treatment, not a person labelled)
_IF_THEN = re.compile(
    r"^\W*if\b[^.;:!?]{1,80},\s*(?:we|you|they|i)\s+(?:are|['’]re|will\s+be|would\s+be|become|am|['’]m)"
    r"\s+(?:now\s+|all\s+|just\s+)?(?:an?\s+)?$",
    re.I,
)


def hypothetical_person(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if not c.entry.refers_to_people:
        return None
    before = s.text[max(0, c.start - 60) : c.start]
    if _PREDICTED.search(before):
        return "a predicted outcome, not a real person"
    if _MAY_BE_RELABELLED.search(before):
        return "a relabelling that might happen, not a person labelled"
    if _EVEN.search(before):
        return "a hypothetical extreme ('not even a ...')"
    if _IF_THEN.search(s.text[: c.start]):
        return "a label a condition would bring ('if ..., we are ...')"
    if _WOULD_SAY.search(before):
        return "words imagined in others' mouths ('people would say ...')"
    if _POSING.search(before):
        return "a role someone pretends to ('posing as ...'), not a person labelled"
    if _CLAUSE_START_INDEFINITE.search(before) and _NOT_THAT_ACT.match(s.text[c.end :]):
        return "an imagined individual set against one act ('a ... wouldn't do that')"
    return None
