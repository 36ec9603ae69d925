"""The people an article names, with what the text says of their sex, for
resolving "he said" and "she added" to the right person.

News writing makes the sex of most named people plain without any list of
first names: titles ("Mr Cornish", "Ms Ibbotson", "Lord Falconer"), the
relation that introduces them ("his daughter Beverley", "her husband Tom",
"The woman, 34,"), and the pronoun that follows a name as subject in its own
sentence ("Arthur Brand said he believed").  Every mention of a surname or a
first name shares what any of its mentions shows, so "Mr Russell" makes
"Paul Russell" male.  Names inside quotation marks are never candidates: the
person a speaker talks about ("Heads needed to roll the day Jeffrey Epstein
died," he said) is not the speaker.

Cheap patterns first: the profile reads every article of the monitor's
pass within 50 ms per 1,000 words (``benchmarks/profile_speed.py``).  Only a
name the text gives no sex for, offered as the person a "he" or "she" means,
is checked with spaCy's entity recogniser on its own sentence
(``People.not_person``): "Crown Motor Direct", "North Tyneside" and
"Extinction Rebellion" said nothing in the first person singular.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from framing.profile.parse import entities_many

_MALE_TITLES = frozenset("Mr Mr. Sir Lord Mister King Prince Duke Father Brother".split())
_FEMALE_TITLES = frozenset(
    "Mrs Mrs. Ms Ms. Miss Dame Lady Baroness Queen Princess Duchess Sister Madam".split()
)
_MALE_NOUNS = (
    "man|boy|father|dad|son|husband|brother|uncle|nephew|grandfather|grandson|boyfriend|"
    "widower|stepfather|fiance|spokesman|chairman|businessman|policeman|fireman|actor|"
    "king|prince|gentleman|lad|groom|headmaster|landlord|schoolboy|father-of-\\w+|dad-of-\\w+"
)
_FEMALE_NOUNS = (
    "woman|girl|mother|mum|daughter|wife|sister|aunt|niece|grandmother|granddaughter|"
    "girlfriend|widow|stepmother|fiancee|spokeswoman|chairwoman|businesswoman|policewoman|"
    "actress|queen|princess|lady|bride|headmistress|landlady|schoolgirl|mother-of-\\w+|"
    "mum-of-\\w+|grandmother-of-\\w+"
)
# entity labels that are not people
_NOT_PERSON = frozenset("ORG GPE LOC NORP FAC LAW PRODUCT EVENT WORK_OF_ART".split())
_RANKS = frozenset(
    "DCI DI DS DC PC Sgt Det Insp Supt Ch Chief Judge Dr Prof Professor Cllr Rev Sir Lord "
    "Justice Officer Detective Inspector Sergeant Constable Superintendent".split()
)
_FUNCTION_WORDS = frozenset(
    "in at of from to by for the a an and or with on into near outside across against "
    "about under over via as than said says told".split()
)
_SAYS = r"(?:said|says|told|tells|added|adds|explained|continued|wrote|writes)"
_CAP = r"(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.|O’[A-Z][a-z]+|Mc[A-Z][a-z]+)"
_SP = r"[ \t\u00a0]+"
# a relation or a sexed noun right before a name: "his daughter Beverley",
# "grandmother Samantha", "The woman, Jane Doe,"
_NOUN_BEFORE = re.compile(
    rf"\b(?:(?P<m>{_MALE_NOUNS})|(?P<f>{_FEMALE_NOUNS})),?{_SP}(?P<name>{_CAP}(?:{_SP}{_CAP}){{0,2}})"
)
# a sexed noun in apposition after a name: "Ann Jones, a mother of three,"
_NOUN_AFTER = re.compile(
    rf"(?P<name>{_CAP}(?:{_SP}{_CAP}){{0,2}}),(?:{_SP}\d+,)?{_SP}(?:an?|the|his|her)"
    rf"{_SP}(?:[\w-]+{_SP}){{0,2}}?(?:(?P<m>{_MALE_NOUNS})|(?P<f>{_FEMALE_NOUNS}))\b"
)
_TITLED = re.compile(rf"\b(?P<title>[A-Z][a-z]+\.?){_SP}(?P<name>{_CAP}(?:{_SP}{_CAP}){{0,2}})")
# a name as its sentence's subject, then the pronoun that stands for it:
# "Arthur Brand said he believed", "Ms Ibbotson said she never"
_NAME_THEN_PRONOUN = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?:[A-Z][a-z]+,?{_SP})?(?P<name>{_CAP}(?:{_SP}{_CAP}){{0,3}})"
    r"(?:,[^,.\n]{1,60},)?\s+(?:has\s+|had\s+|also\s+)?[a-z]+ed\s+(?:that\s+)?"
    r"(?:(?P<m>he|his|him)|(?P<f>she|her))\b"
)
# "Paul, 27, who was coached by": a word with an age in apposition is a person
_AGED = re.compile(rf"\b(?P<name>{_CAP}),{_SP}\d{{1,3}},")
_STOP = frozenset(
    "The A An This That It He She They We I You His Her Their Its But And So In On At For "
    "From With By After Before When While As If Police Court Judge Justice Mr Mrs Ms Miss Dr".split()
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    keys: tuple[str, ...]  # the name's words that identify the person ("Paul", "Russell")


class People:
    """Gender evidence for the names of one article, and quote-aware lookups."""

    def __init__(self, text: str, quotes: list[tuple[int, int]]) -> None:
        self.text = text
        self.q_starts = [a for a, _ in quotes]
        self.q_ends = [b for _, b in quotes]
        self.votes: dict[str, Counter[str]] = {}
        self.names: set[str] = set()
        self._ents: dict[int, list[tuple[int, int, str]]] = {}
        for m in _TITLED.finditer(text):
            title = m.group("title")
            sex = "m" if title in _MALE_TITLES else "f" if title in _FEMALE_TITLES else ""
            if sex:
                self._vote(m.group("name"), sex, 3)
        for rx, weight in ((_NOUN_BEFORE, 2), (_NOUN_AFTER, 2), (_NAME_THEN_PRONOUN, 1)):
            for m in rx.finditer(text):
                if self.in_quote(m.start("name")):
                    continue
                self._vote(m.group("name"), "m" if m.group("m") else "f", weight)

        for m in _AGED.finditer(text):
            if not self.in_quote(m.start()):
                self.add_name(m.group("name"))

    def _vote(self, name: str, sex: str, weight: int) -> None:
        for w in name.split():
            w = w.removesuffix("’s").removesuffix("'s").strip(".,")
            if len(w) < 2 or w in _STOP or not w[0].isupper():
                continue
            self.votes.setdefault(w, Counter())[sex] += weight

    def add_name(self, name: str) -> None:
        """A person's full name found outside quotations: each of its words
        names that person when it stands alone ("Sasse" after "Ben Sasse")."""
        # a person's own name is its last words: "Afghan President Ashraf Ghani"
        # makes "Ghani" and "Ashraf" names, not "Afghan" or "President"
        for w in name.split()[-2:]:
            w = w.removesuffix("’s").removesuffix("'s").strip(".,")
            if len(w) > 1 and w not in _STOP and w[0].isupper() and not w.isupper():
                self.names.add(w)

    def is_name(self, word: str) -> bool:
        w = word.removesuffix("’s").removesuffix("'s").strip(".,")
        return w in self.names or w in self.votes

    def not_person(self, a: int, b: int) -> bool:
        """The mention at ``text[a:b]`` is, by the entity recogniser on its
                sentence, wholly an organisation, a place, a law or a work: not what
                "he" or "she" stands for.  A lone word, a mention the text gives a sex
                ("Mr", "his daughter") or a rank, and a name whose last word speaks on
                its own elsewhere ("Lansley said") or that follows a description ("expert
        Cliff Lansley") or takes "who" or an age, are never sent to the recogniser;
                one sentence is recognised once."""
        words = self.text[a:b].split()
        if len(words) < 2 or self.sex(a, b) or words[0].rstrip(".") in _RANKS:
            # a lone surname is a person more often than the recogniser thinks
            # ("Sasse", "Lacerda"); so is a rank and a name ("DCI Harding")
            return False
        before = re.search(r"\b([a-z]+),?\s+$", self.text[max(0, a - 30) : a])
        if before and before.group(1) not in _FUNCTION_WORDS:
            return False  # "body language expert Cliff Lansley", "Another resident, Winston ..."
        if re.match(r",?\s+(?:who\b|\d{1,3}\b)", self.text[b : b + 12]):
            return False  # "Marcus Bell, who spent six years in prison", "Ross, 39,"
        last = re.escape(words[-1])
        if re.search(rf"\b{last}\s+{_SAYS}\b", self.text):
            return False  # "Cliff Lansley" when "Lansley said": the recogniser erred
        lo = max(self.text.rfind(". ", 0, a), self.text.rfind("\n", 0, a)) + 1
        hi_dot, hi_nl = self.text.find(". ", b), self.text.find("\n", b)
        hi = min(x for x in (hi_dot, hi_nl, len(self.text)) if x >= 0)
        ents = self._ents.get(lo)
        if ents is None:
            ents = [(s + lo, e + lo, lab) for s, e, lab in entities_many([self.text[lo:hi]])[0]]
            self._ents[lo] = ents
        # the whole mention is one entity ("Crown Motor Direct", "North
        # Tyneside"), not a person's name with a place in it ("Iowa's Attorney
        # General")
        return any(s <= a and b <= e and lab in _NOT_PERSON for s, e, lab in ents)

    def in_quote(self, i: int) -> bool:
        k = bisect.bisect_right(self.q_starts, i) - 1
        return k >= 0 and self.q_starts[k] <= i < self.q_ends[k]

    def sex(self, a: int, b: int) -> str:
        """ "m", "f" or "" (unknown or mixed) for the mention at ``text[a:b]``."""
        s = self.text[a:b]
        words = s.split()
        for w in words:
            if w in _MALE_TITLES:
                return "m"
            if w in _FEMALE_TITLES:
                return "f"
        low = s.lower()
        if re.search(rf"\b(?:{_MALE_NOUNS})\b", low):
            return "m"
        if re.search(rf"\b(?:{_FEMALE_NOUNS})\b", low):
            return "f"
        total: Counter[str] = Counter()
        for w in words:
            w = w.removesuffix("’s").removesuffix("'s").strip(".,")
            total.update(self.votes.get(w, Counter()))
        if total["m"] > total["f"]:
            return "m"
        if total["f"] > total["m"]:
            return "f"
        return ""


def pronoun_sex(p: str) -> str:
    p = p.lower()
    return "m" if p == "he" else "f" if p == "she" else ""


def compatible(want: str, have: str) -> bool:
    return not want or not have or want == have
