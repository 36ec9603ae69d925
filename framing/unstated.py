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
- gender told by the label's own clause: "A murderer has been caught fighting
  with his victim" gives the gender as surely as a name would not, so the
  role says "a man" where it said "a person" (rewrites.md, decision 1): only
  a possessive on a noun that belongs to the doer (victim, accomplice,
  getaway) or a reflexive, before the clause ends and with no other person
  named between ("grabbed the man's bag", "hit him with his stick" say
  nothing of the label).
- the agent of a passive that tells what a place or a group suffers
  ("targeted by art thieves", "plagued by burglars"): the act itself ("art
  theft", "burglary"), which names nobody, for a generic group.
- an adjective that describes the crime, not the person ("real", "petty",
  "serious", "low-level") before a generic "criminals" or "offenders": it
  goes with the act ("find real criminals" -> "find people committing real
  crimes"), never "real people who commit crime".
- an event the wording presupposes: "attacker" and "assailant" only where an
  attack is in the sentence, "the people involved in the violence" (or "the
  disorder") only where there was violence or disorder (rewrites.md, decision
  4): "killing hired Russian thugs in Syria" tells no attack, so "attackers"
  would misdescribe them.
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence
from framing.coordination import OFFENCES
from framing.inflect import match_case
from framing.senses import names_people
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


# a noun owned by the doer of the label's own act, or a reflexive
_OWN = re.compile(
    r"\b(?:(his|her)\s+(?:own\s+)?(?:victims?|accomplices?|getaway|crimes?)|(himself|herself))\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"[,;:()]|\b(?:after|before|when|while|as|because|until|since|who|whom|which|that|but|and"
    r"|or|if|though|although|where)\b",
    re.IGNORECASE,
)
_ROLE_PERSON = re.compile(r"^(?:(?:a|the|one)\s+)?(person)(?:\s+responsible)?$", re.IGNORECASE)
_PRE_VERDICT = frozenset({"unknown", "wanted", "suspected"})


def own_gender(c: Candidate, s: Sentence) -> str | None:
    """ "man" or "woman" where the label's own clause gives it by a possessive
    on the doer's noun or a reflexive, else None."""
    end = _CLAUSE_END.search(s.text, c.end)
    limit = end.start() if end is not None else len(s.text)
    m = _OWN.search(s.text, c.end, limit)
    if m is None:
        return None
    for t in s.tokens_in(c.end, m.start()):
        if t.pos == "PROPN" or (t.pos == "NOUN" and names_people(t.text)):
            return None  # someone else stands between: the pronoun may be theirs
    word = (m.group(1) or m.group(2)).lower()
    return "man" if word in ("his", "himself") else "woman"


def gendered_role(
    c: Candidate, s: Sentence, status: str, plural: bool, role: Span | None
) -> Span | None:
    """The role ("a person", "the person responsible") with the gender the
    label's own clause gives: "A murderer has been caught fighting with his
    victim" -> "A man has been caught ..."."""
    if role is None or plural or status not in _PRE_VERDICT:
        return role
    m = _ROLE_PERSON.match(role[2])
    if m is None:
        return role
    gender = own_gender(c, s)
    if gender is None:
        return role
    noun = match_case(m.group(1), gender, None, False)
    return role[0], role[1], role[2][: m.start(1)] + noun + role[2][m.end(1) :]


_ATTACKER = re.compile(r"\b(?:attackers?|assailants?)$", re.IGNORECASE)
_INVOLVED_IN = re.compile(r"\binvolved in the (?:violence|disorder)$", re.IGNORECASE)
_ATTACK = re.compile(
    r"\b(?:attack\w*|assault\w*|punch\w*|kick\w*|stab\w*|beat|beaten|beating\w*|batter\w*"
    r"|slash\w*|headbutt\w*|stamp\w*|injur\w*|wound\w*|violen\w*|fight\w*|brawl\w*"
    r"|rampage\w*|shot|shoot\w*|gun\w*|knife|knives|knifepoint|mugg\w*|robbed|robber(?:y|ies)"
    r"|hit|struck|threw|thrown|glassed|bottled|hurt|harm\w*|bloody|blood|victims?)\b",
    re.IGNORECASE,
)
_DISORDER = re.compile(
    r"\b(?:disorder\w*|riot\w*|unrest|violen\w*|fight\w*|brawl\w*|clash\w*|rampage\w*"
    r"|vandal\w*|damage\w*|loot\w*|attack\w*|rowd\w*|disturbance\w*|trouble)\b",
    re.IGNORECASE,
)


# labels that themselves tell an attack (a mugging, a knife, "an attacker
# described as mad"): "the attacker" is then what the label said
_ATTACK_LABELS = frozenset({"mugger", "knifeman", "madman"})


def unanchored(alt: str, c: Candidate, s: Sentence, status: str | None) -> bool:
    """Whether ``alt`` presupposes an event the sentence does not tell (outside
    the label itself): an attacker with no attack, "the violence" with none.
    Only where the text gives no status: a sentence or a trial for a violent
    label ("THUGS JAILED") is itself the event."""
    if status not in _UNSTATED:
        return False
    if _ATTACKER.search(alt):
        if c.entry.id in _ATTACK_LABELS:
            return False
        event = _ATTACK
    elif _INVOLVED_IN.search(alt):
        event = _DISORDER
    else:
        return False
    rest = s.text[: c.start] + " " + s.text[c.end :]
    return event.search(rest) is None


# acts a place or a community suffers, and labels whose act names nobody
_SUFFERED = frozenset(
    "targeted plagued blighted hit affected beset bedevilled troubled menaced".split()
)
_SUFFERED_ACTS = {
    k: v
    for k, v in OFFENCES.items()
    if k in {"burglar", "robber", "thief", "fraudster", "arsonist", "shoplifter", "looter"}
}


def suffered_act_fit(c: Candidate, s: Sentence, status: str, plural: bool) -> Span | None:
    """ "Museums are targeted by art thieves" -> "... targeted by art theft": a
    generic plural label as the agent of what a place suffers becomes the act,
    a noun before it kept ("art")."""
    act = _SUFFERED_ACTS.get(c.entry.id)
    if act is None or status not in _UNSTATED or not plural or c.possessive:
        return None
    prev = s.word_before(c.start)
    if prev is None or s.text[prev[1] : c.start] != " ":
        return None
    if prev[2].lower() != "by":
        tok = s.token_before(c.start)
        if tok is None or tok.pos != "NOUN" or tok.tag != "NN" or not tok.text.islower():
            return None  # one compound noun may stand between ("art thieves")
        prev = s.word_before(prev[0])
        if prev is None or prev[2].lower() != "by":
            return None
    verb = s.word_before(prev[0])
    if verb is None or verb[2].lower() not in _SUFFERED:
        return None
    style = s.memo("case_style", lambda: case_style(s.text))
    return c.start, c.end, match_case(s.text[c.start : c.end], act, style, False)


# adjectives that grade the crime rather than describe the person
_ACT_ADJECTIVES = frozenset(
    "real petty serious minor low-level major small-time big-time lesser worse".split()
)
_ACTS_OF = {"criminal": "crimes", "offender": "offences"}
_ACT_ADJECTIVE_BEFORE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(_ACT_ADJECTIVES, key=len, reverse=True)) + r") $",
    re.IGNORECASE,
)


def act_adjective_fit(c: Candidate, s: Sentence, status: str, plural: bool) -> Span | None:
    """ "told to find real criminals" -> "told to find people committing real
    crimes": the adjective grades the crime, so it stays with the act."""
    acts = _ACTS_OF.get(c.entry.id)
    if acts is None or status not in _UNSTATED or not plural or c.possessive:
        return None
    if len(c.lower_words) != 1:
        return None
    m = _ACT_ADJECTIVE_BEFORE.search(s.text, 0, c.start)
    if m is None:
        return None
    out = f"people committing {m.group(1).lower()} {acts}"
    style = s.memo("case_style", lambda: case_style(s.text))
    at_start = not s.text[: m.start(1)].strip()
    return m.start(1), c.end, match_case(s.text[m.start(1) : c.end], out, style, at_start)
