"""The cheap first pass: one compiled regex over every lexicon surface form.

Everything the statistical pipeline ever sees was selected here, so the scan
must be exhaustive (every form, hyphen/space and apostrophe variant, auto
possessive) and cheap (a character trie compiled into one pattern, because
Python's ``re`` tries alternatives one by one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
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
        if self.table:
            # listed possessives ("inmate's", "inmates'") are left to the generic
            # suffix below: the pattern compiles in half the time (a third of the
            # engine's start-up), and the table still knows them
            body = _trie_regex(sorted(
                k for k in self.table
                if not ((k.endswith("'s") and k[:-2] in self.table) or (k.endswith("'") and k[:-1] in self.table))))
            # possessive suffix: 's after any form, a bare apostrophe after a plural in -s
            # when a word follows (so a closing single quote is not taken for one)
            poss = f"(?:{_APOS_RE}s(?!\\w)|(?<=s){_APOS_RE}(?=[ \\t]+\\w))?"
            # the pattern without IGNORECASE, run over a lower-cased copy: 2.5x faster
            # (valid whenever lower-casing keeps every character's offset); the
            # case-insensitive twin is compiled only if some text needs it
            self._source = f"(?:{body})(?!\\w){poss}"
            self.lower_regex = re.compile("\\b" + self._source)
            self.enabled = True
        else:
            self.enabled = False
        self._regex_i = None

    @property
    def regex_i(self) -> re.Pattern:
        if self._regex_i is None:
            self._regex_i = re.compile("(?<!\\w)" + self._source, re.I)
        return self._regex_i

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        if not self.enabled:
            return []
        end = len(text) if end is None else end
        out: list[Match] = []
        pos = start
        low = text.lower()
        regex, hay = (self.lower_regex, low) if len(low) == len(text) else (self.regex_i, text)
        while True:
            # search again from just after each match start, so overlapping forms
            # ("as a domestic dispute": "a domestic" and "domestic dispute") are all seen
            m = regex.search(hay, pos, end)
            if m is None:
                break
            pos = m.start() + 1
            raw = text[m.start() : m.end()]
            mend = m.end()
            if raw[-1] in APOSTROPHES and m.start() > 0 and (
                    text[m.start() - 1] in APOSTROPHES or _closes_single_quote(text, m.start())):
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
            kept, max_end = [], -1
            for m in out:
                if m.end > max_end:
                    kept.append(m)
                    max_end = m.end
                elif m.end == max_end and kept and kept[-1].start == m.start:
                    kept.append(m)
            out = kept
        return out

    def any(self, text: str) -> bool:
        return self.enabled and bool(self.find(text))
