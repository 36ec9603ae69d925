"""A label that is only the agent of an act: the act told without it.

"A man has been arrested after a thug attacked a delivery driver with a
hammer": whether the man arrested is the one who attacked is what the police
are testing, so any noun for the attacker ("a person suspected of ...",
"the attacker") either repeats the arrest as fact or invents a second
person.  The policy's safe wording is the act itself, in the passive:
"after a delivery driver was attacked with a hammer".  (A headline of
label, verb and object, "Thugs attack bus driver" -> "Bus driver attacked",
is ``framing.restructure.headline_passive``, which knows irregular verbs and
the line's case.)

Only regular verbs (past tense and participle alike: "attacked", "used",
"targeted") are turned; anything else is left to the other wordings.
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence, Tok

Span = tuple[int, int, str]

# what may introduce the clause whose agent the label is
_LEADS = frozenset({"after", "when"})
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
_NP_TAGS = frozenset({"VBN", "PRP$", "POS"})  # "stolen identities", "her", "'s"
_CLAUSE_END = re.compile(r"[,;:!?—–]|\.(?:\s|$)")


def _toks(s: Sentence, start: int) -> list[Tok]:
    return [t for t in s.tokens_in(start, len(s.text)) if not t.text.isspace()]


# nouns that take a plural verb though tagged singular ("staff were threatened")
_PLURAL_NOUNS = frozenset({"staff", "police", "people", "children", "crew", "personnel"})


def _object(s: Sentence, toks: list[Tok]) -> tuple[int, int, bool] | None:
    """The span of the verb's object and whether it is plural; a participle
    after the noun ("a woman walking home ...") takes the rest of the clause
    with it (read from the text: tags cover only the words near a label)."""
    n = 0
    head: Tok | None = None
    while n < len(toks) and (toks[n].pos in _NP_POS or toks[n].tag in _NP_TAGS):
        if toks[n].pos in ("NOUN", "PROPN"):
            head = toks[n]
        n += 1
    if head is None or toks[n - 1] is not head:
        return None
    end = head.end
    if n < len(toks) and toks[n].tag == "VBG":
        m = _CLAUSE_END.search(s.text, head.end)
        end = m.start() if m is not None else len(s.text.rstrip())
    return toks[0].start, end, head.tag in ("NNS", "NNPS") or head.text.lower() in _PLURAL_NOUNS


def _participle(verb: Tok) -> str | None:
    w = verb.text.lower()
    # (right after the label a past form is the past tense, whatever its tag)
    return w if verb.tag in ("VBD", "VBN") and w.endswith("ed") else None


def passive_fit(c: Candidate, s: Sentence, status: str) -> Span | None:
    """ "after a thug attacked X ..." -> "after X was attacked ...", or None.

    In running text only where someone has been arrested (``status``): while
    police still seek the person, "an attacker snatched a phone" asserts
    nothing about anyone held, and stays the better wording."""
    if c.possessive or not s.tokens:
        return None
    prev = s.word_before(c.start)
    plural = c.form.number == "plural"
    start = c.start
    if prev is not None and prev[2].lower() in ("a", "an") and not plural:
        start = prev[0]
        prev = s.word_before(start)
    elif not plural:
        return None
    after = _toks(s, c.end)
    if not after:
        return None
    verb = after[0]
    if not (
        status == "arrested"
        and prev is not None
        and prev[2].lower() in _LEADS
        and s.text[prev[1] : start].strip() == ""
    ):
        return None
    participle = _participle(verb)
    if participle is None:
        return None
    obj = _object(s, after[1:])
    if obj is None:
        return None
    np_start, np_end, obj_plural = obj
    np_text = s.text[np_start:np_end]
    be = "were" if obj_plural else "was"
    return start, np_end, f"{np_text} {be} {participle}"
