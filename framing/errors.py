"""Errors of the framing engine."""

from core.errors import FramewatchError


class ModelError(FramewatchError):
    """No usable spaCy model is installed."""


class ComponentError(FramewatchError):
    """The spaCy component is used before it has a lexicon."""
