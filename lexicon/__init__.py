"""The curated, sourced lexicon of stigmatising and sensationalist terms."""

from lexicon.loader import Problem, load_lexicon, shipped_files, validate_files
from lexicon.model import CATEGORIES, SEVERITIES, Alternative, Entry, Form, Lexicon, Source

__all__ = [
    "CATEGORIES", "SEVERITIES", "Alternative", "Entry", "Form", "Lexicon", "Problem", "Source",
    "load_lexicon", "shipped_files", "validate_files",
]
