"""The language-framing engine.

    from framing import Engine, Flag, apply_rewrites, engine_from_settings

Importing this package is cheap: spaCy is imported only when a text holds a
candidate that needs tagging.
"""

from framing.flag import Flag, apply_rewrites

__all__ = ["Engine", "Flag", "apply_rewrites", "engine_from_settings"]


def __getattr__(name: str) -> object:
    if name == "Engine":
        from framing.engine import Engine

        return Engine
    if name == "engine_from_settings":
        from framing.factory import engine_from_settings

        return engine_from_settings
    raise AttributeError(name)
