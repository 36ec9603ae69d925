"""App-wide foundations every domain package may import: the error hierarchy,
settings, file locations, text-safety tables, logging and the root command.

``core`` imports no domain package (``lexicon``, ``framing``, ``storage``,
``monitor``, ``awards``, ``tui``); the root command reaches their commands by
"module:attr" strings, imported only when a command is used.
"""
