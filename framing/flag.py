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
    # the legal status the text establishes for the person the label refers to
    # (framing.status: wanted ... released, unknown), and the words that say so;
    # "" where the wording does not depend on it
    status: str = ""
    status_cue: str = ""
    # the span ``rewrite`` replaces when it is wider than the flag ("the alleged
    # murderer" -> "the person accused of murder"); None: the flag's own span
    rewrite_start: int | None = None
    rewrite_end: int | None = None

    @property
    def rewrite_span(self) -> tuple[int, int]:
        a = self.start if self.rewrite_start is None else self.rewrite_start
        b = self.end if self.rewrite_end is None else self.rewrite_end
        return a, b

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
            "status": self.status,
            "status_cue": self.status_cue,
            "rewrite_start": self.rewrite_span[0],
            "rewrite_end": self.rewrite_span[1],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Flag:
        rs, re_ = data.get("rewrite_start"), data.get("rewrite_end")
        if (rs, re_) == (data["start"], data["end"]):
            rs = re_ = None  # the flag's own span, as to_json writes it
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
            status=data.get("status", ""),
            status_cue=data.get("status_cue", ""),
            rewrite_start=rs,
            rewrite_end=re_,
        )


def apply_rewrites(text: str, flags: list[Flag] | tuple[Flag, ...]) -> str:
    """Apply every non-quoted rewrite, right to left so offsets stay valid.

    Overlapping flags: the first (leftmost, then longest) wins.
    """
    chosen: list[tuple[int, int, str]] = []
    last_end = -1
    spans = sorted(
        ((*f.rewrite_span, f) for f in flags if not f.quoted and f.rewrite is not None),
        key=lambda x: (x[0], -(x[1] - x[0])),
    )
    for a, b, f in spans:
        if a < last_end:
            continue
        chosen.append((a, b, f.rewrite or ""))
        last_end = b
    out = text
    for a, b, r in reversed(chosen):
        out = out[:a] + r + out[b:]
    return out
