"""``framewatch check --learned``: leave out the flags this database's
learned review model predicts a reviewer would dismiss.

Off unless asked for: a writer must see every flag, and learning serves the
review queue.  The check command reaches this through the root command's
lazy ``"module:attr"`` name (``core.cli.LEARNED_FILTER``), as it reaches every
sub-command, so the engine's layer never imports a service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from learning.errors import LearningError

FlagFilter = Callable[[str, Sequence[Any]], list[Any]]


def flag_filter(settings: Any) -> tuple[FlagFilter, Callable[[], int]]:
    """(keep, hidden): ``keep(text, flags)`` returns the flags predicted below
    ``[learning] fold_threshold``; ``hidden()`` how many it left out so far.

    Raises ``LearningError`` (one line) when the database has no model or its
    model belongs to another lexicon: asking for learned checking then must
    not silently check without it."""
    from framing.factory import engine_from_settings, lexicon_from_settings
    from framing.features import describe_flag
    from learning import service
    from storage.db import open_database

    db = open_database(settings.db_path)
    try:
        lexicon = lexicon_from_settings(settings)
        status = service.status(db, lexicon)
        model = service.load(db)
    finally:
        db.close()
    where = settings.db_path
    if model is None:
        raise LearningError(f"{where}: no learned model; run 'framewatch learn train' first")
    if status.stale:
        raise LearningError(
            f"{where}: the learned model belongs to another lexicon ({status.model_lexicon_hash}, "
            f"in use {status.lexicon_hash}); run 'framewatch learn train'"
        )
    engine = engine_from_settings(settings)
    threshold = settings.learning.fold_threshold
    hidden = [0]

    def keep(text: str, flags: Sequence[Any]) -> list[Any]:
        if not flags:
            return []
        feats = [describe_flag(text, f, tag=engine.tag) for f in flags]
        probs = model.probabilities(feats)
        kept = [f for f, p in zip(flags, probs, strict=True) if p < threshold]
        hidden[0] += len(flags) - len(kept)
        return kept

    return keep, lambda: hidden[0]


__all__ = ["LearningError", "flag_filter"]
