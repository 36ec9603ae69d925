"""Article page -> readable text, with a record of how it was obtained.

Cascade (Media Cloud's, measured in research/monitor-anchors.md):
trafilatura with ``favor_precision`` (best F1 on the Zyte benchmark, and
precision matters more here: words from menus and "most read" boxes would be
flagged as if the outlet had written them in the story), then
readability-lxml, then the feed's own summary.  A result under
``MIN_CHARS`` is not an article (Media Cloud's "experimentally determined"
200) and falls through to the next step.
"""

from __future__ import annotations

import codecs
import gzip
import re
import warnings
from dataclasses import dataclass, replace

from core.headline import repeated_headline_end
from monitor.html_text import html_to_text
from monitor.sanitize import clean_text

MIN_CHARS = 200

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?(?:charset\s*=\s*["']?\s*([\w:.\-]+)|content\s*=\s*["'][^"']*?charset\s*=\s*([\w:.\-]+))""",
    re.I,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The WHATWG encoding standard: these labels mean windows-1252 in practice.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "l1": "cp1252",
}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


@dataclass
class Extraction:
    text: str
    source: str  # extracted | fallback | summary
    note: str | None  # why the earlier steps were not used
    extractor: str  # trafilatura | readability | feed


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def http_charset(headers: dict) -> str | None:
    ctype = (headers or {}).get("content-type", "")
    match = re.search(r"charset\s*=\s*[\"']?([\w:.\-]+)", ctype, re.I)
    return match.group(1) if match else None


def _declares_ascii(label: str | None) -> bool:
    """``us-ascii``, ``ascii``, ``ANSI_X3.4-1968`` and the other names of ASCII."""
    if not label:
        return False
    try:
        return codecs.lookup(label.strip().strip("\"'").lower()).name == "ascii"
    except LookupError:
        return False


def decode_html(body: bytes, headers: dict | None = None) -> str:
    """Bytes -> str the way a browser would: BOM, HTTP charset, ``<meta>``
    (searched in the first 64 KB, not just 1 KB: some CMSs put it late), then
    UTF-8, then statistical detection.  A declared charset that cannot decode
    the bytes is treated as a lie, not obeyed with replacement characters.

    A page labelled ASCII whose bytes include any >= 0x80 is mislabelled
    (ASCII has no such bytes): it is read as UTF-8 when the bytes are valid
    UTF-8 (a CMS default label over UTF-8 text is the usual cause), else as
    windows-1252, which is what the WHATWG standard maps the label to."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, errors="replace")
    declared = [http_charset(headers or {})]
    match = _META_CHARSET.search(body[:65536])
    if match:
        declared.append((match.group(1) or match.group(2)).decode("ascii", "ignore"))
    candidates = []
    for label in declared:
        if _declares_ascii(label) and not body.isascii():
            candidates.append("utf-8")
        candidates.append(_codec(label))
    candidates.append("utf-8")
    for name in candidates:
        if not name or name.startswith("utf-16") or name.startswith("utf-32"):
            continue
        try:
            return body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    from bs4 import UnicodeDammit

    dammit = UnicodeDammit(body, is_html=True)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return body.decode("cp1252", errors="replace")


def is_html(headers: dict) -> bool:
    ctype = (headers or {}).get("content-type", "").split(";")[0].strip().lower()
    return not ctype or ctype in _HTML_TYPES


def _trafilatura(html: str, url: str | None) -> str:
    import trafilatura

    return (
        trafilatura.extract(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
        )
        or ""
    )


def _readability(html: str) -> str:
    from readability import Document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return html_to_text(Document(html).summary(html_partial=True))


def extract_text(html: str, url: str | None = None, summary: str = "") -> Extraction:
    notes = []
    for name, source, run in (
        ("trafilatura", "extracted", lambda: _trafilatura(html, url)),
        ("readability", "fallback", lambda: _readability(html)),
    ):
        try:
            text = clean_text(run()).strip()
        except Exception as exc:  # noqa: BLE001 - extractors choke on odd markup; fall through
            notes.append(f"{name} failed ({type(exc).__name__})")
            continue
        if len(text) >= MIN_CHARS:
            return Extraction(
                text=text, source=source, note="; ".join(notes) or None, extractor=name
            )
        notes.append(f"{name}: {len(text)} characters (under {MIN_CHARS})")
    return from_summary(summary, "; ".join(notes))


def from_summary(summary: str, why: str) -> Extraction:
    return Extraction(text=summary, source="summary", note=why, extractor="feed")


HEADLINE_NOTE = "the headline repeated at the start of the text was left out"


def without_repeated_headline(extraction: Extraction, title: str) -> Extraction:
    """The extraction without a first line that repeats the headline.

    Why here, in the monitor, and not in the language engine: the repeat is an
    artefact of how the monitor builds an article (the page extractor keeps the
    story's ``<h1>``, a paste's headline is its first line), not a question of
    language.  The engine checks the texts it is given and, by the flagging
    policy, counts every occurrence: a draft whose second line says "inmates"
    again must be flagged twice, so a rule there would be wrong for ``check``.
    Only the monitor has both the feed's headline and the extracted body, and
    fixing the body before it is stored means every consumer - the flags, the
    relevance score ("inmates x3"), story matching, word counts, the article
    view - sees each use once.  The page itself stays in ``raw_html_gz``, and the
    note says what was left out.  ``core.headline`` says what counts as a repeat.
    """
    cut = repeated_headline_end(title, extraction.text)
    if not cut:
        return extraction
    note = "; ".join(n for n in (extraction.note, HEADLINE_NOTE) if n)
    return replace(extraction, text=extraction.text[cut:], note=note)


def compress_html(html: str) -> bytes:
    """Raw page kept for re-extraction, stored as UTF-8 after decoding so the
    copy never depends on headers we did not keep."""
    return gzip.compress(html.encode("utf-8", "surrogatepass"), compresslevel=6)


def decompress_html(blob: bytes | None) -> str:
    return gzip.decompress(blob).decode("utf-8", "replace") if blob else ""
