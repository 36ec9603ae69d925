"""Errors of the lexicon package."""

from core.errors import FramewatchError


class LexiconError(FramewatchError):
    """The lexicon (shipped or an organisation's file) cannot be used.

    Exit status 2 (a run that could not be made), never 1, which ``check``
    means as "flags found"."""

    exit_code = 2
