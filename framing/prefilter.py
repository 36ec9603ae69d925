"""The cheap first pass: one compiled regex over every lexicon surface form.

Everything the statistical pipeline ever sees was selected here, so the scan
must be exhaustive (every form, hyphen/space and apostrophe variant, auto
possessive) and cheap (a character trie compiled into one pattern, because
Python's ``re`` tries alternatives one by one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lexicon.model import Entry, Form, Lexicon

APOSTROPHES = "'’‘`ʼ"
_SEP_CHARS = set(" -‐‑")
_NORM_SEP = re.compile(r"[\s\-‐‑–]+")
_NORM_APOS = re.compile(f"[{APOSTROPHES}]")
_SEP_RE = r"(?:\s*[\-‐‑]\s*|\s+)"
_APOS_RE = f"[{APOSTROPHES}]"


def normalise(text: str) -> str:
    """The lookup key of a surface string: lower case, one apostrophe, one space."""
    return _NORM_SEP.sub(" ", _NORM_APOS.sub("'", text.lower())).strip()


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    key: str  # normalised base form (possessive suffix removed)
    possessive: bool
    senses: tuple[tuple[Entry, Form], ...]  # every entry that lists this form


def _trie_regex(words: list[str]) -> str:
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                piece = _SEP_RE
            elif ch == "'":
                piece = _APOS_RE
            else:
                piece = re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[“\"—–-]))[‘'](?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])[’'](?!\w)")


def _closes_single_quote(text: str, start: int) -> bool:
    """True when a single quotation mark opened earlier on the line is still open
    at ``start``, so a bare apostrophe after the word closes it."""
    lo = text.rfind("\n", max(0, start - 300), start) + 1
    if lo == 0:
        lo = max(0, start - 300)
    last_open = None
    for m in _SINGLE_OPEN.finditer(text, lo, start):
        last_open = m.start()
    if last_open is None:
        return False
    return _SINGLE_CLOSE.search(text, last_open + 1, start) is None


_TOKEN = re.compile(r"\w+")
# The whole pattern takes ~35 ms to compile: most of the engine's own share of
# a cold one-sentence check.  So the first few short texts a process sees are
# scanned with a pattern of only the forms whose words occur in them
# (about a millisecond to compile); a long text, or the next text after that
# budget, compiles the whole pattern once and uses it from then on.
SUBSET_MAX_CHARS = 5_000
SUBSET_BUDGET = 8


class Prefilter:
    """Finds every place a lexicon form could occur; decides nothing else."""

    def __init__(self, lexicon: Lexicon):
        table: dict[str, list[tuple[Entry, Form]]] = {}
        for entry in lexicon.entries:
            for form in entry.forms:
                key = normalise(form.text)
                if key:
                    table.setdefault(key, []).append((entry, form))
        self.table = {k: tuple(v) for k, v in table.items()}
        # listed possessives ("inmate's", "inmates'") are left to the generic
        # suffix below: the pattern compiles in half the time, and the table
        # still knows them
        self._keys = sorted(
            k
            for k in self.table
            if not (
                (k.endswith("'s") and k[:-2] in self.table)
                or (k.endswith("'") and k[:-1] in self.table)
            )
        )
        # A form can only match where each of its words stands whole in the
        # text: the pattern puts a word boundary before the first and a
        # separator, an apostrophe or a non-word character after every word.
        # So each form is filed under its longest (rarest) word: "a domestic"
        # under "domestic", not under "a", which nearly every text holds.
        self._by_word: dict[str, list[str]] = {}
        for k in self._keys:
            words = _TOKEN.findall(k)
            self._by_word.setdefault(max(words, key=len) if words else "", []).append(k)
        self.enabled = bool(self._keys)
        self._full: dict[bool, re.Pattern[str]] = {}
        self._subsets: dict[tuple[tuple[str, ...], bool], re.Pattern[str]] = {}

    @staticmethod
    def _pattern(keys: list[str], ignore_case: bool) -> re.Pattern[str]:
        # possessive suffix: 's after any form, a bare apostrophe after a plural in -s
        # when a word follows (so a closing single quote is not taken for one)
        poss = f"(?:{_APOS_RE}s(?!\\w)|(?<=s){_APOS_RE}(?=[ \\t]+\\w))?"
        source = f"(?:{_trie_regex(keys)})(?!\\w){poss}"
        # without IGNORECASE, run over a lower-cased copy: 2.5x faster (valid
        # whenever lower-casing keeps every character's offset); the
        # case-insensitive twin serves the texts where it does not
        if ignore_case:
            return re.compile("(?<!\\w)" + source, re.I)
        return re.compile("\\b" + source)

    def full_regex(self, ignore_case: bool = False) -> re.Pattern[str]:
        """The pattern of every form (compiled on first use)."""
        if ignore_case not in self._full:
            self._full[ignore_case] = self._pattern(self._keys, ignore_case)
        return self._full[ignore_case]

    def _regex_for(self, low: str, ignore_case: bool) -> re.Pattern[str] | None:
        if (
            ignore_case in self._full
            or len(low) > SUBSET_MAX_CHARS
            or len(self._subsets) >= SUBSET_BUDGET
        ):
            return self.full_regex(ignore_case)
        words = set(_TOKEN.findall(low))
        words.add("")  # forms that do not start with a word character
        keys = tuple(sorted(k for w in words for k in self._by_word.get(w, ())))
        if not keys:
            return None
        if (keys, ignore_case) not in self._subsets:
            self._subsets[(keys, ignore_case)] = self._pattern(list(keys), ignore_case)
        return self._subsets[(keys, ignore_case)]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        if not self.enabled:
            return []
        end = len(text) if end is None else end
        out: list[Match] = []
        pos = start
        low = text.lower()
        ignore_case = len(low) != len(text)
        regex = self._regex_for(low, ignore_case)
        if regex is None:
            return out
        hay = text if ignore_case else low
        while True:
            # search again from just after each match start, so overlapping forms
            # ("as a domestic dispute": "a domestic" and "domestic dispute") are all seen
            m = regex.search(hay, pos, end)
            if m is None:
                break
            pos = m.start() + 1
            raw = text[m.start() : m.end()]
            mend = m.end()
            if (
                raw[-1] in APOSTROPHES
                and m.start() > 0
                and (text[m.start() - 1] in APOSTROPHES or _closes_single_quote(text, m.start()))
            ):
                # "'offenders' is", "the men were 'absolute animals' and": the closing
                # mark of a quote, not a plural possessive
                raw, mend = raw[:-1], mend - 1
            key = normalise(raw)
            possessive = False
            senses = self.table.get(key)
            if senses is None:
                if key.endswith("'s") and key[:-2] in self.table:
                    key, possessive = key[:-2], True
                elif key.endswith("'") and key[:-1] in self.table:
                    key, possessive = key[:-1], True
                senses = self.table.get(key)
            if senses is None:  # the trie only produces listed forms; defensive
                continue
            if any(f.possessive for _, f in senses):
                possessive = True
            out.append(Match(m.start(), mend, raw, key, possessive, senses))
        if len(out) > 1:
            # a form inside a longer one ("offender" in "ex-offender") is that longer
            # form; matches come in start order, so a running maximum end finds them
            kept: list[Match] = []
            max_end = -1
            for hit in out:
                if hit.end > max_end:
                    kept.append(hit)
                    max_end = hit.end
                elif hit.end == max_end and kept and kept[-1].start == hit.start:
                    kept.append(hit)
            out = kept
        return out

    def any(self, text: str) -> bool:
        return self.enabled and bool(self.find(text))
