"""What kind of thing a noun names: a person, a group of people, a corporate
body, an animal, an object, an act, a state...  From Princeton WordNet 3.0's
lexicographer files (``framing/data/noun_senses.tsv.gz``, built by
``scripts/build_noun_senses.py``; attribution in ``framing/data/README.md``).

The referent rules ask it about the noun a label is said of ("the worst
offenders were supermarkets", "drink-driving is a major killer") or the noun
it modifies ("killer heels", "an evil act"), instead of keeping their own
word lists of people and things.  WordNet lists a noun's senses most frequent
first; a noun counts as naming people when its first sense does, or when a
person sense comes second and a person suffix backs it (-er, -ist...).
"""

from __future__ import annotations

import bisect
import gzip
from functools import lru_cache
from importlib import resources

PERSON = "p"
GROUP = "g"  # a group of people: gang, crew, family, crowd
BODY = "B"  # a business, institution, state or administration
ANIMAL = "n"
PEOPLE = frozenset((PERSON, GROUP))
# acts, events, states, attributes, cognition, communication, feelings,
# processes, time: abstractions; the rest physical things
ABSTRACT = frozenset("aezctmfxivRqST")
PHYSICAL = frozenset("rodubPlhsS")


@lru_cache(maxsize=1)
def _lines() -> list[str]:
    """The table's lines, sorted (the builder sorts them): looked up by
    bisection, so loading costs a decompress and a split (a few ms), not a
    48,000-entry dict (~60 ms of a cold one-sentence check)."""
    data = resources.files("framing").joinpath("data", "noun_senses.tsv.gz").read_bytes()
    return gzip.decompress(data).decode("utf-8").splitlines()


def _lookup(word: str) -> str | None:
    lines = _lines()
    key = word + "\t"
    i = bisect.bisect_left(lines, key)
    if i < len(lines) and lines[i].startswith(key):
        return lines[i][len(key) :]
    return None


def _lemmas(word: str) -> list[str]:
    w = word.lower().strip("'’")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    out = [w]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        # the singular first: a plural WordNet also lists on its own names
        # something rarer ("crabs": an infestation; "crab": the animal)
        out = []
        if w.endswith("ies"):
            out.append(w[:-3] + "y")
        if w.endswith(("ches", "shes", "sses", "xes", "zes")):
            out.append(w[:-2])
        if w.endswith("men"):
            out.append(w[:-3] + "man")
        out.append(w[:-1])
        out.append(w)
    elif w.endswith("men") and len(w) > 4:
        out.append(w[:-3] + "man")
    elif w in ("people", "children", "folk"):
        out.append({"people": "person", "children": "child", "folk": "folk"}[w])
    return out


def senses(word: str) -> str:
    """The sense letters of ``word`` (a noun, singular or plural), most frequent
    first; "" when WordNet does not know it.  A hyphenated compound falls back
    to its last part ("drink-driving" -> "driving")."""
    for w in _lemmas(word):
        got = _lookup(w)
        if got is not None:
            return got
    if "-" in word:
        return senses(word.rsplit("-", 1)[1])
    return ""


_PERSON_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ee", "ees")
# where WordNet's first sense is something else ("mum": a chrysanthemum)
_PEOPLE_WORDS = frozenset("mum mums mam mams nan nans gran grans lad lads bloke blokes".split())
_ANIMAL_WORDS = frozenset("wildlife fauna".split())


def names_people(word: str) -> bool | None:
    """True when ``word`` most likely names a person or a group of people,
    False when it most likely names something else, None when unknown."""
    s = senses(word)
    if not s:
        return None
    w = word.lower()
    if w in _PEOPLE_WORDS:
        return True
    suffix = w.endswith(_PERSON_SUFFIXES)
    share = sum(x in PEOPLE for x in s) / len(s)
    if s[0] in PEOPLE:
        # a rare person sense listed first ("tackle": a footballer) says little
        return True if share >= 1 / 3 or suffix else None
    if PERSON in s[1:2] and suffix:
        return True
    return False


def kind(word: str) -> str | None:
    """A coarse referent kind: "people", "body", "animal", "abstraction",
    "thing", or None when unknown."""
    s = senses(word)
    if not s:
        return None
    if names_people(word):
        return "people"
    first = s[0]
    if first == BODY:
        return "body"
    if first in (ANIMAL, "N") or word.lower() in _ANIMAL_WORDS:
        return "animal"
    if first in ABSTRACT:
        return "abstraction"
    return "thing"


def has_nonperson_sense(word: str) -> bool:
    """Whether the word itself can name something other than people ("killer":
    a cause of death, a whale; "monster"; "animal") or only people
    ("paedophile", "inmate", "thug")."""
    s = senses(word)
    return bool(s) and any(x not in PEOPLE for x in s)
