"""Referent analysis with tags (policy exemptions 1 and 4, and "Decisions on
hard cases"): what is the label said of?

- Before another noun: an adjective, or a noun that can also name something
  other than people ("killer", "monster", "evil"), describes that noun:
  "coloured kites", "a feckless attempt", "a monster pumpkin", "killer heels",
  "an evil act" are about things; "feral youths", "a crazed attacker",
  "coloured people", "thug culture" are about people.  A noun that only ever
  names people still labels them before another noun ("inmate numbers",
  "paedophile ring", "junkie mum": policy), unless it names a cause
  ("anti-paedophile campaigner").
- After a linking verb: "the dog was crazed", "drink-driving remains a major
  killer", "supermarkets are the worst offenders": said of a thing, an
  animal, an organisation or an activity, not a person.

What a noun names comes from WordNet (``framing.senses``), with the word
lists below for what it gets wrong or does not hold.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence, Tok

if TYPE_CHECKING:
    from framing.index import Index

from framing.rules.names import nicknamed
from framing.rules.pos import effective_pos
from framing.senses import has_nonperson_sense, kind, names_people

PERSON_NOUNS = frozenset(
    """
people person persons man men woman women boy boys girl girls child children kid kids youth
youths youngster youngsters teenager teenagers teen teens family families community
communities neighbour neighbours neighbor neighbors resident residents mother mothers father
fathers parent parents son sons daughter daughters brother brothers sister sisters husband
wife partner partners worker workers student students pupil pupils voter voters mob mobs gang
gangs crowd crowds individual individuals immigrant immigrants migrant migrants refugee
refugees underclass lad lads lass lasses guy guys gent chap chaps folk folks population
generation generations class classes tenant tenants mum mums dad dads baby babies adult
adults citizen citizens public player players fan fans supporter supporters thug thugs yob
yobs killer killers gunman gunmen knifeman attacker attackers victim victims suspect suspects
prisoner prisoners inmate inmates offender offenders addict addicts criminal criminals
paedophile paedophiles pedophile pedophiles nonce nonces beast beasts
monster monsters fiend fiends animal animals thief thieves vandal vandals junkie junkies
bloke blokes lady ladies gentleman gentlemen spouse relative relatives mate mates friend friends
pair pairs duo duos trio trios couple couples quartet accomplice accomplices stepfather stepmother
audience audiences staff crew crews team teams jury juries rioters protesters group groups
""".split()
)
_PERSON_SUFFIXES = (
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ian",
    "ians",
    "ant",
    "ants",
    "ent",
    "ents",
    "man",
    "men",
    "woman",
    "women",
    "ee",
    "ees",
)
FIGURATIVE = ("dehumanising", "race-class", "mental-health", "offence-identity")
# nouns of these categories also work as adjectives before a thing ("a maniac
# celebration", "the madman theory", "lunatic fringe")
DESCRIPTIVE_NOUN_CATEGORIES = ("mental-health", "race-class")


# what people do is still about people: "feral behaviour", "a crazed attack"
CONDUCT_NOUNS = frozenset(
    """
behaviour behaviours behavior behaviors conduct antics attack attacks rampage rampages
violence element elements culture lifestyle lifestyles mentality thuggery yobbery mob
""".split()
)


# common things that happen to end like agent nouns ("evil online content",
# "coloured paper"): the suffix test must not take them for people
SUFFIX_THINGS = frozenset(
    """
content contents event events intent extent comment comments percent accent incident incidents
accident accidents current consent paper papers water waters letter letters number numbers
order orders border borders matter matters power powers tower towers corner corners chapter
chapters computer computers poster posters sticker stickers marker markers folder folders
powder powders weather winter summer river rivers timber rubber leather silver copper butter
error errors mirror mirrors motor motors sector sectors factor factors monitor monitors
cluster clusters filter filters banner banners platter container containers
cancer cancers fever fevers disorder disorders
""".split()
)


def is_person_noun(word: str) -> bool:
    w = word.lower()
    if w in PERSON_NOUNS or w in CONDUCT_NOUNS:
        return True
    if w in SUFFIX_THINGS or w.endswith(("ment", "ments")):
        return False
    known = names_people(w)
    if known is not None:
        return known
    return len(w) > 4 and w.endswith(_PERSON_SUFFIXES)


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CAUSE_PREFIX = re.compile(r"(?:\b|^)(?:anti|pro)[-‐‑]$", re.I)
_NEGATED = re.compile(r"(?:\b|^)non(?:[-‐‑]|\s)$", re.I)
_COLOUR_COMPOUND = re.compile(r"\w[-‐‑]$")


def names_a_cause(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """ "anti-paedophile campaigner", "pro-immigrant": the word names a cause,
    and "caramel-coloured", "rose-coloured": a colour compound."""
    before = s.text[max(0, c.start - 6) : c.start]
    if _CAUSE_PREFIX.search(before):
        return f"names a cause ('{before.strip()}{c.text}')"
    if _NEGATED.search(before):
        # "viewed the incident as 'non criminal'", "settlements for non-prisoners":
        # a category negated describes what something is not, and labels no one
        return f"negated ('non-{c.text}')"
    if c.entry.id == "coloured" and _COLOUR_COMPOUND.search(before):
        # the entry, not the key: "mint-colored", "wheat-colored" (US spelling)
        return "a colour compound"
    return None


def _modified_noun(s: Sentence, offset: int) -> tuple[Tok | None, int]:
    """The noun a modifier ending at ``offset`` modifies, past further
    adjectives and adverbs ("feral, violent youths"), at the head of a
    hyphenated compound ("ex-husband"); and how many words were skipped."""
    nxt = s.token_after(offset)
    if nxt is not None and nxt.text in ("'", "‘", '"', "“") and nxt.start == offset + 1:
        nxt = s.token_after(nxt.end)  # "a killer 'rear view'": a quoted noun phrase
    elif nxt is not None and nxt.text in ("'", "’", '"', "”") and nxt.start == offset:
        nxt = s.token_after(nxt.end)  # "their 'chavvy' clothes": a quoted modifier
    steps = 0
    while nxt is not None and nxt.pos in ("ADJ", "ADV", "CCONJ") and steps < 3:
        nxt = s.token_after(nxt.end)
        steps += 1
    if nxt is None or not (nxt.pos == "NOUN" or (nxt.pos == "PROPN" and nxt.text[:1].islower())):
        return None, steps  # (a lower-case "name" is the small tagger's mistake: "robber crabs")
    while s.text[nxt.end : nxt.end + 1] in ("-", "‐", "‑"):
        after = s.token_after(nxt.end + 1)
        if after is None or not after.text[:1].isalpha():
            break
        nxt = after
    return nxt, steps


_CLOSING = ("'", "’", '"', "”")
# verbs that take two objects: the first is who receives ("allowing the killer
# access", "giving a monster protection"), not a modifier of the second
_DITRANSITIVE = frozenset(
    """
give gives gave given giving allow allows allowed allowing grant grants granted granting
deny denies denied denying offer offers offered offering hand hands handed handing send
sends sent sending show shows showed shown showing owe owes owed teach taught
""".split()
)


def _indirect_object(s: Sentence, head: Tok) -> bool:
    det = s.token_before(head.start)
    if (
        det is None
        or det.pos != "DET"
        or det.text.lower() not in ("the", "a", "an", "this", "that")
    ):
        return False
    verb = s.token_before(det.start)
    return verb is not None and verb.text.lower() in _DITRANSITIVE


def _compound_head(s: Sentence, noun: Tok) -> Tok:
    """The head of the compound ``noun`` starts: past nouns that name neither
    people nor conduct ("the crazed culture wars": wars), and past a quoted
    modifier ("the deranged 'people friendly' streets initiative": initiative).
    A noun for people stops it ("evil paedophile ring" is about people)."""
    prev = s.token_before(noun.start)
    if prev is not None and prev.text in ("'", "‘", '"', "“") and prev.end == noun.start:
        # a quoted modifier: the noun after the closing mark is the head
        tok: Tok | None = noun
        for _ in range(4):
            tok = s.token_after(tok.end) if tok is not None else None
            if tok is None or tok.text in _CLOSING:
                break
        after = s.token_after(tok.end) if tok is not None else None
        if (
            tok is not None
            and after is not None
            and after.pos == "NOUN"
            and s.text[tok.end : after.start] == " "
        ):
            noun = after
    for _ in range(2):
        w = noun.text.lower()
        if w in PERSON_NOUNS or names_people(w) is True:
            break
        nxt = s.token_after(noun.end)
        if nxt is None or nxt.pos != "NOUN" or s.text[noun.end : nxt.start] != " ":
            break
        noun = nxt
    return noun


def _one_adjective(s: Sentence, head: Tok) -> bool:
    """One adjective, and then a noun, right after ``head`` ("killer black heels")."""
    adj = s.token_after(head.end)
    if adj is not None and adj.text in ("'", "‘", '"', "“") and adj.start == head.end + 1:
        adj = s.token_after(adj.end)  # "a killer 'rear view'"
    elif adj is not None and adj.start != head.end + 1:
        return False
    if adj is None or adj.pos != "ADJ":
        return False
    noun = s.token_after(adj.end)
    return noun is not None and noun.pos == "NOUN" and noun.start == adj.end + 1


def modifies_thing(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if not c.entry.refers_to_people or c.possessive or len(c.lower_words) != 1:
        return None
    if c.form.text.isupper():
        return None  # "BAME groups", "BME representation": an acronym for people, whatever follows
    if c.key.endswith("ish"):
        return None  # "thuggish", "yobbish": only ever said of people
    if nicknamed(c, s):
        return None  # "The Madman moniker": a nickname, a label reported
    head = s.head_token(c)
    if head is None:
        return None
    pos = effective_pos(c, s)
    if pos == "PROPN" and not any(ch.isupper() for ch in c.form.text):
        # the small tagger reads a capitalised or unfamiliar compound as a name
        # ("Robber crabs are ...", "a population of robber crabs"); a lexicon
        # word that is not a name in the lexicon is the noun it spells
        pos = "NOUN"
    always_people = False
    if pos == "ADJ" or (pos == "VERB" and head.tag in ("VBN", "VBD")):
        pass
    elif pos == "NOUN" and c.form.number != "plural":
        # "killer heels", "monster truck", "lunatic fringe": a noun that can
        # describe things; one that only names people labels them before another
        # noun too ("inmate numbers", "paedophile ring": policy)
        always_people = not (
            has_nonperson_sense(c.key) or c.entry.category in DESCRIPTIVE_NOUN_CATEGORIES
        )
    else:
        return None
    # "the lunatic next door", "the monster next door": a noun with an adverbial
    if s.text[head.end : head.end + 11].lower().startswith((" next door", " next-door")):
        return None
    if pos == "NOUN" and _indirect_object(s, head):
        return None  # "allowing the killer access", "giving a monster protection"
    nxt, steps = _modified_noun(s, head.end)
    if nxt is None or (pos == "NOUN" and steps and (always_people or not _one_adjective(s, head))):
        # "killer black heels": one adjective may stand between a noun that can
        # describe things and the thing; "the killer or getaway driver" are two nouns
        return None
    nxt = _compound_head(s, nxt)
    m = _WORD.match(nxt.text)  # "individual(s": the word, not the tokenizer's leftovers
    word = m.group() if m else nxt.text
    what = kind(word)
    if what == "animal":
        return f"names an animal ('{c.text} {word}')"  # "robber fly", "killer whale"
    if pos == "NOUN" and always_people:
        return None
    if is_person_noun(word):
        return None
    return f"modifies '{word}', not a person"


_TIME_WORDS = frozenset(
    "tonight today yesterday tomorrow now then morning evening night "
    "week weekend year years month months".split()
)
_LINK_LEMMAS = frozenset(
    {
        "be",
        "seem",
        "look",
        "sound",
        "become",
        "appear",
        "get",
        "go",
        "feel",
        "remain",
        "prove",
        "stay",
    }
)
_SUBJECT_POS = {"NOUN", "PROPN", "PRON"}
# "the worst offenders", "the biggest killer": a ranking, which is how things
# and organisations are called offenders ("supermarkets are the worst offenders")
_RANKING = frozenset("worst biggest main major leading top greatest chief prime repeat".split())


def _verb_lemma(tok: Tok) -> str:
    w = (tok.lemma or tok.text).lower()
    if w in _LINK_LEMMAS:
        return w
    for suffix, repl in (("ies", "y"), ("s", ""), ("ed", ""), ("ing", ""), ("d", "")):
        if w.endswith(suffix) and w[: len(w) - len(suffix)] + repl in _LINK_LEMMAS:
            return w[: len(w) - len(suffix)] + repl
    return {"became": "become", "got": "get", "went": "go", "felt": "feel", "gone": "go"}.get(w, w)


def _linked_subject(s: Sentence, head: Tok, noun: bool) -> Tok | None:
    """The subject a linking verb before ``head`` links it to: "the tackle was
    'lunatic'", a noun after its determiner: "addiction is a terrible evil"."""
    # ("inherently racist or evil": the other adjective of a pair, for adjectives)
    skip = (
        ("ADV", "PUNCT", "PART", "DET", "ADJ") if noun else ("ADV", "PUNCT", "PART", "ADJ", "CCONJ")
    )
    prev = s.token_before(head.start)
    steps = 0
    while prev is not None and (prev.pos in skip or not prev.text.strip()) and steps < 4:
        prev = s.token_before(prev.start)
        steps += 1
    if prev is None or _verb_lemma(prev) not in _LINK_LEMMAS or prev.pos not in ("AUX", "VERB"):
        return None
    subj = s.token_before(prev.start)
    if subj is not None and subj.pos in ("ADV", "PART"):  # "was not", "has also been"
        subj = s.token_before(subj.start)
    while subj is not None and subj.text.lower() in _TIME_WORDS:  # "the audience tonight are"
        subj = s.token_before(subj.start)
    if subj is not None and subj.pos == "AUX":
        subj = s.token_before(subj.start)
    return subj


_MODIFIER_POS = ("DET", "ADJ", "NUM", "PRON")


def _out_of_phrase(s: Sentence, subj: Tok) -> Tok | None:
    """The subject itself where the noun before the verb ends a phrase that
    modifies it: "the officials responsible for his prosecution were 'scum'"
    (officials), "the champion facing the death penalty for taking part in
    protests is a murderer" (an object of "taking": the subject is unknown),
    "Also in his possession was a 'paedophile manual'" (no subject before)."""
    for _ in range(3):
        prev = s.token_before(subj.start)
        while prev is not None and (prev.pos in _MODIFIER_POS or prev.tag == "PRP$"):
            if prev.tag in ("PRP", "WP"):
                break
            prev = s.token_before(prev.start)
        if prev is None or prev.pos != "ADP":
            return subj
        head = s.token_before(prev.start)
        while head is not None and head.pos in ("ADJ", "ADV"):
            head = s.token_before(head.start)
        if head is None or head.pos not in ("NOUN", "PROPN", "PRON"):
            return None
        subj = head
        before = s.token_before(subj.start)
        if before is not None and before.pos == "VERB":
            return None  # an object of a verb, inside the subject's phrase
    return subj


def _said_of_it(c: Candidate, s: Sentence, subj: Tok, after: Tok | None, noun: bool) -> str | None:
    if (
        noun
        and subj.text.lower() in ("it", "this", "that")
        and has_nonperson_sense(c.key)
        and not (after is not None and after.text.lower() in ("who", "that", "whose"))
    ):
        # "'It's a killer'" (of a disease): what "it" is, not a person; "it was
        # the killer who ..." (a cleft) names one
        return f"said of '{subj.text}', not a person"
    if not noun and subj.text.lower() == "it" and after is not None and after.text == "to":
        act = s.token_after(after.end)
        if act is not None and act.pos == "VERB":
            # "It is downright evil to rob 90-year-old ladies": said of an act
            return f"said of an act ('it is {c.text} to {act.text}'), not a person"
    return None


def _subject_of(s: Sentence, head: Tok, noun: bool) -> Tok | None:
    subj = _linked_subject(s, head, noun)
    return _out_of_phrase(s, subj) if subj is not None else None


def predicate_of_thing(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """ "the dog was crazed with hunger", "the tackle was 'lunatic'",
    "drink-driving remains a major killer", "supermarkets are the worst
    offenders": a label after a linking verb describes the subject, and the
    subject is not a person."""
    if not c.entry.refers_to_people or c.possessive or len(c.lower_words) != 1:
        return None
    head = s.head_token(c)
    if head is None:
        return None
    pos = effective_pos(c, s)
    noun = pos == "NOUN"
    if not (noun or pos == "ADJ" or (pos == "VERB" and head.tag in ("VBN", "VBD"))):
        return None
    figurative = not noun or has_nonperson_sense(c.key) or c.entry.category in FIGURATIVE
    ranked = noun and bool(_RANKING & {w.lower() for w in s.words_before(c.start, 2)})
    if noun and not figurative and not ranked:
        return None  # "the men are inmates": a word that only names people
    after = s.token_after(head.end)
    if ranked and c.form.number == "plural" and after is not None and after.lemma == "be":
        named = _complement_after(s, after)
        if named:
            # "two of the biggest offenders are hospitality and horticulture"
            return f"a ranking of '{named.text}' ({kind(named.text)}), not of people"
    if noun and after is not None and after.pos in ("VERB", "AUX"):
        return None  # "proved the killer was there": the subject of a new clause
    subj = _subject_of(s, head, noun)
    if subj is None:
        return None
    said = _said_of_it(c, s, subj, after, noun)
    if said:
        return said
    gerund = subj.tag == "VBG" and subj.text.lower().endswith("ing")
    if not gerund and (subj.pos != "NOUN" or is_person_noun(subj.text)):
        return None
    if subj.text.lower() in PERSON_NOUNS or subj.lemma.lower() in PERSON_NOUNS:
        return None
    if {"who", "whom", "whose"} & {w.lower() for w in s.words_before(subj.start, 5)}:
        return None  # "the men who attacked the mosque were vermin": the noun is an object
    what = "an activity" if gerund else kind(subj.text)
    if noun and not figurative and what not in ("body", "thing"):
        # a ranked word for people said of an abstraction ("the problem is the
        # worst offenders") is still about people
        return None
    return f"said of '{subj.text}' ({what or 'a thing'}), not a person"


def _complement_after(s: Sentence, verb: Tok) -> Tok | None:
    """The noun after a linking verb when it names no person ("are hospitality
    and horticulture", "were supermarkets"), else None."""
    tok = s.token_after(verb.end)
    while tok is not None and tok.pos in ("DET", "ADJ", "ADV"):
        tok = s.token_after(tok.end)
    if tok is None or tok.pos != "NOUN" or is_person_noun(tok.text):
        return None
    return tok if kind(tok.text) in ("body", "thing", "abstraction") else None


# entries whose word, as a noun, names an abstraction first ("evil": wickedness)
# and a person only when said of one ("he is pure evil")
ABSTRACT_NOUN_ENTRIES = frozenset({"evil"})
_SAID_OF = re.compile(
    r"(?:(?:\b(?:is|are|was|were|be|been|being|as|call|calls|called|branded|dubbed)|['’]s|['’]re)"
    r"\s+(?:[\"'“‘]?[\w*-]+\s+){0,3}[\"'“‘]?$)"
    r"|(?:\b(?:such|this|that|an?)\s+[\"'“‘]?$)",
    re.I,
)


# "an act of evil", "good over evil", "fogged up with (sheer) evil": the noun
# governed by a preposition is the abstraction, whatever verb came earlier
_PREPOSITIONS = frozenset("of over with from against amid amidst between versus".split())
_MASS = frozenset("pure sheer utter absolute such".split())


def abstract_noun(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """ "an act of evil", "sheer evil", "good over evil", "fogged up with evil":
    the noun is the abstraction, not a label of someone (policy: evil of people;
    "'evil' as an adjective about acts" is a false-flag class of issue 11).
    Said of someone ("he's just pure evil", "taken by such evil"), or a
    caption's label ("Evil: Freezer killer Zahid Younis"), it is still flagged."""
    if c.entry.id not in ABSTRACT_NOUN_ENTRIES or c.possessive:
        return None
    if effective_pos(c, s) != "NOUN":
        return None
    head = s.head_token(c)
    nxt = s.token_after(head.end) if head is not None else None
    if nxt is not None and (nxt.pos in ("NOUN", "PROPN", "ADJ") or nxt.tag == "VBG"):
        return None  # "the evil stepfather": before a noun it describes someone
    before = s.words_before(c.start, 2)
    governed = bool(before) and (
        before[-1].lower() in _PREPOSITIONS
        or (len(before) == 2 and before[0].lower() in _PREPOSITIONS and before[1].lower() in _MASS)
    )
    if not governed and _SAID_OF.search(s.text[max(0, c.start - 40) : c.start]):
        return None  # "he's just pure evil", "described her as 'pure evil'"
    if s.text[c.end : c.end + 1] == ":" and not s.text[: c.start].strip():
        return None  # a caption naming the person pictured
    return "the abstraction, not a person"


def colour_before(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """ "camel colored boots", "wine coloured dress": a noun straight before
    "coloured" names the colour (the hyphenated "caramel-coloured" is a text
    rule); "young coloured men" has an adjective there, and is flagged."""
    if c.entry.id != "coloured":
        return None
    head = s.head_token(c)
    if head is None:
        return None
    prev = s.token_before(head.start)
    if prev is None or prev.pos != "NOUN" or s.text[prev.end : head.start] != " ":
        return None
    if is_person_noun(prev.text) or not prev.text.islower():
        return None
    return f"a colour ('{prev.text} {c.text}')"


# entries that are adjectives as well as labels ("criminal conduct", "an evil
# plan"): as an object's or an "as" complement they describe, and name no one
COMPLEMENT_ENTRIES = frozenset({"criminal", "evil"})
# verbs that give their object a description: "call his conduct criminal",
# "labelled the attack 'criminal'", "described the crimes as 'evil'"
_CALLING_LEMMAS = frozenset(
    "call label brand deem consider describe find rule declare judge term condemn denounce".split()
)
_QUOTE_CHARS = frozenset("'\"‘’“”`")
# degree words the small tagger reads as nouns ("borderline criminal")
_HEDGES = frozenset({"borderline"})


def _is_quote(tok: Tok) -> bool:
    return bool(tok.text) and all(ch in _QUOTE_CHARS for ch in tok.text)


def adjective_complement(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """ "prosecutors call his conduct criminal", "Service NSW labelled the cyber
    attack 'criminal'", "described his conduct as 'excessive and borderline
    criminal'", "described the crimes as 'evil'": with no article of its own and
    nothing after it to name, the word is the adjective describing a thing the
    verb's object names (policy: the noun is listed).  "called him a criminal",
    "described him as evil" and "the criminal said" are still labels."""
    if c.entry.id not in COMPLEMENT_ENTRIES or c.possessive or c.form.number == "plural":
        return None
    if len(c.lower_words) != 1:
        return None
    head = s.head_token(c)
    if head is None:
        return None
    nxt = s.token_after(head.end)
    while nxt is not None and _is_quote(nxt):
        nxt = s.token_after(nxt.end)
    if nxt is not None and nxt.pos in ("NOUN", "PROPN", "ADJ", "NUM"):
        return None  # "criminal Charles Bronson", "evil stepfather"
    prev = _before_modifiers(s, head)
    if prev is None:
        return None
    obj: Tok | None = None
    if prev.text.lower() == "as":
        obj = s.token_before(prev.start)
    elif prev.pos == "NOUN":
        obj = prev
    if obj is None or obj.pos != "NOUN" or obj.text.lower() in PERSON_NOUNS:
        return None
    if names_people(obj.text) is not False:
        return None  # ("conduct" is a person's conduct, but the conduct is what is criminal)
    # the object noun phrase (a determiner and up to three modifiers), then the verb
    verb = s.token_before(obj.start)
    n = 0
    # ("the 73-year-old's crimes": a possessive and its hyphens count as modifiers)
    while (
        verb is not None
        and verb.pos in ("DET", "ADJ", "NOUN", "PRON", "NUM", "PART")
        or (verb is not None and verb.text in ("-", "‐"))
    ):
        if n >= 8:
            return None
        if verb.pos == "PRON" and verb.tag != "PRP$":
            return None  # "call it criminal"? a pronoun object may be a person
        verb = s.token_before(verb.start)
        n += 1
    if verb is None or verb.pos != "VERB" or _call_lemma(verb) not in _CALLING_LEMMAS:
        return None
    return f"describes '{obj.text}' ('{verb.text} ... {c.text}'), not a person"


def _before_modifiers(s: Sentence, head: Tok) -> Tok | None:
    """The token before the word's own modifiers and quotation marks ("as
    'excessive and borderline criminal'" -> "as"), or None past five."""
    prev = s.token_before(head.start)
    steps = 0
    while prev is not None and (
        _is_quote(prev)
        or prev.pos in ("ADV", "ADJ", "CCONJ", "PUNCT")
        and prev.text not in ".;:!?"
        or prev.text.lower() in _HEDGES
    ):
        if steps > 5:
            return None
        prev = s.token_before(prev.start)
        steps += 1
    return prev


def _call_lemma(tok: Tok) -> str:
    w = (tok.lemma or tok.text).lower()
    if w in _CALLING_LEMMAS:
        return w
    for suffix in ("ing", "ed", "led", "s", "d", "es"):  # the tagger leaves some unlemmatised
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and (stem in _CALLING_LEMMAS or stem + "e" in _CALLING_LEMMAS):
            return stem if stem in _CALLING_LEMMAS else stem + "e"
    return {"found": "find", "labelled": "label", "labeled": "label"}.get(w, w)
