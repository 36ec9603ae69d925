"""Status-safe wording for a person label: role nouns that assert no verdict.

The lexicon's alternatives name the offence and say which statuses they fit
("person convicted of murder": conviction; "person accused of murder":
charged or on trial).  Many sentences need no offence word at all, only the
role the person has in the story, and that role is what the status decides:

- a relative or participle clause follows ("the burglar who broke in",
  "the arsonist accused of …"): the clause carries the act, so "the person
  who broke in", "someone who", "the person accused of …";
- "the killer of X": the act as a verb, in the status's tense ("the person
  who killed X"; on trial "the person accused of killing X"; after a
  conviction "the person convicted of killing X");
- a bare definite label: before any arrest (or with no status given) "the
  person responsible"; arrested "the suspect"; in court "the defendant";
  convicted with the court in the sentence ("found guilty", "jailed")
  "the defendant" as well;
- a bare indefinite or generic label before a verdict: "a person", "people".

These words (suspect, defendant, the accused, person responsible) are not
labels (``tests/data/rewrites.md``, decision 4) and are the ones the policy
itself offers.  A role that does not fit the sentence returns ``None`` and
the lexicon's own alternatives (filtered by status) are tried instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.candidate import Candidate, Sentence
from framing.inflect import match_case
from framing.quotes import blank_quotes
from framing.sentences import case_style
from framing.status import Status

Span = tuple[int, int, str]  # sentence offsets replaced, and the replacement

_DETS = {"the", "a", "an", "this", "that", "these", "those", "both", "one"}
_NUMBERS = {
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "many",
    "some",
    "other",
    "second",
    "third",
    "fourth",
    "same",
}
# labels that already give the gender ("knifeman") or whose offence does in
# English law (rape): "man" is then no inference (rewrites.md, decision 1)
MALE_ENTRIES = {"knifeman", "rapist", "madman"}
# act verbs for "the X of <victim>", by entry: (past, gerund)
_ACTS = {
    "killer": ("killed", "killing"),
    "murderer": ("murdered", "murdering"),
}
# a clause that carries the act, right after the label
_WHO = re.compile(r"\s+(?:who|that)\b", re.IGNORECASE)
_PARTICIPLE = re.compile(
    r"\s+(?:accused of|charged with|suspected of|alleged to|convicted of|found guilty of"
    r"|jailed for|sentenced for|wanted for|wanted in connection|on trial for|behind)\b",
    re.IGNORECASE,
)
_OF = re.compile(r"\s+of\s+", re.IGNORECASE)
_COURT = re.compile(
    r"\b(?:found guilty|admit\w*|pleaded guilty|pleading guilty|jail\w*|sentenc\w*|judge|court"
    r"|convicted|caged|pleads guilty|being handed)\b",
    re.IGNORECASE,
)
# an act or a scene in the sentence: "the person responsible" then refers to
# something; without one ("visit the paedophile") the label is the only
# statement of the offence and the role would drop it (rewrites.md, decision 8)
_ACT = re.compile(
    r"\b(?:victims?|stole|stolen|steal\w*|took|taken|broke|break-in|fled|escaped|ran off"
    r"|attack\w*|kill\w*|stabb\w*|shot|punch\w*|smash\w*|snatch\w*|raid\w*|scene"
    r"|fingerprints|left town|damage\w*|targeted|threatened|robbed|burgled|murder\w*"
    r"|set fire|blaze|scam|posed as|used the|hidden|dumped|struck|injur\w*|assault\w*|alarm)\b",
    re.IGNORECASE,
)
_HEDGES = {"alleged", "suspected", "accused", "convicted"}
_REFLEXIVE = re.compile(r"\b(?:himself|herself|he|she)\b", re.IGNORECASE)
# "who stabbed his fiancee": "his" right after the clause's own verb is the
# subject's (further on it may be anyone's: "who mugged a teenager took his
# phone"); "her" may be the victim, so it never counts
_WHO_HIS = re.compile(r"\s+who\s+[a-z]+\s+his\b", re.IGNORECASE)
# where a relative clause ends: a comma, or the main verb after it
_CLAUSE_END = re.compile(
    r",|\b(?:was|were|is|are|has been|have been|while|when|after|before|because|until)\b"
)


@dataclass(frozen=True)
class Slot:
    """Where the label stands: its determiner and what follows it."""

    det: str | None  # "the", "a", "two", ... (lower case) or None
    det_start: int  # where the determiner starts (== label start when none)
    follows: str  # "who" | "participle" | "of" | "bare"
    plural: bool


def slot_of(c: Candidate, s: Sentence, plural: bool) -> Slot:
    prev = s.word_before(c.start)
    det, det_start = None, c.start
    if prev is not None and prev[2].lower() in _TIMES and s.text[prev[1] : c.start] == " ":
        # "the triple rapist": a count of offences is no determiner and cannot stand
        # before a role ("the triple man"); the role takes it in
        before = s.word_before(prev[0])
        if before is not None and before[2].lower() in ("the", "a", "an"):
            prev = before
    gap = s.text[prev[1] : c.start].split() if prev is not None else []
    if prev is not None and all(g.lower() in _TIMES for g in gap):
        w = prev[2].lower()
        if w in _DETS or w in _NUMBERS or w.isdigit():
            det, det_start = w, prev[0]
    rest = s.text[c.end :]
    if _WHO.match(rest):
        follows = "who"
    elif _PARTICIPLE.match(rest):
        follows = "participle"
    elif _OF.match(rest) and c.entry.id in _ACTS and not c.possessive:
        follows = "of"
    else:
        follows = "bare"
    return Slot(det, det_start, follows, plural)


_HE = re.compile(r"\b(?:he|his|him|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


def _pronoun_gender(s: Sentence, offset: int) -> str | None:
    """ "man"/"woman" when the sentence's pronouns are all of one gender, else
    None; not where a named person comes before them ("Ms Gillingham and her son
    believe the murderer should not be released" says nothing of the murderer)."""
    first = _HE.search(s.text, 0, offset) or _SHE.search(s.text, 0, offset)
    if first is not None and _NAMED.search(s.text, 0, first.start()):
        # "Ms Gillingham and her son ... the murderer": the pronoun is hers; a
        # fronted "Despite her conviction, the killer ..." is the label's own
        return None
    he = _HE.search(s.text) is not None
    she = _SHE.search(s.text) is not None
    if he == she:
        return None
    return "man" if he else "woman"


def _possessive_role(c: Candidate, s: Sentence, v: str, plural: bool) -> Span | None:
    """ "The killer's mother wept" in court -> "The defendant's mother wept":
    a one-word role takes the possessive as the label did."""
    if v not in ("charged", "on_trial"):
        return None
    det = s.word_before(c.start)
    if det is None or det[2].lower() != "the" or s.text[det[1] : c.start].strip():
        return None
    word = "defendants'" if plural else "defendant's"
    return _cased(s, det[0], c.end, f"the {word}")


def generic_who(c: Candidate, s: Sentence, plural: bool) -> bool:
    """A label before "who": the clause says what the person did, so a role
    ("someone who", "the person who", "People who complete the course") keeps
    every fact and states no status."""
    return slot_of(c, s, plural).follows == "who"


def _gender(c: Candidate, s: Sentence, clause: bool = False) -> str | None:
    """ "man" or "woman" where the label or its own clause gives it, else None:
    a reflexive counts only inside the relative clause ("who exposed himself")."""
    if c.entry.id in MALE_ENTRIES or c.text.lower().startswith("knifem"):
        return "man"
    way = _OWN_WAY.search(s.text, c.end, min(len(s.text), c.end + 80))
    if way is not None and _CLAUSE_END.search(s.text, c.end, way.start()) is None:
        # "a predator followed a student home and tried to force his way in": only
        # the subject can make or force "his way"
        return "man" if way.group(1).lower() == "his" else "woman"
    if not clause:
        return None
    if _WHO_HIS.match(s.text, c.end):
        return "man"
    clause_end = _CLAUSE_END.search(s.text, c.end)
    limit = clause_end.start() if clause_end is not None else len(s.text)
    found = {
        "man" if m.group().lower() in ("himself", "he") else "woman"
        for m in _REFLEXIVE.finditer(s.text, c.end, min(limit, c.end + 120))
    }
    # both genders in the window ("who stabbed his fiancee ... while she cried"):
    # the pronouns are not all the label's, so none is taken
    return found.pop() if len(found) == 1 else None


def _person(plural: bool, gender: str | None) -> str:
    if gender == "man":
        return "men" if plural else "man"
    if gender == "woman":
        return "women" if plural else "woman"
    return "people" if plural else "person"


# labels outside the offence and person-label categories that still name a
# person by what they did, so take the same roles ("the thug accused of ...")
ROLE_ENTRIES = frozenset({"thug", "knifeman", "sex-beast", "predator"})
ROLE_CATEGORIES = frozenset({"offence-identity", "person-label"})
_COURT_STATUSES = frozenset({"arrested", "charged", "on_trial"})


def takes_roles(entry_id: str, category: str) -> bool:
    return category in ROLE_CATEGORIES or entry_id in ROLE_ENTRIES


def role_fit(
    c: Candidate,
    s: Sentence,
    status: Status,
    plural: bool,
    neutral: bool = False,
    accused_alternative: bool = False,
) -> Span | None:
    """The role wording for ``c`` in ``s`` given ``status``, or None.

    ``neutral``: the entry has its own status-free wording ("people in prison",
    "attackers", "intruders"), which is then kept wherever a role would only
    repeat it; a role is still used where the status changes what is safe (in
    court, after an arrest).  ``accused_alternative``: the lexicon has a
    "person accused of X" that fits, preferred after "alleged"."""
    v = status.value
    if c.possessive:
        return _possessive_role(c, s, v, plural)
    slot = slot_of(c, s, plural)

    before = s.word_before(c.start)
    if slot.det is None and before is not None and before[2].lower() in _HEDGES:
        return _hedged(s, c, slot, before, v, accused_alternative)
    if v in _COURT_STATUSES and _held_elsewhere(c, s, slot, status):
        return None  # "other inmates" beside a defendant are still in prison
    early = _plain_person(c, s, slot, v) or _described(c, s, slot, before, v)
    if early is not None:
        return early
    if (
        slot.det is None
        and before is not None
        and _owned(s, c, before)
        and not (status.attached and status.cue.lower() == before[2].lower())
    ):
        # "Pc Harper's killers", "her killer", "teenage killers": kept as advice;
        # not the verb whose object the label is ("Police hunt thief who ...")
        return None
    # a person label with its own status-free wording keeps it ("people in prison
    # who ..."), unless the clause itself states the status ("A parolee who was
    # released on licence": "person on parole" would repeat, or contradict, it)
    clause_roles = (
        c.entry.category != "person-label"
        or not neutral
        or _STATUS_CLAUSE.match(s.text, c.end) is not None
    )
    if slot.follows in ("who", "participle"):
        if not clause_roles or not _clause_tells_act(c, s, slot):
            return None
        return _before_clause(c, s, slot, v, _gender(c, s, clause=True))
    if slot.follows == "of":
        return _act_of(c, s, slot, v, _gender(c, s))
    if v in ("convicted", "sentenced", "released") and slot.det == "the" and not plural:
        pronoun = _pronoun_gender(s, c.end)
        if pronoun is not None:
            # "the burglar was released on licence ... his sentence" -> "the man":
            # the sentence gives the gender, and "the man" states nothing more
            return _cased(s, slot.det_start, c.end, f"{det_text(s, slot)} {pronoun}")
    if slot.det in _ORDINALS and not plural and v in ("wanted", "suspected", "arrested"):
        # "still hunting a second robber": one more person police suspect
        return _cased(s, slot.det_start, c.end, f"{slot.det} suspect")
    if neutral and v in ("wanted", "suspected", "unknown", "group_generic", "released"):
        return None
    if neutral and c.entry.category == "person-label" and v not in _COURT_STATUSES:
        return None  # "the ex-offender" keeps "the person with a criminal record"
    return _bare(c, s, slot, v, _gender(c, s), status.cue)


def _hedged(
    s: Sentence,
    c: Candidate,
    slot: Slot,
    before: tuple[int, int, str],
    v: str,
    accused_alternative: bool,
) -> Span | None:
    """ "the alleged murderer": "the person accused of murder" from the lexicon
    (None here), or, on trial or with no such wording, "the defendant" (the
    hedge absorbed)."""
    if v == "on_trial" or (v == "charged" and not accused_alternative):
        det = s.word_before(before[0])
        if (
            det is not None
            and det[2].lower() == "the"
            and slot.follows == "bare"
            and not _TRIAL_OF.search(s.text, 0, det[0])
        ):
            return _cased(s, det[0], c.end, f"the defendant{'s' if slot.plural else ''}")
    return None


def _custodial(c: Candidate) -> bool:
    """The label itself says the person is held ("inmate", "lifer", "prisoner"):
    its status-free wording places them in prison or serving a sentence."""
    return any(
        not a.statuses and (" in prison" in a.singular or " serving " in a.singular)
        for a in c.entry.alternatives
    )


def _held_elsewhere(c: Candidate, s: Sentence, slot: Slot, status: Status) -> bool:
    """A court cue that is not the held person's own ("The defendant told the
    jury other inmates had attacked him"): people a prison word names are in
    prison whoever is on trial, so only "the inmate" the cue speaks of, or
    one it is attached to, becomes "the defendant"."""
    return _custodial(c) and not status.attached and slot.det != "the"


# a relative clause in the passive about what was done to the person ("a drug
# dealer who was stabbed"): the label is then the only statement of the offence
_PASSIVE_CLAUSE = re.compile(
    r"\s+(?:who|that)\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?"
    r"(?!(?:released|freed|jailed|sentenced|convicted|recalled|paroled|caught|seen|filmed"
    r"|spotted|captured|pictured|arrested|charged|accused|found guilty|wanted|described"
    r"|involved|responsible|behind)\b)[a-z]+(?:ed|en|wn|ot|ut|uck|ht)\b(?!\s+(?:to|as)\b)",
    re.IGNORECASE,
)
# "jailed for 10 years", "sentenced for life": the time, not the act
_FOR_TIME = re.compile(
    r"\s+(?:jailed|sentenced)\s+for\s+(?:\d|a\b|an\b|life\b|(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\b)",
    re.IGNORECASE,
)


# the acts an offence label stands for, as a relative clause tells them ("who
# broke into", "who set fire to", "who supplied the heroin", "who has attacked")
_OFFENCE_ACT = re.compile(
    r"\b(?:br(?:eak|oke)\w*|burgl\w*|st[oe]l\w*|steal\w*|smash\w*|attack\w*|spray\w*|stab\w*"
    r"|sho+t\w*|raid\w*|h[eo]ld up|set fire|set alight|torch\w*|start\w* (?:a|the) (?:fire|blaze)"
    r"|suppl\w*|s[eo]ll\w*|sold|deal\w*|mug\w*|prey\w*|groom\w*|abus\w*|rap(?:e|ed|es|ing)"
    r"|murder\w*|kill\w*|assault\w*|punch\w*|thr[eo]w\w*|slash\w*|burst\w*|rob\w*|loot\w*"
    r"|snatch\w*|took|taken|target\w*|threaten\w*|expos\w*|tried to|defraud\w*|scam\w*"
    r"|swindl\w*|cheat\w*|forg\w*|damag\w*|vandalis\w*|injur\w*|beat\w*|hit|kick\w*"
    r"|forc\w*|stalk\w*|harass\w*|molest\w*|offend\w*|commit\w*|carried out|carry\w* out"
    r"|caus\w*|left (?:a|an|him|her|them|his|the)\b|fled|escap\w*|invad\w*|climb\w*|hack\w*"
    r"|bomb\w*|pos(?:ed|ing) as|lur\w*|strangl\w*|drugg\w*|trafficked|smuggl\w*|grab\w*)\b",
    re.IGNORECASE,
)


def _clause_tells_act(c: Candidate, s: Sentence, slot: Slot) -> bool:
    """Whether the clause after the label says what the person did, so a role
    before it keeps the fact the label gave: not "a drug dealer who was
    stabbed" (done to them), "Drug Dealer Jailed For 10 Years" (the time), or
    "the murderer who found God in prison" (an offence label whose clause
    tells of something else: the label is then the only statement of the
    offence)."""
    if slot.follows != "who":
        return _FOR_TIME.match(s.text, c.end) is None
    if _PASSIVE_CLAUSE.match(s.text, c.end) is not None:
        return False
    if c.entry.category != "offence-identity":
        return True
    end = _CLAUSE_END.search(s.text, c.end + 5)
    return _OFFENCE_ACT.search(s.text, c.end, end.start() if end else len(s.text)) is not None


def _described(
    c: Candidate, s: Sentence, slot: Slot, before: tuple[int, int, str] | None, v: str
) -> Span | None:
    """ "A violent drug dealer who absconded ..." -> "A violent man who ...": an
    adjective before a label with its own clause describes the person and
    stays; the clause carries the act."""
    if slot.det is not None or before is None or slot.follows != "who" or slot.plural:
        return None
    tok = s.token_before(c.start)
    det = s.word_before(before[0])
    if tok is None or tok.pos != "ADJ" or det is None or det[2].lower() not in ("a", "an", "the"):
        return None
    if s.text[det[1] : before[0]] != " " or s.text[before[1] : c.start] != " ":
        return None
    if v in ("charged", "on_trial") or before[2].lower() in _HEDGES | _LABEL_ADJECTIVES:
        # "the alleged burglar who": the hedge is handled with the status;
        # "a prolific burglar who": the adjective belongs to the label, not the person
        return None
    person = _person(False, _gender(c, s, clause=True))
    adj = before[2].lower()
    article = det[2].lower()
    if article != "the":
        article = "an" if adj[:1] in "aeiou" else "a"
    return _cased(s, det[0], c.end, f"{article} {adj} {person}")


def _before_clause(
    c: Candidate, s: Sentence, slot: Slot, v: str, gender: str | None
) -> Span | None:
    """ "the burglar who broke in" -> "the person who broke in"; "a thief who" -> "someone who"."""
    out = _before_clause_role(c, s, slot, v, gender)
    if out is None:
        return None
    verb = _BARE_SELL.match(s.text, c.end) if c.entry.id == "drug-dealer" else None
    if verb is not None:
        # "The dealers who sell on the estate" -> "The people who sell drugs on the
        # estate": the verb's object was the label itself
        return out[0], verb.end(), out[2] + s.text[c.end : verb.end()] + " drugs"
    return out


_BARE_SELL = re.compile(
    r"\s+who\s+(?:sell|sells|sold|supply|supplies|supplied|deal|deals|dealt)\b"
    r"(?=\s+(?:on|in|at|to|from|around|across|outside|near|openly|locally)\b)",
    re.IGNORECASE,
)


def _before_clause_role(
    c: Candidate, s: Sentence, slot: Slot, v: str, gender: str | None
) -> Span | None:
    det, plural = slot.det, slot.plural
    person = _person(plural, gender)
    if det in ("a", "an", "one") and not plural and gender is None:
        if slot.follows == "participle" and v in ("charged", "on_trial"):
            out = f"{det_text(s, slot)} person" if det != "one" else "one person"
            return _cased(s, slot.det_start, c.end, out)
        if det != "one" and (
            s.text[: slot.det_start].strip() or _STATUS_CLAUSE.match(s.text, c.end)
        ):
            # mid-sentence "a person who": "a manhunt for someone who shot" reads as
            # anyone at all; at the start "Someone who stole ..." is the usual opening
            # for an act, "A person who was released ..." for a state
            return _cased(s, slot.det_start, c.end, "a person")
        return _cased(s, slot.det_start, c.end, "someone")
    if det is None:
        if plural or s.headline or not s.text[: c.start].strip():
            # "Rapist Who Attacked Student Jailed" -> "Man Who Attacked Student Jailed";
            # "Police Hunt Thief Who Stole Medals" -> "Police Hunt Person Who Stole Medals";
            # a singular label opening the line with no article is a headline
            # in sentence case ("Thug who attacked nurse is jailed")
            return _cased(s, c.start, c.end, person)
        return None
    return _cased(s, slot.det_start, c.end, f"{det_text(s, slot)} {person}")


def _act_of(c: Candidate, s: Sentence, slot: Slot, v: str, gender: str | None) -> Span | None:
    """ "the killer of X": the act as a verb, in the status's terms."""
    m = _OF.match(s.text, c.end)
    if m is None or slot.det not in ("the", "a", "an"):
        return None
    person = _person(slot.plural, gender)
    past, gerund = _ACTS[c.entry.id]
    being = re.search(r"\baccused of (being) $", s.text[: slot.det_start])
    if being is not None and slot.det == "the":
        # "accused of being the killer of X" -> "accused of killing X"
        return being.start(1), m.end() - 1, gerund
    if re.search(r"\b[A-Z][\w'’-]+, $", s.text[: slot.det_start]) and slot.det == "the":
        # "Jon Venables, the killer of James Bulger," -> "Jon Venables, who killed ...":
        # after a name the act is a clause about that person
        clause = {
            "charged": f"who is accused of {gerund}",
            "on_trial": f"who is accused of {gerund}",
        }
        return slot.det_start, m.end() - 1, clause.get(v, f"who {past}")
    if v in ("charged", "on_trial"):
        act = f"{person} accused of {gerund}"
    elif v in ("convicted", "sentenced", "released"):
        act = f"{person} convicted of {gerund}"
    else:
        act = f"{person} who {past}"
    det_out = "the" if slot.det == "the" else "a"
    return _cased(s, slot.det_start, m.end() - 1, f"{det_out} {act}")


def _bare(
    c: Candidate, s: Sentence, slot: Slot, v: str, gender: str | None, cue: str = ""
) -> Span | None:
    """A label with nothing after it that carries the act: the role the status gives."""
    det, plural = slot.det, slot.plural
    if v in ("charged", "on_trial") and det == "the" and _police_charge(s, slot, cue):
        # "Police said the offender had been charged with ...": charged by police,
        # not yet before a court; "the defendant" belongs to the court report
        if gender == "man" and not plural:
            return _cased(s, slot.det_start, c.end, "the man")
        return _cased(s, slot.det_start, c.end, f"the suspect{'s' if plural else ''}")
    if v in ("charged", "on_trial") and det in _NUMBERS and plural and _police_charge(s, slot, cue):
        # "Two thugs have been charged after ..." -> "Two people have been charged"
        return _cased(s, slot.det_start, c.end, f"{det_text(s, slot)} people")
    outside = s.text[: slot.det_start] + " " + s.text[c.end :]  # not the label's own "convicted"
    if v in ("convicted", "sentenced") and det == "the" and plural and _police_account(s):
        # "Police said the offenders had been brought to justice ... each received a
        # sentence": the police's account of a finished case, not a court report
        return _cased(s, slot.det_start, c.end, "those responsible")
    if v in ("charged", "on_trial") or (
        v in ("convicted", "sentenced") and _COURT.search(outside) is not None
    ):
        if _TRIAL_OF.search(s.text, 0, slot.det_start):
            return None  # "the trial of the defendants" says nothing: the offence wording
        if det in ("the", "both", "two", "three", "four") or (det in _NUMBERS and plural):
            convicted = v in ("convicted", "sentenced")
            noun = "man" if gender == "man" and not plural and convicted else None
            word = noun or ("defendants" if plural else "defendant")
            return _cased(s, slot.det_start, c.end, f"{det_text(s, slot)} {word}")
        return None
    if v == "arrested":
        if det is None and plural:
            # "criminals were among the 230 people arrested" -> "suspects were among ..."
            return _cased(s, c.start, c.end, "suspects")
        if det != "the":
            return None
        if c.entry.id in EVENT_ENTRIES:
            # "a man is in custody, but the killer could have had help": the label is
            # whoever did it, not (yet) the person held
            who = "people" if plural else "person"
            return _cased(s, slot.det_start, c.end, f"the {who} responsible")
        return _cased(s, slot.det_start, c.end, f"the suspect{'s' if plural else ''}")
    if v not in ("wanted", "suspected", "unknown"):
        return None
    if v == "unknown":
        plain = blank_quotes(s.text)  # an act quoted (a taunt, a nickname) is no act told
        if _ACT.search(plain[: slot.det_start] + " " + plain[c.end :]) is None:
            return None
    return _sought(c, s, slot, v, gender)


def _sought(c: Candidate, s: Sentence, slot: Slot, v: str, gender: str | None) -> Span | None:
    """Before any arrest, or with no status: nobody is named, so the role is
    the person responsible, the suspect, or a person."""
    det, plural = slot.det, slot.plural
    person = _person(plural, gender)
    d = det_text(s, slot)
    if det == "same" and plural:  # "the same thieves are responsible" -> "the same people"
        return _cased(s, slot.det_start, c.end, "same people")
    if det == "the":
        if v in ("wanted", "suspected") and not plural and c.entry.id not in EVENT_ENTRIES:
            # "the shoplifter had threatened staff", "the rapist is described as"
            # (sought): the one person police suspect; "responsible" fits only a
            # label that names one event, and "the man" would drop that he is sought
            if d == "the":
                return _cased(s, slot.det_start, c.end, "the suspect")
        if gender == "man" and not plural:
            return _cased(s, slot.det_start, c.end, f"{d} man")
        if plural and d == "the":
            if c.entry.id in EVENT_ENTRIES:
                # "the arsonists" -> "the people responsible", as "the person responsible"
                return _cased(s, slot.det_start, c.end, "the people responsible")
            return _cased(s, slot.det_start, c.end, "those responsible")
        after = re.match(r" in (?=the\b)", s.text[c.end :])
        if after is not None:
            # "the murderer in the 1888 killings" -> "the person responsible for the ..."
            return _cased(
                s, slot.det_start, c.end + after.end() - 1, f"{d} {person} responsible for"
            )
        return _cased(s, slot.det_start, c.end, f"{d} {person} responsible")
    if det in ("a", "an") and not plural:
        return _cased(s, slot.det_start, c.end, f"a {person}")
    if det is not None and det in _NUMBERS and det not in ("same", "other"):
        return _cased(s, slot.det_start, c.end, f"{d} {person}")
    if det is None and plural and (v != "unknown" or _PAST_ACT.match(s.text, c.end)):
        # "Police said thieves broke into the museum" -> "people broke into": the
        # act right after says what they did
        return _cased(s, c.start, c.end, person)
    if det is None and not plural and v in ("wanted", "suspected") and s.headline:
        # "Hunt For Rapist After Attack In Park" -> "Hunt For Man ...": a headline's
        # bare noun; the one police are looking for is a suspect where no gender is given
        return _cased(s, c.start, c.end, "man" if gender == "man" else "suspect")
    return None


_ORDINALS = frozenset({"second", "third", "fourth"})
# a person named before a pronoun: a title, or a capitalised word inside the sentence
_NAMED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\b|(?<=\w )(?-i:[A-Z][a-z]+)")
_OWN_WAY = re.compile(
    r"\b(?:make|made|making|force|forced|forcing|push|pushed|pushing|fight|fought|talk"
    r"|talked|barge|barged|bluff|bluffed|work|worked)\s+(his|her)\s+way\b",
    re.IGNORECASE,
)
_STATUS_CLAUSE = re.compile(
    r"\s+who\s+(?:was|were|has been|have been|had been)\s+(?:released|freed|jailed|sentenced"
    r"|convicted|recalled|paroled)\b",
    re.IGNORECASE,
)
_PAST_ACT = re.compile(
    r"\s+(?:broke|stole|snatched|smashed|raided|attacked|robbed|burgled|targeted|stabbed"
    r"|threatened|punched|fled|escaped|took)\b",
    re.IGNORECASE,
)
_TIMES = frozenset({"double", "triple", "quadruple"})
_LABEL_ADJECTIVES = frozenset(
    "known convicted former serial prolific persistent career hardened habitual notorious "
    "repeat self-confessed".split()
)
# "the trial of the alleged drug pushers": the trial is named by the label's offence
_TRIAL_OF = re.compile(r"\b(?:trial|case|prosecution) of\s+$", re.IGNORECASE)
# labels that are a gendered person noun plus an object ("knifeman"): once a
# person is held, charged or convicted, "man armed with a knife" would state
# as fact what the arrest only suspects, and "the man" says all that is known
_PLAIN = {"knifeman": ("man", "men")}
_PARTICIPLE_AFTER = re.compile(r"\s+(?!being\b)[a-z]+ing\b")


def _plain_person(c: Candidate, s: Sentence, slot: Slot, v: str) -> Span | None:
    """ "A 19-year-old knifeman was arrested" -> "A 19-year-old man"; "the
    knifemen chasing the victim" (footage shown at trial) -> "the men"."""
    nouns = _PLAIN.get(c.entry.id)
    if nouns is None:
        return None
    acting = _PARTICIPLE_AFTER.match(s.text, c.end) is not None and slot.det is not None
    if v not in ("arrested", "convicted", "sentenced", "released") and not (
        acting and v in ("charged", "on_trial")
    ):
        return None
    word = nouns[1] if slot.plural else nouns[0]
    return _cased(s, c.start, c.end, word)


# labels that name one act, for which "the person responsible" refers to it
EVENT_ENTRIES = frozenset({"killer", "murderer", "arsonist", "serial-killer", "crazed-gunman"})
_IN_COURT = re.compile(
    r"\b(?:court|jury|jurors|trial|judge|appear\w*|remanded|den(?:y|ies|ied)|magistrates|dock)\b",
    re.IGNORECASE,
)


def _police_charge(s: Sentence, slot: Slot, cue: str) -> bool:
    """Charged by police and nothing of a court yet: "Police said the offender
    had been charged", "the decision to charge the looter" (whoever reports it)."""
    before = s.word_before(slot.det_start)
    if before is not None and before[2].lower() in ("charge", "charging"):
        return True
    return cue.lower().startswith("charg") and _IN_COURT.search(s.text) is None


_POLICE_SAID = re.compile(
    r"\b(?:police|detectives?|officers?|the force)\s+(?:said|say|says|added|confirmed)\b",
    re.IGNORECASE,
)


def _police_account(s: Sentence) -> bool:
    """The police tell of a case that ended in court, and no court is in the
    sentence ("Police said the offenders had been brought to justice")."""
    return _POLICE_SAID.search(s.text) is not None and _IN_COURT.search(s.text) is None


_POSSESSIVE_DETS = {"his", "her", "their", "its", "our", "my", "your"}


def _owned(s: Sentence, c: Candidate, before: tuple[int, int, str]) -> bool:
    """The word before the label is a possessor or a modifier the role would drop."""
    if s.text[before[1] : c.start].strip():
        return False  # punctuation between: not a modifier of the label
    w = before[2]
    if w.lower() in _POSSESSIVE_DETS or w.endswith(("'s", "’s", "s'", "s’")):
        return True
    tok = s.token_before(c.start)
    return tok is not None and tok.pos in ("ADJ", "PROPN", "NOUN", "NUM") and not w.isdigit()


def det_text(s: Sentence, slot: Slot) -> str:
    """The determiner as written (lower case; the span's case is matched after)."""
    w = s.word_after(slot.det_start)
    return w[2].lower() if w is not None else ""


def _cased(s: Sentence, start: int, end: int, out: str) -> Span:
    original = s.text[start:end]
    # the first letter follows the original's; ALL CAPS stays; otherwise lower
    return start, end, match_case(original, out, s.memo("case_style", lambda: case_style(s.text)))
