"""The profile as a spaCy component, for pipelines that want it on the Doc.

Declared like ``framewatch_flags`` (``framing.component``): a
``@Language.factory`` naming what it ``assigns``, data loaded by
``initialize()`` and never at construction::

    nlp.add_pipe("framewatch_profile")
    nlp.get_pipe("framewatch_profile").initialize()   # organisations and models
    doc = nlp(text)
    doc._.profile           # framing.profile.Profile
    doc._.voices            # one Span per quoted speaker, span._.voice its Voice

If ``framewatch_flags`` ran before it, its ``doc._.flags`` feed the language
part; the monitor and the CLI call ``Profiler`` directly instead (no Doc:
the engine tags only a few words around each candidate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from framing.errors import ComponentError
from framing.profile.profiler import Profiler

NAME = "framewatch_profile"

if not Doc.has_extension("profile"):
    Doc.set_extension("profile", default=None)
if not Doc.has_extension("voices"):
    Doc.set_extension("voices", default=None)
if not Span.has_extension("voice"):
    Span.set_extension("voice", default=None)


class ProfileComponent:
    """Profiles a Doc; see the module docstring."""

    def __init__(self, nlp: Language, name: str = NAME) -> None:
        self.nlp = nlp
        self.name = name
        self.profiler: Profiler | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        profiler: Profiler | None = None,
    ) -> None:
        """Load the organisations list and the shipped models (or use ``profiler``)."""
        self.profiler = profiler or Profiler()

    def __call__(self, doc: Doc) -> Doc:
        if self.profiler is None:
            raise ComponentError(
                f"spaCy component '{self.name}' is not initialised: call "
                f"nlp.get_pipe('{self.name}').initialize() after adding it"
            )
        spans_in = doc._.flags if Doc.has_extension("flags") else None
        flags = [s._.flag for s in (spans_in or ()) if getattr(s._, "flag", None) is not None]
        found = [f for f in flags if hasattr(f, "severity")]
        profile = self.profiler.profile(doc.text, "", found, ())
        spans = []
        for v in profile.voices:
            if v.speaker_start is None or v.speaker_end is None:
                continue
            span = doc.char_span(v.speaker_start, v.speaker_end, alignment_mode="expand")
            if span is not None:
                span._.voice = v
                spans.append(span)
        doc._.profile = profile
        doc._.voices = spans
        return doc


@Language.factory(NAME, assigns=["doc._.profile", "doc._.voices", "span._.voice"])
def make_profile_component(nlp: Language, name: str) -> ProfileComponent:
    return ProfileComponent(nlp, name)
