"""Errors of the lexicon package."""

from core.errors import FramewatchError


class LexiconError(FramewatchError):
    """The lexicon (shipped or an organisation's file) cannot be used."""
