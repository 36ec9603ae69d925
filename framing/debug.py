"""Why was (or wasn't) each candidate in a sentence flagged?  For tuning and tests.

python -m framing.debug "An inmate's cell was searched."
"""

from __future__ import annotations

import sys

from framing.analysis import candidates, tagged_sentence
from framing.engine import Engine
from framing.rules import TAG_RULES, TEXT_RULES, first_exemption


def explain(engine: Engine, sentence_text: str) -> list[tuple[str, str, str | None]]:
    """(matched text, entry id, exemption reason or None) for each candidate."""
    s = tagged_sentence(engine.nlp, sentence_text)
    out = []
    for c in candidates(sentence_text, engine.index):
        reason = first_exemption(TEXT_RULES, c, s, engine.index) or first_exemption(
            TAG_RULES, c, s, engine.index
        )
        out.append((c.text, c.entry.id, reason))
    return out


if __name__ == "__main__":
    eng = Engine()
    for text in sys.argv[1:]:
        for row in explain(eng, text):
            print(row)
