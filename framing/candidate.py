"""The plain data the context rules look at: one candidate occurrence and the
sentence around it.  No spaCy objects, so rules are easy to test and cache."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lexicon.model import Entry, Form

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
T = TypeVar("T")


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
    names: frozenset[str] = frozenset()  # lexicon words written as proper names here
    fiction: frozenset[str] = frozenset()  # entries exempted here as fiction
    # the legal status the sentence's neighbours establish, for a label whose own
    # sentence gives none (framing.status.context_status): (status, cue)
    context: tuple[str, str] | None = None
    _words: list[tuple[int, int, str]] | None = None
    _word_starts: list[int] | None = None
    _word_ends: list[int] | None = None
    _tok_starts: list[int] | None = None
    _tok_ends: list[int] | None = None
    _memo: dict[str, Any] = field(default_factory=dict)

    def memo(self, key: str, fn: Callable[[], T]) -> T:
        """Per-sentence results shared by all of its candidates."""
        if key not in self._memo:
            self._memo[key] = fn()
        value: T = self._memo[key]
        return value

    @property
    def word_set(self) -> frozenset[str]:
        return self.memo("word_set", lambda: frozenset(w.lower() for _a, _b, w in self.words))

    # offsets are looked up by bisection: a pathological "sentence" can hold
    # hundreds of candidates and must stay O(n log n)
    @property
    def words(self) -> list[tuple[int, int, str]]:
        if self._words is None:
            self._words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(self.text)]
            self._word_starts = [w[0] for w in self._words]
            self._word_ends = [w[1] for w in self._words]
        return self._words

    def _word_offsets(self) -> tuple[list[int], list[int]]:
        """(starts, ends) of the words, for bisection."""
        self.words  # noqa: B018 - builds the offset lists
        assert self._word_starts is not None and self._word_ends is not None
        return self._word_starts, self._word_ends

    def words_ending_by(self, offset: int) -> int:
        """How many words end at or before ``offset``: the index into ``words``
        of the first word after it."""
        return bisect.bisect_right(self._word_offsets()[1], offset)

    def words_before(self, offset: int, n: int) -> list[str]:
        ws = self.words
        k = self.words_ending_by(offset)
        return [w for _a, _b, w in ws[max(0, k - n) : k]]

    def words_after(self, offset: int, n: int) -> list[str]:
        ws = self.words
        k = bisect.bisect_left(self._word_offsets()[0], offset)
        return [w for _a, _b, w in ws[k : k + n]]

    def word_before(self, offset: int) -> tuple[int, int, str] | None:
        ws = self.words
        k = self.words_ending_by(offset)
        return ws[k - 1] if k else None

    def word_after(self, offset: int) -> tuple[int, int, str] | None:
        ws = self.words
        k = bisect.bisect_left(self._word_offsets()[0], offset)
        return ws[k] if k < len(ws) else None

    def gap_after(self, offset: int) -> str:
        """Characters between ``offset`` and the next word (punctuation check)."""
        w = self.word_after(offset)
        return self.text[offset : w[0]] if w else self.text[offset:]

    def gap_before(self, offset: int) -> str:
        w = self.word_before(offset)
        return self.text[w[1] if w else 0 : offset]

    def _tok_index(self) -> tuple[list[int], list[int]]:
        """(starts, ends) of the tokens, for bisection; rebuilt when retagged."""
        if (
            self._tok_starts is None
            or self._tok_ends is None
            or len(self._tok_starts) != len(self.tokens or ())
        ):
            toks = self.tokens or []
            self._tok_starts = [t.start for t in toks]
            self._tok_ends = [t.end for t in toks]
        return self._tok_starts, self._tok_ends

    def tokens_in(self, start: int, end: int) -> list[Tok]:
        starts, ends = self._tok_index()
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_right(ends, end)
        return [t for t in (self.tokens or [])[lo:hi] if t.start >= start and t.end <= end]

    def head_token(self, c: Candidate) -> Tok | None:
        _starts, ends = self._tok_index()
        toks = self.tokens or []
        lo = bisect.bisect_right(ends, c.start)
        best = None
        for t in toks[lo:]:
            if t.start >= c.head_end:
                break
            if any(ch.isalpha() for ch in t.text):
                best = t
        return best

    def token_after(self, offset: int) -> Tok | None:
        starts, _ends = self._tok_index()
        toks = self.tokens or []
        for t in toks[bisect.bisect_left(starts, offset) :]:
            if not t.text.isspace():
                return t
        return None

    def token_before(self, offset: int) -> Tok | None:
        _starts, ends = self._tok_index()
        toks = self.tokens or []
        k = bisect.bisect_right(ends, offset)
        for t in reversed(toks[max(0, k - 8) : k]):
            if not t.text.isspace():
                return t
        return None
