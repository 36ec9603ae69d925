"""Per-sentence analysis: candidates -> text rules -> (tagging) -> tag rules -> fits.

The result (a tuple of ``Hit``) depends only on the sentence text, so the
engine caches it keyed by that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence, Tok
from framing.rewrite import fit
from framing.rules import TAG_RULES, TEXT_RULES, first_exemption
from framing.sentences import is_headline

if TYPE_CHECKING:  # spaCy is imported only when a text needs tagging
    from spacy.language import Language
    from spacy.tokens import Doc

    from framing.index import Index


@dataclass(frozen=True)
class Hit:
    """A flag-to-be, relative to its sentence."""

    start: int
    end: int
    entry: str
    rewrite_start: int
    rewrite_end: int
    rewrite: str | None
    suggestions: tuple[str, ...]


def candidates(sentence: str, index: Index) -> list[Candidate]:
    out = []
    for m in index.prefilter.find(sentence):
        for entry, form in m.senses:
            out.append(Candidate(m.start, m.end, m.text, entry, form, m.key, m.possessive))
    return out


def text_phase(sentence: Sentence, index: Index) -> list[Candidate]:
    """Candidates that survive every rule that needs no tags."""
    keep: list[Candidate] = []
    for c in candidates(sentence.text, index):
        if first_exemption(TEXT_RULES, c, sentence, index) is None:
            keep.append(c)
    return keep


def tag_phase(sentence: Sentence, survivors: list[Candidate], index: Index) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    kept: list[Candidate] = []
    taken: set[tuple[int, int]] = set()
    for c in survivors:
        if (c.start, c.end) in taken:
            continue  # one flag per span even when two entries share a form
        if first_exemption(TAG_RULES, c, sentence, index) is not None:
            continue
        kept.append(c)
        taken.add((c.start, c.end))
    kept.sort(key=lambda c: c.start)
    for i, c in enumerate(kept):
        f = fit(c, sentence, index.prefilter)
        near = kept[max(0, i - 3) : i] + kept[i + 1 : i + 4]
        if any(f.start < o.end and o.start < f.end for o in near):
            # the wider span would swallow another flag ("the offender's BAME ..."):
            # fit within the word itself so both rewrites can be applied
            f = fit(c, sentence, index.prefilter, extend=False)
        hits.append(Hit(c.start, c.end, c.entry.id, f.start, f.end, f.rewrite, f.suggestions))
    return tuple(hits)


def make_sentence(text: str) -> Sentence:
    return Sentence(text=text, headline=is_headline(text))


def tagged_sentence(nlp: Language, text: str) -> Sentence:
    """``text`` as one sentence tagged by every pipe but the flagger, so a single
    rule can be called on it directly (debugging, tests)."""
    s = make_sentence(text)
    doc = nlp.make_doc(tagging_text(text))
    for name, proc in nlp.pipeline:
        if name != "framewatch_flags":
            doc = proc(doc)
    s.tokens = tokens_from_doc(doc)
    return s


_LETTERS = re.compile(r"[^\W\d_]{2,}")


def tagging_text(text: str) -> str:
    """What the tagger reads: an ALL CAPS headline in sentence case.

    The small model tags shouted words as proper nouns or interjections
    ("YOBS WHO TERRORISED ESTATE"), which defeats every part-of-speech rule; in
    lower case it tags them as it would in running text.  Offsets are kept, so
    the original is returned when lower-casing would change the length."""
    words = _LETTERS.findall(text)
    if len(words) < 3 or sum(w.isupper() for w in words) < 0.8 * len(words):
        return text
    low = text.lower()
    if len(low) != len(text):
        return text
    i = next((k for k, ch in enumerate(low) if ch.isalpha()), None)
    return low if i is None else low[:i] + text[i] + low[i + 1 :]


def tokens_from_doc(doc: Doc, offset: int = 0) -> list[Tok]:
    """Plain tokens from a spaCy Doc; ``offset`` maps window offsets to the sentence."""
    from framing.inflect import noun_lemma

    out: list[Tok] = []
    for t in doc:
        lemma = t.lemma_ or noun_lemma(t.text, t.tag_)
        out.append(Tok(t.idx + offset, t.idx + len(t.text) + offset, t.text, t.pos_, t.tag_, lemma))
    return out
