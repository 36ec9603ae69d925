"""Make untrusted article text safe to put on a terminal.

Feeds and pasted copy can carry terminal escape sequences, control characters,
bidi overrides (which can make a sentence display differently from what it
says) and invisible characters (zero-width spaces, bidi marks, tag
characters: hidden text).  Each unsafe character is replaced ONE FOR ONE by a
visible stand-in, so flag offsets computed on the original text still point
at the same words.  The sequences readers need (an emoji's ZWJ, a flag's
tags) are left whole: ``core.safe_text.UNSEEN``.  The monitor removes
invisible characters before storing; this is for rows stored before it did,
and for drafts and pasted text.
"""

from __future__ import annotations

import re

from core.safe_text import (
    BIDI,
    C0_EXCEPT_TAB_LF,
    DEL_C1,
    LINE_SEPARATORS,
    SURROGATES,
    replace_unseen,
)

# lone surrogates too: no terminal can show one and spaCy cannot hash one
_UNSAFE = re.compile(f"[{C0_EXCEPT_TAB_LF}{DEL_C1}{BIDI}{LINE_SEPARATORS}{SURROGATES}]")
_REPLACEMENT = "\ufffd"


def _stand_in(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    if ch == "\r":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, etc.
    if code == 0x7F:
        return "\u2421"  # ␡
    return _REPLACEMENT


def _invisible_stand_in(_char: str) -> str:
    return _REPLACEMENT


def sanitize(text: str) -> str:
    """Same length as ``text``; newlines and tabs kept, everything unsafe visible."""
    if not text:
        return ""
    return replace_unseen(_UNSAFE.sub(_stand_in, text), _invisible_stand_in)


def one_line(text: str, limit: int = 0) -> str:
    """For table cells and titles: sanitised, whitespace collapsed, optionally cut."""
    flat = " ".join(sanitize(text).split())
    if limit and len(flat) > limit:
        return flat[: max(0, limit - 1)] + "…"
    return flat
