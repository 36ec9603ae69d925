"""The plain data the context rules look at: one candidate occurrence and the
sentence around it.  No spaCy objects, so rules are easy to test and cache."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lexicon.model import Entry, Form

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Tok:
    """A tagged token, relative to the sentence."""

    start: int
    end: int
    text: str
    pos: str
    tag: str
    lemma: str = ""


@dataclass
class Candidate:
    start: int  # offsets inside the sentence
    end: int
    text: str
    entry: Entry
    form: Form
    key: str
    possessive: bool

    @property
    def head_end(self) -> int:
        """End of the word itself, without a possessive suffix."""
        if self.possessive:
            t = self.text
            if t[-2:-1] in ("'", "’") and t[-1:] in ("s", "S"):
                return self.end - 2
            if t[-1:] in ("'", "’"):
                return self.end - 1
        return self.end

    @property
    def lower_words(self) -> list[str]:
        return [w.lower() for w in WORD.findall(self.text)]


@dataclass
class Sentence:
    text: str
    headline: bool = False
    tokens: list[Tok] | None = None  # set once tagged
    italic: list[tuple[int, int]] = field(default_factory=list)
    _words: list[tuple[int, int, str]] | None = None

    @property
    def words(self) -> list[tuple[int, int, str]]:
        if self._words is None:
            self._words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(self.text)]
        return self._words

    def words_before(self, offset: int, n: int) -> list[str]:
        ws = [w for s, e, w in self.words if e <= offset]
        return ws[-n:]

    def words_after(self, offset: int, n: int) -> list[str]:
        ws = [w for s, e, w in self.words if s >= offset]
        return ws[:n]

    def gap_after(self, offset: int) -> str:
        """Characters between ``offset`` and the next word (punctuation check)."""
        for s, _e, _w in self.words:
            if s >= offset:
                return self.text[offset:s]
        return self.text[offset:]

    def gap_before(self, offset: int) -> str:
        last = 0
        for _s, e, _w in self.words:
            if e <= offset:
                last = e
            else:
                break
        return self.text[last:offset]

    def tokens_in(self, start: int, end: int) -> list[Tok]:
        return [t for t in self.tokens or () if t.start >= start and t.end <= end]

    def head_token(self, c: Candidate) -> Tok | None:
        toks = [t for t in self.tokens or () if t.start < c.head_end and t.end > c.start
                and any(ch.isalpha() for ch in t.text)]
        return toks[-1] if toks else None

    def token_after(self, offset: int) -> Tok | None:
        for t in self.tokens or ():
            if t.start >= offset and not t.text.isspace():
                return t
        return None

    def token_before(self, offset: int) -> Tok | None:
        best = None
        for t in self.tokens or ():
            if t.end <= offset and not t.text.isspace():
                best = t
        return best
