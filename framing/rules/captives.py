"""Captives (policy, "Decisions on hard cases"): "prisoner" for war captives,
hostages, kidnap victims and people held by armed groups is not flagged;
people held by a state's justice, immigration or military detention system
are (Guantanamo included).

A sentence about hostages or war captives settles it here; a paragraph about
them settles the rest of it in ``framing.discourse`` (the ``captive`` scope).
Where prisoners are exchanged for hostages ("30 hostages in exchange for 90
Palestinian prisoners"), the prisoners are the state's and are flagged; war
captives exchanged are still captives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

import re

from framing.discourse import CAMP, EXCHANGE, HOSTAGE, WAR, state_detention
from framing.rules.scopes import CAPTIVE_ENTRIES, taken_hostage

# "prisoner" as the first part of a compound that names the event
_EVENT_HEAD = re.compile(
    r"^['’]?\s*(?:exchanges?|swaps?|trades?|transfer\s+(?:agreements?|treat(?:y|ies)|deals?))\b",
    re.I,
)


# "died in 1998 as a prisoner of his comrades", "a prisoner of the rebels"
_PRISONER_OF = re.compile(
    r"^\s+of\s+(?:his|her|their|its|the)\s+(?:own\s+|former\s+)?"
    r"(?:comrades|captors|kidnappers|abductors|rebels|militants|militia|guerrillas|"
    r"insurgents|jihadists|pirates|gunmen|taliban|hamas|enemies|enemy)\b",
    re.I,
)


def captive(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if c.entry.id not in CAPTIVE_ENTRIES:
        return None
    if _EVENT_HEAD.match(s.text[c.end :]):
        return "names an exchange of prisoners, not people"
    if _PRISONER_OF.match(s.text[c.end : c.end + 40]):
        return "held by people, not by a state's justice"
    if CAMP.search(s.text) and not WAR.search(s.text) and state_detention(s.text):
        return None  # "the Guantanamo Bay detention camp": a state's detention (policy)
    if WAR.search(s.text) or CAMP.search(s.text):
        return "a war captive"
    if HOSTAGE.search(s.text) and not EXCHANGE.search(s.text) and not taken_hostage(c, s):
        return "a hostage or captive of an armed group"
    return None
