"""Policy exemption 2: official names (institutions, registers, roles, laws)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index


def in_official_name(c: Candidate, s: Sentence, ix: Index) -> str | None:
    for a, b in ix.official_spans(s.text, c.key):
        if a <= c.start and c.end <= b:
            return f"inside official name '{s.text[a:b]}'"
    return None
