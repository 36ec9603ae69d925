"""The curated, sourced lexicon of stigmatising and sensationalist terms.

The loading functions are imported on first use (PEP 562): the engine's
cached start-up needs only ``lexicon.model`` and ``lexicon.cache``, and
parsing pulls in PyYAML."""

from lexicon.model import CATEGORIES, SEVERITIES, Alternative, Entry, Form, Lexicon, Source

_LAZY = {
    "Problem": "lexicon.problems",
    "load_lexicon": "lexicon.load",
    "shipped_files": "lexicon.files",
    "validate_files": "lexicon.validate",
}

__all__ = [
    "CATEGORIES",
    "SEVERITIES",
    "Alternative",
    "Entry",
    "Form",
    "Lexicon",
    "Problem",
    "Source",
    "load_lexicon",
    "shipped_files",
    "validate_files",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lexicon' has no attribute '{name}'")
