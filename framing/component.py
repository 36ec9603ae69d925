"""The spaCy pipeline component ``framewatch_flags``, following spaCy's conventions.

Like spaCy's own rule-based components (``span_ruler``), it is declared with
``@Language.factory`` naming what it ``assigns`` and a ``default_config`` whose
``lexicon_loader`` is a function in spaCy's registry; its data is loaded by
``initialize()``, never at construction and never behind the user's back::

    nlp.add_pipe("framewatch_flags")   # after the tagger
    nlp.get_pipe("framewatch_flags").initialize()   # loads the configured lexicon

The default loader, ``framewatch.lexicon_loader.v1``, is the shipped lexicon
plus the overrides in its config (``extra_files``, ``disable``, ``severity``),
as in ``[components.framewatch_flags.lexicon_loader]`` of a training config.
A component called before ``initialize()`` raises :class:`ComponentError`
saying so; there is no silent fallback to the shipped lexicon.

It sets ``doc._.flags`` (a list of Spans) and ``span._.flag`` (the ``Hit``:
entry, rewrite, suggestions) using the lexicon's forms, the tags, and the
lemmas of the tokens (``Tok.lemma``: spaCy's when its lemmatizer ran, else a
plural-stripping rule, which is all the word lists need).

Used on its own, a Doc is treated as one sentence.  The Engine instead passes
windows of sentences, with ``doc.user_data["framewatch"]`` holding the sentence
and the candidates that survived the text-only rules, so only a few words
around each candidate are ever tagged (the tagger's receptive field is four
tokens either side, so a window of eight words gives the same tags).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from framing.analysis import analyse, make_sentence, text_phase, tokens_from_doc
from framing.errors import ComponentError
from framing.index import Index
from lexicon.cache import load_lexicon_cached
from lexicon.model import Lexicon

if not Doc.has_extension("flags"):
    Doc.set_extension("flags", default=None)
if not Span.has_extension("flag"):
    Span.set_extension("flag", default=None)

USER_DATA_KEY = "framewatch"
NAME = "framewatch_flags"
LEXICON_LOADER = "framewatch.lexicon_loader.v1"

LexiconLoader = Callable[[], Lexicon]


@registry.misc(LEXICON_LOADER)  # type: ignore[untyped-decorator]  # catalogue's decorator is untyped
def make_lexicon_loader(
    extra_files: list[str] | None = None,
    disable: list[str] | None = None,
    severity: dict[str, str] | None = None,
) -> LexiconLoader:
    """The shipped lexicon plus these overrides, loaded when the component is initialised."""

    def load() -> Lexicon:
        return load_lexicon_cached(extra_files or (), disable or (), severity or None)

    return load


class FlagComponent:
    """Flags stigmatising language in a Doc; see the module docstring."""

    def __init__(self, nlp: Language, name: str = NAME, *, lexicon_loader: LexiconLoader) -> None:
        self.nlp = nlp
        self.name = name
        self.lexicon_loader = lexicon_loader
        self.index: Index | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon: Lexicon | None = None,
        index: Index | None = None,
    ) -> None:
        """Load the lexicon: ``index`` (an Engine's own, so both share one
        compiled index), else ``lexicon``, else the configured loader's."""
        if index is None:
            index = Index(lexicon if lexicon is not None else self.lexicon_loader())
        self.index = index

    def __call__(self, doc: Doc) -> Doc:
        index = self.index
        if index is None:
            raise ComponentError(
                f"spaCy component '{self.name}' has no lexicon: call "
                f"nlp.get_pipe('{self.name}').initialize() after adding it"
            )
        ctx = doc.user_data.get(USER_DATA_KEY)
        if ctx is None:
            sentence = make_sentence(doc.text)
            offset = 0
            survivors = text_phase(sentence, index)
        else:
            sentence, offset, survivors = ctx["sentence"], ctx["offset"], ctx["survivors"]
        sentence.tokens = tokens_from_doc(doc, offset)
        result = analyse(sentence, survivors, index)
        hits = result.hits
        spans = []
        for h in hits:
            span = doc.char_span(h.start - offset, h.end - offset, alignment_mode="expand")
            if span is None:
                continue
            span._.flag = h
            spans.append(span)
        doc._.flags = spans
        if ctx is not None:
            ctx["result"] = result
        return doc


@Language.factory(
    NAME,
    assigns=["doc._.flags", "span._.flag"],
    default_config={"lexicon_loader": {"@misc": LEXICON_LOADER}},
)
def make_flag_component(nlp: Language, name: str, lexicon_loader: LexiconLoader) -> FlagComponent:
    return FlagComponent(nlp, name, lexicon_loader=lexicon_loader)
