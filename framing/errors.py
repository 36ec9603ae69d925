"""Errors of the framing engine."""

from core.errors import FramewatchError


class ModelError(FramewatchError):
    """No usable spaCy model is installed (exit status 2: nothing was checked)."""

    exit_code = 2


class ComponentError(FramewatchError):
    """The spaCy component is used before it has a lexicon."""
