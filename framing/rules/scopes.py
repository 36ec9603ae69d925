"""Which document-level checks (``framing.discourse``) may still exempt a hit.

Each answers a question the sentence alone cannot:

- ``name:<word>``: a single-word label opening its sentence with a capital
  ("Savage's future"): is it a surname elsewhere in this text?
- ``animal``: a word with a literal animal sense ("animals", "beasts") that
  nothing in the sentence points at people: is the story about animals?
- ``nature``: a one-word label of people that can name animals here and that
  nothing in the sentence points at people: is the text about animals, with no crime reported?
- ``captive``: "prisoner(s)" with no exchange or state detention in the
  sentence: is the paragraph about hostages or war captives?
- ``addiction``: a bare "addict(s)" with no drug in the sentence: does the
  text name only an addiction outside drug use?
- ``group``: a label naming a group or its members: does the text say the
  group never existed?
- ``frame``: a label of people in a sentence that names nothing real: does
  the paragraph set up a fictional or hypothetical frame?
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    pass

import re

from framing.discourse import GROUP_AFTER, GROUP_BEFORE, REALITY, state_detention
from framing.rules.nearby import human_signal
from framing.senses import ANIMAL, names_people, senses
from framing.sentences import at_sentence_start

# entries whose words can name real animals: in a story about animals they do
ANIMAL_SENSE_CATEGORIES = ("dehumanising",)
# bare addiction words: their kind of addiction may be settled by the text
ADDICTION_ENTRIES = frozenset({"addict", "junkie"})
_DRUG_IN_SENTENCE = re.compile(
    r"\b(?:drugs?|heroin|crack|cocaine|opioids?|meth|cannabis|spice|alcohol|fentanyl|"
    r"overdos\w*|needles?|methadone|rehab)\b",
    re.I,
)
# people held outside any justice system (hostages, war captives, the inmates
# of a concentration camp) are captives, whatever word names them
CAPTIVE_ENTRIES = frozenset({"prisoner", "ex-prisoner", "inmate"})
# flagged only in a story about abuse (policy, "sex scandal", "romp")
CONSENSUAL_ENTRIES = frozenset({"sex-scandal", "sex-romp"})
DISPUTE_ENTRIES = frozenset({"domestic-dispute"})


# "taking fellow prisoners hostage": the prisoners were held before anyone
# took them, so they are the state's (a riot, a siege in a jail)
_HOSTAGE_AFTER = re.compile(r"^['’]?\s+(?:as\s+)?hostages?\b", re.I)


def taken_hostage(c: Candidate, s: Sentence) -> bool:
    return bool(_HOSTAGE_AFTER.match(s.text[c.end : c.end + 20]))


def _opens_sentence_capitalised(c: Candidate, s: Sentence) -> bool:
    t = c.text
    return (
        len(c.lower_words) == 1
        and t[:1].isupper()
        and not t.isupper()
        and not any(ch.isupper() for ch in c.form.text)
        and (s.headline or at_sentence_start(s.text, c.start))
    )


# "the man who starved the horses was a monster", "the owner is an animal"
_COPULA = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:an?\s+|the\s+)?[\w-]*\s*$", re.I)
_RELATIVE_SUBJECT = re.compile(r"\b([A-Za-z-]+)\s+(?:who|whom|whose)\b")
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:he|she|they|you|we|i)\b", re.I)


def said_of_person(c: Candidate, s: Sentence) -> bool:
    """The word is predicated of a person: a pronoun, a person noun, or a
    noun with a relative clause about people ("the man who ...")."""
    before = s.text[: c.start]
    if not _COPULA.search(before[-40:]):
        return False
    if _PRONOUN_SUBJECT.search(before):
        return True
    m = _RELATIVE_SUBJECT.search(before)
    if m and names_people(m.group(1)):
        return True
    first = s.words[0][2] if s.words else ""
    second = s.words[1][2] if len(s.words) > 1 else ""
    subj = second if first.lower() in ("the", "a", "an", "this", "that", "his", "her") else first
    return bool(subj) and names_people(subj) is True


# words zoologists use for young animals, which WordNet knows only of people
# ("a number of the juveniles in the three pods are looking thin")
YOUNG_ANIMAL_WORDS = frozenset({"juvenile"})


# a conjunct beside the label: "15 adults, 5 juveniles and two newborns",
# "45 juveniles and 50 adults", "juveniles as well as adults"
_CONJ_BEFORE = re.compile(r"([A-Za-z]+)\s*(?:,|\band\b|\bor\b|\bas well as\b)\s*(?:\d+\s+)?$", re.I)
_CONJ_AFTER = re.compile(
    r"^\s*(?:,|\band\b|\bor\b|\bas well as\b)\s*(?:\d+\s+|an?\s+|the\s+)?([A-Za-z]+)", re.I
)
_NEXT_WORD = re.compile(r"^\s+([A-Za-z]+)")


def may_name_animals(c: Candidate, s: Sentence) -> bool:
    """The word can name animals here: WordNet gives it an animal sense
    ("animals"), it modifies a noun whose first sense is an animal ("robber
    crabs"), or it is coordinated with a noun that can name animals
    ("juveniles and 50 adults"); a label with none of these ("thugs kick a
    dog", "thieves attacked a whale") names people even in a story about animals."""
    if ANIMAL in senses(c.key) or c.entry.id in YOUNG_ANIMAL_WORDS:
        return True
    after = s.text[c.end : c.end + 40]
    m = _NEXT_WORD.match(after)
    if m and senses(m.group(1))[:1] == ANIMAL:
        return True
    words = [
        m.group(1) for m in (_CONJ_BEFORE.search(s.text[max(0, c.start - 40) : c.start]),) if m
    ]
    words += [m.group(1) for m in (_CONJ_AFTER.match(after),) if m]
    return any(ANIMAL in senses(w) for w in words)


def scopes_for(c: Candidate, s: Sentence) -> tuple[str, ...]:
    out = []
    if _opens_sentence_capitalised(c, s):
        out.append(f"name:{c.key}")
    if (
        c.entry.category in ANIMAL_SENSE_CATEGORIES
        and len(c.lower_words) == 1
        and "n" in senses(c.key)
        and not human_signal(c, s)
        and not said_of_person(c, s)
    ):
        out.append("animal")
    if (
        c.entry.refers_to_people
        and len(c.lower_words) == 1
        and may_name_animals(c, s)
        and not human_signal(c, s)
        and not said_of_person(c, s)
    ):
        out.append("nature")
    if c.entry.id in CAPTIVE_ENTRIES and not state_detention(s.text) and not taken_hostage(c, s):
        out.append("captive")
    if c.entry.refers_to_people and (
        GROUP_AFTER.match(s.text[c.end :])
        or GROUP_BEFORE.search(s.text[max(0, c.start - 40) : c.start])
    ):
        out.append("group")
    if c.entry.id in ADDICTION_ENTRIES and not _DRUG_IN_SENTENCE.search(s.text):
        out.append("addiction")
    if c.entry.id in CONSENSUAL_ENTRIES:
        out.append("consensual")
    if c.entry.id in DISPUTE_ENTRIES:
        out.append("dispute")
    if c.entry.refers_to_people and not REALITY.search(s.text):
        out.append("frame")
    return tuple(out)
