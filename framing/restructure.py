"""Rewrites that restructure the clause around a label, where a swap of the
word alone would repeat the verb or read badly (issue 10, "no tautologies").

- a headline whose subject is the label and whose verb is the act
  ("Thugs attack bus driver", "Robbers raid jeweller's in broad daylight"):
  the passive, which needs no subject at all ("Bus driver attacked",
  "Jeweller's raided in broad daylight");
- a plural label whose own verb states the act ("Looters looted shops",
  "The vandals vandalised the shelter", "Criminals commit most crimes"),
  where the lexicon's wording is a clause that would say it twice ("People
  who took part in the looting looted") or where no wording fits: "People"
  (the verb already says what they did, and "people" asserts no status);
- an offence label owning its victims ("The fraudster's victims"): "the
  victims of the fraud", which keeps the offence and names no one.

Each returns ``None`` where it does not apply; the word-level fit is then used.
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.candidate import Candidate, Sentence, Tok
from framing.coordination import OFFENCES
from framing.inflect import indefinite_article, match_case
from framing.sentences import case_style

Span = tuple[int, int, str]

# acts a headline's subject does to an object: only these take the passive
# ("Thugs face jail" must not become "Jail faced")
_ACT_VERBS = frozenset(
    "attack assault batter beat burgle con defraud dupe hurl injure invade kill loot mug "
    "murder punch raid ransack rob scam smash snatch stab steal storm strike swindle target "
    "terrorise terrorize threaten throw torch trash vandalise vandalize wreck hit kick "
    "harass abuse fleece prey".split()
)
# labels whose people a headline can leave out: offence and tabloid labels,
# not people defined by where they are ("Inmates stage rooftop protest")
_ACTOR_CATEGORIES = frozenset({"offence-identity", "dehumanising"})
_ROLE_STATUSES = frozenset({"unknown", "group_generic", "wanted", "suspected"})
_AGENT = re.compile(r"(?:sters?|ers?|ists?|als?|s)$")


@lru_cache(maxsize=512)
def _verb_lemma(word: str) -> str | None:
    """The verb a headline word is a form of (None when it is no verb).  The
    tagger reads headline verbs as nouns ("Thugs attack/NN bus driver"), so
    this asks lemminflect's dictionary, loaded on first use only."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower(), "VERB").get("VERB")
    return lemmas[0] if lemmas else None


@lru_cache(maxsize=512)
def _participle(lemma: str) -> str | None:
    from lemminflect import getInflection

    forms = getInflection(lemma, "VBN")
    return forms[0] if forms else None


def _words_after(s: Sentence, offset: int) -> list[Tok]:
    return [t for t in s.tokens_in(offset, len(s.text)) if not t.text.isspace()]


def headline_like(s: Sentence) -> bool:
    """A headline: Title Case or capitals, or a short line in sentence case
    with no full stop ("Thugs attack bus driver")."""
    text = s.text.strip()
    return s.headline or (
        bool(text) and not text.endswith((".", "!", "?", '"', "”")) and len(text.split()) <= 14
    )


def headline_passive(c: Candidate, s: Sentence, status: str | None) -> Span | None:
    """ "Thugs attack bus driver" -> "Bus driver attacked"."""
    if not headline_like(s) or c.possessive or s.text[: c.start].strip():
        return None
    if c.entry.category not in _ACTOR_CATEGORIES or c.form.number != "plural":
        return None
    if status is not None and status not in _ROLE_STATUSES:
        return None
    after = _words_after(s, c.end)
    if len(after) < 2:
        return None
    verb = after[0]
    lemma = _verb_lemma(verb.text)
    if lemma is None or lemma not in _ACT_VERBS:
        return None
    obj_end = None
    for t in after[1:]:
        if t.tag in ("IN", "TO", "CC", ",", ":", ".", "HYPH") or t.pos == "PUNCT":
            break
        obj_end = t.end
    if obj_end is None:
        return None
    participle = _participle(lemma)
    if participle is None:
        return None
    obj = s.text[after[1].start : obj_end]
    style = s.memo("case_style", lambda: case_style(s.text))
    out = match_case(s.text[c.start : obj_end], f"{obj} {participle}", style)
    out = out[0].upper() + out[1:]
    return c.start, obj_end, out


def _stem(c: Candidate) -> str:
    last = c.lower_words[-1] if c.lower_words else c.text.lower()
    last = last.rstrip("'’")
    return _AGENT.sub("", last)


def _act_stated(c: Candidate, s: Sentence, alternative: str | None) -> bool:
    """The verb right after the label (or its object) states the label's act:
    it shares the label's stem ("Looters looted", "Fraudsters defrauded",
    "Criminals commit ... crimes") or the wording's own verb ("people who
    commit crime commit")."""
    after = _words_after(s, c.end)
    if (
        not after
        or after[0].pos not in ("VERB", "AUX")
        or after[0].tag
        not in (
            "VBD",
            "VBP",
            "VBZ",
        )
    ):
        return False
    stem = _stem(c)
    near = " ".join(t.text.lower() for t in after[:4])
    if len(stem) >= 4 and stem[:4] in near:
        return True
    if alternative:
        words = alternative.lower().split()
        lemma = (after[0].lemma or after[0].text).lower()
        if "who" in words and lemma in words[words.index("who") + 1 :][:1]:
            return True
    return False


def tautological_subject(
    c: Candidate, s: Sentence, plural: bool, status: str | None, rewrite: str | None
) -> Span | None:
    """ "Looters looted shops" -> "People looted shops"; "The vandals
    vandalised the shelter" -> "People vandalised the shelter".  Only where
    the lexicon's wording is a clause (it would repeat the act) or nothing
    fits; a single noun that does not repeat it ("Intruders burgled 40
    homes", "The raiders robbed") is kept."""
    if c.possessive or not plural:
        return None
    if status is not None and status not in _ROLE_STATUSES:
        return None
    if rewrite is not None and len(rewrite.split()) < 3:
        return None
    if not _act_stated(c, s, rewrite):
        return None
    start = c.start
    det = s.word_before(c.start)
    if det is not None and det[2].lower() == "the" and not s.text[det[1] : c.start].strip():
        start = det[0]
    before = s.text[:start].rstrip()
    if before and before[-1] not in ".!?:\"“‘'(—–-":
        return None  # the subject of the sentence only: "said the looters looted" is rare
    style = s.memo("case_style", lambda: case_style(s.text))
    return start, c.end, match_case(s.text[start : c.end], "people", style)


_VICTIMS = re.compile(r"\s*(?P<noun>victims?)\b", re.IGNORECASE)


def offence_victims(c: Candidate, s: Sentence) -> Span | None:
    """ "The fraudster's victims" -> "The victims of the fraud"."""
    offence = OFFENCES.get(c.entry.id)
    if not c.possessive or offence is None:
        return None
    m = _VICTIMS.match(s.text, c.end)
    if m is None:
        return None
    start = c.start
    det = s.word_before(c.start)
    if (
        det is not None
        and det[2].lower() in ("the", "a", "an")
        and not s.text[det[1] : c.start].strip()
    ):
        start = det[0]
    the = "the " if not offence.endswith(("offences", "abuse")) else ""
    out = f"the {m.group('noun').lower()} of {the}{offence}"
    style = s.memo("case_style", lambda: case_style(s.text))
    return start, m.end(), match_case(s.text[start : m.end()], out, style)


_POSSESSIVE_DETS = frozenset({"the", "both", "two", "three", "four", "five"})
_BEFORE_ARREST = frozenset({"wanted", "suspected", "arrested"})


def suspect_possessive(c: Candidate, s: Sentence, plural: bool, status: str | None) -> Span | None:
    """ "Both thieves' faces were caught on CCTV" (sought) -> "Both suspects'
    faces": before a charge, the role takes the possessive as the label did
    (in court "the defendant's" does, framing.roles)."""
    if not c.possessive or status not in _BEFORE_ARREST:
        return None
    det = s.word_before(c.start)
    if det is None or det[2].lower() not in _POSSESSIVE_DETS or s.text[det[1] : c.start].strip():
        return None
    word = "suspects'" if plural else "suspect's"
    style = s.memo("case_style", lambda: case_style(s.text))
    return c.start, c.end, match_case(c.text, word, style, at_start=False)


_CLAUSE = re.compile(r"\b(?P<who>who) (?P<verb>[a-z]+)(?P<rest>(?: [a-z]+){1,3})$")
_NOT_PARTICIPLE = frozenset(
    "have has had are is was were used be been do does did can will would may might".split()
)


def participle_before_participle(rewrite: str, s: Sentence, end: int) -> str:
    """ "people who sell drugs gathering in the park" -> "people selling drugs
    gathering in the park": a relative clause right before the sentence's own
    -ing participle reads as a garden path; the participle form does not."""
    nxt = s.token_after(end)
    if nxt is None or nxt.tag != "VBG" or s.text[end : nxt.start].strip():
        return rewrite
    m = _CLAUSE.search(rewrite)
    if m is None or m.group("verb") in _NOT_PARTICIPLE:
        return rewrite
    from lemminflect import getInflection, getLemma

    lemmas = getLemma(m.group("verb"), "VERB")
    forms = getInflection(lemmas[0], "VBG") if lemmas else ()
    if not forms:
        return rewrite
    gerund: str = forms[0]
    return rewrite[: m.start("who")] + gerund + m.group("rest")


_SHARED = re.compile(r"\b(?P<adj>[A-Za-z]+) (?P<conj>and|or) $")


def shared_adjective(c: Candidate, s: Sentence, start: int, rewrite: str) -> Span | bool | None:
    """ "Sexual and violent offenders" shares "offenders" between two
    adjectives: the rewrite takes both ("People convicted of sexual and
    violent offences"), or is advice only where its wording has no place for
    the first ("Sexual and people convicted of ..." is no English).  None
    where no adjective is coordinated with the label's own."""
    if len(c.lower_words) < 2 or start != c.start:
        return None
    m = _SHARED.search(s.text, 0, c.start)
    if m is None:
        return None
    tok = s.token_after(m.start("adj"))
    own = c.lower_words[0]
    if tok is None or tok.pos != "ADJ":
        return None
    head = s.token_after(c.start)
    if head is None or head.pos != "ADJ" and not own.endswith(("ent", "al", "ual", "ous")):
        return None
    words = rewrite.split()
    if own not in (w.lower() for w in words):
        return False
    i = next(k for k, w in enumerate(words) if w.lower() == own)
    words[i : i + 1] = [m.group("adj").lower(), m.group("conj"), words[i]]
    out = " ".join(words)
    style = s.memo("case_style", lambda: case_style(s.text))
    return m.start("adj"), c.end, match_case(s.text[m.start("adj") : c.end], out, style)


_COUNTS = {"double": "two", "triple": "three", "quadruple": "four"}
_COUNTED = re.compile(r"\b(?:(?P<conv>convicted)\s+)?(?P<count>double|triple|quadruple)\s+$", re.I)
_OFFENCE_OF = re.compile(r"\bof (?P<offence>murder|rape|killing)$")


def counted_offence(c: Candidate, s: Sentence, start: int, rewrite: str) -> Span | bool | None:
    """ "a convicted double murderer" -> "a person convicted of two murders":
    the count moves into the offence, or the label is advice ("a double person
    convicted of murder" is no English).  None where no count precedes."""
    if start != c.start:
        return None
    m = _COUNTED.search(s.text, 0, c.start)
    if m is None:
        return None
    o = _OFFENCE_OF.search(rewrite)
    if o is None:
        return False
    offence = o.group("offence")
    plural = {"murder": "murders", "rape": "rapes", "killing": "killings"}[offence]
    out = rewrite[: o.start("offence")] + f"{_COUNTS[m.group('count').lower()]} {plural}"
    begin = m.start("conv") if m.group("conv") and "convicted" in rewrite else m.start("count")
    style = s.memo("case_style", lambda: case_style(s.text))
    return begin, c.end, match_case(s.text[begin : c.end], out, style)


_DONE_TO = frozenset({"released", "freed", "jailed", "deported", "paroled"})


def participle_after(
    c: Candidate, s: Sentence, start: int, rewrite: str, plural: bool
) -> Span | None:
    """ "monitoring of released sex offenders" -> "monitoring of people
    convicted of sexual offences who have been released": a participle before
    a label whose wording ends in its own phrase moves into a clause after it."""
    if start != c.start or " " not in rewrite:
        return None
    prev = s.word_before(c.start)
    if prev is None or prev[2].lower() not in _DONE_TO or s.text[prev[1] : c.start] != " ":
        return None
    before = s.word_before(prev[0])
    if before is not None and before[2].lower() in ("has", "have", "was", "were", "been", "is"):
        return None  # "was released offenders ..." is no modifier
    verb = "have" if plural else "has"
    out = f"{rewrite} who {verb} been {prev[2].lower()}"
    style = s.memo("case_style", lambda: case_style(s.text))
    return prev[0], c.end, match_case(s.text[prev[0] : c.end], out, style)


_DRUG_NAMES = {
    "heroin": "heroin",
    "cocaine": "cocaine",
    "cannabis": "cannabis",
    "crack": "crack cocaine",
    "ketamine": "ketamine",
    "meth": "methamphetamine",
    "spice": "spice",
    "ecstasy": "ecstasy",
}
_PEOPLE_WORDS = frozenset("person people man men woman women".split())
# a rewrite that opens with its own determiner starts a new phrase: the noun
# before it is no compound ("after the attack the person responsible")
_SPAN_DETS = frozenset("the a an this that these those".split())


def compound_modifier(c: Candidate, s: Sentence, start: int, rewrite: str) -> Span | bool | None:
    """A noun compounded before the label ("cannabis dealer", "traffic
    offenders", "Lycra louts"): a drug name specifies the wording's own
    "drugs" ("the person who sells cannabis"); any other noun before a person
    phrase would read "traffic people who have offended", so the label is
    advice only."""
    named = _named_drugs(c, s, start, rewrite)
    if named is not None:
        return named
    tok = s.token_before(start)
    if tok is None or s.text[tok.end : start] != " " or s.text[tok.start - 1 : tok.start] == "-":
        return None  # ("such a high-profile inmate": an adjective, whatever its last part)
    people = _PERSON_MODIFIERS.get(tok.text.lower())
    placed = _PLACED.match(rewrite)
    if people is not None and placed is not None:
        # "Islamic terrorist inmates" -> "Islamic terrorists in prison": the
        # noun names the people, the wording's place follows it
        noun = people[1] if placed.group(1).lower() == "people" else people[0]
        out = noun + rewrite[placed.end(1) :]
        if tok.text[:1].isupper():
            out = out[0].upper() + out[1:]
        return tok.start, c.end, out
    words = rewrite.split()
    drug = _DRUG_NAMES.get(tok.text.lower())
    if drug is not None and "drugs" in words and tok.pos in ("NOUN", "PROPN"):
        out = " ".join(drug if w == "drugs" else w for w in words)
        if tok.text[:1].isupper():
            out = out[0].upper() + out[1:]
        return tok.start, c.end, out
    if tok.pos not in ("NOUN", "PROPN"):
        return None
    # a line's first word has a capital of its own ("Traffic offenders"), an acronym not
    at_start = not s.text[: tok.start].strip() and s.text[tok.start + 1 : tok.end].islower()
    if tok.pos == "PROPN" and (s.headline or at_start):
        return None  # a capital in a headline or at the start says nothing
    if tok.pos == "NOUN" and (not (tok.text.islower() or at_start) or tok.tag != "NN"):
        return None  # a plural noun before a label is most often a verb misread ("Prison moves")
    first = words[0].lower() if words else ""
    if len(words) > 1 and (
        first in _PEOPLE_WORDS or first not in _SPAN_DETS and words[1].lower() in _PEOPLE_WORDS
    ):
        return False  # "Lycra people involved in ...", "Lycra young people"
    return None


# nouns for people that can stand before a prison label ("terrorist inmates")
_PERSON_MODIFIERS = {
    "terrorist": ("terrorist", "terrorists"),
    "child": ("child", "children"),
    "teenager": ("teenager", "teenagers"),
    "pensioner": ("pensioner", "pensioners"),
    "veteran": ("veteran", "veterans"),
    "mother": ("mother", "mothers"),
    "father": ("father", "fathers"),
}
_PLACED = re.compile(r"^(person|people)(?= in (?:prison|custody)$)", re.IGNORECASE)


_DRUG_GAP = re.compile(r"^(?:,\s*|\s+and\s+|\s+or\s+|\s+)$")


def _named_drugs(c: Candidate, s: Sentence, start: int, rewrite: str) -> Span | None:
    """ "a heroin and crack cocaine addict" -> "a person who uses heroin and
    crack cocaine": the drugs the label names, with those coordinated before
    it, take the place of the wording's "drugs" (the named drug survives)."""
    words = rewrite.split()
    if "drugs" not in words or start != c.start:
        return None
    own = [w for w in c.lower_words if w in _DRUG_NAMES]
    if not own:
        return None
    begin = c.start
    while True:
        tok = s.token_before(begin)
        if tok is None or tok.text.lower() not in _DRUG_NAMES:
            gap_tok = tok
            if gap_tok is None or gap_tok.text.lower() not in ("and", "or", ","):
                break
            prev = s.token_before(gap_tok.start)
            if prev is None or prev.text.lower() not in _DRUG_NAMES:
                break
            begin = prev.start
            continue
        if not _DRUG_GAP.match(s.text[tok.end : begin]) and s.text[tok.end : begin] != " ":
            break
        begin = tok.start
    label_drugs = s.text[c.start : c.end].rsplit(" ", 1)[0] if " " in c.text else ""
    phrase = (s.text[begin : c.start] + label_drugs).strip()
    if phrase.lower() == "crack":
        phrase = "crack cocaine"
    if not phrase:
        return None
    out = " ".join(phrase if w == "drugs" else w for w in words)
    return begin, c.end, out


_SINGULAR_HEADS = frozenset({"person", "man", "woman"})


def bare_singular(s: Sentence, start: int, rewrite: str) -> str | None:
    """ "the apartment of accused serial rapist and former porn star Ron
    Jeremy" -> "of a man accused of rape": a label can stand bare as a title
    before a name, but "person"/"man"/"woman" cannot, so after a preposition
    in running text the wording takes its article."""
    words = rewrite.split()
    if not words or words[0].lower() not in _SINGULAR_HEADS or headline_like(s):
        return None
    tok = s.token_before(start)
    if tok is None or tok.pos != "ADP" or s.text[tok.end : start] != " ":
        return None
    if tok.text.lower() in ("per", "via"):
        return None  # "£20,000 per person": a rate takes no article
    return f"{indefinite_article(rewrite)} {rewrite}"


_HEDGE_BEFORE = re.compile(
    r"\b(?:(?P<art>an?|the)\s+)?(?P<hedge>alleged|suspected)\s+(?P<mods>(?:[a-z]+-[a-z]+\s+|[a-z]+\s+){1,2})$",
    re.IGNORECASE,
)


def distant_hedge(c: Candidate, s: Sentence, start: int, rewrite: str) -> Span | None:
    """ "an alleged knife-wielding robber" -> "a knife-wielding person accused of
    robbery": a hedge the wording already says goes, though adjectives stand
    between it and the label (the article follows the new first word)."""
    if start != c.start or not ({"accused", "suspected"} & set(rewrite.lower().split())):
        return None
    m = _HEDGE_BEFORE.search(s.text, 0, c.start)
    if m is None:
        return None
    for w in re.finditer(r"\S+", s.text[m.start("mods") : c.start]):
        if "-" in w.group():
            continue  # "knife-wielding": a compound adjective
        tok = s.token_after(m.start("mods") + w.start())
        if tok is None or tok.pos not in ("ADJ", "VERB"):
            return None  # only adjectives between ("alleged gang robber" is another thing)
    mods = m.group("mods")
    if m.group("art"):
        art = m.group("art")
        new_art = art if art.lower() == "the" else indefinite_article(mods)
        out = f"{new_art} {mods}{rewrite}"
        begin = m.start("art")
        if art[:1].isupper():
            out = out[0].upper() + out[1:]
    else:
        out, begin = f"{mods}{rewrite}", m.start("hedge")
    return begin, c.end, out


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "their", "its"})


def generic_act(c: Candidate, s: Sentence, start: int, end: int, rewrite: str) -> Span | None:
    """ "Killers should be sentenced to life" -> "People convicted of killing
    should be ...": the wording's "the killing" names one act, which a generic
    or indefinite label has not; "the killers ... " and "killers of X" keep it."""
    if not rewrite.endswith(" of the killing") or s.text[end : end + 4] == " of ":
        return None
    prev = s.word_before(c.start)  # the label's own determiner, inside the span or not
    if prev is not None and not s.text[prev[1] : c.start].strip():
        w = prev[2].lower()
        if w in _DEFINITE or w.endswith(("'s", "’s", "s'")):
            return None
    return start, end, rewrite[: -len(" of the killing")] + " of killing"


_FELLOW = re.compile(
    r"(?:\b(?P<owner>his|her|their|my|our|your|its|an?|the)\s+)?\b(?P<fellow>fellow)\s+$",
    re.IGNORECASE,
)
_PERSON_HEAD = re.compile(r"^(?:person|people|man|men|woman|women)\b", re.IGNORECASE)


def fellow(c: Candidate, s: Sentence, start: int, rewrite: str) -> Span | None:
    """ "Fellow inmates said" -> "Other people in prison said"; "his fellow
    prisoners" -> "the other people in prison": "fellow" before a person
    phrase is no English ("fellow people in prison")."""
    if start != c.start or _PERSON_HEAD.match(rewrite) is None:
        return None
    m = _FELLOW.search(s.text, max(0, c.start - 20), c.start)
    if m is None:
        return None
    owner = (m.group("owner") or "").lower()
    begin = m.start("owner") if owner else m.start("fellow")
    other = {"": "other", "a": "another", "an": "another"}.get(owner, "the other")
    out = f"{other} {rewrite[0].lower()}{rewrite[1:]}"
    style = s.memo("case_style", lambda: case_style(s.text))
    return begin, c.end, match_case(s.text[begin : c.end], out, style)
