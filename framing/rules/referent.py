"""Policy exemptions 1 and 4 with tags: the word modifies a thing, not a person.

"coloured kites", "a feckless attempt", "a monster pumpkin", "burglar alarm"
are not about people; "feral youths", "a crazed attacker", "coloured people"
are.  Applies to adjectives, and to figurative nouns used as modifiers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

from framing.rules.pos import effective_pos

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
""".split()
)


def is_person_noun(word: str) -> bool:
    w = word.lower()
    if w in PERSON_NOUNS or w in CONDUCT_NOUNS:
        return True
    if w in SUFFIX_THINGS or w.endswith(("ment", "ments")):
        return False
    return len(w) > 4 and w.endswith(_PERSON_SUFFIXES)


def modifies_thing(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if not c.entry.refers_to_people or c.possessive or len(c.lower_words) != 1:
        return None
    if c.form.text.isupper():
        return None  # "BAME groups", "BME representation": an acronym for people, whatever follows
    if c.key.endswith("ish"):
        return None  # "thuggish", "yobbish": only ever said of people
    head = s.head_token(c)
    if head is None:
        return None
    pos = effective_pos(c, s)
    if pos == "ADJ" or (pos == "VERB" and head.tag in ("VBN", "VBD")):
        pass
    elif pos == "NOUN" and c.entry.category in FIGURATIVE and c.form.number != "plural":
        pass
    else:
        return None
    # "the lunatic next door", "the monster next door": a noun with an adverbial
    if s.text[head.end : head.end + 11].lower().startswith((" next door", " next-door")):
        return None
    # the noun the word modifies: skip further adjectives/adverbs ("feral, violent youths")
    nxt = s.token_after(head.end)
    steps = 0
    while nxt is not None and nxt.pos in ("ADJ", "ADV", "CCONJ") and steps < 3:
        nxt = s.token_after(nxt.end)
        steps += 1
    if nxt is None or nxt.pos != "NOUN":
        return None
    if pos == "NOUN" and steps:
        return None
    while s.text[nxt.end : nxt.end + 1] in ("-", "‐", "‑"):
        # "ex-husband", "step-father": the compound's head is its last part
        after = s.token_after(nxt.end + 1)
        if after is None or not after.text[:1].isalpha():
            break
        nxt = after
    if is_person_noun(nxt.text):
        return None
    return f"modifies '{nxt.text}', not a person"


_TIME_WORDS = frozenset(
    "tonight today yesterday tomorrow now then morning evening night "
    "week weekend year years month months".split()
)
_LINK_LEMMAS = frozenset({"be", "seem", "look", "sound", "become", "appear", "get", "go", "feel"})
_SUBJECT_POS = {"NOUN", "PROPN", "PRON"}


def predicate_of_thing(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """ "the dog was crazed with hunger", "the tackle was 'lunatic'": an adjective
    after a linking verb describes the subject, and the subject is not a person."""
    if not c.entry.refers_to_people or c.possessive or len(c.lower_words) != 1:
        return None
    head = s.head_token(c)
    if head is None:
        return None
    pos = effective_pos(c, s)
    noun = pos == "NOUN" and c.entry.category in FIGURATIVE
    if not (noun or pos == "ADJ" or (pos == "VERB" and head.tag in ("VBN", "VBD"))):
        return None
    # "the tackle was 'lunatic'"; a figurative noun: "addiction is a terrible evil"
    skip = ("ADV", "PUNCT", "PART", "DET", "ADJ") if noun else ("ADV", "PUNCT", "PART")
    prev = s.token_before(head.start)
    steps = 0
    while prev is not None and (prev.pos in skip or not prev.text.strip()) and steps < 4:
        prev = s.token_before(prev.start)
        steps += 1
    if prev is None or prev.lemma.lower() not in _LINK_LEMMAS or prev.pos not in ("AUX", "VERB"):
        return None
    subj = s.token_before(prev.start)
    if subj is not None and subj.pos in ("ADV", "PART"):  # "was not", "has also been"
        subj = s.token_before(subj.start)
    while subj is not None and subj.text.lower() in _TIME_WORDS:  # "the audience tonight are"
        subj = s.token_before(subj.start)
    if subj is not None and subj.pos == "AUX":
        subj = s.token_before(subj.start)
    if subj is None or subj.pos != "NOUN" or is_person_noun(subj.text):
        return None
    if subj.text.lower() in PERSON_NOUNS or subj.lemma.lower() in PERSON_NOUNS:
        return None
    if {"who", "whom", "whose"} & {w.lower() for w in s.words_before(subj.start, 5)}:
        return None  # "the men who attacked the mosque were vermin": the noun is an object
    return f"said of '{subj.text}', not a person"
