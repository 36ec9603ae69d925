"""A lexicon compiled for matching: the prefilter plus the allow-list and each
entry's exception phrases as regexes.  Built once per Engine."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.learned import Model

import re
from collections.abc import Iterable
from functools import lru_cache

from framing.prefilter import _APOS_RE, _SEP_RE, Prefilter, normalise
from framing.rules.idioms import IDIOMS
from lexicon.model import Lexicon

# a word of an official name in any number and possessive: "the sex offenders'
# register", "a young offender's institution", "Sex Offender Registers"
_INFLECTED = r"(?:s['’]?|['’]s?)?"


def _phrase_regex(
    phrases: Iterable[str], plural_ok: bool = False, inflect_words: bool = False
) -> re.Pattern[str] | None:
    """One pattern for ``phrases``: spaces and hyphens alike, any apostrophe;
    ``plural_ok`` lets the last word take -s or 's; ``inflect_words`` lets every
    word that ends in a letter (official names are written both ways in real
    copy: "Sex Offenders Register", "sex offender's register")."""
    parts: list[str] = []
    for p in sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True):
        out: list[str] = []
        for ch in p:
            if ch.isspace() or ch in "-‐‑":
                if inflect_words and out and out[-1] != _SEP_RE and out[-1][-1:].isalpha():
                    out.append(_INFLECTED)
                if not out or out[-1] != _SEP_RE:
                    out.append(_SEP_RE)
            elif ch in "'’‘`":
                out.append(_APOS_RE)
            else:
                out.append(re.escape(ch))
        parts.append("".join(out))
    if not parts:
        return None
    tail = r"(?:s|['’]s?)?" if plural_ok else ""
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")" + tail + r"(?!\w)", re.I)


class Index:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.entries = lexicon.by_id()
        self.prefilter = Prefilter(lexicon)
        self._official_rx: dict[str, re.Pattern[str] | None] = {}
        # compiled on first use: most runs meet only a few entries, and compiling
        # every entry's phrases up front costs a third of a second at start-up
        self._exceptions: dict[str, re.Pattern[str] | None] = {}
        self._official_cache = lru_cache(maxsize=4096)(self._official_spans)
        self.learned: Model | None = None  # the learned check, set by the Engine
        self.status_analysis = True  # read legal status for status-conditioned wording

    def _official_regex(self, key: str) -> re.Pattern[str] | None:
        """The official names that could contain a candidate with this key.

        Only a name holding the candidate's word can cover it, so each key gets
        a pattern of just those names (compiling all 91 at once cost 40 ms of a
        cold one-sentence check).  The test is a substring test on the word
        stem, a superset of the names that can match."""
        if key not in self._official_rx:
            stem = max(normalise(key).split(" "), key=len)
            for suffix in ("'s", "'", "s"):  # "offenders'" -> "offenders" -> "offender"
                if stem.endswith(suffix) and len(stem) > len(suffix) + 2:
                    stem = stem[: -len(suffix)]
            names = [n for n in self.lexicon.official_names if stem in normalise(n)]
            self._official_rx[key] = _phrase_regex(names, plural_ok=True, inflect_words=True)
        return self._official_rx[key]

    def _official_spans(self, text: str, key: str) -> tuple[tuple[int, int], ...]:
        rx = self._official_regex(key)
        if rx is None:
            return ()
        return tuple((m.start(), m.end()) for m in rx.finditer(text))

    def official_spans(self, text: str, key: str) -> tuple[tuple[int, int], ...]:
        """Spans of official names in ``text`` that could hold a candidate keyed ``key``."""
        return self._official_cache(text, key)

    def _exception_regex(self, entry_id: str) -> re.Pattern[str] | None:
        if entry_id not in self._exceptions:
            e = self.entries[entry_id]
            words = {w for f in e.forms for w in f.text.lower().replace("-", " ").split()}
            idioms = [i for i in IDIOMS if set(i.lower().replace("-", " ").split()) & words]
            self._exceptions[entry_id] = _phrase_regex(
                tuple(e.exceptions) + tuple(idioms), plural_ok=True
            )
        return self._exceptions[entry_id]

    def exception_spans(self, entry_id: str, text: str) -> list[tuple[int, int]]:
        rx = self._exception_regex(entry_id)
        if rx is None:
            return []
        return [(m.start(), m.end()) for m in rx.finditer(text)]
