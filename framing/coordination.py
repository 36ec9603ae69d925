"""Coordinated labels rewritten as a whole: "burglars, robbers and car
thieves" -> "people who commit burglary, robbery and car theft".

Swapping each word alone gives "car people convicted of theft" and three
"people convicted of" in a row.  A list of offence labels (all plural, joined
by commas and "and"/"or", a lower-case modifier allowed before a later one)
gets one rewrite over the whole list, worded for the status the first label
has:

- a conviction: "people convicted of X, Y and Z" ("a gang of burglars and car
  thieves ... jailed" -> "a gang convicted of burglary and car theft");
- after an arrest, or while sought ("Police hunting burglars and robbers"):
  "people suspected of X and Y";
- two people in court ("the thief and the fraudster", "the robber and the
  knifeman"): "the defendants";
- a generic group or no status: what the people do, in the words the acts
  take: "people who commit burglary, robbery and theft"; "people involved in
  violence and looting" (no one "commits" looting); and where an act is best
  a verb, the verbs ("Thieves and vandals have targeted" -> "People who steal
  and cause damage have targeted"; after a past verb "people who were
  looting, setting fires and causing damage"); one-word acts read as verbs
  ("muggers and thieves" -> "people who rob and steal"), acts with objects
  as nouns ("people who commit burglary and robbery"), the same act once;
- two labels the sentence says are one person ("the murderer and the
  arsonist were the same man"): never "the defendants";
- a list only said to be active somewhere ("drug dealers, burglars and
  shoplifters operating in Hull"): the acts take the participle's place
  ("people selling drugs, burgling homes and shoplifting in Hull").

Anything else is left to the words one by one.
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence
from framing.inflect import match_case
from framing.sentences import case_style

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
# how each act is said in a list with no status: committed (a crime), taken
# part in (violence, looting), or a verb; and the verb, present and -ing
_KIND: dict[str, str] = {
    "looter": "involved",
    "thug": "involved",
    "drug-dealer": "involved",  # no one "commits drug dealing"
    "vandal": "verb",
}
LIST_VERBS: dict[str, tuple[str, str]] = {
    "burglar": ("burgle homes", "burgling homes"),
    "robber": ("rob", "robbing"),
    "mugger": ("rob people", "robbing people"),
    "thief": ("steal", "stealing"),
    "fraudster": ("commit fraud", "committing fraud"),
    "arsonist": ("set fires", "setting fires"),
    "shoplifter": ("shoplift", "shoplifting"),
    "drug-dealer": ("sell drugs", "selling drugs"),
    "looter": ("loot", "looting"),
    "vandal": ("cause damage", "causing damage"),
}
# labels that only lists name by their act (as a modifier "thug" names no offence)
_LIST_ONLY: dict[str, str] = {"thug": "violence", "vandal": "criminal damage"}
# person labels that can stand in a court list though they name no offence
_COURT_ENTRIES = frozenset({"knifeman", "thug"})
_COLLECTIVE = re.compile(r"\b(?:gang|group|team|ring|network|band) of $", re.IGNORECASE)
_NOT_MODIFIERS = frozenset(
    "a an one this that these those some two three four five his her their".split()
)
# (any case: "Burglars And Robbers Jailed", "BURGLARS AND ROBBERS")
_GAP = re.compile(
    r"(?:,\s+|,?\s+(?:and|or|as well as)\s+)(?P<the>the\s+)?(?P<mod>(?!(?:and|or|as)\s)[a-z]+\s+)?$",
    re.IGNORECASE,
)
_SAME = re.compile(r"\s+(?:were|are|was|is)\s+(?:one and )?the same\b", re.IGNORECASE)
_CONVICTION = frozenset({"convicted", "sentenced", "released"})
_COURT = frozenset({"charged", "on_trial"})


def runs(kept: list[Candidate], s: Sentence) -> list[list[Candidate]]:
    """Lists of two or more labels joined by commas and a conjunction."""
    out: list[list[Candidate]] = []
    cur: list[Candidate] = []
    for c in kept:
        if not _listable(c.entry.id) or c.possessive:
            if len(cur) > 1:
                out.append(cur)
            cur = []
            continue
        gap = s.text[cur[-1].end : c.start] if cur else ""
        if len(cur) == 1 and _INCLUDING.fullmatch(gap):
            out.append([cur[0], c])  # "sex offenders, including paedophiles": a run of two
            cur = []
            continue
        if cur and _GAP.fullmatch(gap) is None:
            if len(cur) > 1:
                out.append(cur)
            cur = []
        cur.append(c)
    if len(cur) > 1:
        out.append(cur)
    return out


def _listable(entry_id: str) -> bool:
    return entry_id in OFFENCES or entry_id in _LIST_ONLY or entry_id in _COURT_ENTRIES


def act_noun(entry_id: str) -> str | None:
    """The act a label names, as a noun ("burglary", "violence" for a thug)."""
    return OFFENCES.get(entry_id) or _LIST_ONLY.get(entry_id)


def list_fit(
    run: list[Candidate], s: Sentence, status: str, plural: bool
) -> tuple[int, int, str] | None:
    """One rewrite for the whole list, or None."""
    last_gap = s.text[run[-2].end : run[-1].start]
    if _INCLUDING.fullmatch(last_gap):
        return _including(run, s, status, plural)
    if not re.search(r"\b(?:and|or|as well as)\b", last_gap, re.IGNORECASE):
        return None  # "burglars, robbers" with no conjunction: not a closed list
    start, end = run[0].start, run[-1].end
    if status in _COURT:
        return _court_list(run, s)
    if not plural:
        return _one_person(run, s, status)
    named = _acts_named(run, s)
    if named is None:
        return None
    names, mods = named
    said = re.search(r"\b(?:or|as well as)\b", last_gap, re.IGNORECASE)
    conj = said.group().lower() if said else "and"
    listed = _join(list(dict.fromkeys(names)), conj)  # "muggers and robbers": robbery once
    style = case_style(s.text)
    start = _correlative(s, start)  # "Both burglars and robbers": the list says both
    former = _FORMER_LIST.search(s.text, max(0, start - 20), start)
    if former is not None:
        past = _former_list(run, s, status, listed, any(mods), conj)
        if past is None:
            return None
        at = former.start()
        return at, end, match_case(s.text[at:end], past, style)
    placed = _placed_acts(run, s, status, any(mods), conj)
    if placed is not None:
        return start, placed[0], match_case(s.text[start : placed[0]], placed[1], style)
    if status in _CONVICTION:
        collective = _COLLECTIVE.search(s.text, 0, run[0].start)
        if collective is not None:
            # "A gang of burglars and car thieves ... jailed" -> "A gang convicted of ..."
            at = collective.end() - 3
            return at, end, f"convicted of {listed}"
        out = f"people convicted of {listed}"
    elif status in ("arrested", "wanted"):
        out = f"people suspected of {listed}"
    elif status in ("group_generic", "unknown"):
        got = _generic(run, s, listed, any(mods), conj)
        if got is None:
            return None
        out = got
    else:
        return None
    return start, end, match_case(s.text[start:end], out, style)


# "Former robbers and burglars": "former" is said of the whole list
_FORMER_LIST = re.compile(r"\b(?:former|ex-|one-time|onetime|reformed)\s*$", re.IGNORECASE)


def _former_list(
    run: list[Candidate], s: Sentence, status: str, listed: str, modified: bool, conj: str
) -> str | None:
    """ "Former robbers and burglars" -> "People who used to commit robbery
    and burglary": the whole list in the past, never "Former people who
    commit ..."; a conviction is already past ("people convicted of ...");
    anything else (a list in court, suspects) stays advice."""
    if status in _CONVICTION:
        return f"people convicted of {listed}"
    if status not in ("group_generic", "unknown"):
        return None
    got = _generic(run, s, listed, modified, conj)
    if got is None:
        return None
    if got.startswith("people involved in "):
        return "people who used to be " + got.removeprefix("people ")
    if got.startswith("people who commit "):
        return "people who used to " + got.removeprefix("people who ")
    verbs = _list_verbs(run)
    if verbs is None:
        return None
    return "people who used to " + _join([v[0] for v in verbs], conj)


def _correlative(s: Sentence, start: int) -> int:
    """Where a list starts that "both" or "either" opens: the rewrite's own
    wording says the list, so the word goes with the labels."""
    w = s.word_before(start)
    if w is not None and w[2].lower() in ("both", "either") and s.text[w[1] : start] == " ":
        return w[0]
    return start


def _acts_named(run: list[Candidate], s: Sentence) -> tuple[list[str], list[str]] | None:
    """The act each label of a list of groups names, with the modifier it
    carries ("car thieves" -> "car theft"), and the modifiers; None where the
    run is no list of groups."""
    names, mods = [], []
    for i, c in enumerate(run):
        mod = ""
        if i:
            m = _GAP.fullmatch(s.text[run[i - 1].end : c.start])
            if m is None or m.group("the"):
                return None
            mod = m.group("mod") or ""
        if mod.strip().lower() in _NOT_MODIFIERS or c.form.number == "singular":
            return None  # "Drug dealers and a thug who ...": not one list of groups
        noun = act_noun(c.entry.id)
        if noun is None:
            return None
        names.append(mod + noun)
        mods.append(mod)
    return names, mods


_INCLUDING = re.compile(r",?\s+(?:including|among them|especially)\s+")


def _including(
    run: list[Candidate], s: Sentence, status: str, plural: bool
) -> tuple[int, int, str] | None:
    """ "15 sex offenders, including paedophiles" -> "15 people convicted of
    sexual offences, including child sexual abuse": the group's wording once,
    the part it includes by its act alone (never "people convicted of" twice)."""
    first, part = run
    nouns = [act_noun(c.entry.id) for c in run]
    if not plural or any(c.form.number != "plural" for c in run) or None in nouns:
        return None
    if status in _CONVICTION:
        head = "people convicted of"
    elif status == "arrested":
        head = "people suspected of"
    elif status in ("group_generic", "unknown") and _KIND.get(first.entry.id) is None:
        head = "people who commit"
    else:
        return None
    gap = s.text[first.end : part.start]
    out = f"{head} {nouns[0]}{gap}{nouns[1]}"
    text = s.text[first.start : part.end]
    return first.start, part.end, match_case(text, out, case_style(s.text))


def _court_list(run: list[Candidate], s: Sentence) -> tuple[int, int, str] | None:
    """ "the thief and the fraudster" in court: "the defendants"."""
    start, end = run[0].start, run[-1].end
    gaps = [_GAP.fullmatch(s.text[a.end : b.start]) for a, b in zip(run, run[1:], strict=False)]
    if _SAME.match(s.text, end):
        return None  # "the murderer and the arsonist were the same man": one person, two acts
    if s.text[:start].lower().endswith("the ") and all(g and g.group("the") for g in gaps):
        return start - 4, end, match_case(s.text[start - 4 : start], "the defendants")
    return None


_AGE_NOUN = re.compile(r"\b\d+-year-old\s+$")
_MALE = frozenset({"rapist", "knifeman"})


def _one_person(run: list[Candidate], s: Sentence, status: str) -> tuple[int, int, str] | None:
    """ "a convicted paedophile and rapist": two labels for one person (no
    determiner before the second), after a conviction: "a man convicted of
    child sexual abuse and rape"; after an age noun ("The 43-year-old
    convicted paedophile and rapist is ...") the conviction becomes the
    age noun's own clause, ", convicted of ... and rape,"."""
    if status not in _CONVICTION or len(run) != 2:
        return None
    if _GAP.fullmatch(s.text[run[0].end : run[1].start]) is None or not re.fullmatch(
        r"\s+and\s+", s.text[run[0].end : run[1].start]
    ):
        return None
    nouns = [act_noun(c.entry.id) for c in run]
    if any(n is None for n in nouns):
        return None
    start, end = run[0].start, run[1].end
    m = re.search(r"\bconvicted\s+$", s.text[:start])
    if m is not None:
        start = m.start()
    listed = _join([n for n in nouns if n])
    age = _AGE_NOUN.search(s.text[:start])
    if age is not None:
        at = age.end() - len(age.group()) + len(age.group().rstrip())
        return at, end, f", convicted of {listed},"
    person = "man" if any(c.entry.id in _MALE for c in run) else "person"
    return start, end, match_case(s.text[start:end], f"{person} convicted of {listed}")


def _join(items: list[str], conj: str = "and") -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def _generic(
    run: list[Candidate], s: Sentence, listed: str, modified: bool, conj: str
) -> str | None:
    """What the people do, with no status: the act words each label takes."""
    kinds = {_KIND.get(c.entry.id, "commit") for c in run}
    verbs = _list_verbs(run)
    if "involved" in kinds and (kinds <= {"commit", "involved"} or verbs is None):
        # "Thugs and vandals" -> "People involved in violence and criminal damage"
        return f"people involved in {listed}"
    if kinds == {"commit"} and (modified or verbs is None or any(" " in v[0] for v in verbs)):
        # "people who commit burglary and robbery", not "who burgle homes and rob";
        # one-word acts read best as verbs ("people who rob and steal")
        return f"people who commit {listed}"
    if modified or verbs is None:
        return None  # "car thieves" has no verb of its own; a mixed list stays word by word
    if any(t.tag == "VBD" for t in s.tokens or []):
        return "people who were " + _join([v[1] for v in verbs], conj)
    return "people who " + _join([v[0] for v in verbs], conj)


def _list_verbs(run: list[Candidate]) -> list[tuple[str, str]] | None:
    """The verbs of a list's acts, once each ("muggers and robbers" rob once);
    "people" as an object goes, since the list's own head says it ("people
    who rob and steal", not "who rob people and steal")."""
    out: list[tuple[str, str]] = []
    for c in run:
        v = LIST_VERBS.get(c.entry.id)
        if v is None:
            return None
        v = (v[0].removesuffix(" people"), v[1].removesuffix(" people"))
        if v not in out:
            out.append(v)
    return out if len(out) > 1 else None


# a participle that only says the people are active somewhere ("drug dealers,
# burglars and shoplifters operating in Hull"): the acts take its place
_ACTIVE = re.compile(r"\s+(?:operating|active|working)(?=\s+(?:in|on|across|around|throughout)\b)")
_PLACED_STATUSES = frozenset({"group_generic", "unknown", "suspected"})


def _placed_acts(
    run: list[Candidate], s: Sentence, status: str, modified: bool, conj: str
) -> tuple[int, str] | None:
    """ "drug dealers, burglars and shoplifters operating in Hull" -> "people
    selling drugs, burgling homes and shoplifting in Hull": (end, wording)."""
    if status not in _PLACED_STATUSES or modified:
        return None
    m = _ACTIVE.match(s.text, run[-1].end)
    verbs = _list_verbs(run)
    if m is None or verbs is None:
        return None
    return m.end(), "people " + _join([v[1] for v in verbs], conj)


_WHO_OBJECT = re.compile(r"(?P<head>(?:people|person) who \w+) (?P<obj>drugs)", re.IGNORECASE)


def shared_object(first: str, second: str, gap: str) -> str | None:
    """ "Junkies and dealers" -> "People who use drugs and people who sell
    them": two wordings joined by "and" with the same object say it once.
    The second wording, or None where it stays."""
    if gap.strip().lower() != "and":
        return None
    a, b = _WHO_OBJECT.fullmatch(first), _WHO_OBJECT.fullmatch(second)
    if a is None or b is None or a.group("obj").lower() != b.group("obj").lower():
        return None
    return f"{b.group('head')} them"
