"""Paragraphs, sentences and words of an article, found by patterns (no spaCy).

The profile reads whole articles in the monitor's pass, so it splits text the
cheap way the engine does (``framing.sentences``): the split only scopes
attribution patterns and feature counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.quotes import paragraphs

_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Prof|Sgt|Insp|Det|Supt|Rev|No|vs?|Co|Ltd|Inc|Jr|Sr|etc|e\.g|i\.e|[A-Z])\.$"
)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of its paragraph


def sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, each with its paragraph's index."""
    out: list[Sentence] = []
    for k, (a, b) in enumerate(paragraphs(text)):
        s = a
        for m in _BOUNDARY.finditer(text, a, b):
            if not m.group().startswith("\n") and _ABBREV.search(
                text[max(a, m.start() - 6) : m.start()]
            ):
                continue
            if text[s : m.start()].strip():
                out.append(Sentence(s, m.start(), k))
            s = m.end()
        if text[s:b].strip():
            out.append(Sentence(s, b, k))
    return out


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
