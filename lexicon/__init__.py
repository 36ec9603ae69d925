"""The curated, sourced lexicon of stigmatising and sensationalist terms.

The loader's names are imported on first use (PEP 562): the engine's cached
start-up needs only ``lexicon.model``, and the loader pulls in PyYAML."""

from lexicon.model import CATEGORIES, SEVERITIES, Alternative, Entry, Form, Lexicon, Source

_LOADER_NAMES = ("Problem", "load_lexicon", "shipped_files", "validate_files")

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


def __getattr__(name: str):
    if name in _LOADER_NAMES:
        from lexicon import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'lexicon' has no attribute '{name}'")
