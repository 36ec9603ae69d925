"""Fixed phrases and neighbouring words that change the sense (policy 1).

The lexicon entry lists its own ``exceptions`` and ``not_followed_by`` /
``not_preceded_by``; a few idioms every entry of that word needs live here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

# idioms and compounds that never label people, whichever entry matched them
IDIOMS = (
    "time lag",
    "time lags",
    "jet lag",
    "jet-lagged",
    "lag behind",
    "lags behind",
    "lagged behind",
    "pros and cons",
    "con trick",
    "con artist",
    "con man",
    "killer instinct",
    "killer heels",
    "killer app",
    "killer apps",
    "killer whale",
    "killer whales",
    "killer blow",
    "killer punch",
    "killer line",
    "killer smile",
    "killer feature",
    "killer question",
    "silent killer",
    "lady killer",
    "monster truck",
    "monster trucks",
    "green-eyed monster",
    "cookie monster",
    "crack cocaine",
    "party animal",
    "political animal",
    "animal rights",
    "animal welfare",
    "beast from the east",
    "the beast from the east",
    "feral cat",
    "feral cats",
    "feral pigeons",
    "feral goats",
    "feral horses",
    "feral hogs",
    "feral pigs",
    "crime of the century",
    "monster of a",
    "beast of a",
    "animal magnetism",
)


def in_exception_phrase(c: Candidate, s: Sentence, ix: Index) -> str | None:
    for a, b in ix.exception_spans(c.entry.id, s.text):
        if a <= c.start and c.end <= b:
            return f"inside fixed phrase '{s.text[a:b]}'"
    return None


# what follows a verb, never a compound noun: "the killer shot him", "the
# killer beat her", "the killer deals a blow"
_OBJECT_STARTERS = frozenset(
    """
him her them me us you it himself herself themselves his their its my your our the a an
this that these those dead twice repeatedly again several
""".split()
)


_FUNCTION_WORDS = frozenset(
    "of for with between behind in into from on at to by about and or that than as over".split()
)


def _directly_followed(s: Sentence, offset: int, n: int) -> bool:
    """The (n+1)th word after ``offset`` follows the nth with only a space between."""
    w = s.word_after(offset)
    for _ in range(n - 1):
        if w is None:
            return False
        w = s.word_after(w[1])
    if w is None:
        return False
    nxt = s.word_after(w[1])
    return nxt is not None and not s.text[w[1] : nxt[0]].strip()


# a suspended compound whose first part is a drug: "drug- and sex-addict"
_SUSPENDED_DRUG = re.compile(
    r"\b(?:drug|heroin|crack|cocaine|alcohol|meth)-\s+(?:and|or|&)\s+[\w]+-$", re.I
)


def neighbour_words(c: Candidate, s: Sentence, ix: Index) -> str | None:

    nxt = [w.lower() for w in s.words_after(c.end, 3)]
    gap = s.gap_after(c.end)
    if nxt and c.entry.not_followed_by and not any(ch in gap for ch in '.,;:!?()"“”'):
        joined = " ".join(nxt)
        for w in c.entry.not_followed_by:
            w = w.lower()
            if joined == w or joined.startswith(w + " ") or nxt[0] == w:
                n = len(w.split())
                if (
                    c.entry.pos
                    and len(nxt) > n
                    and nxt[n] in _OBJECT_STARTERS
                    and w.split()[0] not in _FUNCTION_WORDS
                    and _directly_followed(s, c.end, n)
                ):
                    # "the killer shot him": the listed word is a verb here, so
                    # the label is its subject, not part of a compound
                    continue
                return f"followed by '{w}'"
    prev = [w.lower() for w in s.words_before(c.start, 4)]
    gap = s.gap_before(c.start)
    if _SUSPENDED_DRUG.search(s.text[max(0, c.start - 40) : c.start]):
        return None  # "a drug- and sex-addict": the drug word is said of the word too
    if prev and c.entry.not_preceded_by and not any(ch in gap for ch in '.,;:!?()"“”'):
        # the listed word also counts across a determiner: "wearing a hoodie",
        # "wore his hoodie" are "wearing hoodie" (a garment, not people)
        tails = [prev[-3:]]
        if len(prev) > 1 and prev[-1] in _DETERMINERS:
            tails.append(prev[-4:-1])
        for words in tails:
            joined = " ".join(words)
            for w in c.entry.not_preceded_by:
                w = w.lower()
                if joined == w or joined.endswith(" " + w) or words[-1] == w:
                    return f"preceded by '{w}'"
    return None


_DETERMINERS = frozenset("a an the his her their my your its this that".split())
