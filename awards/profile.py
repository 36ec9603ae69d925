"""The framing profile of a nominated piece: evidence for the sift, not a verdict.

Flags per 1,000 words by category, split into the writer's own voice and
direct quotation (a journalist quoting a minister's "thugs" is reporting, not
framing).  Stored as JSON on the nomination so the sift panel and the judge
packs see the same figures the engine produced at the time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from awards.rules import count_words


@dataclass(frozen=True)
class CategoryCount:
    category: str
    voice: int
    quoted: int
    voice_per_1000: float
    quoted_per_1000: float


@dataclass(frozen=True)
class Profile:
    words: int
    voice: int
    quoted: int
    voice_per_1000: float
    quoted_per_1000: float
    categories: tuple[CategoryCount, ...]
    source: str  # "engine" (run on the text) | "review" (the monitor's stored flags, dismissed ones left out)
    model: str
    computed_at: str
    note: str = ""

    def to_json(self) -> dict:
        return {
            "words": self.words,
            "voice": self.voice,
            "quoted": self.quoted,
            "voice_per_1000": self.voice_per_1000,
            "quoted_per_1000": self.quoted_per_1000,
            "categories": [c.__dict__ for c in self.categories],
            "source": self.source,
            "model": self.model,
            "computed_at": self.computed_at,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, d: dict) -> Profile:
        return cls(
            words=d["words"],
            voice=d["voice"],
            quoted=d["quoted"],
            voice_per_1000=d["voice_per_1000"],
            quoted_per_1000=d["quoted_per_1000"],
            categories=tuple(CategoryCount(**c) for c in d.get("categories", ())),
            source=d.get("source", ""),
            model=d.get("model", ""),
            computed_at=d.get("computed_at", ""),
            note=d.get("note", ""),
        )

    def summary(self) -> str:
        """One line for tables: '3.2/1k own voice, 1.1/1k quoted (812 words)'."""
        if not self.words:
            return "no text analysed"
        return (
            f"{self.voice_per_1000:.1f}/1k own voice, {self.quoted_per_1000:.1f}/1k quoted "
            f"({self.words} words)"
        )


def _rate(n: int, words: int) -> float:
    return round(1000 * n / words, 2) if words else 0.0


def build_profile(
    text: str, flags: Iterable, *, source: str, model: str, computed_at: str, note: str = ""
) -> Profile:
    """Aggregate flags (anything with ``.category`` and ``.quoted``) over ``text``."""
    words = count_words(text)
    per: dict[str, list[int]] = {}
    for f in flags:
        counts = per.setdefault(f.category, [0, 0])
        counts[1 if f.quoted else 0] += 1
    cats = tuple(
        CategoryCount(cat, v, q, _rate(v, words), _rate(q, words))
        for cat, (v, q) in sorted(per.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    )
    voice = sum(c.voice for c in cats)
    quoted = sum(c.quoted for c in cats)
    return Profile(
        words,
        voice,
        quoted,
        _rate(voice, words),
        _rate(quoted, words),
        cats,
        source,
        model,
        computed_at,
        note,
    )
