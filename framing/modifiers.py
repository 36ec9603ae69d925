"""A label used before another noun, or before a name: where a swap of the
word alone would not be grammatical ("Person in prison numbers have risen").

- before a proper name, as a title ("Killer Terence Whall", "art thief
  Octave Durham", "Inmate Eric Rudolph"): the label is cut, with the
  modifiers it carries ("Double murderer Zahid Younis" -> "Zahid Younis");
  the name says who, and cutting states no status;
- before a noun for a person ("Killer nurse Jane Cole", "Yob grandson, 32"):
  the label is cut and the noun keeps its place ("Nurse Jane Cole");
- before a noun the people are the topic of ("inmate numbers", "inmate
  deaths", "prisoner voting rights", "drug dealer turf wars"): the phrase
  is restructured around the noun with the preposition it takes ("the
  number of people in prison", "deaths of people in prison", "voting rights
  for people in prison", "turf wars between people who sell drugs"), the verb
  made to agree where "numbers" becomes "the number";
- any other noun ("thug culture", "inmate-on-inmate"): no rewrite, advice
  only, since no swap of the word alone reads as English.
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence, Tok
from framing.coordination import LIST_VERBS, OFFENCES, act_noun
from framing.former import shares_former
from framing.inflect import match_case
from framing.names import before_name, headline_name
from framing.restructure import headline_like

Span = tuple[int, int, str]

# what may stand before a title-like label that is cut ("by art thief Octave Durham")
_CUT_AFTER = frozenset({"ADP", "VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PART"})
# a caption: the label, a colon, a name ("Thug: Alfred Stanley")
_CAPTION = re.compile(r":\s+(?=[A-Z][a-z])")
# the preposition each topic noun takes (its head, lower case, plural as written)
_TOPIC: dict[str, str] = {
    "numbers": "of",
    "deaths": "of",
    "suicides": "of",
    "counts": "of",
    "checks": "on",
    "services": "for",
    "rights": "for",
    "schemes": "for",
    "programmes": "for",
    "programs": "for",
    "courses": "for",
    "housing": "for",
    "wars": "between",
    "violence": "between",
    "feuds": "between",
    "rate": "among",
    "rates": "among",
    "gang": "of",
    "gangs": "of",
    "accommodation": "for",
    "support": "for",
    "population": "of",
    "families": "of",
    "relatives": "of",
    "welfare": "of",
    "health": "of",
    "wellbeing": "of",
    "safety": "of",
    "supervision": "of",
    "tagging": "of",
    "monitoring": "of",
    "transfers": "of",
    "complaints": "from",
    "calls": "from",
    "letters": "from",
    "data": "on",
    "treatment": "for",
}
# topic nouns that are verbs too ("Inmate calls for reform"): nouns only where tagged so
_ALSO_VERBS = frozenset({"calls", "transfers", "checks", "rates", "counts", "schemes"})
_DET_WORDS = frozenset("the a an this that these those his her their its our my your".split())
# topic nouns that take "the" before their "of" ("The welfare of people in
# prison must come first"); a plural ("Deaths of people in prison") needs none
_THE_OF = frozenset("welfare health wellbeing safety supervision tagging monitoring".split())
# what a prison label becomes before a noun that already implies the prison:
# "the prisoner population" -> "the prison population", "the early prisoner
# release scheme" -> "the early release scheme" (the person-first swap,
# "people in prison population", is no English)
_PRISON_LABELS = frozenset({"prisoner", "inmate"})
_PRISON_TOPIC = {"population": "prison", "release": "", "releases": ""}
_HEADS = _TOPIC.keys() | _PRISON_TOPIC.keys()
# nouns for what an offence is organised around: the offence names it
# ("paedophile ring" -> "child sexual abuse ring", "drug dealer lists" ->
# "drug dealing lists"); the people are not the topic, the offence is
_ENTERPRISE = frozenset(
    "ring rings network networks operation operations empire lists list phone phones "
    "line lines den dens case cases trial trials investigation investigations inquiry probe "
    "inquest".split()
)
# the offence a label names where it stands before such a noun ("the Claremont
# serial killer case" -> "the Claremont serial killings case")
_OFFENCE_BEFORE = {**OFFENCES, "serial-killer": "serial killings"}
# nouns for people a label can stand before as a modifier ("killer nurse")
_PERSON_NOUNS = frozenset(
    "nurse teacher grandson granddaughter mum mother dad father son daughter brother sister "
    "husband wife boyfriend girlfriend doctor priest carer landlord neighbour student "
    "footballer boxer grandfather grandmother uncle aunt nephew niece cousin".split()
)
_PERSON_PLURALS = frozenset(
    "parents mums mothers dads fathers sons daughters brothers sisters husbands wives "
    "teachers nurses doctors students neighbours carers drivers motorists".split()
)
# verbs that agree with "numbers" and change when it becomes "the number"
_AGREE = {"have": "has", "are": "is", "were": "was", "hit": "hits", "rise": "rises",
          "fall": "falls", "remain": "remains", "reach": "reaches", "show": "shows",
          "continue": "continues", "soar": "soars", "double": "doubles", "grow": "grows",
          "increase": "increases", "climb": "climbs", "drop": "drops", "top": "tops",
          "exceed": "exceeds", "surge": "surges", "jump": "jumps", "treble": "trebles",
          "halve": "halves", "peak": "peaks", "stand": "stands", "keep": "keeps"}  # fmt: skip
# verbs whose clause may open with the numbers as its subject ("said inmate numbers have")
_REPORTING = frozenset(
    "say show reveal suggest mean warn claim think believe find report confirm indicate "
    "fear predict estimate".split()
)
# verbs that agree with any subject: modals ("will rise") and past forms ("rose")
_MODALS = frozenset("will would could can may might should must shall".split())
# a place the sentence already gives after the topic noun ("Inmate deaths in
# custody"): the wording then leaves its own out ("Deaths of people in custody")
_PLACE_AFTER = re.compile(r"\s+(?:in|at)\s+(?:custody|prison|jail|gaol)\b", re.IGNORECASE)
_OWNERS = frozenset({"his", "her", "their", "my", "our", "your"})
_NOUN_LABEL_CATEGORIES = frozenset(
    {"person-label", "soft-person-label", "offence-identity", "dehumanising", "drug-use"}
)


def _toks_after(s: Sentence, offset: int, n: int) -> list[Tok]:
    out: list[Tok] = []
    for t in s.tokens_in(offset, len(s.text)):
        if t.text.isspace():
            continue
        out.append(t)
        if len(out) >= n:
            break
    return out


def modifier_fit(c: Candidate, s: Sentence, plural_alt: str | None) -> Span | None | bool:
    """A rewrite for a label used as a modifier, ``False`` when it is one but
    nothing fits (advice only), or ``None`` when the label is no modifier."""
    if c.possessive or c.entry.category not in _NOUN_LABEL_CATEGORIES or not s.tokens:
        return None
    if not c.entry.alternatives:
        return None  # the lexicon's decision: no swap, advice only ("Evil: ...")
    if shares_former(c, s):
        return False  # "a former addict and drug dealer": the "former" is this one's too
    caption = _CAPTION.match(s.text, c.end)
    if caption is not None and not s.text[: c.start].strip() and c.entry.category != "drug-use":
        return c.start, caption.end(), ""  # "Thug: Alfred Stanley" -> "Alfred Stanley"
    both = _reciprocal(c, s, plural_alt)
    if both is not None:
        return both
    gap = s.text[c.end : c.end + 1]
    if gap != " ":
        return None
    head = s.head_token(c)
    nxt = _toks_after(s, c.end, 6)
    if head is None or not nxt or c.form.number == "plural":
        return None
    first = nxt[0]
    if head.tag not in ("NN", "NNP") and not (_names_a_person(c) and _noun_follows(s, nxt)):
        # the tagger reads a line-initial or pre-noun label as an adjective or a
        # verb ("Addict/JJ numbers", "Inmate/VB mental health services"); the
        # entry is a noun, so what follows decides
        return None
    headline = s.headline
    # before a proper name: cut the label (and its own modifiers)
    if (
        first.tag == "NNP"
        and first.text[:1].isupper()
        and (not headline or headline_name(s, first))
    ):
        return _before_name(c, s, first)
    # a noun for a person is one in any case: a Title Case line tags "Junkie
    # Mum" and "Yob grandson" as proper names, yet "Mum" is no one's name here
    person_noun = first.text.lower() in _PERSON_NOUNS | _PERSON_PLURALS and first.pos in (
        "NOUN",
        "PROPN",
    )
    # "Inmate Numbers Hit ...", "Prisoner Voting Rights Debated": a topic noun is no name
    topic = any(t.text.lower() in _HEADS - _ALSO_VERBS for t in _noun_run(nxt, headline))
    if (
        not person_noun
        and not topic
        and (
            not _noun_follows(s, nxt) or first.text[:1].isupper() and headline and first.tag != "NN"
        )
    ):
        return None
    got = _before_person(c, s, first, person_noun)
    if got is not None:
        return got
    return _topic(c, s, nxt, plural_alt)


def _before_person(c: Candidate, s: Sentence, first: Tok, person_noun: bool) -> Span | bool | None:
    """A label before a noun for people: "Parents who use drugs", "Drivers who
    kill", or the label cut ("Killer nurse Jane Cole" -> "Nurse Jane Cole")."""
    word = first.text.lower()
    if c.entry.category == "drug-use" and word in _PERSON_NOUNS | _PERSON_PLURALS:
        got = _drug_use_person(c, s, first)
        if got is not None:
            return got
    if word in _PERSON_PLURALS:
        act = _act_people(c, s, first)
        if act is not None:
            return act
    if not person_noun or word not in _PERSON_NOUNS:
        return None  # "Yob grandsons" is left to the topic wording, as before
    start = _modifiers_start(c, s)
    out = first.text
    if s.text[start : c.end][:1].isupper():
        out = out[0].upper() + out[1:]
    return start, first.end, out


def _before_name(c: Candidate, s: Sentence, first: Tok) -> Span | bool:
    """ "Killer Terence Whall" -> "Terence Whall"; advice where a cut would
    leave nonsense."""
    start = _modifiers_start(c, s)
    before = [t for t in s.tokens_in(max(0, start - 40), start) if not t.text.isspace()]
    if before and before[-1].pos not in _CUT_AFTER:
        # "the convicted paedophile Epstein", "James Bulger killer Jon Venables",
        # "Texas death row prisoner Rodney Reed": a cut would leave nonsense
        return False
    # the label goes; what it said moves after the name where needed (framing.names)
    return before_name(c, s, first, start)


_RECIPROCAL = re.compile(r"-on-(?P<word>[A-Za-z]+)(?= )")
_RECIPROCAL_TAIL = re.compile(r"\b[A-Za-z]+-on-$")


def _reciprocal(c: Candidate, s: Sentence, plural_alt: str | None) -> Span | bool | None:
    """ "Inmate-on-inmate violence" -> "Violence between people in prison"; the
    second half gets no rewrite (the first says both); None elsewhere."""
    if _RECIPROCAL_TAIL.search(s.text, 0, c.start):
        return False
    m = _RECIPROCAL.match(s.text, c.end)
    if m is None or m.group("word").lower() != c.text.lower():
        return None
    nxt = _toks_after(s, m.end(), 4)
    if plural_alt is None or not nxt or nxt[0].pos != "NOUN":
        return False
    run = [nxt[0]]
    for t in nxt[1:]:
        if t.pos != "NOUN" or t.start - run[-1].end > 1:
            break
        run.append(t)
    out = f"{s.text[run[0].start : run[-1].end]} between {plural_alt}"
    if c.text[:1].isupper():
        out = out[0].upper() + out[1:]
    return c.start, run[-1].end, out


def _noun_follows(s: Sentence, nxt: list[Tok]) -> bool:
    """A noun (or a topic noun the tagger read as a verb, "Inmate suicides/VBZ
    at"), or an adjective and then a noun ("mental health services")."""
    first = nxt[0]
    if _nounish(first) or first.text.lower() in _TOPIC.keys() - _ALSO_VERBS:
        return True
    return (
        first.pos == "ADJ"
        and len(nxt) > 1
        and nxt[1].pos == "NOUN"
        and not s.text[first.end : nxt[1].start].strip()
    )


def _nounish(t: Tok) -> bool:
    """A noun, or a lower-case word the tagger took for a name ("prisoner
    transport/NNP van"): a name has a capital."""
    return t.pos == "NOUN" or t.pos == "PROPN" and t.text.islower()


def _names_a_person(c: Candidate) -> bool:
    """The entry's wording is a noun for people ("person in prison"), not an
    adjective ("unruly" for "feral"): only then is it a noun whatever its tag."""
    return any(a.singular.split(" ", 1)[0] in ("person", "people") for a in c.entry.alternatives)


# what an offence label's people do, as a present-tense verb for a group
_DO = {"killer": "kill", **{k: v[0] for k, v in LIST_VERBS.items()}}


def _act_people(c: Candidate, s: Sentence, noun: Tok) -> Span | None:
    """ "Killer drivers will face tougher sentences" -> "Drivers who kill will
    face ...": a label before a plural person noun is what the group does.
    Only in a sentence with no past-tense verb: "the killer drivers were
    jailed" is about particular people, not a habit."""
    verb = _DO.get(c.entry.id)
    if verb is None or any(t.tag == "VBD" for t in s.tokens or []):
        return None
    if s.text[noun.end :].lstrip().lower().startswith(("who ", "that ")):
        return None
    word = noun.text
    if c.text[:1].isupper():
        word = word[0].upper() + word[1:]
    return c.start, noun.end, f"{word} who {verb}"


def _drug_use_person(c: Candidate, s: Sentence, noun: Tok) -> Span | bool | None:
    """ "Addict parents are being failed" -> "Parents who use drugs are being
    failed": the person noun first, the drug use as its clause.  ``None`` where
    a clause already follows the noun or the sentence is in the past ("A
    junkie mum who left her baby ...", "Junkie Mum Left Baby": a present-tense
    clause would misstate the time), so a singular person noun is cut to as
    before and a plural one ("his addict parents both died") is advice."""
    toks = s.tokens or []
    if s.text[noun.end :].lstrip().lower().startswith(("who ", "that ")):
        return None
    past = any(t.tag == "VBD" for t in toks)
    owner = s.word_before(c.start)
    owned = owner is not None and owner[2].lower() in _OWNERS and owner[1] == c.start - 1
    if past and not owned:
        return None
    plural = noun.tag in ("NNS", "NNPS") or noun.text.lower() in _PERSON_PLURALS
    clause = next(
        (
            a.for_number("plural" if plural else "singular")
            for a in c.entry.alternatives
            if a.singular.startswith("person who ")
        ),
        None,
    )
    if clause is None:
        return False
    clause = clause.split(" ", 1)[1]  # "people who use drugs" -> "who use drugs"
    start = _modifiers_start(c, s)
    word = noun.text
    if s.text[start : c.end][:1].isupper():
        word = word[0].upper() + word[1:]
    if owned:
        # "his addict parents both died" -> "his parents, who used drugs, both
        # died": known people, so the clause adds to them and restricts nothing
        if past:
            clause = re.sub(r"^who uses?\b", "who used", clause)
        rest = s.text[noun.end :].lstrip()
        close = "" if not rest or rest[0] in ".,;:!?)" else ","
        return start, noun.end, f"{word}, {clause}{close}"
    return start, noun.end, f"{word} {clause}"


def _noun_run(nxt: list[Tok], headline: bool = False) -> list[Tok]:
    """The nouns after the label, adjectives only before them (not "the killer
    case last year"); in a headline a capitalised word the tagger took for a
    name may be one of them ("Prisoner Voting/NNP Rights/NNPS")."""
    if headline:
        caps: list[Tok] = []
        for t in nxt[:3]:
            if caps and t.start - caps[-1].end > 1 or t.pos not in ("PROPN", "NOUN"):
                break
            caps.append(t)
            if t.text.lower() in _HEADS:
                return caps  # up to its head: "Voting Rights", not "Rights Debated"
    run = [nxt[0]]
    for i, t in enumerate(nxt[1:], 1):
        if t.start - run[-1].end > 1:
            break
        if _nounish(t) or (
            t.pos == "ADJ"
            and run[-1].pos == "ADJ"
            and i + 1 < len(nxt)
            and nxt[i + 1].pos == "NOUN"
        ):
            run.append(t)
        else:
            break
    return run


def _topic(c: Candidate, s: Sentence, nxt: list[Tok], plural_alt: str | None) -> Span | bool:
    """ "inmate deaths" -> "deaths of people in prison": the noun run after the
    label, restructured with the preposition its head takes, else advice."""
    run = _noun_run(nxt, s.headline)
    headword = run[-1].text.lower()
    phrase = s.text[run[0].start : run[-1].end]
    offence = _OFFENCE_BEFORE.get(c.entry.id)
    if offence is not None and headword in _ENTERPRISE:
        return c.start, c.end, match_case(c.text, offence)
    if c.entry.id in _PRISON_LABELS and run[0].text.lower() in _PRISON_TOPIC:
        # "the prisoner population" -> "the prison population"
        word = _PRISON_TOPIC[run[0].text.lower()]
        if not word:
            nxt_word = run[0].text
            if c.text[:1].isupper():
                nxt_word = nxt_word[0].upper() + nxt_word[1:]
            return c.start, run[0].end, nxt_word
        return c.start, c.end, match_case(c.text, word)
    act = act_noun(c.entry.id)
    if headword == "culture" and act is not None and len(run) == 1:
        # "Thug culture is ruining our towns" -> "A culture of violence is ..."
        prev = s.word_before(c.start)
        bare = prev is None or prev[2].lower() not in ("the", "a", "this", "that", "its", "their")
        out = f"{'a ' if bare else ''}culture of {act}"
        if c.text[:1].isupper():
            out = out[0].upper() + out[1:]
        return c.start, run[-1].end, out
    prep = _TOPIC.get(headword)
    if prep is None or plural_alt is None:
        return False
    if plural_alt.endswith(" in prison") and _PLACE_AFTER.match(s.text, run[-1].end):
        plural_alt = plural_alt[: -len(" in prison")]
    if s.text[run[-1].end : run[-1].end + 4] == " of ":
        return False  # "Offender rates of reoffending": no place for a second phrase
    if headword == "numbers":
        return _numbers(c, s, run[-1], plural_alt)
    if headword == "population":
        # "The lifer population has doubled" -> "The number of people serving
        # life sentences has doubled" (the verb already agrees)
        # a size verb; else the population itself ("is ageing" -> "the
        # population of people who have offended is ageing", not "the number of")
        out = f"{'number' if _sized(s, run[-1].end) else 'population'} of {plural_alt}"
        if c.text[:1].isupper():
            out = out[0].upper() + out[1:]
        return c.start, run[-1].end, out
    out = f"{phrase} {prep} {plural_alt}"
    prev = s.word_before(c.start)
    if (
        headword in _THE_OF
        and len(run) == 1
        and (prev is None or prev[2].lower() not in _DET_WORDS)
    ):
        out = "the " + out
    if c.text[:1].isupper():
        out = out[0].upper() + out[1:]
    return c.start, run[-1].end, out


# what a count can do ("the number of ... has doubled"); "is ageing" is the people's
_SIZE_VERBS = frozenset(
    "rise fall grow double triple quadruple increase decrease drop reach hit soar climb "
    "swell shrink halve exceed top surge jump plunge stand rocket balloon dip decline".split()
)


def _sized(s: Sentence, offset: int) -> bool:
    """Whether the first verb after ``offset`` says a size changed or stands."""
    for t in s.tokens_in(offset, min(len(s.text), offset + 60)):
        if t.pos == "VERB":
            from lemminflect import getAllLemmas

            lemmas = getAllLemmas(t.text.lower(), "VERB").get("VERB", ())
            return any(lemma in _SIZE_VERBS for lemma in lemmas)
    return False


def _numbers(c: Candidate, s: Sentence, numbers: Tok, plural_alt: str) -> Span | bool:
    """ "Inmate numbers have risen" -> "The number of people in prison has risen"."""
    start, first = c.start, c.text
    before = s.token_before(c.start)
    if before is not None and before.end == c.start - 1:
        if before.pos == "ADP":
            # "The rise in inmate numbers worries ministers": not the subject
            return c.start, numbers.end, f"the number of {plural_alt}"
        if before.text.lower() == "the":
            start, first = (
                before.start,
                before.text,
            )  # "The prisoner numbers": the wording's article
        elif before.pos == "CCONJ" and not s.text[: before.start].rstrip().endswith(","):
            return False  # "Overcrowding and inmate numbers are rising": a joint subject
        elif before.pos not in ("CCONJ", "SCONJ", "PUNCT") and not (
            before.pos == "VERB" and (before.lemma or "").lower() in _REPORTING
        ):
            # "Rising inmate numbers", "has seen inmate numbers rise": not the
            # subject of a verb that agrees, or no place for the modifier
            return False
    after = [t for t in s.tokens_in(numbers.end, len(s.text)) if not t.text.isspace()]
    verb = next(
        (t for t in after[:8] if t.pos in ("AUX", "VERB") or t.text.lower() in _AGREE), None
    )
    if verb is None:
        return False
    word = verb.text.lower()
    # "Inmate numbers rose by 5%", "will rise": a past tense or a modal agrees with
    # both (a headline's verb is in the present whatever the tagger says)
    past = verb.tag == "VBD" and word != "were" and not headline_like(s)
    if past or word in _MODALS:
        agreed = verb.text
    elif word in _AGREE:
        agreed = match_case(verb.text, _AGREE[word])
    else:
        return False
    middle = s.text[numbers.end : verb.start]
    # headline style drops articles with auxiliaries: "Number of people in prison
    # hits record high", but "The number of people in prison has risen"
    the = "" if headline_like(s) and verb.pos != "AUX" else "the "
    out = f"{the}number of {plural_alt}{middle}{agreed}"
    if first[:1].isupper():
        out = out[0].upper() + out[1:]
    return start, verb.end, out


def _modifiers_start(c: Candidate, s: Sentence) -> int:
    """Where the label's own modifiers start ("Double murderer", "art thief")."""
    start = c.start
    toks = [t for t in s.tokens_in(max(0, c.start - 40), c.start) if not t.text.isspace()]
    for i in range(len(toks) - 1, max(-1, len(toks) - 3), -1):
        t = toks[i]
        if t.end != start - 1 or t.pos not in ("ADJ", "NOUN") or t.text.lower() in ("the", "a"):
            break
        before = toks[i - 1] if i else None
        if (
            t.pos == "NOUN"
            and before is not None
            and before.end == t.start - 1
            and before.pos in ("NOUN", "PROPN", "VERB")
        ):
            break  # "Police tackle killer husband": a noun after a noun is no modifier of the label
        start = t.start
    return start


def _cut(c: Candidate, s: Sentence, name_start: int) -> Span:
    start = _modifiers_start(c, s)
    return start, name_start, ""
