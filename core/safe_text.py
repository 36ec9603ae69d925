"""Which characters of untrusted text are unsafe to show or to pass on.

Feeds, pages and pasted copy can carry control characters (every terminal
escape sequence starts with one), bidi controls (which make a line display
differently from what it says) and invisible characters (which hide text in
plain sight, make two headlines that look the same differ, or split a word so
no lexicon entry matches it: "pris\\u00adoner").  Each layer treats them its
own way - the monitor removes them before storing, the UI swaps them one for
one for visible stand-ins so offsets still hold, the CLI prints ``\\xNN`` /
``\\uNNNN`` escapes, exports write U+FFFD - but what counts as unsafe is
defined once, here, so the layers cannot drift apart.  This lives in ``core``
because it is the lowest layer the others may import.

The upper-case names are fragments for use inside a regex character class
``[...]``.  :data:`UNSEEN` is the one pattern for invisible characters that
also knows the sequences readers need and that must survive: a zero-width
joiner inside an emoji sequence (👩‍⚕️), the tag characters of a subdivision
flag (🏴 England, Scotland, Wales), and the joiners that shape Arabic and
Indic words.  :func:`replace_unseen` applies it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# C0 controls.  Tab and newline are layout, not danger; carriage return is
# folded to a newline before storage, so the monitor leaves it out as well.
C0 = "\x00-\x1f"
C0_EXCEPT_TAB_LF = "\x00-\x08\x0b-\x1f"
C0_EXCEPT_TAB_LF_CR = "\x00-\x08\x0b\x0c\x0e-\x1f"
# DEL and the C1 controls (0x9b is an 8-bit CSI, 0x9d an 8-bit OSC).
DEL_C1 = "\x7f-\x9f"
# Bidi embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
BIDI = "\u202a-\u202e\u2066-\u2069"
# Left-to-right, right-to-left and Arabic letter marks: invisible direction hints.
BIDI_MARKS = "\u200e\u200f\u061c"
# Line and paragraph separators, which some terminals treat as newlines.
LINE_SEPARATORS = "\u2028\u2029"
# Lone surrogates (cannot be encoded as UTF-8).
SURROGATES = "\ud800-\udfff"
# Private-use code points (Unicode category Co): the BMP area and planes 15 and 16.
PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
# The two BMP non-characters.
NONCHARACTERS = "\ufffe\uffff"
# Invisible characters no reader would miss: soft hyphen, combining grapheme
# joiner, Hangul fillers (blank "letters" used for invisible names), Mongolian
# vowel separator, zero-width space, word joiner, invisible maths operators,
# the deprecated format controls, zero-width no-break space (BOM).
INVISIBLE = "\u00ad\u034f\u115f\u1160\u180e\u200b\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0"
# Zero-width non-joiner and joiner: kept only where they shape a word or an emoji.
JOINERS = "\u200c\u200d"
# Tag characters: invisible copies of ASCII; kept only inside an emoji flag.
TAGS = "\U000e0000-\U000e007f"
# Interlinear annotation anchor, separator and terminator.
INTERLINEAR = "\ufff9-\ufffb"

# Extended pictographic characters (emoji), approximately, and what may follow
# one inside a sequence: variation selector 16 and the skin-tone modifiers.
_PICTOGRAPHIC = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
_EMOJI_MODIFIERS = "\ufe0f\U0001f3fb-\U0001f3ff"
# Scripts whose words use ZWNJ/ZWJ to choose letter shapes: Arabic, Syriac,
# Thaana, N'Ko, the Indic scripts, Tibetan, Myanmar, Khmer, Mongolian and the
# Arabic presentation forms.  The Arabic letter mark (U+061C) sits in the
# Arabic block but is itself invisible and removed, so it is left out: a
# joiner between two of them would otherwise be kept and then stand alone.
_JOINING_SCRIPTS = (
    "\u0600-\u061b\u061d-\u06ff\u0700-\u07ff\u0860-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f"
    "\u1780-\u18af\ua800-\uabff\ufb50-\ufdff\ufe70-\ufefe"
)
_EMOJI = f"[{_PICTOGRAPHIC}][{_EMOJI_MODIFIERS}]*"
_KEEP = (
    f"{_EMOJI}(?:\u200d{_EMOJI})+"  # an emoji ZWJ sequence
    "|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"  # an emoji tag sequence (a flag)
    f"|(?<=[{_JOINING_SCRIPTS}])[{JOINERS}]+(?=[{_JOINING_SCRIPTS}])"  # joiners in a word
)
# Every invisible character: one per match, unless a match is a kept sequence
# (then the group "keep" is set and the sequence is left as it is).
UNSEEN = re.compile(f"(?P<keep>{_KEEP})|[{INVISIBLE}{JOINERS}{TAGS}{INTERLINEAR}{BIDI_MARKS}]")
_ANY_UNSEEN = re.compile(f"[{INVISIBLE}{JOINERS}{TAGS}{INTERLINEAR}{BIDI_MARKS}]")


def replace_unseen(text: str, replace: Callable[[str], str]) -> str:
    """``text`` with each invisible character ``c`` (outside the sequences
    readers need) replaced by ``replace(c)``: ``""`` to remove, a stand-in to
    show it, an escape to print it."""
    if not _ANY_UNSEEN.search(text):
        return text
    return UNSEEN.sub(lambda m: m.group() if m.group("keep") else replace(m.group()), text)


def has_unseen(text: str) -> bool:
    """True when ``text`` holds an invisible character outside the kept sequences."""
    return replace_unseen(text, lambda _c: "\x00") != text
