"""Per-sentence analysis: candidates -> text rules -> (tagging) -> tag rules -> fits.

The result (a ``SentenceResult``: hits and the proper names seen) depends
only on the sentence text, so the engine caches it keyed by that text.  What
only the whole document can settle (a word used as a surname elsewhere, an
animal-welfare story, a fictional or hypothetical frame over a paragraph,
captives) is left to ``framing.discourse``: each hit lists the document
checks (``scopes``) that may still exempt it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence, Tok
from framing.coordination import list_fit, runs, shared_object
from framing.learned import features, uncertain
from framing.rewrite import Fit, fit
from framing.rules import TAG_RULES, TEXT_RULES, first_exemption
from framing.rules.names import written_as_name
from framing.rules.reported import reported_label
from framing.rules.scopes import scopes_for
from framing.sentences import is_headline
from framing.status import needs_context

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
    # a label someone else used, carried into the text ("was branded a thug"):
    # flagged as quoted though no quotation mark surrounds it (policy)
    reported: bool = False
    # document-level checks that may still exempt it (framing.discourse.SCOPES)
    scopes: tuple[str, ...] = ()
    note: str = ""  # how the engine decided, shown with the flag where it matters
    # the legal status the sentence establishes for the person ("" where the
    # wording does not depend on it), and the cue that decided it
    status: str = ""
    status_cue: str = ""
    own_span: bool = False  # the rewrite has a span of its own (framing.rewrite.Fit)


@dataclass(frozen=True)
class SentenceResult:
    hits: tuple[Hit, ...] = ()
    # lexicon words this sentence writes as a proper name ("Paul Savage",
    # "Mr Flood"), lower case: the document then reads them as names everywhere
    names: frozenset[str] = frozenset()
    # entries exempted here as fiction: a frame over the paragraph is about them
    fiction: frozenset[str] = frozenset()
    # a label here needs its neighbours for a legal status (framing.status:
    # definite, and the sentence gives it none): worked out once, cached with
    # the result, so a re-check looks no further at the other sentences
    wants_context: bool = False


EMPTY = SentenceResult()


def candidates(sentence: str, index: Index) -> list[Candidate]:
    out: list[Candidate] = []
    for m in index.prefilter.find(sentence):
        for entry, form in m.senses:
            out.append(Candidate(m.start, m.end, m.text, entry, form, m.key, m.possessive))
    return out


def text_phase(sentence: Sentence, index: Index) -> list[Candidate]:
    """Candidates that survive every rule that needs no tags."""
    keep: list[Candidate] = []
    names: set[str] = set()
    fiction: set[str] = set()
    for c in candidates(sentence.text, index):
        if written_as_name(c, sentence):
            names.add(c.key)
        reason = first_exemption(TEXT_RULES, c, sentence, index)
        if reason is None:
            keep.append(c)
        elif reason.startswith(FICTION_REASONS):
            fiction.add(c.entry.id)
    sentence.names = frozenset(names)
    sentence.fiction = frozenset(fiction)
    return keep


# exemptions that say the sentence is about a work of fiction: the document
# then knows which labels the frame is about (framing.discourse)
FICTION_REASONS = ("fiction (", "a character in", "names a genre", "title of a work", "a title")


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
    notes: dict[int, str] = {}
    model = getattr(index, "learned", None)
    if model is not None:
        # the cases the rules cannot settle alone: the learned check decides
        decided = []
        for c in kept:
            if uncertain(c.entry, c):
                keep, _p, why = model.decide(features(c, sentence))
                if not keep:
                    continue
                notes[id(c)] = why
            decided.append(c)
        kept = decided
    statuses = index.status_analysis
    fits = []
    for i, c in enumerate(kept):
        f = fit(c, sentence, index.prefilter, statuses=statuses)
        near = kept[max(0, i - 3) : i] + kept[i + 1 : i + 4]
        # a neighbour with no alternatives is advice only and never rewritten:
        # the wider span may carry it verbatim ("a feckless underclass")
        clash = [o for o in near if f.start < o.end and o.start < f.end and o.entry.alternatives]
        if clash and not _says_both(c, f, clash):
            # the wider span would swallow another flag ("the offender's BAME ..."):
            # fit within the word itself so both rewrites can be applied
            f = fit(c, sentence, index.prefilter, extend=False, statuses=statuses)
        fits.append(f)
    _swallowed(kept, fits)
    if statuses and len(kept) > 1:
        _coordinate(kept, fits, sentence)
    for c, f in zip(kept, fits, strict=True):
        reported = reported_label(c, sentence)
        hits.append(
            Hit(
                c.start,
                c.end,
                c.entry.id,
                f.start,
                f.end,
                f.rewrite,
                f.suggestions,
                reported=reported is not None,
                scopes=scopes_for(c, sentence),
                note="; ".join(x for x in (reported, notes.get(id(c))) if x),
                status=f.status.value if f.status else "",
                status_cue=f.status.cue if f.status else "",
                own_span=f.own_span,
            )
        )
    return tuple(hits)


def _says_both(c: Candidate, f: Fit, clash: list[Candidate]) -> bool:
    """A rewrite that takes in other flags of the same word says them too
    ("Inmate-on-inmate violence" -> "Violence between people in prison");
    those flags then keep their suggestions only."""
    return (
        f.rewrite is not None
        and f.own_span
        and all(o.entry.id == c.entry.id and f.start <= o.start and o.end <= f.end for o in clash)
    )


def _swallowed(kept: list[Candidate], fits: list[Fit]) -> None:
    """Flags a rewrite of the same word took in (``_says_both``) rewrite nothing."""
    for i, (c, f) in enumerate(zip(kept, fits, strict=True)):
        if f.rewrite is None or not f.own_span:
            continue
        for k, o in enumerate(kept):
            if k != i and o.entry.id == c.entry.id and f.start <= o.start and o.end <= f.end:
                fits[k] = dataclasses.replace(fits[k], rewrite=None, start=o.start, end=o.end)


def _coordinate(kept: list[Candidate], fits: list[Fit], sentence: Sentence) -> None:
    """A list of offence labels gets one rewrite over the whole list
    (framing.coordination); the others in it keep their suggestions only."""
    where = {id(c): i for i, c in enumerate(kept)}
    for run in runs(kept, sentence):
        first = fits[where[id(run[0])]]
        status = first.status.value if first.status else "unknown"
        got = list_fit(run, sentence, status, first.number == "plural")
        if got is None:
            said = [fits[where[id(c)]].rewrite for c in run]
            words = [w.lower() for w in said if w]
            if len(set(words)) < len(words) or len(words) not in (0, len(said)):
                # "people, intruders and people": the same wording twice in one
                # list says nothing, and "people, intruders and car thieves"
                # half a list; the list stays as written (advice only)
                for c in run:
                    k = where[id(c)]
                    fits[k] = dataclasses.replace(fits[k], rewrite=None, start=c.start, end=c.end)
            continue
        a, b, text = got
        fits[where[id(run[0])]] = dataclasses.replace(
            first, start=a, end=b, rewrite=text, own_span=True
        )
        for c in run[1:]:
            k = where[id(c)]
            fits[k] = dataclasses.replace(fits[k], rewrite=None, start=c.start, end=c.end)
    _shared_objects(fits, sentence)


def _shared_objects(fits: list[Fit], sentence: Sentence) -> None:
    """ "People who use drugs and people who sell them" (framing.coordination)."""
    for k in range(1, len(fits)):
        before, this = fits[k - 1], fits[k]
        if before.rewrite and this.rewrite and before.end < this.start:
            gap = sentence.text[before.end : this.start]
            joined = shared_object(before.rewrite, this.rewrite, gap)
            if joined is not None:
                fits[k] = dataclasses.replace(this, rewrite=joined)


def analyse(sentence: Sentence, survivors: list[Candidate], index: Index) -> SentenceResult:
    """The cached result of a tagged sentence."""
    hits = tag_phase(sentence, survivors, index)
    wants = sentence.context is None and any(
        h.status == "unknown" and not h.status_cue and needs_context(sentence.text, h.start)
        for h in hits
    )
    return SentenceResult(hits, sentence.names, sentence.fiction, wants)


# a sentence keyed with what its neighbours establish (framing.engine._in_context)
_CONTEXT_MARK = "\x00\x1f"


def with_context(text: str, context: tuple[str, str]) -> str:
    """The cache key of ``text`` read with its neighbours' status."""
    return f"{_CONTEXT_MARK}{context[0]}\x1f{context[1]}\x1f{text}"


def split_context(key: str) -> tuple[str, tuple[str, str] | None]:
    """(sentence text, neighbours' status or None) of a cache key."""
    if not key.startswith(_CONTEXT_MARK):
        return key, None
    status, cue, text = key[len(_CONTEXT_MARK) :].split("\x1f", 2)
    return text, (status, cue)


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
