"""Errors of the framing engine."""

from core.errors import FramewatchError


class ModelError(FramewatchError):
    """No usable spaCy model is installed."""
