"""Policy exemption 6 (surnames) and names in general: "Savage said", "Mr Flood".

A lower-case lexicon word written with a capital in mid-sentence, outside a
headline, is a proper name (a surname, a title, an organisation)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

from framing.senses import kind
from framing.sentences import at_sentence_start

# "dubbed 'Granny Evil'", "nicknamed the Beast": a nickname is a label
# (reported), not a name that exempts it
_NICKNAME = re.compile(
    r"\b(?:dubbed|nicknamed|branded|labell?ed|christened|known\s+as)\s+"
    r"(?:(?:him|her|them|it)\s+)?(?:as\s+)?(?:the\s+)?"
    r"[\"'“‘]?(?:[A-Z][\w'’-]*\s+){0,3}$"
)


def nicknamed(c: Candidate, s: Sentence) -> bool:
    return bool(_NICKNAME.search(s.text[max(0, c.start - 60) : c.start]))


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
    if nicknamed(c, s):
        return None
    if at_sentence_start(s.text, c.start):
        # "Savage, 34, of Leeds" and "Murderer, 25, is caught on CCTV" look
        # alike: a capital at a sentence start says nothing, and the document
        # decides (a surname when it writes the word as a name elsewhere)
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
    if nicknamed(c, s):
        return None  # "known as the Muswell Hill Murderer": a reported label
    if c.text[:1].isupper():
        return "tagged as a proper noun"
    return None


def written_as_name(c: Candidate, s: Sentence) -> bool:
    """The candidate is written as a proper name here, whatever else exempts it:
    capitalised in mid-sentence outside a headline ("Paul Savage, 29", "said
    Flood"), or after an honorific ("Mr Savage").  The document then reads the
    same word as a name where a capital says nothing (at a sentence start)."""
    t = c.text
    if len(c.lower_words) != 1 or not t[:1].isupper() or t.isupper() or s.headline:
        return False
    if any(ch.isupper() for ch in c.form.text) or nicknamed(c, s):
        return False
    after = s.words_after(c.end, 1)
    if after and after[0][:1].isupper() and not s.gap_after(c.end).strip():
        return False  # "... Inmate John Smith": a label before a name, not a surname
    before = s.words_before(c.start, 1)
    if before and before[0].lower().rstrip(".") in HONORIFICS:
        return True
    if at_sentence_start(s.text, c.start):
        return False  # "Murderer, 25, is caught on CCTV": a headline label, not evidence
    gap = s.text[c.end : c.end + 6]
    if gap.startswith(", ") and gap[2:4].isdigit():
        return True  # "... defender Savage, 34, of Leeds"
    # in mid-sentence a capital alone is no evidence: a Title Case headline or
    # campaign ("Coronavirus UK Fraudsters scams ...", "Stop the Gambling
    # Predators") would make every sentence-initial "Fraudsters" a surname.
    # A name is written after a given name ("Paul Savage", "Prosecutor
    # Jonathan Savage") or beside a speech verb ("said Flood", "Flood said").
    if _after_given_name(c, s) or _beside_speech_verb(c, s):
        return not _in_work_title(c, s)
    return False


_SPEECH = frozenset("said says told added asked explained claimed insisted".split())


def _beside_speech_verb(c: Candidate, s: Sentence) -> bool:
    before = s.word_before(c.start)
    after = s.word_after(c.end)
    return bool(
        (before and before[2].lower() in _SPEECH and not s.gap_before(c.start).strip())
        or (after and after[2].lower() in _SPEECH and not s.gap_after(c.end).strip())
    )


def _after_given_name(c: Candidate, s: Sentence) -> bool:
    """The word before is a capitalised given name: not shouted, and not a
    word WordNet knows as a thing or an abstraction ("Gambling", "Online")."""
    before = s.word_before(c.start)
    if before is None or s.gap_before(c.start) != " ":
        return False
    w = before[2]
    if not w[:1].isupper() or w.isupper() or len(w) < 2:
        return False
    return kind(w) in (None, "people")


_TITLE_JOINERS = frozenset("of the and in on for a an to at".split())


def _in_work_title(c: Candidate, s: Sentence) -> bool:
    after = s.words_after(c.end, 1)
    return (
        bool(after)
        and after[0].lower() in _TITLE_JOINERS
        and after[0][:1].islower()
        and any(w[:1].isupper() for w in s.words_after(c.end, 3)[1:])
    )
