"""Make untrusted text safe to store and to show in a terminal.

Everything the monitor stores comes from servers we do not control.  A title
carrying ``ESC ] 52`` can write to a reviewer's clipboard, ``ESC [ 2 J`` can
wipe the screen, a U+202E override can make "gpj.exe" read as "exe.jpg", and
invisible characters (zero-width spaces, bidi marks, tag characters,
interlinear annotations, soft hyphens) can hide text, make two identical-
looking headlines differ, or split "pris\u00adoner" so no lexicon entry
matches it.  So every string is cleaned once, on the way into the database,
and readers can trust what they get back: escapes and controls removed,
invisible characters removed except where a reader needs them (a ZWJ inside
an emoji sequence, the tags of a flag, the joiners of an Arabic or Indic
word: ``core.safe_text.UNSEEN``), line and paragraph separators (U+2028,
U+2029) turned into newlines, and the result in Unicode NFC so the same
words are the same characters.
"""

from __future__ import annotations

import re
import unicodedata

from core.safe_text import (
    BIDI,
    C0_EXCEPT_TAB_LF_CR,
    DEL_C1,
    NONCHARACTERS,
    SURROGATES,
    has_unseen,
    replace_unseen,
)

# Escape sequences are removed whole, parameters included, before stray
# control characters are dropped; otherwise "ESC [31m" would leave "[31m".
_ESCAPES = re.compile(
    r"""
      \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?      # OSC ... BEL | ST (also unterminated)
    | \x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?         # 8-bit OSC
    | \x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?            # DCS / PM / APC / SOS strings
    | [\x90\x9e\x9f\x98][^\x1b\x9c]*(?:\x1b\\|\x9c)?     # their 8-bit forms
    | (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?  # CSI
    | \x1b[\x20-\x2f]*[\x30-\x7e]?                      # other ESC sequences (ESC c, ESC ( B ...)
    """,
    re.VERBOSE,
)

# C0 controls except tab/newline, DEL, C1 controls, bidi embeddings/overrides/
# isolates, lone surrogates (unencodable in UTF-8) and the two non-characters.
_CONTROLS = re.compile(f"[{C0_EXCEPT_TAB_LF_CR}{DEL_C1}{BIDI}{SURROGATES}{NONCHARACTERS}]")
_SPACES = re.compile(r"\s+")


def _remove(_char: str) -> str:
    return ""


def clean_text(value: object) -> str:
    """Body text: escapes, controls and invisible characters removed,
    newlines and tabs kept, NFC."""
    if value is None:
        return ""
    text = str(value)
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _ESCAPES.sub("", text)
    text = replace_unseen(_CONTROLS.sub("", text), _remove)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def clean_line(value: object) -> str:
    """One-line fields (titles, names, authors): also folds all whitespace."""
    return _SPACES.sub(" ", clean_text(value)).strip()


def is_clean(text: str) -> bool:
    return not (
        _CONTROLS.search(text) or "\x1b" in text or "\u2028" in text or "\u2029" in text
    ) and not has_unseen(text)
