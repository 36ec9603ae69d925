"""A label after "former", "ex-", "one-time" or "reformed", where no wording
made for it fits (framing.tense has those for drug use and for offences
with a habit): the lexicon's own wording, put in the past, never "a former
person who ...".

- a present habit becomes a past one: "people who commit crime" -> "people
  who used to commit crime", "person who sells cannabis" -> "person who
  used to sell cannabis";
- a place becomes time spent there: "person in prison" -> "person who has
  been in prison";
- a record or a conviction is already past: "The former murderer was
  released" -> "The person convicted of murder was released";
- a label for violence is a past state: "The ex-thug" -> "The man who used
  to be violent".

A wording that is none of these (a role noun, "attacker") is never used.
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.candidate import Candidate, Sentence
from framing.inflect import indefinite_article, match_case
from framing.sentences import case_style

Span = tuple[int, int, str]

_FORMER = re.compile(
    r"(?:\b(?P<det>the|a|an)\s+)?\b(?P<former>former|ex-|one-time|onetime|reformed)\s*$",
    re.IGNORECASE,
)
_PRESENT_WHO = re.compile(r"\bwho (?P<verb>[a-z]+)\b")
_PLACE = re.compile(r"\b(?P<head>person|people) (?:in prison|in custody)$")
_PAST_ALREADY = re.compile(
    r"\b(?:convicted of|with (?:a |an )?(?:criminal records?|convictions?|previous)|"
    r"who (?:has|have) (?:been|offended|served)|prison leavers?)\b"
)
_STATES = {"thug": "violent", "yob": "violent"}
_TURNED = re.compile(r"\s+turned\s+(?=[a-z])")
_WHO_AFTER = re.compile(r"\s+who\b(?!\s*,)", re.IGNORECASE)


@lru_cache(maxsize=256)
def _base(verb: str) -> str | None:
    """ "sells" -> "sell", "commit" -> "commit"; None for a past or no verb."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(verb, "VERB").get("VERB")
    if not lemmas or verb.endswith("ed") or verb in ("was", "were", "had"):
        return None
    return str(lemmas[0])


def _past(wording: str, plural: bool) -> str | None:
    """The wording for someone the label was true of once, or None."""
    m = _PRESENT_WHO.search(wording)
    if m is not None and m.group("verb") not in ("has", "have", "is", "are"):
        base = _base(m.group("verb"))
        if base is not None:
            return f"{wording[: m.start('verb')]}used to {base}{wording[m.end('verb') :]}"
    place = _PLACE.search(wording)
    if place is not None:
        return f"{wording[: place.start()]}{place.group('head')} who {'have' if plural else 'has'} been in prison"
    if _PAST_ALREADY.search(wording):
        return wording
    return None


def former_fit(
    c: Candidate, s: Sentence, status: str | None, person: str, drug: str, start: int
) -> Span | None:
    """ "The former murderer" -> "The person convicted of murder"; ``person``
    is the noun the sentence's pronouns give ("man", "people"), ``drug`` the
    drug named before the label ("cannabis dealer"), ``start`` where the
    label starts with it."""
    m = _FORMER.search(s.text, max(0, start - 40), start)
    if m is None or c.possessive:
        return None
    tok = s.token_after(c.end)
    if tok is not None and tok.pos in ("NOUN", "PROPN") and s.text[c.end : tok.start] == " ":
        return None  # a modifier ("ex-drug dealers rap track"): framing.modifiers decides
    plural = c.form.number == "plural"
    if c.entry.id in _STATES:
        wording = f"{'people' if plural else 'person'} who used to be {_STATES[c.entry.id]}"
    else:
        wording = ""
        for a in c.entry.alternatives:
            if status is not None and not a.fits(status):
                continue
            past = _past(a.plural if plural else a.singular, plural)
            if past is not None:
                wording = past
                break
    if not wording:
        return None
    if drug != "drugs" and " drugs" in wording:
        wording = wording.replace(" drugs", f" {drug}", 1)
    if wording.split(" ", 1)[0] in ("person", "people") and " " in wording:
        wording = f"{person} {wording.split(' ', 1)[1]}"
    det = (m.group("det") or "").lower()
    if det == "the":
        wording = f"the {wording}"
    elif det and not plural:
        wording = f"{indefinite_article(wording)} {wording}"
    end = c.end
    turned = _TURNED.match(s.text, c.end)
    again = _WHO_AFTER.match(s.text, c.end)
    if turned is not None:  # "a former shoplifter turned store detective"
        nxt = s.word_after(turned.end())
        article = "an" if nxt is not None and nxt[2][:1].lower() in "aeiou" else "a"
        link = "and became" if " who " in f" {wording} " else "who became"
        wording, end = f"{wording} {link} {article}", turned.end() - 1
    elif again is not None and " who " in f" {wording} ":
        wording, end = f"{wording} and", again.end()  # one clause, not "who ... who"
    style = s.memo("case_style", lambda: case_style(s.text))
    return m.start(), end, match_case(s.text[m.start() : end], wording, style)


_SHARED_FORMER = re.compile(
    r"\b(?:former|ex-|one-time|onetime|reformed)\s*[\w-]+(?:\s+[\w-]+){0,2}\s+(?:and|or)\s+$",
    re.IGNORECASE,
)


def shares_former(c: Candidate, s: Sentence) -> bool:
    """ "A former cocaine addict and drug dealer by 15": "former" says the
    second label too, so its present wording ("and person who sells drugs")
    would change the facts and the grammar: advice only."""
    return _SHARED_FORMER.search(s.text, max(0, c.start - 60), c.start) is not None
