"""The one-paragraph "why" shown with a flag."""

from __future__ import annotations

from lexicon.model import Entry


def why(entry: Entry) -> str:
    parts = [entry.rationale.strip()]
    if entry.advice:
        parts.append(entry.advice.strip())
    if entry.disagreement:
        parts.append("Where sources differ: " + entry.disagreement.strip())
    text = " ".join(p for p in parts if p)
    return " ".join(text.split())


def sources(entry: Entry) -> tuple[tuple[str, str], ...]:
    return tuple((s.title, s.url) for s in entry.sources)
