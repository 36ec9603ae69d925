"""Plainer wording where the lexicon's alternative says more than the text.

- "a group of thugs fighting" -> "a group of people fighting": after a
  collective noun the group is already named, and the people in it are
  only people ("a group of attackers fighting" invents an attack);
- a plural label doing something in a participle ("officers targeted dealers
  running a county lines network", "2,600 prisoners serving longer
  sentences"): the participle says what they do, so "people" (after an
  arrest or a suspicion "people suspected of running ...");
- a label followed by the participle that gives the status ("offenders
  released on licence", "A con released early from HMP Pentonville"):
  the participle says it, so "people", "a person";
- "people involved in the disorder" where the sentence tells of no disorder
  ("the louts had caused thousands of pounds of damage") -> "the people
  involved": the event the alternative names is not the text's.
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence
from framing.owned import OWNER_DETERMINERS
from framing.tense import pronoun_person

Span = tuple[int, int, str]

_COLLECTIVE = re.compile(r"\b(?:group|gang|crowd|mob|band|pack)\s+of\s+$", re.IGNORECASE)
_INVOLVED = re.compile(r"^(?P<who>(?:person|people) involved) in the (?P<event>\w+)$")
_DETERMINED = frozenset({"the", "those", "these", "two", "three", "four", "five", "several"})


def collective_fit(c: Candidate, s: Sentence) -> Span | None:
    """ "a group of thugs" -> "a group of people" (a plural label only)."""
    if c.possessive or c.form.number != "plural" or not c.entry.alternatives:
        return None
    if c.entry.category == "offence-identity":
        return None  # "a gang of burglars": the offence is the fact, not a manner
    first = c.entry.alternatives[0].plural
    if " " in first and "involved" not in first:
        return None  # "a gang of yobs" -> "a gang of young people": the lexicon's own
    if _COLLECTIVE.search(s.text, max(0, c.start - 16), c.start) is None:
        return None
    return c.start, c.end, "people"


def unstated_event(alt: str, c: Candidate, s: Sentence) -> str:
    """ "people involved in the disorder" -> "people involved" after a
    determiner, where the sentence does not tell of the event."""
    m = _INVOLVED.match(alt)
    if m is None:
        return alt
    prev = s.word_before(c.start)
    if prev is None or prev[2].lower() not in _DETERMINED:
        return alt
    stem = m.group("event")[:5].lower()
    if stem in s.text.lower():
        return alt
    return m.group("who")


_PARTICIPLE = re.compile(r"\s+(?!being\b|according\b|including\b|during\b)[a-z]+ing\b")
_PAST_LABEL = re.compile(r"^(?:former|ex|one-time|onetime|reformed)\b", re.IGNORECASE)
_PAST_BEFORE = re.compile(r"\b(?:former|ex-|one-time|onetime|reformed)\s*$", re.IGNORECASE)
_PARTICIPLE_CATEGORIES = frozenset({"offence-identity", "person-label", "soft-person-label"})


def participle_fit(c: Candidate, s: Sentence, status: str) -> Span | None:
    """ "dealers running a network" (arrested) -> "people suspected of running a
    network"; "prisoners serving longer sentences" -> "people serving ..."."""
    if c.possessive or c.form.number != "plural" or c.entry.category not in _PARTICIPLE_CATEGORIES:
        return None
    if status in ("charged", "on_trial") or _PARTICIPLE.match(s.text, c.end) is None:
        return None
    if _PAST_LABEL.match(c.text) or _PAST_BEFORE.search(s.text, max(0, c.start - 12), c.start):
        return None  # "former inmates wanting to join up": the past is the fact, never "people"
    tok = s.token_after(c.end)
    if tok is None or tok.tag != "VBG":
        return None
    if c.entry.category == "offence-identity" and _placed(s, tok.end):
        return None  # "dealers loitering outside": where they are, not the act; the offence stays
    start = c.start
    before = s.token_before(c.start)
    if before is not None and (before.pos == "CCONJ" or before.text == ","):
        return None  # one of a list: the list is rewritten as a whole (framing.coordination)
    if (
        before is not None
        and before.pos == "NOUN"
        and before.text.islower()
        and s.text[before.end : c.start] == " "
    ):
        start = before.start  # "art thieves forcing" -> "people forcing"
    out = "people suspected of" if status in ("arrested", "suspected") else "people"
    if s.text[start : start + 1].isupper():
        out = out[0].upper() + out[1:]
    return start, c.end, out


def _placed(s: Sentence, end: int) -> bool:
    """A participle with no object, only a place or time after it ("loitering
    outside the school", "operating in Hull")."""
    nxt = s.token_after(end)
    return nxt is None or nxt.pos in ("ADP", "ADV", "PUNCT", "CCONJ", "SCONJ")


# labels that name no offence: a participle giving the status leaves them nothing to say
_NO_OFFENCE = frozenset(
    "offender offenders con cons convict convicts criminal criminals prisoner prisoners "
    "inmate inmates lag lags crook crooks".split()
)
_STATUS_PARTICIPLE = re.compile(
    r"\s+(?:released|freed|recalled|jailed|sentenced|convicted)\s+(?:on|from|early|after|in|for"
    r"|last|this|by|at|under|earlier|halfway)\b",
    re.IGNORECASE,
)


def status_participle_fit(c: Candidate, s: Sentence) -> Span | None:
    """ "offenders released on licence" -> "people released on licence"."""
    if c.possessive or not set(c.lower_words) <= _NO_OFFENCE:
        return None  # "A sex offender released ...": the offence is a fact to keep
    if _STATUS_PARTICIPLE.match(s.text, c.end) is None:
        return None
    plural = c.form.number == "plural"
    start = c.start
    prev = s.word_before(c.start)
    adjacent = prev is not None and s.text[prev[1] : c.start] == " "
    if plural:
        out = "people"
    elif adjacent and prev is not None and prev[2].lower() in ("a", "an"):
        start, out = prev[0], "a person"
    elif adjacent and prev is not None and prev[2].lower() == "the":
        start, out = prev[0], "the person"
    elif not s.text[: c.start].strip():
        # a headline's first word: "Inmate freed after 20 years ... he did not
        # commit" -> "Man freed after 20 years ...", the gender from the pronouns
        out = pronoun_person(s, False)
    else:
        return None
    if adjacent and prev is not None and prev[2].lower() not in ("a", "an", "the"):
        tok = s.token_before(c.start)
        if tok is not None and tok.pos in ("ADJ", "NOUN", "PROPN"):
            return None  # "sex offenders released ..." with a modifier: other wordings
    if s.text[start : start + 1].isupper():
        out = out[0].upper() + out[1:]
    return start, c.end, out


_PER = re.compile(r"\bper\s+$", re.IGNORECASE)


def per_fit(c: Candidate, s: Sentence) -> Span | None:
    """ "£385,000 per offender" -> "£385,000 per person": a rate is per head
    ("per inmate" -> "per person in prison": the prison stays)."""
    if c.possessive or c.form.number == "plural" or not set(c.lower_words) <= _NO_OFFENCE:
        return None
    if _PER.search(s.text, max(0, c.start - 6), c.start) is None:
        return None
    if set(c.lower_words) & {"inmate", "prisoner"}:
        # "per inmate": the prison is the fact a cost per head is about
        return c.start, c.end, "person in prison"
    return c.start, c.end, "person"


# a name, a comma, an article (and an intensifier the entry's form may not hold)
_APPOSED = re.compile(
    r"(?P<name>\b[A-Z][\w'’-]+),\s+an?\s+(?:(?:career|hardened|known|serial|persistent)\s+)?$"
)


def apposition_cut_fit(c: Candidate, s: Sentence) -> Span | None:
    """ "Bristow, a career criminal, was released" -> "Bristow was released";
    "Alam, a criminal from London who settled" -> "Alam, from London, who
    settled": after a name, a label that names no offence says nothing the
    sentence needs (rewrites.md, decision 14), and cutting it states nothing."""
    if c.possessive or c.form.number == "plural":
        return None
    words = set(c.lower_words) - {"career", "hardened", "persistent", "serial", "known"}
    if not words <= _NO_OFFENCE:
        return None
    m = _APPOSED.search(s.text, 0, c.start)
    if m is None:
        return None
    name_end = m.end("name")
    rest = s.text[c.end :]
    if rest.startswith(","):
        return name_end, c.end + 1, ""  # "Bristow, a career criminal, was" -> "Bristow was"
    who = re.match(r"(\s+(?:from|in|of)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)(\s+who\b)", rest)
    if who is not None:
        # "Alam, a criminal from London who ..." -> "Alam, from London, who ..."
        return name_end, c.end + who.end(1), "," + who.group(1) + ","
    return None


_RELEASED_BEFORE = re.compile(r"\b(?:released|freed)\s+$", re.IGNORECASE)
_WHO_CONVICTED = re.compile(
    r"\s+who\s+(?:were|was|had been|have been|has been)\s+convicted\b(?!\s+of\b)", re.IGNORECASE
)


def conviction_clause_fit(c: Candidate, s: Sentence, convicted: str | None) -> Span | None:
    """Where the offence is only in the label and the text states the
    conviction, the conviction wording carries both:

    - "released sex offenders" -> "people convicted of sexual offences who have
      been released" (the participle before the label moves after it);
    - "15 sex offenders who were convicted in the wrong courts" -> "15 people
      convicted of sexual offences in the wrong courts" (a role, "people who
      were convicted", would drop the offence)."""
    if convicted is None or c.possessive:
        return None
    plural = c.form.number == "plural"
    before = _RELEASED_BEFORE.search(s.text, max(0, c.start - 12), c.start)
    if before is not None and plural:
        out = f"{convicted} who have been released"
        if s.text[before.start() : before.start() + 1].isupper():
            out = out[0].upper() + out[1:]
        return before.start(), c.end, out
    clause = _WHO_CONVICTED.match(s.text, c.end)
    if clause is not None:
        return c.start, clause.end(), convicted
    return None


# a possessed noun that names what was taken, and how its owner is then told
_TAKEN = {"haul": "taken by", "loot": "taken by", "hauls": "taken by"}
_OF_NP_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


_OWNERS = frozenset({"his", "her", "their", "its", "my", "your", "our", "whose"})


def _modifier_before(s: Sentence, at: int) -> bool:
    tok = s.token_before(at)
    return tok is not None and tok.pos in ("ADJ", "NOUN", "PROPN")


def possessed_of_fit(c: Candidate, s: Sentence, alt: str | None) -> Span | None:
    """ "the looter's haul of trainers" -> "the haul of trainers taken by the
    person who took part in the looting": the possessive turned round with
    the whole possessed phrase, its "of" phrase included."""
    if alt is None or not c.possessive or not s.tokens:
        return None
    m = re.match(r"\s+(?P<head>[a-z]+)\s+of\s+", s.text[c.end :])
    if m is None or m.group("head") not in _TAKEN:
        return None
    of_start = c.end + m.end()
    end = None
    toks = [t for t in s.tokens_in(of_start, len(s.text)) if not t.text.isspace()]
    for i, t in enumerate(toks):
        listed = t.pos == "CCONJ" and i + 1 < len(toks) and toks[i + 1].pos in _OF_NP_POS
        if t.pos not in _OF_NP_POS and not listed:
            break  # ("trainers and phones": a list is one phrase)
        end = t.end
    if end is None:
        return None
    prev = s.word_before(c.start)
    start = c.start
    det = "the"
    if prev is not None and s.text[prev[1] : c.start] == " ":
        word = prev[2].lower()
        if word in ("the", "a", "an"):
            start = prev[0]
            det = "the" if word == "the" else ("an" if alt[:1] in "aeiou" else "a")
        elif word in OWNER_DETERMINERS and word != "no":
            start, det = prev[0], word  # "One looter's haul" -> "... taken by one person ..."
        elif word in _OWNERS or re.search(r"['’]s?$", word) or _modifier_before(s, c.start):
            return None  # "his looter's haul", "the notorious looter's haul": advice
    out = f"the {s.text[c.end + m.start('head') : end]} {_TAKEN[m.group('head')]} {det} {alt}"
    if s.text[start : start + 1].isupper():
        out = out[0].upper() + out[1:]
    return start, end, out


# adjectives that grade the crime, not the person ("serious criminals" are
# people convicted of serious crimes, not serious people)
_GRADES = frozenset(
    "serious low-level petty minor dangerous violent sexual organised organized high-harm".split()
)
_GRADE_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+(?:-[a-z]+)?) $")
_CRIME_NOUN = re.compile(r"\b(crimes?|offences?|offending)\b")


# a superlative grades the crime too: "the worst offenders" are people convicted
# of the most serious offences, not "the worst people convicted of offences"
_SUPERLATIVE = re.compile(
    r"(?<![\w-])(?:(?P<worst>worst)|most\s+(?P<most>serious|dangerous|violent))\s$",
    re.IGNORECASE,
)


_OWNER_BEFORE = re.compile(r"(?:\b(?P<the>the)\s+)?\b(?P<owner>[A-Za-z][\w.]*['’]s)\s+$")


_OFFENDED = re.compile(r"\bwho have offended$")


def _superlative_fit(c: Candidate, s: Sentence, top: re.Match[str], alts: list[str]) -> Span | None:
    """ "for worst offenders" -> "for people convicted of the most serious
    offences"; "the UK's worst criminals" -> "the people who commit the UK's
    most serious crimes" (the owner is the crimes', not the people's)."""
    if c.form.number != "plural":
        return None
    owner = _OWNER_BEFORE.search(s.text, max(0, top.start() - 30), top.start())
    grade = "serious" if top.group("worst") else top.group("most").lower()
    for alt in alts:
        alt = _OFFENDED.sub("who have committed offences", alt)  # a graded act needs its noun
        m = _CRIME_NOUN.search(alt)
        if m is None or not alt[: m.start()].endswith(("of ", "commit ", "committed ")):
            continue
        noun = alt[m.start() :]
        noun = {"crime": "crimes", "offending": "offences"}.get(noun, noun)
        if owner is not None:
            the = "the " if owner.group("the") else ""
            out = f"the {alt[: m.start()]}{the}{owner.group('owner')} most {grade} {noun}"
            start = owner.start()
        else:
            out, start = f"{alt[: m.start()]}the most {grade} {noun}", top.start()
        if s.text[start : start + 1].isupper():
            out = out[0].upper() + out[1:]
        return start, c.end, out
    return None


def graded_fit(c: Candidate, s: Sentence, alts: list[str]) -> Span | None:
    """ "low-level offenders" -> "people convicted of low-level offences"; with
    no status "serious criminals" -> "people who commit serious crimes", never
    "serious people who commit crime"."""
    if c.possessive or not s.tokens:
        return None
    top = _SUPERLATIVE.search(s.text, max(0, c.start - 24), c.start)
    if top is not None:
        return _superlative_fit(c, s, top, alts)
    own = c.lower_words[0] if c.lower_words else ""
    if own in _GRADES and len(c.lower_words) > 1:
        # "sex and violent offenders": the grade is the label's own word
        joined = _JOINED_GRADE.search(s.text, max(0, c.start - 60), c.start)
        if joined is None:
            return None
        return _joined_fit(c, s, joined, own, [a.replace(f"{own} ", "", 1) for a in alts])
    grade = _GRADE_BEFORE.search(s.text, max(0, c.start - 24), c.start)
    if grade is None or grade.group(1).lower() not in _GRADES:
        return None
    joined = _JOINED_GRADE.search(s.text, max(0, grade.start(1) - 60), grade.start(1))
    if joined is not None:
        return _joined_fit(c, s, joined, grade.group(1).lower(), alts)
    for alt in alts:
        m = _CRIME_NOUN.search(alt)
        if m is None:
            continue
        noun = alt[m.start() :]
        if (
            alt[: m.start()].endswith("commit ")
            and noun == "crime"
            and grade.group(1).lower() != "low-level"
        ):
            # graded, crime is counted ("people who commit dangerous crimes");
            # "low-level crime" is the fixed phrase
            noun = "crimes"
        out = alt[: m.start()] + grade.group(1).lower() + " " + noun
        if grade.group(1)[:1].isupper():
            out = out[0].upper() + out[1:]
        return grade.start(1), c.end, out
    return None


# adjectives joined to the grade ("sex and violent offenders", "the most
# notorious and violent criminals"), with a superlative and its article
_JOINED_GRADE = re.compile(
    r"(?:(?P<the>\bthe\s+)?(?P<sup>\bworst|\bmost)\s+)?"
    r"(?P<co>\b[a-z][a-z-]*(?:,\s+[a-z][a-z-]*)*,?\s+(?:and|or)\s+)$",
    re.IGNORECASE,
)


def _joined_fit(
    c: Candidate, s: Sentence, joined: re.Match[str], grade: str, alts: list[str]
) -> Span | None:
    """ "The worst sex and violent offenders" -> "The people convicted of the
    most serious sex and violent offences"; "the most notorious and violent
    criminals" -> "the people who commit the most notorious and violent
    crimes": every joined adjective goes with the grade, never "notorious and
    people who commit violent crimes"; advice where no wording names a crime."""
    if c.form.number != "plural":
        return None
    mods = joined.group("co").lower() + grade
    sup = (joined.group("sup") or "").lower()
    if sup == "worst":
        mods = f"the most serious {mods}"
    elif sup == "most":
        mods = f"the most {mods}"
    for alt in alts:
        alt = _OFFENDED.sub("who have committed offences", alt)
        m = _CRIME_NOUN.search(alt)
        if m is None or not alt[: m.start()].endswith(("of ", "commit ", "committed ")):
            continue
        noun = {"crime": "crimes", "offending": "offences"}.get(alt[m.start() :], alt[m.start() :])
        out = f"{alt[: m.start()]}{mods} {noun}"
        start = joined.start()
        if joined.group("the"):
            out = "the " + out
        elif sup:
            start = joined.start("sup")
        else:
            start = joined.start("co")
        if s.text[start : start + 1].isupper():
            out = out[0].upper() + out[1:]
        return start, c.end, out
    return None


_COUNTED = re.compile(
    r"(?:\b(?P<det>the|a|an)\s+)?(?:(?P<hedge>convicted|alleged|accused)\s+)?"
    r"(?P<times>double|triple)\s+$",
    re.IGNORECASE,
)
_OFFENCE_OF = re.compile(
    r"\b(?P<verb>convicted|accused|suspected) of (?:a |an |the )?(?P<noun>[a-z]+)$"
)
_TIMES_N = {"double": "two", "triple": "three"}


def counted_fit(c: Candidate, s: Sentence, alts: list[str]) -> Span | None:
    """ "a convicted double murderer" -> "a person convicted of two murders":
    the count belongs to the offence, not the person."""
    if c.possessive or c.form.number == "plural":
        return None
    m = _COUNTED.search(s.text, max(0, c.start - 40), c.start)
    if m is None or not m.group("hedge"):
        return None  # a bare count goes into the role ("the triple rapist" -> "the man")
    for alt in alts:
        o = _OFFENCE_OF.search(alt)
        if o is None:
            continue
        noun = o.group("noun")
        plural = noun + ("es" if noun.endswith(("s", "sh", "ch")) else "s")
        out = (
            f"{alt[: o.start()]}{o.group('verb')} of {_TIMES_N[m.group('times').lower()]} {plural}"
        )
        if m.group("det"):
            out = f"{'the' if m.group('det').lower() == 'the' else 'a'} {out}"
        if s.text[m.start() : m.start() + 1].isupper():
            out = out[0].upper() + out[1:]
        return m.start(), c.end, out
    return None


_ALREADY = re.compile(r"\b(?:already|previously)\s+(?P<det>an?)\s+convicted\s+$", re.IGNORECASE)


def already_fit(c: Candidate, s: Sentence, convicted: str | None) -> Span | None:
    """ "John Wray, already a convicted sex offender," -> "John Wray, already
    convicted of a sexual offence,": after "already" the person is there, and
    "already a person convicted of ..." only adds a noun."""
    if convicted is None or c.possessive or c.form.number == "plural":
        return None
    m = _ALREADY.search(s.text, max(0, c.start - 30), c.start)
    if m is None or not convicted.startswith(("person convicted of", "man convicted of")):
        return None
    return m.start("det"), c.end, convicted.split(" ", 1)[1]


_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


def registered_fit(c: Candidate, s: Sentence) -> Span | None:
    """ "a registered sex offender" -> "a person on the sex offenders register"
    ("a man ..." where the sentence's pronouns are all his): the register is
    what "registered" states, and the rewrite says no more."""
    if c.entry.id != "sex-offender" or c.possessive:
        return None
    m = re.search(r"\bregistered\s+$", s.text[max(0, c.start - 12) : c.start], re.IGNORECASE)
    if m is None:
        return None
    start = c.start - (len(s.text[max(0, c.start - 12) : c.start]) - m.start())
    plural = c.form.number == "plural"
    he, she = _HE.search(s.text) is not None, _SHE.search(s.text) is not None
    noun = "people" if plural else "person"
    if he != she and not plural:
        noun = "man" if he else "woman"
    out = f"{noun} on the sex offenders register"
    if s.text[start : start + 1].isupper():
        out = out[0].upper() + out[1:]
    return start, c.end, out


_NO_OFFENCE_NAMED = frozenset(
    {
        "person convicted of an offence",
        "people convicted of offences",
        "person convicted of a crime",
        "people convicted of crimes",
    }
)
_COURT_WORDS = re.compile(
    r"\b(?:court|judge|jury|jurors|sentenc\w*|jail\w*|trial|magistrates|defendants?)\b",
    re.IGNORECASE,
)


def convicted_person_fit(c: Candidate, s: Sentence, convicted: str | None) -> Span | None:
    """ "whether the convict has withheld information" -> "whether the person
    convicted has withheld ...": a definite person whose conviction the text
    knows, where "of an offence" names nothing and no court scene asks for
    "the defendant"."""
    if convicted not in _NO_OFFENCE_NAMED or c.possessive or not s.tokens:
        return None
    prev = s.word_before(c.start)
    if prev is None or prev[2].lower() != "the" or s.text[prev[1] : c.start] != " ":
        return None
    nxt = s.token_after(c.end)
    if nxt is None or nxt.pos not in ("AUX", "VERB") or _COURT_WORDS.search(s.text):
        return None
    if (_HE.search(s.text) is None) != (_SHE.search(s.text) is None):
        return None  # the sentence gives the gender: "the man" (framing.roles) says less
    out = "the " + " ".join(convicted.split()[:2])
    if prev[2][:1].isupper():
        out = out[0].upper() + out[1:]
    return prev[0], c.end, out


_QUOTED_MOD = re.compile(r"(['‘][^'’]{1,30}['’]) $")
_CONVICTED_OF_WORD = re.compile(r"\bconvicted of (?P<the>the )?(?P<noun>[a-z]+)$")


def quoted_modifier_fit(c: Candidate, s: Sentence, convicted: str | None) -> Span | None:
    """ "to stop 'no body' murderers" -> "to stop people convicted of 'no body'
    murders": a quoted modifier names a kind of crime and goes with it, as
    written."""
    if convicted is None or c.form.number != "plural" or c.possessive:
        return None
    m = _QUOTED_MOD.search(s.text, max(0, c.start - 34), c.start)
    o = _CONVICTED_OF_WORD.search(convicted)
    if m is None or o is None:
        return None
    lead = convicted[: o.start("the") if o.group("the") else o.start("noun")]
    out = f"{lead}{m.group(1)} {o.group('noun')}s"
    return m.start(1), c.end, out
