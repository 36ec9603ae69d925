"""Small English inflection helpers for fitting a reframing into a sentence."""

from __future__ import annotations

import re

from framing.candidate import WORD

_AN_EXCEPT = re.compile(r"^(?:uni|use|usu|ure|eu|one|once|ewe)", re.I)
_AN_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)


def indefinite_article(phrase: str) -> str:
    w = phrase.strip()
    if not w:
        return "a"
    if _AN_SILENT_H.match(w):
        return "an"
    if w[0].lower() in "aeiou" and not _AN_EXCEPT.match(w):
        return "an"
    return "a"


def match_case(original: str, replacement: str) -> str:
    """ALL CAPS stays all caps; an initial capital stays an initial capital."""
    if not replacement:
        return replacement
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return replacement.upper()
    if original[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def possessive(phrase: str, plural: bool) -> str:
    if plural and phrase.endswith("s"):
        return phrase + "'"
    return phrase + "'s"


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def noun_lemma(word: str, tag: str) -> str:
    """Singular of a plural common noun; enough for the word lists the rules use."""
    w = word.lower()
    if tag not in ("NNS", "NNPS") or len(w) < 4:
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w
