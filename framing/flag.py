"""One flag: what the engine found, where, why, and what to write instead.

This is the contract every consumer (CLI JSON, monitor storage, UI, awards
framing profile) relies on.  Offsets are Python string indices into the input
exactly as given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Flag:
    start: int
    end: int
    text: str
    entry: str  # lexicon entry id
    category: str
    severity: str  # "high" | "medium" | "low"
    quoted: bool  # inside a direct quotation: shown, never applied as a rewrite
    suggestions: tuple[str, ...]  # alternatives inflected for this occurrence
    rewrite: str | None  # ready replacement for text[start:end]; None when quoted or no fit
    why: str  # one paragraph
    sources: tuple[tuple[str, str], ...]  # (title, url)
    # how the engine decided, where that is not plain from the text: "a label
    # reported ('branded ... thug'): flagged as quoted"; "" otherwise
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entry": self.entry,
            "category": self.category,
            "severity": self.severity,
            "quoted": self.quoted,
            "suggestions": list(self.suggestions),
            "rewrite": self.rewrite,
            "why": self.why,
            "sources": [{"title": t, "url": u} for t, u in self.sources],
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Flag:
        return cls(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            entry=data["entry"],
            category=data["category"],
            severity=data["severity"],
            quoted=bool(data["quoted"]),
            suggestions=tuple(data.get("suggestions", ())),
            rewrite=data.get("rewrite"),
            why=data.get("why", ""),
            sources=tuple((s["title"], s["url"]) for s in data.get("sources", ())),
            note=data.get("note", ""),
        )


def apply_rewrites(text: str, flags: list[Flag] | tuple[Flag, ...]) -> str:
    """Apply every non-quoted rewrite, right to left so offsets stay valid.

    Overlapping flags: the first (leftmost, then longest) wins.
    """
    chosen: list[Flag] = []
    last_end = -1
    for f in sorted(flags, key=lambda f: (f.start, -(f.end - f.start))):
        if f.quoted or f.rewrite is None or f.start < last_end:
            continue
        chosen.append(f)
        last_end = f.end
    out = text
    for f in reversed(chosen):
        out = out[: f.start] + (f.rewrite or "") + out[f.end :]
    return out
