"""A label used before another noun, or before a name: where a swap of the
word alone would not be grammatical ("Person in prison numbers have risen").

- before a proper name, as a title ("Killer Terence Whall", "art thief
  Octave Durham", "Inmate Eric Rudolph"): the label is cut, with the
  modifiers it carries ("Double murderer Zahid Younis" -> "Zahid Younis");
  the name says who, and cutting states no status;
- before a noun for a person ("Killer nurse Jane Cole", "Yob grandson, 32"):
  the label is cut and the noun keeps its place ("Nurse Jane Cole");
- before a noun the people are the topic of ("inmate numbers", "inmate
  deaths", "prisoner voting rights", "drug dealer turf wars"): the phrase
  is restructured around the noun with the preposition it takes ("the
  number of people in prison", "deaths of people in prison", "voting rights
  for people in prison", "turf wars between people who sell drugs"), the verb
  made to agree where "numbers" becomes "the number";
- any other noun ("thug culture", "inmate-on-inmate"): no rewrite, advice
  only, since no swap of the word alone reads as English.
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence, Tok
from framing.names import before_name

Span = tuple[int, int, str]

# what may stand before a title-like label that is cut ("by art thief Octave Durham")
_CUT_AFTER = frozenset({"ADP", "VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PART"})
# a caption: the label, a colon, a name ("Thug: Alfred Stanley")
_CAPTION = re.compile(r":\s+(?=[A-Z][a-z])")
# the preposition each topic noun takes (its head, lower case, plural as written)
_TOPIC: dict[str, str] = {
    "numbers": "of",
    "deaths": "of",
    "suicides": "of",
    "counts": "of",
    "checks": "on",
    "services": "for",
    "rights": "for",
    "schemes": "for",
    "programmes": "for",
    "programs": "for",
    "courses": "for",
    "housing": "for",
    "wars": "between",
    "violence": "between",
    "feuds": "between",
    "rate": "among",
    "rates": "among",
}
# nouns for people a label can stand before as a modifier ("killer nurse")
_PERSON_NOUNS = frozenset(
    "nurse teacher grandson granddaughter mum mother dad father son daughter brother sister "
    "husband wife boyfriend girlfriend doctor priest carer landlord neighbour student "
    "footballer boxer grandfather grandmother uncle aunt nephew niece cousin".split()
)
# verbs that agree with "numbers" and change when it becomes "the number"
_AGREE = {"have": "has", "are": "is", "were": "was", "hit": "hits", "rise": "rises",
          "fall": "falls", "remain": "remains", "reach": "reaches", "show": "shows",
          "continue": "continues"}  # fmt: skip
_NOUN_LABEL_CATEGORIES = frozenset(
    {"person-label", "soft-person-label", "offence-identity", "dehumanising", "drug-use"}
)


def _toks_after(s: Sentence, offset: int, n: int) -> list[Tok]:
    out: list[Tok] = []
    for t in s.tokens_in(offset, len(s.text)):
        if t.text.isspace():
            continue
        out.append(t)
        if len(out) >= n:
            break
    return out


def modifier_fit(c: Candidate, s: Sentence, plural_alt: str | None) -> Span | None | bool:
    """A rewrite for a label used as a modifier, ``False`` when it is one but
    nothing fits (advice only), or ``None`` when the label is no modifier."""
    if c.possessive or c.entry.category not in _NOUN_LABEL_CATEGORIES or not s.tokens:
        return None
    if not c.entry.alternatives:
        return None  # the lexicon's decision: no swap, advice only ("Evil: ...")
    caption = _CAPTION.match(s.text, c.end)
    if caption is not None and not s.text[: c.start].strip() and c.entry.category != "drug-use":
        return c.start, caption.end(), ""  # "Thug: Alfred Stanley" -> "Alfred Stanley"
    gap = s.text[c.end : c.end + 1]
    if gap != " ":
        return None
    head = s.head_token(c)
    nxt = _toks_after(s, c.end, 6)
    if head is None or not nxt or head.tag not in ("NN", "NNP") or c.form.number == "plural":
        return None
    first = nxt[0]
    headline = s.headline
    # before a proper name: cut the label (and its own modifiers)
    if first.tag == "NNP" and first.text[:1].isupper() and not headline:
        start = _modifiers_start(c, s)
        before = [t for t in s.tokens_in(max(0, start - 40), start) if not t.text.isspace()]
        if before and before[-1].pos not in _CUT_AFTER:
            # "the convicted paedophile Epstein", "James Bulger killer Jon Venables",
            # "Texas death row prisoner Rodney Reed": a cut would leave nonsense
            return False
        # the label goes; what it said moves after the name where needed (framing.names)
        return before_name(c, s, first, start)
    # a noun for a person is one in any case: a Title Case line tags "Junkie
    # Mum" and "Yob grandson" as proper names, yet "Mum" is no one's name here
    person_noun = first.text.lower() in _PERSON_NOUNS and first.pos in ("NOUN", "PROPN")
    if not person_noun and (
        first.pos != "NOUN" or first.text[:1].isupper() and headline and first.tag != "NN"
    ):
        return None
    if person_noun:
        start = _modifiers_start(c, s)
        word = first.text
        if s.text[start : c.end][:1].isupper():
            word = word[0].upper() + word[1:]
        return start, first.end, word
    return _topic(c, s, nxt, plural_alt)


def _topic(c: Candidate, s: Sentence, nxt: list[Tok], plural_alt: str | None) -> Span | bool:
    """ "inmate deaths" -> "deaths of people in prison": the noun run after the
    label, restructured with the preposition its head takes, else advice."""
    run = [nxt[0]]
    for t in nxt[1:]:
        if t.pos == "NOUN" and t.start - run[-1].end <= 1:
            run.append(t)
        else:
            break
    headword = run[-1].text.lower()
    prep = _TOPIC.get(headword)
    if prep is None or plural_alt is None:
        return False
    phrase = s.text[run[0].start : run[-1].end]
    if headword == "numbers":
        return _numbers(c, s, run[-1], plural_alt)
    out = f"{phrase} {prep} {plural_alt}"
    if c.text[:1].isupper():
        out = out[0].upper() + out[1:]
    return c.start, run[-1].end, out


def _numbers(c: Candidate, s: Sentence, numbers: Tok, plural_alt: str) -> Span | bool:
    """ "Inmate numbers have risen" -> "The number of people in prison has risen"."""
    after = [t for t in s.tokens_in(numbers.end, len(s.text)) if not t.text.isspace()]
    verb = next((t for t in after[:8] if t.pos in ("AUX", "VERB")), None)
    if verb is None or verb.text.lower() not in _AGREE:
        return False
    middle = s.text[numbers.end : verb.start]
    the = "" if s.headline else "the "
    out = f"{the}number of {plural_alt}{middle}{_AGREE[verb.text.lower()]}"
    if c.text[:1].isupper():
        out = out[0].upper() + out[1:]
    return c.start, verb.end, out


def _modifiers_start(c: Candidate, s: Sentence) -> int:
    """Where the label's own modifiers start ("Double murderer", "art thief")."""
    start = c.start
    toks = [t for t in s.tokens_in(max(0, c.start - 40), c.start) if not t.text.isspace()]
    for t in reversed(toks[-2:]):
        if t.end != start - 1 or t.pos not in ("ADJ", "NOUN") or t.text.lower() in ("the", "a"):
            break
        start = t.start
    return start


def _cut(c: Candidate, s: Sentence, name_start: int) -> Span:
    start = _modifiers_start(c, s)
    return start, name_start, ""
