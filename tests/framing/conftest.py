"""One real engine (real lexicon, real spaCy model) for the whole session."""

from __future__ import annotations

import pytest

from framing import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def analyse(engine):
    """analyse(text, word) -> (candidate, sentence) for the candidate matching ``word``,
    with the sentence tagged by the real model, so one rule can be called directly."""
    from framing.analysis import candidates, tagged_sentence

    def run(text: str, word: str, entry: str | None = None):
        s = tagged_sentence(engine.nlp, text)
        for c in candidates(text, engine.index):
            if c.text.lower() == word.lower() and (entry is None or c.entry.id == entry):
                return c, s
        raise AssertionError(f"no candidate {word!r} in {text!r}")

    return run
