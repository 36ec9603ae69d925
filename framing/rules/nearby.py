"""``requires_nearby``: some senses only hold in a justice context ("lags").

The context words stand in for "this is about people who did something".  A
figurative label that plainly points at people needs no such word: "the
animals who attacked him", "they were absolute animals", "the men are beasts".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence
from framing.rules.names import nicknamed
from framing.senses import has_nonperson_sense, names_people

if TYPE_CHECKING:
    from framing.index import Index

import re

_PRONOUNS = (
    r"(?:they|these|those|he|she|we|you|men|women|boys|girls|lads|youths|teenagers|people|gang)"
)
# "the beasts who", "absolute animals", "they are animals", "these men were monsters"
_HUMAN_BEFORE = re.compile(
    r"(?:\b(?:absolute|utter|complete|total|sick|twisted)\s+[\"'‘“]?$)"
    r"|(?:\b" + _PRONOUNS + r"\s+(?:are|were|is|was|turn(?:ed|s)?\s+into|become|became|becomes)\s+"
    r"(?:just\s+|simply\s+|nothing\s+but\s+)?"
    r"(?:an?\s+)?[\"'‘“]?$)",
    re.I,
)


_POSS = re.compile(r"['’]s$")
# "called him a 'dangerous predator'", "dubbed him the Beast of Bolton": said of a person
_OF_A_PERSON = re.compile(
    r"\b(?:him|her|them|me|us|himself|herself|themselves)\s+(?:as\s+)?(?:an?\s+|the\s+)?"
    r"[\"'‘“]?(?:[\w-]+\s+)?$",
    re.I,
)


# "the band director who she claimed was a predator": said of the person a
# relative pronoun stands for
_WHO_WAS = re.compile(
    r"\b([A-Za-z-]+)\s+who\b[^,.;:!?]{0,30}?\b(?:is|was|are|were|be|been)\s+(?:an?\s+)?[\"'‘“]?$",
    re.I,
)
# "a liar, a bully, a racist, a predator, a con man": one of a list of nouns for people
# (each item with its article: a list of what someone is, not of species,
# where "farmers, gamekeepers and predators" would point at people)
_LISTED_BEFORE = re.compile(r"\ban?\s+([A-Za-z-]+)\s*,\s*(?:and\s+|or\s+)?an?\s+$", re.I)
_LISTED_AFTER = re.compile(r"^\s*,\s*(?:and\s+|or\s+)?an?\s+([A-Za-z-]+)\b", re.I)


# a question about whoever did a real act; "what animal would say that?" is
# hypothetical (no act was done), so "would" without "have" is not it
_WHAT_KIND = re.compile(r"\bwhat\s+(?:kind|sort|type)\s+of\s+(?:an?\s+)?$", re.I)
_DID_IT = re.compile(
    r"^\s+(?:could|would|can|must)\s+have\s+\w+|^\s+(?:does|did|do|has|had|leaves|left|kills|killed|"
    r"harms|harmed|abuses|abused|attacks|attacked|hurts|hurt)\b",
    re.I,
)


def human_signal(c: Candidate, s: Sentence) -> bool:
    after = [w.lower() for w in s.words_after(c.end, 1)]
    if (
        after
        and after[0] in ("who", "whom")
        and not any(ch in s.gap_after(c.end) for ch in ".;:!?")
    ):
        return True
    before = s.text[max(0, c.start - 40) : c.start]
    if _WHAT_KIND.search(before) and _DID_IT.match(s.text[c.end : c.end + 30]):
        return True  # "What kind of monster could have done such things?": whoever did it
    if _HUMAN_BEFORE.search(before) or _OF_A_PERSON.search(before) or nicknamed(c, s):
        return True  # a nickname is given to a person ("earned the nickname 'The Animal'")
    return _person_compound(c, s) or _who_was(before) or _listed_with_people(c, s, before)


def _person_compound(c: Candidate, s: Sentence) -> bool:
    """A noun for people right before an offence noun names its victims
    ("husband killer", "cop killer"): the word is about a person who harms people."""
    if c.entry.category != "offence-identity":
        return False
    w = s.word_before(c.start)
    return (
        w is not None
        and not w[2].endswith(("'s", "’s"))
        and s.gap_before(c.start) in (" ", "-")
        and not w[2].isupper()
        and names_people(w[2]) is True
        and not has_nonperson_sense(w[2])
    )


def _who_was(before: str) -> bool:
    m = _WHO_WAS.search(before)
    return m is not None and names_people(m.group(1)) is True


def _listed_with_people(c: Candidate, s: Sentence, before: str) -> bool:
    """The word is one of a comma list whose next or previous item names people
    ("a cheat, a liar, a fraud, a bully, a racist, a predator, a con man")."""
    m = _LISTED_BEFORE.search(before)
    n = _LISTED_AFTER.match(s.text[c.end : c.end + 30])
    if n is not None:
        # "suffering to animals, magistrates heard": the word after the comma
        # opens a new clause (its verb follows), so it is no list item
        nxt = s.token_after(c.end + n.end(1))
        if nxt is not None and nxt.pos in ("VERB", "AUX"):
            n = None
    near = [x.group(1) for x in (m, n) if x is not None]
    return any(
        names_people(w) is True and not has_nonperson_sense(w) and w.lower() != c.key for w in near
    )


def missing_nearby(c: Candidate, s: Sentence, ix: Index) -> str | None:
    need = c.entry.requires_nearby
    if not need:
        return None
    words = s.memo("nearby_words", lambda: frozenset(_POSS.sub("", x) for x in s.word_set))
    low = s.text.lower()
    for w in need:
        w = w.lower()
        if (" " in w and w in low) or w in words:
            return None
        # crude inflection: "prison" also covers "prisons"/"prisoner", "boys" covers "boy's"
        if any(x.startswith(w) for x in words) or (w.endswith("s") and w[:-1] in words):
            return None
    if c.entry.category == "dehumanising" and human_signal(c, s):
        return None
    return "no justice context nearby"
