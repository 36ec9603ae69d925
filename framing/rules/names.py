"""Policy exemption 6 (surnames) and names in general: "Savage said", "Mr Flood".

A lower-case lexicon word written with a capital in mid-sentence, outside a
headline, is a proper name (a surname, a title, an organisation)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

from framing.senses import kind, names_people
from framing.sentences import at_sentence_start

# "dubbed 'Granny Evil'", "nicknamed the Beast": a nickname is a label
# (reported), not a name that exempts it
NICKNAMING = (
    r"dubbed|nicknamed|branded|labell?ed|christened|known(?:\s+(?:on|to|in)\s+[\w-]+)?\s+as|"
    r"(?:the|a|his|her|their)\s+(?:nickname|moniker)(?:\s+of)?"
)
_NICKNAME = re.compile(
    r"\b(?i:" + NICKNAMING + r")\s+"
    r"(?:(?:him|her|them|it|his|their|its)\s+){0,2}(?:as\s+)?(?i:the\s+)?"
    r"[\"'“‘]?(?:[A-Z][\w'’-]*\s+){0,3}$"
)
# "The Madman moniker": a capitalised label and then the word for a nickname
_NICKNAME_AFTER = re.compile(r"^[\"'”’]?\s+(?:moniker|nickname)\b", re.I)


# words people chanted or carried: "the 'Lock Her Up' chant", "banners reading
# 'Free All Prisoners'": a capital there quotes them, it names nothing
_SLOGAN_NOUNS = r"chants?|chanting|banners?|slogans?|placards?|signs?|hashtags?|t-shirts?|posters?"
_SLOGAN_AFTER = re.compile(r"^(?:\s+[A-Z][\w'’-]*){0,3}[\"'”’]?\s+(?i:" + _SLOGAN_NOUNS + r")\b")
_SLOGAN_BEFORE = re.compile(
    r"\b(?i:" + _SLOGAN_NOUNS + r")\s+(?i:reading|saying|declaring|proclaiming|that\s+read|"
    r"which\s+read|with\s+the\s+words)\b[^.!?]{0,50}$"
)
# "The 'Hot Felon', 36, flashed": a quoted capitalised label with an age after
# it is a person's nickname
_QUOTE_OPENS = re.compile(r"[\"'‘“](?:[A-Z][\w'’-]*\s+){0,3}$")
_AGE_AFTER = re.compile(r"^[\"'”’],\s+(?:aged\s+)?\d{1,3},")


def slogan_or_nickname(c: Candidate, s: Sentence) -> bool:
    """A capitalised label that is others' words about people (a nickname, a
    slogan chanted or carried), not a proper name that exempts it."""
    if nicknamed(c, s):
        return True
    before = s.text[max(0, c.start - 80) : c.start]
    if _SLOGAN_AFTER.match(s.text[c.end : c.end + 60]) or _SLOGAN_BEFORE.search(before):
        return True
    return bool(_AGE_AFTER.match(s.text[c.end : c.end + 12]) and _QUOTE_OPENS.search(before))


# "blaming the Rioters, Anarchists, Agitators, and Looters": a capital on every
# item of a list of common nouns for people is emphasis, not a name
_CAPITAL_LIST = re.compile(
    r"(?:\b[A-Z][a-z]+s,\s+){2,}(?:(?:and|or|&)\s+)?$|^(?:,\s+[A-Z][a-z]+s){2,}\b"
)


def capitalised_list(c: Candidate, s: Sentence) -> bool:
    before = s.text[max(0, c.start - 80) : c.start]
    m = _CAPITAL_LIST.search(before)
    words = re.findall(r"[A-Z][a-z]+s", m.group()) if m else []
    if not m:
        n = _CAPITAL_LIST.match(s.text[c.end : c.end + 80])
        words = re.findall(r"[A-Z][a-z]+s", n.group()) if n else []
    return len(words) >= 2 and all(names_people(w) is True for w in words)


def nicknamed(c: Candidate, s: Sentence) -> bool:
    """A label given as a person's nickname ("dubbed 'Granny Evil'", "known as
    the Muswell Hill Murderer", "The Madman moniker")."""
    return c.entry.refers_to_people and bool(
        _NICKNAME.search(s.text[max(0, c.start - 60) : c.start])
        or (c.text[:1].isupper() and _NICKNAME_AFTER.match(s.text[c.end : c.end + 12]))
    )


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
    if slogan_or_nickname(c, s) or _opens_quoted_sentence(c, s) or capitalised_list(c, s):
        return None
    if at_sentence_start(s.text, c.start):
        # "Savage, 34, of Leeds" and "Murderer, 25, is caught on CCTV" look
        # alike: a capital at a sentence start says nothing, and the document
        # decides (a surname when it writes the word as a name elsewhere)
        return None
    return "capitalised in mid-sentence: a proper name"


_QUOTED_START = re.compile(r"(?:^|[\s(\[])[\"'“‘]$")


def _opens_quoted_sentence(c: Candidate, s: Sentence) -> bool:
    """ "tweeted that 'Child pornography is illegal'": the capital opens a quoted
    sentence (lower-case words follow), not a name."""
    if not _QUOTED_START.search(s.text[max(0, c.start - 2) : c.start]):
        return False
    if s.text[c.end : c.end + 1] in ("'", "’", '"', "”"):
        return False  # "starred in 'Killers' last year": the quotation is the word alone
    after = s.words_after(c.end, 2)
    return len(after) == 2 and all(w[:1].islower() for w in after)


def propn_name(c: Candidate, s: Sentence, ix: Index) -> str | None:
    head = s.head_token(c)
    if head is None or head.pos != "PROPN" or s.headline or c.text.isupper():
        return None
    if "PROPN" in c.entry.pos or any(ch.isupper() for ch in c.form.text):
        return None
    if at_sentence_start(s.text, c.start):
        return None  # "Inmate John Smith said": sentence-initial capitals say nothing
    if slogan_or_nickname(c, s):
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
