"""Policy exemption 6 (surnames) and names in general: "Savage said", "Mr Flood".

A lower-case lexicon word written with a capital in mid-sentence, outside a
headline, is a proper name (a surname, a title, an organisation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

from framing.sentences import at_sentence_start

HONORIFICS = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady judge justice det sgt insp pc".split()
)


def capitalised_name(c: Candidate, s: Sentence, ix: Index) -> str | None:
    t = c.text
    if not t[:1].isupper() or t.isupper() or s.headline:
        return None
    if any(ch.isupper() for ch in c.form.text):
        return None  # the lexicon form itself is capitalised (BAME, Paki)
    before = s.words_before(c.start, 1)
    if before and before[0].lower().rstrip(".") in HONORIFICS:
        return f"surname after '{before[0]}'"
    if at_sentence_start(s.text, c.start):
        # "Savage, 34, of Leeds": a capitalised word followed by an age
        gap = s.text[c.end : c.end + 6]
        if gap.startswith(", ") and gap[2:4].isdigit():
            return "name followed by an age"
        return None
    return "capitalised in mid-sentence: a proper name"


def propn_name(c: Candidate, s: Sentence, ix: Index) -> str | None:
    head = s.head_token(c)
    if head is None or head.pos != "PROPN" or s.headline or c.text.isupper():
        return None
    if "PROPN" in c.entry.pos or any(ch.isupper() for ch in c.form.text):
        return None
    if at_sentence_start(s.text, c.start):
        return None  # "Inmate John Smith said": sentence-initial capitals say nothing
    if c.text[:1].isupper():
        return "tagged as a proper noun"
    return None
