"""The learning service's error."""

from __future__ import annotations

from core.errors import FramewatchError


class LearningError(FramewatchError):
    """A model cannot be trained or used (too few decisions, a bad import line)."""
