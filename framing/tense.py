"""Tense and facts: wording that keeps what the label said about time, the
drug and the record, where a swap of the noun would lose it or read badly.

- a drug-use label after "was"/"became"/"once" ("He became an addict at
  15", "Once a cocaine addict", "they were both smackheads"): "became
  dependent on drugs", "Once dependent on cocaine", "were both dependent on
  heroin" (the article goes, the named drug stays); an adjective the label
  carried is kept and joined ("Once a homeless addict" -> "Once homeless and
  dependent on drugs"), and so is a participle after it ("a crack addict
  living in a squat" -> "dependent on crack cocaine and living in a squat");
- "former"/"ex-"/"reformed" before a drug-use label: "a person in recovery
  from heroin addiction";
- "former"/"one-time"/"reformed" before an offence label: "the person who
  used to sell drugs" (never "former person who ..."), "once" kept as
  "who once carried out armed robberies"; the gender only where the
  sentence's pronouns give it (tests/data/rewrites.md, decision 1);
- a person who "was a" dealer, burglar or thug: the act in the past tense
  ("He sold drugs as a teenager", "he was violent in his youth");
- facts the sentence already states (decision 14): "knifeman" is "man" where
  the sentence names the knife; "teenage killer" and "Killer, 16," are "a
  teenager" (decision 2: the age is in the text); "prolific offender, with 96
  convictions" is the record itself.

Every wording here states an act or a state, never a verdict, so it fits any
legal status; it is still only used where the sentence gives the fact.
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence
from framing.facts import kept_fact
from framing.former import former_fit
from framing.inflect import match_case
from framing.sentences import case_style

Span = tuple[int, int, str]  # sentence offsets replaced, and the replacement

# the drug a drug-use label names (the named drug survives the rewrite)
_DRUGS = {
    "heroin": "heroin",
    "crack": "crack cocaine",
    "cocaine": "cocaine",
    "smack": "heroin",
    "crackhead": "crack cocaine",
    "crackheads": "crack cocaine",
    "smackhead": "heroin",
    "smackheads": "heroin",
    "cannabis": "cannabis",
    "ketamine": "ketamine",
    "meth": "methamphetamine",
    "methamphetamine": "methamphetamine",
    "spice": "spice",
    "ecstasy": "ecstasy",
    "fentanyl": "fentanyl",
    "mephedrone": "mephedrone",
    "amphetamine": "amphetamine",
    "opioid": "opioids",
    "opiate": "opiates",
}
_STATE_VERBS = frozenset({"was", "became", "become", "becomes", "been", "is", "once", "were", "be"})
_PLURAL_STATE = frozenset({"were", "are", "became", "become", "been", "be"})
_FORMER = frozenset({"former", "ex", "one-time", "onetime", "reformed", "recovering"})
# what a former offence label did, as a habit ("who used to sell drugs") and
# in the past tense ("who once sold drugs", "He sold drugs as a teenager")
_HABITS = {
    "drug-dealer": ("sell drugs", "sold drugs"),
    "burglar": ("burgle homes", "burgled homes"),
    "robber": ("carry out robberies", "carried out robberies"),
    "shoplifter": ("steal from shops", "stole from shops"),
    "thief": ("steal", "stole"),
    "fraudster": ("commit fraud", "committed fraud"),
    "persistent-offender": ("offend repeatedly", "offended repeatedly"),
}
# a label that names violence, not an offence: "he was a thug" -> "he was violent"
_STATES = {"thug": "violent"}
_SUBJECTS = frozenset({"he", "she", "they", "i", "we", "you"})


def _cased(s: Sentence, start: int, end: int, out: str) -> Span:
    original = s.text[start:end]
    return start, end, match_case(original, out, s.memo("case_style", lambda: case_style(s.text)))


def _drug(c: Candidate, s: Sentence | None = None) -> str:
    """The drug the label names, with a drug name written just before it
    ("a ketamine addict", "crack cocaine addict"): "drugs" where none is."""
    named = [w for w in c.lower_words if w in _DRUGS]
    if s is not None:
        named = _named_before(c, s)[1] + named
    if named[:2] == ["crack", "cocaine"]:
        return "crack cocaine"
    return " and ".join(dict.fromkeys(_DRUGS[w] for w in named)) or "drugs"


def _named_before(c: Candidate, s: Sentence) -> tuple[int, list[str]]:
    """Where a label starts once the drug names before it are taken in
    ("the former [spice] addict"), and those names."""
    start = c.start
    names: list[str] = []
    for _ in range(2):
        prev = s.word_before(start)
        if prev is None or s.text[prev[1] : start] != " " or prev[2].lower() not in _DRUGS:
            break
        names.insert(0, prev[2].lower())
        start = prev[0]
    return start, names


_FORMER_RX = re.compile(
    r"(?:\b(?P<det>the|a|an)\s+)?\b(?P<former>former|ex-|one-time|onetime|reformed|recovering)\s*$",
    re.IGNORECASE,
)
_WHO_AFTER = re.compile(r"\s+who\b(?!\s*,)", re.IGNORECASE)
_TURNED = re.compile(r"\s+turned\s+(?=[a-z])")
_HE = re.compile(r"\b(?:he|his|him|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


def pronoun_person(s: Sentence, plural: bool) -> str:
    """ "man"/"woman" where every pronoun in the sentence is of one gender
    (decision 1: a pronoun gives the gender), else "person" (or the plurals)."""
    if plural:
        return "people"
    he, she = _HE.search(s.text) is not None, _SHE.search(s.text) is not None
    if not he and she and not _own_her(s):
        return "person"  # only "her" as an object ("met her in prison"): someone else
    if he and not she and not re.search(r"\b(?:he|his|himself)\b", s.text, re.IGNORECASE):
        return "person"  # only "him": an object, who may be someone else
    if he and not she:
        return "man"
    if she and not he:
        return "woman"
    return "person"


def _own_her(s: Sentence) -> bool:
    """A "she", "herself" or a possessive "her" (before a noun: "her
    employer"), which speaks of the person; an object "her" may be anyone."""
    if re.search(r"\b(?:she|hers|herself)\b", s.text, re.IGNORECASE):
        return True
    for m in re.finditer(r"\bher\b", s.text, re.IGNORECASE):
        tok = s.token_after(m.end())
        if tok is not None and tok.pos in ("NOUN", "ADJ", "NUM"):
            return True
    return False


def _participle_after(s: Sentence, end: int) -> int | None:
    """Where "and" goes when a participle follows the state wording ("a crack
    addict living in a squat" -> "dependent on crack cocaine and living")."""
    tok = s.token_after(end)
    if tok is None or s.text[end : tok.start].strip():
        return None
    if tok.tag == "VBG" or (tok.text.lower().endswith("ing") and tok.pos == "VERB"):
        return tok.start
    return None


def _adjective(s: Sentence, pos: str, word: str) -> bool:
    """An adjective before the label; in a headline's capitals the tagger reads
    one as a name ("Once a Homeless Addict"), so there the word's own
    dictionary entry decides (lemminflect, loaded on first use)."""
    if word.lower() in _DRUGS:
        return False  # a drug name is the drug, said after "dependent on"
    if pos == "ADJ":
        return True
    if pos not in ("PROPN", "NOUN") or not word[:1].isupper():
        return False
    if s.memo("case_style", lambda: case_style(s.text)) == "sentence":
        return False
    from lemminflect import getAllLemmas

    return "ADJ" in getAllLemmas(word.lower())


# adjectives that say how much of a habit, as the adverb the state takes
_DEGREE = {
    "heavy": "heavily",
    "chronic": "chronically",
    "severe": "severely",
    "serious": "seriously",
    "hopeless": "hopelessly",
    "desperate": "desperately",
    "severely": "severely",
}
# adjectives of a habit's time: no adverb says them before "dependent"
_HABIT = frozenset({"long-term", "longtime", "long-time", "lifelong", "habitual", "persistent"})


def _drug_state(c: Candidate, s: Sentence) -> Span | None:
    """ "was a crack addict", "became an addict", "were both smackheads", "Once a
    homeless addict": the state, with the named drug."""
    plural = c.form.number == "plural"
    start = _named_before(c, s)[0]
    adjectives: list[str] = []
    prev = s.word_before(start)
    while prev is not None and not s.text[prev[1] : start].strip():
        tok = s.token_before(start)
        if tok is None or not _adjective(s, tok.pos, prev[2]) or prev[2].lower() in _FORMER:
            break
        adjectives.insert(0, prev[2].lower())
        start = prev[0]
        prev = s.word_before(start)
    if prev is None or s.text[prev[1] : start].strip():
        return None
    w = prev[2].lower()
    if w in ("a", "an") and not plural:
        verb = s.word_before(prev[0])
        if verb is None or verb[2].lower() not in _STATE_VERBS:
            return None
        start = prev[0]
    elif plural and w in _PLURAL_STATE | {"both", "all"}:
        if w in ("both", "all"):
            verb = s.word_before(prev[0])
            if verb is None or verb[2].lower() not in _PLURAL_STATE:
                return None
    else:
        return None
    out = f"dependent on {_drug(c, s)}"
    degree = [_DEGREE.get(a) for a in adjectives]
    if adjectives and all(degree):
        # "a heavy cocaine addict" -> "heavily dependent on cocaine", never
        # "heavy and dependent" (the adjective was the habit's, not the person's)
        out = f"{' '.join(d for d in degree if d)} {out}"
    elif any(a in _HABIT for a in adjectives):
        return None  # "a long-term addict": no state wording keeps it; the swap or advice
    elif adjectives:
        out = f"{' '.join(adjectives)} and {out}"
    elif _participle_after(s, c.end) is not None:
        out = f"{out} and"
    return _cased(s, start, c.end, out)


_LONG = frozenset({"long-term", "longtime", "long-time", "lifelong"})


def _drug_habit_time(c: Candidate, s: Sentence) -> Span | None:
    """ "Smith, a lifelong addict, died" -> "Smith, a person who had long used
    drugs, died": the habit's time goes into the verb, never "a lifelong
    person who uses drugs"."""
    start = _named_before(c, s)[0]
    drug = _drug(c, s)
    other = re.search(r"\b([a-z]+) and $", s.text[max(0, start - 30) : start])
    if other is not None and other.group(1).lower() in _DRUGS and drug != "drugs":
        # "a long-term heroin and crack cocaine addict": both drugs
        drug = f"{other.group(1).lower()} and {drug}"
        start -= len(other.group())
    adj = s.word_before(start)
    if adj is None or s.text[adj[1] : start] != " ":
        return None
    word = adj[2].lower()
    if word == "term" and s.text[max(0, adj[0] - 5) : adj[0]].lower() == "long-":
        adj, word = (adj[0] - 5, adj[1], "long-term"), "long-term"
    if word not in _LONG:
        return None
    plural = c.form.number == "plural"
    past = any(t.tag == "VBD" for t in s.tokens or [])
    has = "had" if past else ("have" if plural else "has")
    out = f"{'people' if plural else 'person'} who {has} long used {drug}"
    return _cased(s, adj[0], c.end, out)


def _drug_former(c: Candidate, s: Sentence) -> Span | None:
    named = _named_before(c, s)[0]
    art = s.word_before(named)
    if (
        art is not None
        and art[2].lower() == "time"
        and s.text[max(0, art[0] - 4) : art[0]].lower() == "one-"
    ):
        art = (art[0] - 4, art[1], "one-time")  # "a one-time junkie": the words split at "-"
    gap = s.text[art[1] : named].strip() if art is not None else ""
    if art is None or gap not in ("", "-") or art[2].lower() not in _FORMER:
        return None  # "former junkie", "ex-junkie"
    det = s.word_before(art[0])
    if art[0] > 0 and s.text[art[0] - 1 : art[0]] == "-":  # "ex-addict" split oddly
        return None
    phrase = "people" if c.form.number == "plural" else "person"
    drug = _drug(c, s)
    out = f"{phrase} in recovery" + (f" from {drug} addiction" if drug != "drugs" else "")
    if (
        det is not None
        and det[2].lower() in ("a", "an", "the")
        and not s.text[det[1] : art[0]].strip()
    ):
        d = "the" if det[2].lower() == "the" else "a"
        return _cased(s, det[0], c.end, f"{d} {out}")
    return _cased(s, art[0], c.end, out)


def _was_a(c: Candidate, s: Sentence) -> Span | None:
    """ "He was a drug dealer as a teenager" -> "He sold drugs as a teenager";
    "they were drug dealers" -> "they sold drugs"; "he was a thug in his
    youth" -> "he was violent in his youth"; "He had been a burglar" -> "He
    had burgled homes"; "He used to be a drug dealer" -> "He used to sell
    drugs"; "He became a drug dealer at 14" -> "He started selling drugs at
    14"; "He was an inmate at HMP Wandsworth" -> "He was in prison at ...".
    The act or state in the verb's own tense, never "was a person who sells"."""
    plural = c.form.number == "plural"
    start = c.start
    if not plural:
        art = s.word_before(c.start)
        if art is None or art[2].lower() not in ("a", "an") or s.text[art[1] : c.start].strip():
            return None
        start = art[0]
    verb = s.word_before(start)
    if verb is None or s.text[verb[1] : start].strip():
        return None
    v = verb[2].lower()
    if v not in (_PLURAL_BE if plural else _SINGULAR_BE):
        return None
    nxt = s.word_after(c.end)
    if nxt is not None and nxt[2].lower() in ("who", "that", "and", "or", "with"):
        return None  # the label heads a longer noun phrase: the swap keeps it
    if _LATER_WHO.match(s.text, c.end):
        return (
            None  # "She was a fraudster, the court heard, who stole ...": the clause needs a noun
        )
    if not _own_subject(s, verb):
        return None
    state = _STATES.get(c.entry.id) or (_PLACES.get(c.entry.id) if v != "became" else None)
    if state is not None:
        return _cased(s, start, c.end, state)
    habit = _HABITS.get(c.entry.id)
    if habit is None:
        return None
    act = _armed(c, habit[0])
    if v == "became":
        # "He became a drug dealer at 14" -> "He started selling drugs at 14":
        # the change the verb told, with the act (never "became a person who sells")
        started = _inflected(act, "VBG")
        return None if started is None else _cased(s, verb[0], c.end, f"started {started}")
    if v == "be":  # "used to be a drug dealer" -> "used to sell drugs"
        return _cased(s, verb[0], c.end, act)
    if v == "been":  # "had been a burglar" -> "had burgled homes"
        done = _inflected(act, "VBN")
        return None if done is None else _cased(s, verb[0], c.end, done)
    return _cased(s, verb[0], c.end, _armed(c, habit[1]))


_SINGULAR_BE = frozenset({"was", "became", "been", "be"})
_PLURAL_BE = frozenset({"were", "became", "been", "be"})
# labels for where a person is: "was an inmate at HMP Wandsworth" -> "was in prison at ..."
_PLACES = {"inmate": "in prison", "prisoner": "in prison", "convict": "in prison"}


def _own_subject(s: Sentence, verb: tuple[int, int, str]) -> bool:
    """The verb is a person's own ("He was", "Smith had been", "they used to
    be"), not "the problem was" or "described as having been"."""
    v = verb[2].lower()
    pos = verb[0]
    if v == "been":
        aux = s.word_before(pos)
        if aux is None or aux[2].lower() not in ("had", "has", "have"):
            return False
        pos = aux[0]
    elif v == "be":
        if not s.text[max(0, pos - 8) : pos].lower() == "used to ":
            return False
        pos -= 8
    subject = s.word_before(pos)
    tok = s.token_before(pos)
    return subject is not None and (
        subject[2].lower() in _SUBJECTS or (tok is not None and tok.pos == "PROPN")
    )


def _inflected(act: str, tag: str) -> str | None:
    """ "sell drugs" -> "selling drugs" (VBG), "steal from shops" -> "stolen
    from shops" (VBN); lemminflect, loaded on first use."""
    from lemminflect import getInflection

    verb, _, rest = act.partition(" ")
    forms = getInflection(verb, tag)
    return f"{forms[0]} {rest}".strip() if forms else None


_LATER_WHO = re.compile(r"[^.;:!?]*?,[^.;:!?]*?\bwho\b", re.IGNORECASE)


def _armed(c: Candidate, act: str) -> str:
    """ "armed robber" keeps "armed": "carried out armed robberies"."""
    if "armed" in c.lower_words and "robberies" in act:
        return act.replace("robberies", "armed robberies")
    return act


# what a former status label was, as a state ("someone who was in the youth
# justice system"): never "a former child in the justice system"
_FORMER_STATES = {"young-offender": "was in the youth justice system"}


def _former_state(c: Candidate, s: Sentence) -> Span | None:
    state = _FORMER_STATES.get(c.entry.id)
    m = _FORMER_RX.search(s.text, 0, c.start)
    if state is None or m is None or not m.group("det") or c.form.number == "plural":
        return None
    if m.group("det").lower() == "the":
        return _cased(s, m.start(), c.end, f"the person who {state}")
    return _cased(s, m.start(), c.end, f"someone who {state}")


_ONCE_A = re.compile(r"\bonce\s+(?P<det>an?)\s+$", re.IGNORECASE)


def _once_a(c: Candidate, s: Sentence) -> Span | None:
    """ "Once a drug dealer, he now mentors teenagers" -> "Once a man who sold
    drugs, he now ...": "once" puts the label in the past, so the act is past
    too (never "Once a person who sells drugs")."""
    habit = _HABITS.get(c.entry.id)
    m = _ONCE_A.search(s.text, max(0, c.start - 12), c.start)
    if habit is None or m is None or c.form.number == "plural":
        return None
    if not re.match(r"\s*,", s.text[c.end :]):
        return None  # "once a burglar who ...": the clause decides the tense
    who = pronoun_person(s, False)
    return _cased(s, m.start("det"), c.end, f"a {who} who {_armed(c, habit[1])}")


def _offence_former(c: Candidate, s: Sentence) -> Span | None:
    once = _once_a(c, s)
    if once is not None:
        return once
    habit = _HABITS.get(c.entry.id)
    m = _FORMER_RX.search(s.text, 0, c.start)
    if habit is None or m is None or not m.group("det"):
        return None
    plural = c.form.number == "plural"
    who = pronoun_person(s, plural)
    d = "the" if m.group("det").lower() == "the" else "a"
    if m.group("former").lower() in ("one-time", "onetime"):
        act = f"who once {_armed(c, habit[1])}"
    else:
        act = f"who used to {_armed(c, habit[0])}"
    out, end = f"{d} {who} {act}", c.end
    again = _WHO_AFTER.match(s.text, c.end)
    if (
        again is not None
    ):  # "A former burglar who now advises" -> "... burgle homes and now advises"
        out, end = f"{out} and", again.end()
    turned = _TURNED.match(s.text, c.end)
    if turned is not None:  # "the one-time drug dealer turned youth worker"
        nxt = s.word_after(turned.end())
        article = "an" if nxt is not None and nxt[2][:1].lower() in "aeiou" else "a"
        out, end = (
            f"{d} {who} who used to {_armed(c, habit[0])} and became {article}",
            (turned.end() - 1),
        )
    return _cased(s, m.start(), end, out)


_KNIFE = re.compile(
    r"\b(?:knife|knives|stab\w*|slash\w*|blade\w*|machetes?|cleavers?)\b", re.IGNORECASE
)
# "Killer, 16, who stabbed boy": the age, then the clause that says the act
_TEEN_AGE = re.compile(r",\s+(?:aged\s+)?(1[3-9]),\s+who\b", re.IGNORECASE)
_RECORD = re.compile(
    r",?\s+with\s+((?:more than |over |at least |almost |nearly )?\d+\s+(?:previous\s+)?convictions)\b"
)
# labels for what a person did: the act is said around them
_ACT_CATEGORIES = frozenset({"offence-identity", "dehumanising"})


def _knifeman(c: Candidate, s: Sentence) -> Span | None:
    """ "A 19-year-old knifeman was arrested ... was stabbed" -> "A 19-year-old
    man": the knife is in the sentence already, "man armed with a knife"
    would say it twice."""
    if c.entry.id != "knifeman" or c.possessive:
        return None
    rest = s.text[: c.start] + " " + s.text[c.end :]
    if _KNIFE.search(rest) is None:
        return None
    plural = c.form.number == "plural"
    return _cased(s, c.start, c.end, "men" if plural else "man")


def _teenager(c: Candidate, s: Sentence) -> Span | None:
    """ "A teenage killer who ..." -> "A teenager who ..."; "Killer, 16, who
    stabbed boy" -> "Teenager, 16, who ...": the age is the text's own and the
    act is said around it, so the person needs no label at all."""
    if c.entry.category not in _ACT_CATEGORIES or c.possessive:
        return None  # "teenage inmates" keeps "in prison": a place, not an act
    plural = c.form.number == "plural"
    noun = "teenagers" if plural else "teenager"
    prev = s.word_before(c.start)
    if prev is not None and prev[2].lower() == "teenage" and not s.text[prev[1] : c.start].strip():
        before = s.word_before(prev[0])
        verb = s.word_before(before[0]) if before is not None else None
        if verb is not None and verb[2].lower() in _STATE_VERBS:
            return None  # "He was a teenage drug dealer": the label is what is said
        if before is not None and before[2].lower() in ("a", "an"):
            return _cased(s, before[0], c.end, f"a {noun}")
        return _cased(s, prev[0], c.end, noun)
    if (
        _TEEN_AGE.match(s.text, c.end)
        and (prev is None or prev[2].lower() in ("the", "a", "an") or s.headline)
        and not plural
    ):
        start = prev[0] if prev is not None and prev[2].lower() in ("a", "an", "the") else c.start
        det = s.text[start : c.start].strip().lower()
        return _cased(
            s, start, c.end, f"{'a ' if det in ('a', 'an') else det + ' ' if det else ''}{noun}"
        )
    return None


_RECORD_ENTRIES = frozenset({"persistent-offender", "career-criminal", "hardened-criminal"})
_SENTENCE_FACT = re.compile(
    r"\b(?:serv(?:ed|ing) (?:a|his|her|their)?\s*(?:\w+\s+)?sentence|jailed|sentenced|"
    r"convicted|convictions?|prison term)\b",
    re.IGNORECASE,
)


def _record_apposition(c: Candidate, s: Sentence) -> Span | None:
    """ "Bristow, a career criminal, was released ... after serving a sentence
    for burglary" -> "Bristow was released ...": the record the label claims
    is one the sentence states itself (decision 12: cut, not converted)."""
    if c.entry.id not in _RECORD_ENTRIES:
        return None
    m = re.search(r",\s+(?:an?\s+)$", s.text[: c.start])
    if m is None or s.text[c.end : c.end + 1] != ",":
        return None
    rest = s.text[: m.start()] + " " + s.text[c.end :]
    if _SENTENCE_FACT.search(rest) is None:
        return None
    return m.start(), c.end + 1, ""


def _record(c: Candidate, s: Sentence) -> Span | None:
    """ "became a prolific offender, with 96 convictions" -> "went on to have 96
    convictions"; "Pearson, a prolific offender with more than 60 previous
    convictions" -> "Pearson, a person with more than 60 previous convictions":
    the record the text gives, said once (decision 12)."""
    if c.entry.id != "persistent-offender":
        return None
    m = _RECORD.match(s.text, c.end)
    if m is None:
        return None
    art = s.word_before(c.start)
    if art is None or art[2].lower() not in ("a", "an"):
        return None
    verb = s.word_before(art[0])
    if verb is not None and verb[2].lower() == "became":
        return _cased(s, verb[0], m.end(), f"went on to have {m.group(1)}")
    return _cased(s, art[0], m.end(), f"a person with {m.group(1)}")


# compound killing labels whose own words give the count or the victim: the
# entry's shared "several murders" would change the fact
_KILLINGS = {
    "child": ("killing a child", "killing children"),
    "double": ("two killings", "two killings"),
    "triple": ("three killings", "three killings"),
}
_STATUS_VERB = {
    "convicted": "convicted of",
    "sentenced": "convicted of",
    "released": "convicted of",
    "charged": "accused of",
    "on_trial": "accused of",
    "arrested": "suspected of",
}


def _compound_killer(c: Candidate, s: Sentence, status: str | None) -> Span | None:
    """ "child killers" (sentenced) -> "people convicted of killing children";
    "the double killer" (charged) -> "the person accused of two killings"."""
    words = c.lower_words
    if len(words) < 2 or not words[-1].startswith("killer") or words[0] not in _KILLINGS:
        return None
    verb = _STATUS_VERB.get(status or "")
    if verb is None:
        return None
    plural = c.form.number == "plural"
    what = _KILLINGS[words[0]][1 if plural else 0]
    return _cased(s, c.start, c.end, f"{'people' if plural else 'person'} {verb} {what}")


# in court the role ("the defendant") is the wording the trial group uses
_COURT = frozenset({"charged", "on_trial"})


# labels that say only "has been in prison": the sentence often says it better
_PRISON_PAST = frozenset({"ex-con", "ex-inmate", "ex-prisoner", "ex-offender"})
_SERVED = re.compile(r"\s+who\s+(?:had\s+|has\s+)?(?:served|spent)\b", re.IGNORECASE)
_PRISON_FACT = re.compile(
    r"\b(?:prisons?|HMP|jail\w*|inside|served|serving|sentence|release[sd]?|leaving)\b",
    re.IGNORECASE,
)


def _prison_past(c: Candidate, s: Sentence) -> Span | None:
    """ "a former inmate who served nine years" -> "a person who served nine
    years"; "Mr Ahmed, a former prisoner who spent 12 years inside" -> "Mr
    Ahmed, who spent 12 years inside"; "The ex-prisoner, 60, says he ... since
    leaving HMP Dartmoor" -> "The man, 60, says he ...": the sentence states the
    prison time, so the label adds nothing but the stigma (decision 14)."""
    if c.entry.id not in _PRISON_PAST or c.form.number == "plural":
        return None
    start = c.start
    prev = s.word_before(start)
    if prev is not None and prev[2].lower() in _FORMER and not s.text[prev[1] : start].strip():
        start = prev[0]
        prev = s.word_before(start)
    if prev is None or s.text[prev[1] : start].strip() or prev[2].lower() not in ("a", "an", "the"):
        return None
    det = prev[2].lower()
    if _SERVED.match(s.text, c.end):
        comma = s.text.rfind(",", 0, prev[0])
        name = s.token_before(comma) if comma > 0 else None
        if det != "the" and comma >= 0 and not s.text[comma + 1 : prev[0]].strip():
            if name is not None and name.pos == "PROPN":
                return comma, c.end, ","  # the apposition goes: the clause says it
        return _cased(s, prev[0], c.end, f"{'the' if det == 'the' else 'a'} person")
    rest = s.text[: prev[0]] + " " + s.text[c.end :]
    person = pronoun_person(s, False)
    subject = _SUBJECT_PRONOUN.search(s.text, c.end)
    if det == "the" and person != "person" and subject and _PRISON_FACT.search(rest):
        # the pronoun is the label's own subject later on ("The ex-prisoner, 60,
        # says he ..."), not an object that may be someone else ("met her")
        return _cased(s, prev[0], c.end, f"the {person}")
    return None


_SUBJECT_PRONOUN = re.compile(
    r"\b(?:he|she)\b(?=\s+(?:\w+ed|had|has|was|is|would|will|said|says|told|spent|served|\w+s)\b)",
    re.IGNORECASE,
)


def tense_fit(c: Candidate, s: Sentence, status: str | None = None) -> Span | None:
    """Wording that keeps the tense and the facts the label carried (see the
    module docstring), or None where the ordinary swap fits.  ``status`` is
    the legal status read for the person, where the entry needed it."""
    if c.possessive:
        return None
    left = kept_fact(c, s, status)
    if left is not None:
        return left
    killer = _compound_killer(c, s, status) if status not in _COURT else None
    if killer is not None:  # in court the role ("the defendant") comes first
        return killer
    facts = (
        (_record,)
        if status in _COURT
        else (_record, _record_apposition, _knifeman, _teenager, _prison_past)
    )
    for rule in facts:
        r = rule(c, s)
        if r is not None:
            return r
    if c.entry.category == "drug-use" and not c.entry.id.startswith("former"):
        return _drug_state(c, s) or _drug_former(c, s) or _drug_habit_time(c, s)
    was = _was_a(c, s) if status not in _COURT else None  # in court the role wins
    return was or _offence_former(c, s) or _former_state(c, s) or _former_any(c, s, status)


def _former_any(c: Candidate, s: Sentence, status: str | None) -> Span | None:
    """Any other label after "former" (framing.former): the wording in the past."""
    start, names = _named_before(c, s)
    drug = _drug(c, s) if names else "drugs"
    return former_fit(c, s, status, pronoun_person(s, c.form.number == "plural"), drug, start)
