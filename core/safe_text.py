"""Which characters of untrusted text are unsafe to show or to pass on.

Feeds, pages and pasted copy can carry control characters (every terminal
escape sequence starts with one) and bidi controls (which make a line display
differently from what it says).  Each layer treats them its own way - the
monitor removes them before storing, the UI swaps them one for one for visible
stand-ins so offsets still hold, the CLI prints ``\\xNN`` escapes, exports write
U+FFFD - but what counts as unsafe is defined once, here, so the layers cannot
drift apart.  This lives in ``framing`` because it is the lowest layer the
others may import.

The names are fragments for use inside a regex character class ``[...]``.
"""

from __future__ import annotations

# C0 controls.  Tab and newline are layout, not danger; carriage return is
# folded to a newline before storage, so the monitor leaves it out as well.
C0 = "\x00-\x1f"
C0_EXCEPT_TAB_LF = "\x00-\x08\x0b-\x1f"
C0_EXCEPT_TAB_LF_CR = "\x00-\x08\x0b\x0c\x0e-\x1f"
# DEL and the C1 controls (0x9b is an 8-bit CSI, 0x9d an 8-bit OSC).
DEL_C1 = "\x7f-\x9f"
# Bidi embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
BIDI = "\u202a-\u202e\u2066-\u2069"
# Left-to-right and right-to-left marks: invisible, so they may be shown as escapes.
BIDI_MARKS = "\u200e\u200f"
# Line and paragraph separators, which some terminals treat as newlines.
LINE_SEPARATORS = "\u2028\u2029"
# Lone surrogates (cannot be encoded as UTF-8).
SURROGATES = "\ud800-\udfff"
# Private-use code points (Unicode category Co): the BMP area and planes 15 and 16.
PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
# The two BMP non-characters.
NONCHARACTERS = "\ufffe\uffff"
