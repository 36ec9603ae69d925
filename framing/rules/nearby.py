"""``requires_nearby``: some senses only hold in a justice context ("lags")."""

from __future__ import annotations


def missing_nearby(c, s, ix) -> str | None:
    need = c.entry.requires_nearby
    if not need:
        return None
    words = s.word_set
    low = s.text.lower()
    for w in need:
        w = w.lower()
        if (" " in w and w in low) or w in words:
            return None
        # crude inflection: "prison" also covers "prisons"/"prisoner"
        if any(x.startswith(w) for x in words):
            return None
    return "no justice context nearby"
