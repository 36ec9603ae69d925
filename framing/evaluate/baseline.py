"""The comparison baseline: a plain word-list checker over the same lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from framing.flag import Flag
from lexicon.load import load_lexicon
from lexicon.model import Entry, Lexicon


class NaiveBaseline:
    """What a word-list checker does: every surface form, whole word, any case.

    No part-of-speech, no exceptions, no official names, no quotation
    detection (``quoted`` is always False).  It shows what the engine's context
    handling buys on the same data.
    """

    model_name = "naive whole-word matching"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        if lexicon is None:
            lexicon = load_lexicon()
        self._entries: dict[str, Entry] = {}
        for entry in lexicon.entries:
            for form in entry.forms:
                # first entry wins on a shared form, as a word list would
                self._entries.setdefault(form.text.lower(), entry)
        forms = sorted(self._entries, key=len, reverse=True)
        body = "|".join(re.escape(f) for f in forms) or r"(?!x)x"
        self._rx = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)

    def check(self, text: str, fmt: str = "text") -> list[Flag]:
        flags = []
        for m in self._rx.finditer(text):
            entry = self._entries[m.group(0).lower()]
            flags.append(
                Flag(
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0),
                    entry=entry.id,
                    category=entry.category,
                    severity=entry.severity,
                    quoted=False,
                    suggestions=(),
                    rewrite=None,
                    why="",
                    sources=(),
                )
            )
        return flags

    def check_many(self, texts: Iterable[str], fmt: str = "text") -> Iterator[list[Flag]]:
        for t in texts:
            yield self.check(t, fmt)
