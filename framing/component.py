"""The spaCy pipeline component ``framewatch_flags``.

Add it after the tagger: ``nlp.add_pipe("framewatch_flags")``.  It sets
``doc._.flags`` (a list of Spans) and ``span._.flag`` (the ``Hit``: entry,
rewrite, suggestions) using the lexicon's forms, the tags, and the lemmas of the
tokens (``Tok.lemma``: spaCy's when its lemmatizer ran, else a plural-stripping
rule, which is all the word lists need).

Used on its own, a Doc is treated as one sentence.  The Engine instead passes
windows of sentences, with ``doc.user_data["framewatch"]`` holding the sentence
and the candidates that survived the text-only rules, so only a few words
around each candidate are ever tagged (the tagger's receptive field is four
tokens either side, so a window of eight words gives the same tags).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from framing.analysis import make_sentence, tag_phase, text_phase, tokens_from_doc

if not Doc.has_extension("flags"):
    Doc.set_extension("flags", default=None)
if not Span.has_extension("flag"):
    Span.set_extension("flag", default=None)

USER_DATA_KEY = "framewatch"


class FlagComponent:
    def __init__(self, nlp: Language, name: str):
        self.nlp = nlp
        self.name = name
        self.index = None  # framing.index.Index; the Engine sets it

    def _ensure_index(self):
        if self.index is None:
            from framing.index import Index
            from lexicon import load_lexicon

            self.index = Index(load_lexicon())
        return self.index

    def __call__(self, doc: Doc) -> Doc:
        index = self._ensure_index()
        ctx = doc.user_data.get(USER_DATA_KEY)
        if ctx is None:
            sentence = make_sentence(doc.text)
            offset = 0
            survivors = text_phase(sentence, index)
        else:
            sentence, offset, survivors = ctx["sentence"], ctx["offset"], ctx["survivors"]
        sentence.tokens = tokens_from_doc(doc, offset)
        hits = tag_phase(sentence, survivors, index)
        spans = []
        for h in hits:
            span = doc.char_span(h.start - offset, h.end - offset, alignment_mode="expand")
            if span is None:
                continue
            span._.flag = h
            spans.append(span)
        doc._.flags = spans
        if ctx is not None:
            ctx["hits"] = hits
        return doc


@Language.factory("framewatch_flags")
def make_flag_component(nlp: Language, name: str) -> FlagComponent:
    return FlagComponent(nlp, name)
