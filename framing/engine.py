"""The Engine: prefilter -> sentences -> text rules -> (tag windows) -> flags.

spaCy is imported and the model loaded only when some sentence has a
candidate that survives the text-only rules.  Per-sentence results are kept in
an LRU cache keyed by sentence text, so re-checking a draft after an edit only
re-tags the sentences that changed.  What only the whole document settles
(quotations, names, frames over paragraphs) is decided afterwards by
``framing.discourse``.

A long text (over ``CHUNK_CHARS``) is streamed: ``iter_flags`` works through
it a few dozen paragraphs at a time, so memory stays flat whatever its size,
and reports progress as it goes.
"""

from __future__ import annotations

import dataclasses
import functools
import html as htmllib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, cast

from framing.analysis import (
    EMPTY,
    Hit,
    SentenceResult,
    analyse,
    candidates,
    make_sentence,
    split_context,
    tagging_text,
    text_phase,
    tokens_from_doc,
    with_context,
)
from framing.discourse import Discourse
from framing.explain import sources, why
from framing.flag import Flag
from framing.formats import FORMATS, Prepared, prepare
from framing.index import Index
from framing.prefilter import Match
from framing.quotes import QuoteMap, find_quotes
from framing.rules.names import written_as_name
from framing.sentences import sentence_bounds
from framing.status import context_status
from lexicon.cache import load_lexicon_cached
from lexicon.model import Entry, Lexicon

if TYPE_CHECKING:  # spaCy is imported only when a text needs tagging
    from spacy.language import Language
    from spacy.tokens import Doc

from framing.candidate import Candidate, Sentence, Tok

# what to tag for one sentence: the sentence, the window's bounds, the candidates
_Plan = tuple[Sentence, int, int, list[Candidate]]
_Sentences = dict[tuple[int, int], str]

WINDOW_WORDS = 8  # > the tagger's 4-token receptive field, with margin for "'s" etc.
# windows per tagger batch: 64 is as fast as 256 here and keeps the tagger's
# working memory at a quarter (+29 MB instead of +73 MB measured on dense text)
BATCH = 64
CHUNK_CHARS = 50_000
TAGGED_KEPT = 256  # tagged sentences kept for a re-read with their neighbours' status  # a longer text is streamed in pieces of about this size
_CUT_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s+")


class _LRU:
    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict[str, SentenceResult] = OrderedDict()

    def get(self, key: str) -> SentenceResult | None:
        v = self.data.get(key)
        if v is not None:
            self.data.move_to_end(key)
        return v

    def put(self, key: str, value: SentenceResult) -> None:
        if self.size <= 0:
            return
        self.data[key] = value
        self.data.move_to_end(key)
        while len(self.data) > self.size:
            self.data.popitem(last=False)


class Engine:
    """Checks text against one lexicon; thread-safe (one batch at a time, under its own lock).

    Applications get theirs from :func:`framing.factory.engine_from_settings`,
    which applies the organisation's ``[lexicon]`` overrides; ``Engine()``
    alone uses the shipped lexicon as it is (tests, benchmarks).
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        cache_size: int = 20000,
        model: str | None = None,
        learned: bool = True,
        status_analysis: bool = True,
    ) -> None:
        if lexicon is None:
            lexicon = load_lexicon_cached()
        self.lexicon = lexicon
        self.index = Index(lexicon)
        # the learned check for hits the rules cannot settle (framing.learned);
        # learned=False measures the rules alone (training, ablation)
        if learned:
            from framing.learned import load

            self.index.learned = load()
        else:
            self.index.learned = None
        # status_analysis=False: every alternative, with no legal-status check
        # (unsafe; only for measuring what the analysis costs)
        self.index.status_analysis = status_analysis
        self._model_name = model
        self._nlp: Language | None = None
        self._lock = threading.RLock()
        self.cache = _LRU(cache_size)
        self.tagged_windows = 0  # for benchmarks and tests: how often the tagger ran
        # tagged sentences whose labels may read their neighbours (a few of the
        # latest): read again with a context without tagging them again
        self._tagged: OrderedDict[str, tuple[Sentence, list[Candidate]]] = OrderedDict()
        self._why: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}

    # --- model -------------------------------------------------------------
    @property
    def nlp(self) -> Language:
        if self._nlp is not None:
            return self._nlp
        # loaded on first need: spaCy's import and the model load take about a second
        from framing import component  # registers the factory with spaCy
        from framing.model import load_model

        nlp = load_model(self._model_name)
        flagger = cast(component.FlagComponent, nlp.add_pipe(component.NAME))
        flagger.initialize(index=self.index)  # the engine's own compiled lexicon
        self._nlp = nlp
        return nlp

    @functools.cached_property
    def lexicon_hash(self) -> str:
        """The fingerprint of the lexicon this engine checks against
        (``lexicon.fingerprint``): stored with each analysed article, so a
        changed lexicon (an override, an extra file, a disabled entry) shows
        which stored flags are stale."""
        from lexicon.fingerprint import fingerprint

        return fingerprint(self.lexicon)

    @property
    def model_name(self) -> str:
        from framing.model import resolve_model_name

        name = self._model_name or resolve_model_name()
        if self._nlp is not None:
            return f"{name} {self._nlp.meta.get('version', '')}".strip()
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"{name} {version(name)}"
        except PackageNotFoundError:  # the label is informative only
            return name

    # --- public API ----------------------------------------------------------
    def check(self, text: str, fmt: str = "text", headline: str = "") -> list[Flag]:
        """The flags of ``text``; ``headline`` (an article's title, checked on
        its own) is read only for the legal status of the body's labels."""
        return next(iter(self.check_many([text], fmt, [headline])))

    def check_many(
        self, texts: Iterable[str], fmt: str = "text", headlines: Iterable[str] | None = None
    ) -> Iterator[list[Flag]]:
        """The flags of each text; ``headlines``, one per text (or none), as in
        :meth:`check`."""
        self._check_format(fmt)
        batch: list[tuple[str, str]] = []
        heads = iter(headlines) if headlines is not None else None
        for t in texts:
            head = next(heads, "") if heads is not None else ""
            if len(t) > CHUNK_CHARS:
                if batch:
                    yield from self._check_batch(batch, fmt)
                    batch = []
                yield list(self.iter_flags(t, fmt, headline=head))
                continue
            batch.append((t, head))
            if len(batch) >= 64:
                yield from self._check_batch(batch, fmt)
                batch = []
        if batch:
            yield from self._check_batch(batch, fmt)

    def iter_flags(
        self,
        text: str,
        fmt: str = "text",
        progress: Callable[[int, int], None] | None = None,
        headline: str = "",
    ) -> Iterator[Flag]:
        """The flags of one text, in order, produced piece by piece.

        ``progress(done, total)`` is called after each piece with analysed
        characters.  Memory grows with one piece, not with the text: a
        multi-megabyte input is checked in flat memory."""
        self._check_format(fmt)
        prepared = prepare(text, fmt)
        t = prepared.text
        quotes = find_quotes(t, prepared.quotes)
        pieces = list(_pieces(t, CHUNK_CHARS))
        names: set[str] = set()
        for a, b in pieces:  # a cheap first pass: which label words are names here
            names |= self._names(t, self._find(t, a, b))
        discourse = Discourse(t, quotes, frozenset(names))
        floor = 0
        for a, b in pieces:
            with self._lock:
                sentences, floor = self._sentences(t, self._find(t, a, b), floor)
                local = self._results([sentences])
                sentences = self._in_context(t, sentences, local, headline)
                flags = self._flags(prepared, discourse, sentences, local)
            yield from flags
            if progress is not None:
                progress(b, len(t))

    def tag(self, text: str) -> list[Tok]:
        """Part-of-speech tokens of ``text`` (one sentence or so), without flagging it.

        For describing a flag a reviewer decided on (``framing.features``):
        the same model and the same case handling the rules saw, under the
        engine's lock so threads can share it."""
        nlp = self.nlp
        from framing.component import NAME

        with self._lock:
            doc = nlp(tagging_text(text), disable=[NAME])
        return tokens_from_doc(doc)

    # --- internals -------------------------------------------------------------
    @staticmethod
    def _check_format(fmt: str) -> None:
        if fmt not in FORMATS:
            from core.errors import FramewatchError

            raise FramewatchError(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})")

    def _check_batch(self, texts: list[tuple[str, str]], fmt: str) -> list[list[Flag]]:
        with self._lock:
            plans = []
            for text, _head in texts:
                prepared = prepare(text, fmt)
                matches = self.index.prefilter.find(prepared.text)
                sentences, _ = self._sentences(prepared.text, matches)
                plans.append((prepared, sentences))
            local = self._results([sents for _p, sents in plans])
            plans = [
                (prepared, self._in_context(prepared.text, sentences, local, head, more=False))
                for (prepared, sentences), (_t, head) in zip(plans, texts, strict=True)
            ]
            # one more batch, for the sentences read with their neighbours only
            changed = [{k: v for k, v in sents.items() if v not in local} for _p, sents in plans]
            if any(changed):
                local.update(self._results(changed))
            out = []
            for prepared, sentences in plans:
                names = frozenset().union(*(local[k].names for k in sentences.values()))
                quotes = find_quotes(prepared.text, prepared.quotes)
                discourse = Discourse(prepared.text, quotes, names)
                out.append(self._flags(prepared, discourse, sentences, local))
            return out

    def _results(self, groups: Iterable[_Sentences]) -> dict[str, SentenceResult]:
        """The analysis of every sentence in ``groups`` (from the cache, or made
        now: text rules, then one tagger batch for the sentences that need it)."""
        local: dict[str, SentenceResult] = {}
        to_tag: dict[str, _Plan] = {}
        for sentences in groups:
            for key in sentences.values():
                if key in local or key in to_tag:
                    continue
                cached = self.cache.get(key)
                if cached is not None:
                    local[key] = cached
                    continue
                plan = self._plan(key)
                if plan is None or isinstance(plan, SentenceResult):
                    result = plan or EMPTY
                    local[key] = result
                    self.cache.put(key, result)
                else:
                    to_tag[key] = plan
        if to_tag:
            local.update(self._tag(to_tag))
        return local

    def _find(self, text: str, a: int, b: int) -> list[Match]:
        """Prefilter matches in ``text[a:b]`` at offsets into ``text``, scanning
        (and lower-casing) only that piece."""
        return [
            dataclasses.replace(m, start=m.start + a, end=m.end + a)
            for m in self.index.prefilter.find(text[a:b])
        ]

    def _sentences(
        self, text: str, matches: Iterable[Match], floor: int = 0
    ) -> tuple[_Sentences, int]:
        """Sentences of ``text`` holding the ``matches``, in order and never
        overlapping, and where the last one ends (the next piece's floor)."""
        out: _Sentences = {}
        last_a, last_end = -1, floor
        for m in matches:
            if m.start < last_end:
                if m.end > last_end and last_a >= 0:  # a form straddling a cut: widen
                    del out[(last_a, last_end)]
                    last_end = m.end
                    out[(last_a, last_end)] = text[last_a:last_end]
                continue
            a, b = sentence_bounds(text, m.start, m.end, floor=last_end)
            last_a, last_end = a, b
            out[(a, b)] = text[a:b]
        return out, last_end

    def _names(self, text: str, matches: Iterable[Match]) -> set[str]:
        """Label words written as proper names at the ``matches`` (the text rules
        only, on the few capitalised candidates)."""
        names: set[str] = set()
        for m in matches:
            if not m.text[:1].isupper() or m.text.isupper():
                continue
            a, b = sentence_bounds(text, m.start, m.end)
            cached = self.cache.get(text[a:b])
            if cached is not None:
                names |= cached.names
                continue
            sentence = make_sentence(text[a:b])
            for c in candidates(sentence.text, self.index):
                if c.start == m.start - a and written_as_name(c, sentence):
                    names.add(c.key)
        return names

    def _in_context(
        self,
        text: str,
        sentences: _Sentences,
        local: dict[str, SentenceResult],
        headline: str = "",
        more: bool = True,
    ) -> _Sentences:
        """The sentences whose labels need their neighbours for a legal status
        (a definite label the sentence gives none: "The rapist is described
        as ..." after "Police are hunting a man who ..."), keyed with what the
        text before them establishes (``framing.status.context_status``), so
        their analysis (cached by that key) reads it; the others unchanged.
        Only such sentences cost anything here: the cue scan of the text
        before them, and a second analysis where it finds a status.
        ``more``: analyse the new keys now (else the caller batches them)."""
        if not self.index.status_analysis:
            return sentences
        out: _Sentences | None = None
        # what the text said earlier of the same label ("the convicted
        # pedophile Epstein" ... "the pedophile"): that person's status
        said: dict[str, tuple[str, str]] = {}
        for (a, b), key in sorted(sentences.items()):
            result = local.get(key)
            if result is None:
                continue
            if not result.wants_context or (a == 0 and not headline):
                for h in result.hits:
                    if h.status not in ("", "unknown", "group_generic"):
                        said.setdefault(h.entry, (h.status, h.status_cue))
                continue
            wanting = next(
                (h for h in result.hits if h.status == "unknown" and not h.status_cue), None
            )
            earlier = said.get(wanting.entry) if wanting is not None else None
            if earlier is not None:
                ctx: tuple[str, str] | None = (
                    earlier[0],
                    f"{earlier[1]} (said of the same label earlier)",
                )
            else:
                ctx = context_status(text, a, headline)
            if ctx is None:
                continue
            if out is None:
                out = dict(sentences)
            out[(a, b)] = with_context(key, ctx)
        if out is None:
            return sentences
        for span, key in out.items():
            if key not in local and key != sentences[span]:
                self._reread(key, sentences[span], local)
        if more:
            local.update(self._results([{k: v for k, v in out.items() if v not in local}]))
        return out

    def _reread(self, key: str, plain: str, local: dict[str, SentenceResult]) -> None:
        """The analysis of a sentence with its neighbours' status (``key``),
        from its tags of a moment ago where they are kept: no second tagging
        (which cost a news text a fifth more time for one such sentence)."""
        cached = self.cache.get(key)
        if cached is not None:
            local[key] = cached
            return
        tagged = self._tagged.get(plain)
        if tagged is None:
            return  # tagged again with the others (Engine._results)
        old, survivors = tagged
        text, context = split_context(key)
        sentence = make_sentence(text)
        sentence.tokens, sentence.names, sentence.fiction = old.tokens, old.names, old.fiction
        sentence.context = context
        result = analyse(sentence, survivors, self.index)
        local[key] = result
        self.cache.put(key, result)

    def _plan(self, key: str) -> _Plan | SentenceResult | None:
        """The finished result when no candidate survives the text rules, else
        what to tag."""
        sentence_text, context = split_context(key)
        sentence = make_sentence(sentence_text)
        sentence.context = context
        survivors = text_phase(sentence, self.index)
        if not survivors:
            if sentence.names or sentence.fiction:
                return SentenceResult((), sentence.names, sentence.fiction)
            return None
        words = sentence.words
        lo = min(c.start for c in survivors)
        hi = max(c.end for c in survivors)
        before = [w for w in words if w[1] <= lo]
        after = [w for w in words if w[0] >= hi]
        ws = before[-WINDOW_WORDS][0] if len(before) >= WINDOW_WORDS else 0
        we = after[WINDOW_WORDS - 1][1] if len(after) >= WINDOW_WORDS else len(sentence_text)
        # several candidates far apart in one long sentence: tag each window
        # separately would need merging; one window spanning them is simpler and rare
        return sentence, ws, we, survivors

    def _tag(self, to_tag: dict[str, _Plan]) -> dict[str, SentenceResult]:
        nlp = self.nlp
        from framing.component import USER_DATA_KEY  # spaCy is loaded by now

        def docs() -> Iterator[Doc]:
            for key, (sentence, ws, we, survivors) in to_tag.items():
                doc = nlp.make_doc(tagging_text(sentence.text[ws:we]))
                ctx = {"sentence": sentence, "offset": ws, "survivors": survivors, "key": key}
                doc.user_data[USER_DATA_KEY] = ctx
                yield doc

        result = {}
        for doc in nlp.pipe(docs(), batch_size=BATCH):
            ctx = doc.user_data.pop(USER_DATA_KEY)
            r = ctx.get("result", EMPTY)
            result[ctx["key"]] = r
            if r.wants_context:
                self._tagged[ctx["key"]] = (ctx["sentence"], ctx["survivors"])
                while len(self._tagged) > TAGGED_KEPT:
                    self._tagged.popitem(last=False)
            self.cache.put(ctx["key"], r)
            self.tagged_windows += 1
        return result

    def _flags(
        self,
        prepared: Prepared,
        discourse: Discourse,
        sentences: _Sentences,
        local: dict[str, SentenceResult],
    ) -> list[Flag]:
        if not sentences:
            return []
        entries = self.index.entries
        flags: list[Flag] = []
        for (a, _b), key in sorted(sentences.items()):
            result = local.get(key)
            if result is None:
                result = self.cache.get(key) or EMPTY
            if result.fiction:
                discourse.saw_fiction(a, result.fiction)
            for h in result.hits:
                if h.scopes and discourse.exempts(h.scopes, a + h.start, h.entry):
                    continue
                flag = self._flag(prepared, discourse.quotes, entries[h.entry], a, h)
                if flag is not None:
                    flags.append(flag)
        flags.sort(key=lambda f: (f.start, f.end))
        return flags

    def _explain(self, entry: Entry) -> tuple[str, tuple[tuple[str, str], ...]]:
        got = self._why.get(entry.id)
        if got is None:
            got = self._why[entry.id] = (why(entry), sources(entry))
        return got

    def _flag(
        self, prepared: Prepared, quotes: QuoteMap, entry: Entry, base: int, h: Hit
    ) -> Flag | None:
        start, end = base + h.start, base + h.end
        if _in_italic_title(prepared, start, end):
            return None
        quoted = h.reported or quotes.inside(start, end)
        rewrite = None if quoted else h.rewrite
        rs, re_ = (
            (base + h.rewrite_start, base + h.rewrite_end) if rewrite is not None else (start, end)
        )
        if rewrite is not None and not prepared.contiguous(rs, re_):
            # the span crosses markup or an entity: offer suggestions, never a blind edit
            rewrite, rs, re_ = None, start, end
        # the flag keeps the span main has always given it (the rewrite's, where
        # the rewrite is the old word-level fit); a rewrite that reaches further
        # ("the alleged murderer", "the killer of") gets its own span
        fs, fe = (start, end) if h.own_span else (rs, re_)
        span = prepared.to_source(fs, fe)
        rspan = prepared.to_source(rs, re_)
        if span is None or rspan is None:
            return None
        if rewrite is not None and prepared.offsets is not None:
            rewrite = htmllib.escape(rewrite, quote=False)
        src = prepared.source
        why_text, srcs = self._explain(entry)
        return Flag(
            start=span[0],
            end=span[1],
            text=src[span[0] : span[1]],
            entry=entry.id,
            category=entry.category,
            severity=entry.severity,
            quoted=quoted,
            suggestions=h.suggestions,
            rewrite=rewrite,
            why=why_text,
            sources=srcs,
            note=h.note,
            status=h.status,
            status_cue=h.status_cue,
            rewrite_start=rspan[0] if rspan != span else None,
            rewrite_end=rspan[1] if rspan != span else None,
        )


def _pieces(text: str, size: int) -> Iterator[tuple[int, int]]:
    """Consecutive pieces of about ``size`` characters, cut at a paragraph break,
    else at a sentence end, else at a space."""
    n, a = len(text), 0
    while a < n:
        b = a + size
        if b >= n:
            yield a, n
            return
        half = a + size // 2
        cut = text.rfind("\n", half, b)
        if cut < 0:
            ends = [m.end() for m in _CUT_SENTENCE.finditer(text, half, b)]
            cut = ends[-1] if ends else text.rfind(" ", half, b)
        if cut <= a:
            cut = b
        yield a, cut
        a = cut


def _in_italic_title(prepared: Prepared, start: int, end: int) -> bool:
    """An italic stretch in Title Case (``*Gangs of New York*``) is a title."""
    for a, b in prepared.italic:
        if a <= start and end <= b:
            words = prepared.text[a:b].split()
            caps = [w for w in words if w[:1].isupper()]
            if len(words) >= 2 and len(caps) >= 2:
                return True
            # a one-word title ("*Scum*") is capitalised where a sentence does not start
            before = prepared.text[max(0, a - 3) : a].strip()
            if len(words) == 1 and caps and before and before[-1] not in ".!?:\"“‘'":
                return True
    return False
