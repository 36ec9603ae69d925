"""What a flag looked like where it was found: the context a reviewer judged.

A reviewer's accept or dismiss is training data for learning which flags a
team keeps dismissing (issue 14), but only with the context it was made in:
the words and parts of speech around the span and what the label was said
of.  That context is taken once, when the decision is made, and stored with
it, so a later lexicon or engine change (an entry renamed, a rule added, a
new tagger) does not lose or silently change what was learned from.

Pure: the caller hands in the text and a tagger (``Engine.tag``); no I/O.
Without a tagger (no spaCy model) the word context is still recorded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from framing.candidate import WORD, Tok
from framing.senses import kind
from framing.sentences import sentence_bounds

VERSION = 1  # bump when the shape of ``context`` changes
AROUND = 4  # words on each side
LINKING = frozenset("be is are was were been being remain remains remained become became".split())
_SECTION = re.compile(r"^[a-z][a-z-]{1,30}$")
_NOT_SECTIONS = frozenset("www amp article articles news story stories index html".split())

Tagger = Callable[[str], Sequence[Tok]]


def section_of(url: str) -> str:
    """The site section an article's address names ("fashion", "sport"), or "".

    Most news sites put it first in the path (``/fashion/2019/...``,
    ``/sport/football/...``); a path that starts with a date, an id or a
    generic word names none."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip().lower()).split("?")[0]
    parts = [p for p in path.split("/") if p]
    for part in parts[:-1] if len(parts) > 1 else ():
        if part in _NOT_SECTIONS:
            continue
        return part if _SECTION.match(part) else ""
    return ""


def _lemma(t: Tok) -> str:
    return (t.lemma or t.text).lower()


def _words_context(sentence: str, a: int, b: int) -> dict[str, Any]:
    before = [m.group().lower() for m in WORD.finditer(sentence, 0, a)][-AROUND:]
    after = [m.group().lower() for m in WORD.finditer(sentence, b)][:AROUND]
    return {"before": before, "after": after, "sentence_start": not before}


def context(text: str, start: int, end: int, tag: Tagger | None = None) -> dict[str, Any]:
    """The context of ``text[start:end]``: words, lemmas and parts of speech
    around it, and the referent class the tags suggest.

    ``referent`` is what the label is said of, as the engine's referent rules
    read it: the kind of the noun it modifies ("killer heels": thing), the
    kind of the label itself after a linking verb, else the label's own kind
    ("people" for a word that only names people)."""
    a, b = sentence_bounds(text, start, end)
    sentence = text[a:b]
    s, e = start - a, end - a
    out: dict[str, Any] = {"version": VERSION, **_words_context(sentence, s, e)}
    out["capitalised"] = text[start : start + 1].isupper()
    span_words = [w.lower() for w in WORD.findall(text[start:end])]
    out["span_kind"] = kind(span_words[-1]) if span_words else None
    if tag is None:
        out["tagged"] = False
        return out
    tokens = [t for t in tag(sentence) if not t.text.isspace()]
    inside = [t for t in tokens if t.start >= s and t.end <= e] or [
        t for t in tokens if t.start < e and t.end > s
    ]
    before = [t for t in tokens if t.end <= s and t not in inside][-AROUND:]
    after = [t for t in tokens if t.start >= e and t not in inside][:AROUND]
    out["tagged"] = True
    out["pos_before"] = [t.pos for t in before]
    out["pos_span"] = [t.pos for t in inside]
    out["pos_after"] = [t.pos for t in after]
    out["lemmas_before"] = [_lemma(t) for t in before]
    out["lemmas_after"] = [_lemma(t) for t in after]
    out["lemma"] = " ".join(_lemma(t) for t in inside if any(c.isalpha() for c in t.text))
    out["pattern"] = " ".join(
        [t.pos for t in before] + ["[" + " ".join(t.pos for t in inside) + "]"] + out["pos_after"]
    )
    earlier = [t for t in tokens if t.end <= s and t not in inside]
    out["referent"] = _referent(earlier, after, out["span_kind"])
    return out


def _referent(earlier: list[Tok], after: list[Tok], span_kind: str | None) -> str:
    nxt = after[0] if after else None
    if nxt is not None and nxt.pos in ("NOUN", "PROPN"):
        return f"modifies:{kind(_lemma(nxt)) or 'unknown'}"
    # "are the worst offenders", "remains a major killer": a linking verb
    # before the determiners and adjectives of the label's noun phrase
    for t in reversed(earlier):
        if t.pos in ("DET", "ADJ", "ADV", "NUM"):
            continue
        if _lemma(t) in LINKING or t.text.lower() in LINKING:
            return f"predicate:{span_kind or 'unknown'}"
        break
    return f"self:{span_kind or 'unknown'}"


def describe(
    text: str,
    start: int,
    end: int,
    *,
    entry: str,
    category: str,
    severity: str,
    quoted: bool,
    field: str = "text",
    outlet: str = "",
    url: str = "",
    status: str = "",
    legal_status: str = "",
    tag: Tagger | None = None,
) -> dict[str, Any]:
    """Everything stored with a decision: the flag as the engine reported it
    (entry, category, severity, quoted, and the legal status the engine read
    for the person: ``Flag.status``), where it was (headline or body, outlet,
    site section), the article's review status, and its ``context``.

    ``text`` is the field the offsets point into (the headline or the body)."""
    return {
        "version": VERSION,
        "entry": entry,
        "category": category,
        "severity": severity,
        "quoted": bool(quoted),
        "field": field,
        "text": text[start:end],
        "outlet": outlet,
        "section": section_of(url),
        "status": status,
        "legal_status": legal_status,
        "context": context(text, start, end, tag),
    }


def describe_flag(
    text: str,
    flag: Any,
    *,
    tag: Tagger | None = None,
    outlet: str = "",
    url: str = "",
    status: str = "",
) -> dict[str, Any]:
    """:func:`describe` for a flag the engine just returned (a ``Flag``), as
    the learned review, the learning benchmark and its tests each need it."""
    return describe(
        text,
        flag.start,
        flag.end,
        entry=flag.entry,
        category=flag.category,
        severity=flag.severity,
        quoted=flag.quoted,
        outlet=outlet,
        url=url,
        status=status,
        legal_status=getattr(flag, "status", "") or "",
        tag=tag,
    )


def legal_status_of(check: Callable[[str], Sequence[Any]], text: str, start: int, end: int) -> str:
    """The legal status the engine reads for the flag at ``text[start:end]``
    (``Flag.status``), by checking its sentence again, for a flag stored
    before flags kept it; "" when the engine no longer flags it there."""
    a, b = sentence_bounds(text, start, end)
    for f in check(text[a:b]):
        if f.start + a == start and f.end + a == end:
            return str(getattr(f, "status", "") or "")
    return ""


def describe_stored(
    *,
    title: str | None,
    body: str | None,
    field: str,
    start: int,
    end: int,
    span_text: str,
    entry: str,
    category: str,
    severity: str,
    quoted: bool,
    outlet: str = "",
    url: str = "",
    status: str = "",
    legal_status: str = "",
    engine: Any = None,
) -> dict[str, Any]:
    """A stored flag described as :func:`describe` does, for the review (at
    decision time) and for learning (decisions made before features were
    stored): one definition, so both describe a flag alike.  When the stored
    text no longer holds the span at its offsets (re-extracted), the span is
    described alone.  ``legal_status`` is the one stored with the flag (since
    migration r10_flag_status); a flag stored before it has none, and then
    ``engine`` reads it again.  ``engine`` (``check`` and ``tag``) is
    optional: without it there are no tags."""
    text = (title if field == "title" else body) or ""
    if text[start:end] != span_text:
        text, start, end = span_text, 0, len(span_text)
    return describe(
        text,
        start,
        end,
        entry=entry,
        category=category,
        severity=severity,
        quoted=bool(quoted),
        field=field,
        outlet=outlet,
        url=url,
        status=status,
        legal_status=legal_status
        or ("" if engine is None else legal_status_of(engine.check, text, start, end)),
        tag=None if engine is None else engine.tag,
    )
