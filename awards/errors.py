"""Errors of the awards package."""

from core.errors import FramewatchError


class AwardsError(FramewatchError):
    """An awards operation cannot be done as asked."""
