"""Measuring the engine on annotated text: ``dataset`` (reading a JSONL set),
``scoring`` (the flagging policy's rules of evaluation), ``baseline`` (a plain
word-list checker to compare with) and ``cli`` (``framewatch eval``)."""
