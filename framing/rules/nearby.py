"""``requires_nearby``: some senses only hold in a justice context ("lags").

The context words stand in for "this is about people who did something".  A
figurative label that plainly points at people needs no such word: "the
animals who attacked him", "they were absolute animals", "the men are beasts".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

import re

_PRONOUNS = (
    r"(?:they|these|those|he|she|we|you|men|women|boys|girls|lads|youths|teenagers|people|gang)"
)
# "the beasts who", "absolute animals", "they are animals", "these men were monsters"
_HUMAN_BEFORE = re.compile(
    r"(?:\b(?:absolute|utter|complete|total|sick|twisted)\s+[\"'‘“]?$)"
    r"|(?:\b" + _PRONOUNS + r"\s+(?:are|were|is|was)\s+(?:just\s+|simply\s+|nothing\s+but\s+)?"
    r"(?:an?\s+)?[\"'‘“]?$)",
    re.I,
)


_POSS = re.compile(r"['’]s$")
# "called him a 'dangerous predator'", "dubbed him the Beast of Bolton": said of a person
_OF_A_PERSON = re.compile(
    r"\b(?:him|her|them|me|us|himself|herself|themselves)\s+(?:as\s+)?(?:an?\s+|the\s+)?"
    r"[\"'‘“]?(?:[\w-]+\s+)?$",
    re.I,
)


def human_signal(c: Candidate, s: Sentence) -> bool:
    after = [w.lower() for w in s.words_after(c.end, 1)]
    if (
        after
        and after[0] in ("who", "whom")
        and not any(ch in s.gap_after(c.end) for ch in ".;:!?")
    ):
        return True
    before = s.text[max(0, c.start - 40) : c.start]
    return bool(_HUMAN_BEFORE.search(before) or _OF_A_PERSON.search(before))


def missing_nearby(c: Candidate, s: Sentence, ix: Index) -> str | None:
    need = c.entry.requires_nearby
    if not need:
        return None
    words = s.memo("nearby_words", lambda: frozenset(_POSS.sub("", x) for x in s.word_set))
    low = s.text.lower()
    for w in need:
        w = w.lower()
        if (" " in w and w in low) or w in words:
            return None
        # crude inflection: "prison" also covers "prisons"/"prisoner", "boys" covers "boy's"
        if any(x.startswith(w) for x in words) or (w.endswith("s") and w[:-1] in words):
            return None
    if c.entry.category == "dehumanising" and human_signal(c, s):
        return None
    return "no justice context nearby"
