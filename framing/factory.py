"""The one engine factory: the organisation's lexicon, one engine per configuration.

The check and eval commands, the monitor, the terminal UI and the awards all
get their engine here, so the organisation's ``[lexicon]`` settings (extra
files, disabled entries, severity changes) reach every one of them.  Engines
are kept per lexicon configuration for the life of the process (the spaCy
model load, about a second, is paid once); an extra file edited since is a
new configuration.  The engine locks itself, so one instance is shared
between threads.
"""

from __future__ import annotations

import os
import threading

from core.settings import LexiconSettings, Settings
from framing.engine import Engine
from lexicon.cache import load_lexicon_cached
from lexicon.model import Lexicon

KEPT = 4  # configurations kept at once (a test run or a demo uses one or two)

_engines: dict[tuple[object, ...], Engine] = {}
_lock = threading.Lock()


def _key(lx: LexiconSettings) -> tuple[object, ...]:
    stamps: list[int | None] = []
    for f in lx.extra_files:
        try:
            stamps.append(os.stat(f).st_mtime_ns)
        except OSError:
            stamps.append(None)
    return (
        tuple(lx.extra_files),
        tuple(stamps),
        tuple(lx.disable),
        tuple(sorted(lx.severity.items())),
    )


def lexicon_from_settings(settings: Settings) -> Lexicon:
    """The shipped lexicon with the organisation's overrides (``LexiconError`` if unusable)."""
    return load_lexicon_cached(**settings.lexicon.load_args())


def engine_from_settings(settings: Settings) -> Engine:
    """The engine for these settings' lexicon, built on first need and then shared."""
    key = _key(settings.lexicon)
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = Engine(lexicon_from_settings(settings))
            if len(_engines) >= KEPT:
                _engines.clear()
            _engines[key] = engine
        return engine
