"""Bytes a newsroom hands us -> text, or one line saying why not.

Drafts arrive as files saved by Word or Notepad (Windows-1252, UTF-16 with a
byte-order mark), as UTF-8 from everything else, piped on standard input or
opened from the draft checker.  Every reader of user files (``framewatch
check``, ``framewatch tui -``, the draft checker's Ctrl+O, the clipboard)
calls :func:`decode_text`, so they agree on what a file says and none of them
shows mojibake ("�500") or a lone surrogate ("\\udca3500") that the engine
then cannot analyse.

The order, most certain first:

1. ``encoding`` when the user forces one (``--encoding``): strict, no guess.
2. A byte-order mark (UTF-32, UTF-8, UTF-16): it says what the file is.
3. Strict UTF-8: bytes that decode as UTF-8 are UTF-8 in practice.
4. charset-normalizer, a maintained detector, for the rest.  Short texts
   are ambiguous between single-byte code pages (b"\\xa3500" is "£500" in
   Windows-1252, "Ł500" in Windows-1250, "｣500" in cp932); when Windows-1252
   fits the bytes as well as the detector's first choice it wins, because
   that is what a UK newsroom's Windows machines write.

This lives in ``core`` because it is needed by the engine's CLI and by the UI,
and it knows nothing of either.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from core.errors import FramewatchError

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
PREFERRED_CODE_PAGE = "cp1252"
# chaos is charset-normalizer's 0..1 "how garbled does this look"; within this
# margin of the first choice, the preferred code page fits as well
_TIE = 0.01


class DecodeError(FramewatchError):
    """The bytes are not text in a known encoding (or not in the one forced).

    An input problem, not a finding: exit status 2 like any unreadable input.
    """

    exit_code = 2


class BinaryData(DecodeError):
    """The bytes are a binary file (a photo, a .docx), not text in any encoding."""


@dataclass(frozen=True)
class Decoded:
    """Text and how it was read: ``encoding`` is a Python codec name
    ("utf-8", "utf-16-le", "cp1252"); ``how`` is "forced", "bom", "utf-8" or
    "detected", so a caller can say when the encoding was a guess."""

    text: str
    encoding: str
    how: str

    @property
    def guessed(self) -> bool:
        return self.how == "detected"


def decode_text(data: bytes, encoding: str | None = None) -> Decoded:
    """``data`` as text (see the module docstring for the order), or
    :class:`DecodeError` naming the cause in words."""
    if encoding:
        return _forced(data, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], name), name, "bom")
    if b"\0" in data[:8192]:
        return _unmarked_utf16(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _detect(data, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})")
    _refuse_binary(text)
    return Decoded(text, "utf-8", "utf-8")


def _forced(data: bytes, encoding: str) -> Decoded:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(f"unknown encoding '{encoding}'") from None
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]  # "utf-16" and "utf-32" drop their own marks
    return Decoded(_strict(data, name), name, "forced")


def _strict(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not valid {name} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _unmarked_utf16(data: bytes) -> Decoded:
    """NUL bytes and no byte-order mark: UTF-16 text in a Latin script (one NUL
    in every other byte, all on one side), else a binary file.  Detectors
    happily read any bytes as UTF-16 (b"\\x00\\x01\\x02\\x03" is two CJK
    characters), so this is decided by the byte pattern, not by a guess."""
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    name = "utf-16-le" if odd and not even else "utf-16-be" if even and not odd else ""
    if name and max(even, odd) * 4 >= len(head) and len(data) % 2 == 0:
        try:
            return Decoded(data.decode(name), name, "detected")
        except UnicodeDecodeError:
            pass
    raise BinaryData("looks like a binary file (NUL bytes)")


def _detect(data: bytes, cause: str) -> Decoded:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError(f"{cause} and no other text encoding fits")
    best = matches[0]
    preferred = next((m for m in matches if m.encoding == PREFERRED_CODE_PAGE), None)
    if preferred is not None and preferred.chaos <= best.chaos + _TIE:
        best = preferred
    name = codecs.lookup(best.encoding).name
    text = str(best)
    _refuse_binary(text)
    return Decoded(text, name, "detected")


def _refuse_binary(text: str) -> None:
    """A NUL in decoded text means a binary file.  Other control characters are
    left to the callers, which escape them (a pasted terminal escape is text)."""
    if "\0" in text[:8192]:
        raise BinaryData("looks like a binary file (NUL bytes)")
