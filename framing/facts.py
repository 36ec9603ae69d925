"""Facts a label carries that a plain swap would lose or contradict, told
from the legal status the text establishes:

- someone the text says has left prison is no "person in prison" ("The
  Inmate Who Became A Barrister" -> "The Prison Leaver Who Became ...");
- a clause about the life afterwards tells no act, so the offence stays
  ("The murderer who found God in prison was released" -> "The person
  convicted of murder who found God ...");
- an arson label's fact, that the fire was no accident, goes with the act
  the sentence tells ("An arsonist is believed to have started the fire" ->
  "Someone is believed to have started the fire deliberately").
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence
from framing.inflect import indefinite_article, match_case
from framing.roles import MALE_ENTRIES
from framing.sentences import case_style
from lexicon.model import CONVICTED

Span = tuple[int, int, str]  # sentence offsets replaced, and the replacement

_WHO_AFTER = re.compile(r"\s+who\b(?!\s*,)", re.IGNORECASE)


def _cased(s: Sentence, start: int, end: int, out: str) -> Span:
    original = s.text[start:end]
    return start, end, match_case(original, out, s.memo("case_style", lambda: case_style(s.text)))


def kept_fact(c: Candidate, s: Sentence, status: str | None) -> Span | None:
    """The wording that keeps the label's fact, or None where none applies."""
    if c.possessive:
        return None
    return (
        _left_prison(c, s, status)
        or _kept_offence(c, s, status)
        or _arson_act(c, s, status)
        or _unstated_record(c, s, status)
    )


_RECORD_WORDS = re.compile(r"\b(?:convictions?|previous|record|form)\b", re.IGNORECASE)
_RECORD_ALT = re.compile(r"\bconvictions\b")


def _unstated_record(c: Candidate, s: Sentence, status: str | None) -> Span | None:
    """ "A prolific offender has been jailed again" -> "A person who has
    reoffended several times has been jailed again": the label says the
    offending, not the record, so "many previous convictions" only where the
    text says so (tense._record gives the record it states)."""
    if status is None or c.entry.id != "persistent-offender" or _RECORD_WORDS.search(s.text):
        return None
    fitting = [a for a in c.entry.alternatives if a.fits(status)]
    if not fitting or not _RECORD_ALT.search(fitting[0].singular):
        return None  # the first wording states no record: the ordinary swap
    if _WHO_AFTER.match(s.text, c.end):
        return None  # "who ..." joins the clause wording elsewhere
    plural = c.form.number == "plural"
    for a in fitting[1:]:
        out = a.plural if plural else a.singular
        if _RECORD_ALT.search(out):
            continue
        art = s.word_before(c.start)
        if not plural and art is not None and art[2].lower() in ("a", "an"):
            if not s.text[art[1] : c.start].strip():
                return _cased(s, art[0], c.end, f"{indefinite_article(out)} {out}")
        return _cased(s, c.start, c.end, out)
    return None


# labels for someone inside now: said of a person the text says has left,
# "person in prison" would move them back in
_INSIDE = frozenset({"inmate", "prisoner", "convict", "con", "jailbird"})


_RELEASE_CLAUSE = re.compile(
    r"\s+who\s+(?:[a-z]+\s+){0,3}?(?:released|freed|left|walked free|came out)\b", re.IGNORECASE
)


_APPOSED_RELEASE = re.compile(
    r",\s+who\s+(?:[a-z]+\s+){0,3}?(?:released|freed|left prison|walked free)\b", re.IGNORECASE
)


def _left_prison(c: Candidate, s: Sentence, status: str | None) -> Span | None:
    """ "The Inmate Who Became A Barrister" (released) -> "The Prison Leaver Who
    Became A Barrister": the clause tells what came after prison, so the
    wording says the person has left it (rewrites.md, decision 13)."""
    if status != "released" or c.entry.id not in _INSIDE:
        return None
    if _APPOSED_RELEASE.match(s.text, c.end):
        # "The inmate, who was released in May, has reoffended" -> "The person, who
        # was released ...": the clause says it, and "in prison" would contradict it
        art = s.word_before(c.start)
        if art is not None and art[2].lower() in ("the", "a", "an") and c.form.number != "plural":
            if not s.text[art[1] : c.start].strip():
                return _cased(
                    s, art[0], c.end, f"{'the' if art[2].lower() == 'the' else 'a'} person"
                )
        return None
    if not _WHO_AFTER.match(s.text, c.end):
        return None
    if _RELEASE_CLAUSE.match(s.text, c.end):
        return None  # "inmates who were released": the clause says it, the role follows
    plural = c.form.number == "plural"
    out = "prison leavers" if plural else "prison leaver"
    art = s.word_before(c.start)
    if not plural and art is not None and art[2].lower() in ("a", "an"):
        if not s.text[art[1] : c.start].strip():
            return _cased(s, art[0], c.end, f"a {out}")
    return _cased(s, c.start, c.end, out)


# a clause about the life after the offence: it tells no act, so a role
# before it ("the person who found God") would drop the offence altogether
_AFTERWARDS = re.compile(
    r"\s+who\s+(?:(?:has|had|have)\s+)?(?:since\s+|later\s+|now\s+)?"
    r"(?:became|become|went on to|found (?:God|faith|religion|Jesus)|converted|"
    r"turned (?:his|her|their) li(?:fe|ves) around|retrained|qualified|graduated)\b"
)


def _kept_offence(c: Candidate, s: Sentence, status: str | None) -> Span | None:
    """ "The murderer who found God in prison was released" -> "The person
    convicted of murder who found God ...": where the clause tells only of
    the life afterwards, the offence is in the label alone, and the text's
    conviction lets the wording say it."""
    if status not in CONVICTED or c.entry.category != "offence-identity":
        return None
    if not _AFTERWARDS.match(s.text, c.end):
        return None
    plural = c.form.number == "plural"
    for a in c.entry.alternatives:
        if a.statuses and set(a.statuses) <= CONVICTED and a.fits(status):
            out = a.plural if plural else a.singular
            if " convicted of " not in f" {out} ":
                continue
            art = s.word_before(c.start)
            if art is not None and art[2].lower() in ("a", "an") and not plural:
                if not s.text[art[1] : c.start].strip():
                    return _cased(s, art[0], c.end, f"{indefinite_article(out)} {out}")
            return _cased(s, c.start, c.end, out)
    return None


# the fire an arson label's sentence tells of: the manner the label carried
# ("deliberately") goes with it once the label is a plain role
_FIRE_STARTED = re.compile(
    r"[^.;:!?]*?\b(?:start|set|light|lit)(?:s|ed|ing)?\s+(?:the|a|an)\s+(?:\w+\s+)?(?:fire|blaze)\b"
    r"(?!\s+deliberately)",
    re.IGNORECASE,
)
_BEFORE_A_CHARGE = frozenset({"unknown", "wanted", "suspected", "group_generic"})
_DET_WORDS = frozenset({"the", "these", "those", "two", "three", "both", "some", "several"})


def _arson_act(c: Candidate, s: Sentence, status: str | None) -> Span | None:
    """ "An arsonist is believed to have started the fire" -> "Someone is
    believed to have started the fire deliberately": "a person ... started
    the fire" would drop what "arsonist" says, that it was no accident."""
    if c.entry.id != "arsonist" or c.possessive or status not in _BEFORE_A_CHARGE:
        return None
    if _WHO_AFTER.match(s.text, c.end):
        return None  # "the arsonists who started the fire": the role takes the clause
    fire = _FIRE_STARTED.match(s.text, c.end)
    art = s.word_before(c.start)
    if fire is None or art is None or s.text[art[1] : c.start].strip():
        return None
    if re.match(r"\s+(?:that|which|who)\b", s.text[fire.end() :]):
        return None  # "the blaze that gutted ...": the adverb cannot go there
    plural = c.form.number == "plural"
    det = art[2].lower()
    # only a person the sentence introduces by the act ("an arsonist", "arsonists");
    # "the arsonist" is one already known, and keeps the role
    if plural and det not in _DET_WORDS:
        start, who = c.start, "people"
    elif not plural and det in ("a", "an"):
        start, who = art[0], "someone"
    else:
        return None
    middle = s.text[c.end : fire.end()]
    start_out = _cased(s, start, c.end, who)[2]
    return start, fire.end(), f"{start_out}{middle} deliberately"


# an age after the label ("a convicted murderer under the age of 18",
# "offenders aged 18 to 21"): it describes the person, not the offence
_AGE_AFTER = re.compile(
    r"\s+((?:(?:under|over|below|above)\s+(?:the\s+age\s+of\s+)?\d{1,2}"
    r"|aged\s+(?:under\s+|over\s+|between\s+)?\d{1,2}(?:\s+(?:to|and)\s+\d{1,2})?)"
    r"(?:\s+years?\s+old|\s+years\s+of\s+age)?)\b"
    # a number of something else: "over 20 years ago", "under 10 per cent"
    r"(?!\s*(?:%|per\b|years?\b|months?\b|weeks?\b|days?\b|times\b|people\b|victims\b"
    r"|counts?\b|offences\b|crimes\b|homes\b|women\b|men\b|children\b))",
    re.IGNORECASE,
)
_CONVICTED_WORDING = re.compile(
    r"^(?P<who>(?:an?|the|those|these)\s+)?(?P<person>person|people|man|woman|men|women|"
    r"adults?|child(?:ren)?|teenagers?)\s+(?P<rest>convicted of\s.+)$",
    re.IGNORECASE,
)


def age_placed(c: Candidate, s: Sentence, start: int, rewrite: str) -> Span | None:
    """ "a convicted murderer under the age of 18" -> "someone under the age of
    18 convicted of murder": the age describes the person, so it goes beside
    the person, and the conviction after it (not "a person convicted of
    murder under the age of 18", an offence committed under 18)."""
    m = _AGE_AFTER.match(s.text, c.end)
    if m is None or c.possessive:
        return None
    w = _CONVICTED_WORDING.match(rewrite)
    if w is None:
        return None
    who, person = (w.group("who") or "").strip(), w.group("person")
    before = s.word_before(start)
    if not who and before is not None and before[2].lower() in ("a", "an", "the"):
        who, start = before[2], before[0]  # the determiner goes with the person
    if who.lower() in ("a", "an") and person.lower() == "person":
        head = "someone"  # "a person under 18" reads as a form; "someone" as English
    elif who:
        head = f"{who} {person}"
    else:
        head = person
    out = f"{head} {m.group(1)} {w.group('rest')}"
    return _cased(s, start, m.end(), out)


# a record noun the label names the offence of ("his child porn conviction")
_RECORD_NOUN = re.compile(r"\s+(convictions?)\b", re.IGNORECASE)
_COUNT_MATERIAL = re.compile(r"\b(?:images|photos|photographs|pictures|videos|films)\b")


def offence_record_fit(c: Candidate, s: Sentence, alts: list[str]) -> Span | None:
    """ "after his child porn conviction" -> "after his conviction for indecent
    images of children": a label for an act or material before "conviction"
    names what the conviction was for, so the offence goes after it with
    "for" ("child sexual abuse material conviction" stacks nouns); the
    wording that names the material as the law does (a count noun, "images")
    first."""
    if c.entry.refers_to_people or not alts or c.possessive:
        return None
    m = _RECORD_NOUN.match(s.text, c.end)
    if m is None:
        return None
    alt = next((a for a in alts if _COUNT_MATERIAL.search(a)), alts[0])
    out = f"{m.group(1)} for {alt}"
    return _cased(s, c.start, m.end(), out)


# "one of Britain's most notorious murderers": a rank among people by their crimes
_ONE_OF_MOST = re.compile(
    r"(?P<one>\b[Oo]ne of )(?P<rank>(?:the )?(?:[A-Z][\w.-]*(?:'s|’s) |the (?:nation|country|world)"
    r"(?:'s|’s) )?(?:most [a-z-]+|[a-z]+est|worst) )$"
)
_CONVICTED_OF = re.compile(r"^(?:person|people) convicted of (?:the |an? )?(?P<act>[a-z]+)$")
# the rest of the line tells the crime, so a cut rank loses no fact
_CRIME_TOLD = re.compile(
    r"\b(?:murder\w*|kill\w*|manslaughter|rap(?:e|es|ed|ing)|convicted of|found guilty of"
    r"|jailed for|sentenced for|charged with|admitted)\b",
    re.IGNORECASE,
)
_NAME_NEXT = re.compile(r",\s+(?=[A-Z][a-z]+\b)")
_NAME_THEN_COMMA = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,")


def ranked_fit(c: Candidate, s: Sentence, status: str | None, alts: list[str]) -> Span | None:
    """ "Peter Moore, one of Britain's most notorious murderers" -> "Peter
    Moore, convicted of some of Britain's most notorious murders": the rank
    is the crimes', so it goes with them where the text establishes the
    conviction; before the name it describes ("One of the nation's most
    notorious killers, Nilsen died ... charged with murder"), the rank is cut
    and the name carries the sentence where the rest of it tells the crime,
    else the rank stays with the crimes ("Convicted of some of ...");
    never "most notorious people convicted of ..."."""
    if status not in CONVICTED or c.possessive or c.form.number != "plural":
        return None
    m = _ONE_OF_MOST.search(s.text, max(0, c.start - 60), c.start)
    if m is None:
        return None
    act = next((a.group("act") for a in map(_CONVICTED_OF.match, alts) if a), None)
    ranked = f"convicted of some of {m.group('rank')}{act}s" if act else None
    if not s.text[: m.start()].strip():
        name = _NAME_NEXT.match(s.text, c.end)
        if name is None:
            return None
        rest = s.text[name.end() :]
        if _NAME_THEN_COMMA.match(rest):
            return None  # "One of ..., John Smith, was jailed": the cut leaves a stray comma
        if _CRIME_TOLD.search(rest) is None:
            # the rank is the line's only word for the crime: it stays, with the crimes
            return _cased(s, m.start(), c.end, ranked) if ranked else None
        first = rest.split(" ", 1)[0]
        return m.start(), name.end() + len(first), first
    if not s.text[: m.start()].rstrip().endswith(","):
        return None  # "one of the most notorious killers" as a complement: no name to carry
    return (m.start(), c.end, ranked) if ranked else None


_CONVICTED_LEAD = re.compile(r"\b(an?)\s+convicted\s+$", re.IGNORECASE)
_ARTICLE_LEAD = re.compile(r"\b(an?)\s+$", re.IGNORECASE)
# a verdict the sentence reports for another offence, after the label
_NEW_VERDICT = re.compile(
    r"\b(?:(?:after|for|of)\s+(?:being\s+|having\s+been\s+)?|(?:was|were|is|has been|have been)\s+)"
    r"(?:convicted|found guilty)\s+of\b"
    r"|\b(?:admitted|admitting|pleaded guilty to|pleading guilty to)\s+(?:murder|killing|"
    r"manslaughter|rape|robbery|burglary|assault)",
    re.IGNORECASE,
)
_OFFENCE_OF = re.compile(r"^(?:person|man|woman) convicted of (?P<offence>.+)$")
_HE_WORDS = re.compile(r"\b(?:he|his|himself)\b", re.IGNORECASE)
_SHE_WORDS = re.compile(r"\b(?:she|her|herself)\b", re.IGNORECASE)


def previous_conviction_fit(
    c: Candidate, s: Sentence, status: str | None, convicted: str | None
) -> Span | None:
    """ "A convicted sex offender was today jailed ... after being convicted of
    murdering two women" -> "A man with a previous conviction for a sexual
    offence was today jailed ...": the label's own "convicted" is an earlier
    case, and "person convicted of ..." beside the sentence's new verdict
    would read as this one; the gender from the sentence's pronouns."""
    if status not in CONVICTED or c.possessive or c.form.number == "plural" or not convicted:
        return None
    if c.text.lower().startswith("convicted "):  # the form takes it in: "convicted rapist"
        lead = _ARTICLE_LEAD.search(s.text, max(0, c.start - 4), c.start)
    else:
        lead = _CONVICTED_LEAD.search(s.text, max(0, c.start - 16), c.start)
    o = _OFFENCE_OF.match(convicted)
    verdict = _NEW_VERDICT.search(s.text, c.end) if lead is not None else None
    if lead is None or o is None or verdict is None:
        return None
    offence = o.group("offence")
    stem = re.sub(r"^(?:an?|the)\s+", "", offence)[:3].lower()
    if s.text[verdict.end() : verdict.end() + 12].strip().lower().startswith(stem):
        return None  # "A convicted rapist was found guilty of rape": the same case
    if offence.endswith("offences") and not offence.startswith(("a ", "an ")):
        offence = indefinite_article(offence[:-1]) + " " + offence[:-1]  # one conviction
    he = _HE_WORDS.search(s.text) is not None
    she = _SHE_WORDS.search(s.text) is not None
    person = "man" if he and not she else "woman" if she and not he else "person"
    if c.entry.id in MALE_ENTRIES:
        person = "man"
    out = f"{indefinite_article(person)} {person} with a previous conviction for {offence}"
    return _cased(s, lead.start(1), c.end, out)
