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


_TITLE_SMALL = frozenset(
    "a an the and or but nor of in on at to for by with from as per via into over".split()
)


def match_case(
    original: str, replacement: str, style: str | None = None, at_start: bool = True
) -> str:
    """The replacement in the case of the line it lands in.

    ``style`` is ``framing.sentences.case_style`` of the line: an ALL CAPS
    line gets capitals, a Title Case headline Title Case (short words kept
    lower unless the line capitalises them); in running text an initial
    capital stays, and a capitalised acronym ("BAME") is not a shout.
    Without ``style``, ALL CAPS in the original means capitals (old callers)."""
    if not replacement:
        return replacement
    letters = [ch for ch in original if ch.isalpha()]
    shout = len(letters) > 1 and all(ch.isupper() for ch in letters)
    if style == "upper" or (style is None and shout):
        return replacement.upper()
    if style in ("title", "title-all") and title_cased(original):
        out = []
        lower_first = not original[:1].isupper()  # "a Homeless Addict": "a" stays small
        for i, w in enumerate(replacement.split(" ")):
            small = w.lower() in _TITLE_SMALL
            keep = small and ((i > 0 and style == "title") or (i == 0 and lower_first))
            out.append(w if keep or not w else w[0].upper() + w[1:])
        return " ".join(out)
    if shout and style == "sentence" and not at_start:
        return replacement  # "the BAME community" -> "the ethnic minority community"
    if original[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def title_cased(original: str) -> bool:
    """Whether replaced words of a Title Case line were capitalised: the first,
    or any word after a small one the line keeps lower ("a Homeless Addict")."""
    if original[:1].isupper():
        return True
    return any(w[:1].isupper() for w in original.split(" ")[1:] if w.lower() not in _TITLE_SMALL)


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


# a rewrite whose head is plural ("people living in poverty", "men in prison")
_PLURAL_HEAD = re.compile(
    r"^(?:(?:the|these|those|some|many)\s+)?(?:[\w-]+\s+){0,2}?(?:people|men|women|children)\b",
    re.IGNORECASE,
)
_TO_PLURAL = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
}


_NOT_HEAD = frozenset("of between among for by with in on at to from number share".split())


def plural_head(rewrite: str) -> bool:
    """The wording's head noun is plural ("feckless people living in poverty"),
    not a noun after a preposition ("violence between people in prison")."""
    m = _PLURAL_HEAD.match(rewrite)
    return m is not None and not _NOT_HEAD.intersection(m.group().lower().split())


def plural_verb(word: str, tag: str) -> str | None:
    """The plural present or past of a singular verb ("is" -> "are", "grows"
    -> "grow"), in the word's case; None where it has none or needs none."""
    low = word.lower()
    out = _TO_PLURAL.get(low)
    if out is None and tag == "VBZ" and low.endswith("s") and len(low) > 3:
        from lemminflect import getLemma

        lemmas = getLemma(low, upos="VERB")
        out = lemmas[0] if lemmas else None
    if out is None or out == low:
        return None
    if word.isupper():
        return out.upper()
    return out[0].upper() + out[1:] if word[:1].isupper() else out
