"""The Engine: prefilter -> sentences -> text rules -> (tag windows) -> flags.

spaCy is imported and the model loaded only when some sentence has a
candidate that survives the text-only rules.  Per-sentence results are kept in
an LRU cache keyed by sentence text, so re-checking a draft after an edit only
re-tags the sentences that changed.
"""

from __future__ import annotations

import html as htmllib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, cast

from framing.analysis import Hit, make_sentence, tagging_text, text_phase
from framing.explain import sources, why
from framing.flag import Flag
from framing.formats import FORMATS, Prepared, prepare
from framing.index import Index
from framing.quotes import QuoteMap, find_quotes
from framing.sentences import sentence_bounds
from lexicon.cache import load_lexicon_cached
from lexicon.model import Entry, Lexicon

if TYPE_CHECKING:  # spaCy is imported only when a text needs tagging
    from spacy.language import Language

from framing.candidate import Candidate, Sentence

# what to tag for one sentence: the sentence, the window's bounds, the candidates
_Plan = tuple[Sentence, int, int, list[Candidate]]

WINDOW_WORDS = 8  # > the tagger's 4-token receptive field, with margin for "'s" etc.
BATCH = 256


class _LRU:
    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict[str, tuple[Hit, ...]] = OrderedDict()

    def get(self, key: str) -> tuple[Hit, ...] | None:
        v = self.data.get(key)
        if v is not None:
            self.data.move_to_end(key)
        return v

    def put(self, key: str, value: tuple[Hit, ...]) -> None:
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
        self, lexicon: Lexicon | None = None, *, cache_size: int = 20000, model: str | None = None
    ) -> None:
        if lexicon is None:
            lexicon = load_lexicon_cached()
        self.lexicon = lexicon
        self.index = Index(lexicon)
        self._model_name = model
        self._nlp: Language | None = None
        self._lock = threading.RLock()
        self.cache = _LRU(cache_size)
        self.tagged_windows = 0  # for benchmarks and tests: how often the tagger ran

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
    def check(self, text: str, fmt: str = "text") -> list[Flag]:
        return next(iter(self.check_many([text], fmt)))

    def check_many(self, texts: Iterable[str], fmt: str = "text") -> Iterator[list[Flag]]:
        if fmt not in FORMATS:
            from core.errors import FramewatchError

            raise FramewatchError(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})")
        batch: list[str] = []
        for t in texts:
            batch.append(t)
            if len(batch) >= 64:
                yield from self._check_batch(batch, fmt)
                batch = []
        if batch:
            yield from self._check_batch(batch, fmt)

    # --- internals -------------------------------------------------------------
    def _check_batch(self, texts: list[str], fmt: str) -> list[list[Flag]]:
        with self._lock:
            docs_needed: dict[str, _Plan | None] = {}
            plans: list[tuple[Prepared, dict[tuple[int, int], str]]] = []
            for text in texts:
                prepared = prepare(text, fmt)
                sentences = self._sentences(prepared.text)
                for key in sentences.values():
                    if self.cache.get(key) is None and key not in docs_needed:
                        docs_needed[key] = self._plan(key)
                plans.append((prepared, sentences))
            to_tag: dict[str, _Plan] = {k: v for k, v in docs_needed.items() if v is not None}
            for k, v in docs_needed.items():
                if v is None:
                    self.cache.put(k, ())
            local: dict[str, tuple[Hit, ...]] = {}
            if to_tag:
                local = self._tag(to_tag)
            return [self._flags(p, sents, local) for p, sents in plans]

    def _sentences(self, text: str) -> dict[tuple[int, int], str]:
        """Sentences holding a candidate, in order and never overlapping."""
        out: dict[tuple[int, int], str] = {}
        last_a, last_end = -1, 0
        for m in self.index.prefilter.find(text):
            if m.start < last_end:
                if m.end > last_end:  # a form straddling a cut: widen that sentence
                    del out[(last_a, last_end)]
                    last_end = m.end
                    out[(last_a, last_end)] = text[last_a:last_end]
                continue
            a, b = sentence_bounds(text, m.start, m.end, floor=last_end)
            last_a, last_end = a, b
            out[(a, b)] = text[a:b]
        return out

    def _plan(self, sentence_text: str) -> _Plan | None:
        """None when no candidate survives the text rules, else what to tag."""
        sentence = make_sentence(sentence_text)
        survivors = text_phase(sentence, self.index)
        if not survivors:
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

    def _tag(self, to_tag: dict[str, _Plan]) -> dict[str, tuple[Hit, ...]]:
        nlp = self.nlp
        from framing.component import USER_DATA_KEY  # spaCy is loaded by now

        docs = []
        for key, (sentence, ws, we, survivors) in to_tag.items():
            doc = nlp.make_doc(tagging_text(sentence.text[ws:we]))
            ctx = {"sentence": sentence, "offset": ws, "survivors": survivors, "key": key}
            doc.user_data[USER_DATA_KEY] = ctx
            docs.append(doc)
        result = {}
        for doc in nlp.pipe(docs, batch_size=BATCH):
            ctx = doc.user_data[USER_DATA_KEY]
            hits = ctx.get("hits", ())
            result[ctx["key"]] = hits
            self.cache.put(ctx["key"], hits)
            self.tagged_windows += 1
            doc.user_data.pop(USER_DATA_KEY, None)
        return result

    def _flags(
        self,
        prepared: Prepared,
        sentences: dict[tuple[int, int], str],
        local: dict[str, tuple[Hit, ...]],
    ) -> list[Flag]:
        if not sentences:
            return []
        quotes = find_quotes(prepared.text, prepared.quotes)
        entries = self.index.entries
        flags: list[Flag] = []
        for (a, _b), key in sorted(sentences.items()):
            hits = local.get(key)
            if hits is None:
                hits = self.cache.get(key) or ()
            for h in hits:
                flag = self._flag(prepared, quotes, entries[h.entry], a, h)
                if flag is not None:
                    flags.append(flag)
        flags.sort(key=lambda f: (f.start, f.end))
        return flags

    def _flag(
        self, prepared: Prepared, quotes: QuoteMap, entry: Entry, base: int, h: Hit
    ) -> Flag | None:
        start, end = base + h.start, base + h.end
        if _in_italic_title(prepared, start, end):
            return None
        quoted = quotes.inside(start, end)
        rewrite = None if quoted else h.rewrite
        rs, re_ = (
            (base + h.rewrite_start, base + h.rewrite_end) if rewrite is not None else (start, end)
        )
        if rewrite is not None and not prepared.contiguous(rs, re_):
            # the span crosses markup or an entity: offer suggestions, never a blind edit
            rewrite, rs, re_ = None, start, end
        span = prepared.to_source(rs, re_)
        if span is None:
            return None
        if rewrite is not None and prepared.offsets is not None:
            rewrite = htmllib.escape(rewrite, quote=False)
        src = prepared.source
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
            why=why(entry),
            sources=sources(entry),
        )


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
