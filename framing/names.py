"""A label used as a title before a name ("Inmate John Smith", "Drug addict
John Smith", "convicted murderer Sorthi", "drug dealer Kees Houtman who
..."): the label goes, and what it said moves after the name where nothing
else in the sentence says it.

- a drug-use label: the drug use said after the name, after an age if one
  follows ("Heroin addict Lovell, 38, was" -> "Lovell, 38, who uses heroin,
  was"): cutting would drop the fact (and the named drug);
- "inmate"/"prisoner" where the sentence says nothing else about prison and
  the name has no clause of its own ("Inmate John Smith was also
  handcuffed" -> "John Smith, a person in prison, was also handcuffed");
- a label the text itself says was a conviction ("convicted murderer
  Sorthi running away") -> "Sorthi, who was convicted of murder, running
  away": the wording states only what the text states;
- otherwise the label is cut: the name says who, and a cut states no
  status; a restrictive "who" after the name becomes a clause about it
  ("Kees Houtman who tried" -> "Kees Houtman, who tried").
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence, Tok

Span = tuple[int, int, str]

_AGE = re.compile(r",\s+(?:aged\s+)?\d{1,3},")
_WHO = re.compile(r" who\b")
_PRISON = re.compile(
    r"\b(?:prisons?|HMP|HMYOI|jail\w*|gaol|custody|cells?|inmates?|prisoners?|wings?|"
    r"behind bars|serving|sentence[sd]?|Supermax|penitentiary)\b",
    re.IGNORECASE,
)
_DRUGS = {"heroin": "heroin", "crack": "crack cocaine", "cocaine": "cocaine", "smack": "heroin"}


def _name_end(s: Sentence, first: Tok) -> int:
    """End of the name that starts at ``first``: its run of proper nouns."""
    end = first.end
    for t in s.tokens_in(first.end, len(s.text)):
        if t.text.isspace():
            continue
        if t.tag in ("NNP", "NNPS") and t.text[:1].isupper() and t.start - end <= 1:
            end = t.end
            continue
        break
    return end


_CAPS_RUN = re.compile(r"((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2}),\s+(?:aged\s+)?\d{1,3},")


def headline_name(s: Sentence, first: Tok) -> bool:
    """In a headline every word is capitalised, so a name shows only by what
    follows it: "Heroin Addict Lovell, 38, Jailed" (a name, then an age)."""
    return _CAPS_RUN.match(s.text, first.start) is not None


def _after_name(s: Sentence, end: int, clause: str) -> tuple[int, str]:
    """The span end and the text after the name that says ``clause`` (after an
    age if one follows: "Lovell, 38, who uses heroin, was")."""
    age = _AGE.match(s.text, end)
    said = s.text[end : age.end()] + " " if age is not None else ", "
    end = age.end() if age is not None else end
    tail = "," if s.text[end : end + 1] == " " and s.text[end + 1 : end + 2].isalnum() else ""
    return end, f"{said}{clause}{tail}"


_OWN_WHO = re.compile(r",?\s+who\b", re.IGNORECASE)


def _drug(c: Candidate) -> str:
    for w in c.lower_words:
        if w in _DRUGS:
            return _DRUGS[w]
    return "drugs"


_VERDICT = re.compile(r"\b(?:found guilty|convicted|pleaded guilty|admitted)\b", re.IGNORECASE)


def _convicted_of(c: Candidate, rest: str) -> str | None:
    """ "who was convicted of murder" from the lexicon's own conviction wording;
    "already convicted of ..." where the sentence reports a new verdict."""
    for a in c.entry.alternatives:
        if a.singular.startswith("person convicted of "):
            offence = a.singular[len("person convicted of ") :]
            if _VERDICT.search(rest):
                return f"already convicted of {offence}"
            return f"who was convicted of {offence}"
    return None


def before_name(c: Candidate, s: Sentence, first: Tok, start: int) -> Span:
    """The rewrite for label ``c`` (its modifiers from ``start``) before the
    name starting at token ``first``."""
    name_end = _name_end(s, first)
    name = s.text[first.start : name_end]
    clause: str | None = None
    prev = s.word_before(start)
    if prev is not None and prev[2].lower() == "convicted" and not s.text[prev[1] : start].strip():
        start = prev[0]  # "Convicted sex offender Zahid Younis": the modifier goes too
    rest = s.text[:start] + " " + s.text[name_end:]
    if c.entry.category == "drug-use":
        clause = f"who uses {_drug(c)}"
    elif "convicted" in c.lower_words or s.text[start : c.start].lower().startswith("convicted"):
        clause = _convicted_of(c, rest)
    elif any(a.singular == "person in prison" for a in c.entry.alternatives):
        if s.text[name_end : name_end + 1] != "," and _PRISON.search(rest) is None:
            clause = "a person in prison"
    if clause is not None:
        end, text = _after_name(s, name_end, clause)
        own = _OWN_WHO.match(s.text, end)
        if own is not None:
            # the name has a clause of its own: "Convicted killer Tommy Holland,
            # who was already serving ..." -> "Tommy Holland, who was convicted
            # of ... and was already serving ..."
            body = text[:-1] if text.endswith(",") else text
            if " who " in body:
                return start, own.end(), f"{name}{body} and"
            return start, end, f"{name}{body}" + ("" if s.text[end : end + 1] == "," else ",")
        return start, end, name + text
    if _WHO.match(s.text, name_end):
        return start, name_end, name + ","
    return start, first.start, ""
