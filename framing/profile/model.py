"""The profile's data contract: what every consumer (CLI JSON, storage, UI, awards) reads.

Every part carries its evidence (spans into the text, the cue that decided a
role, the features that drove the frame), so nothing in a profile is an
opaque number.  Offsets are Python string indices into the text as given.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# the roles a speaker may have, in the order the UI lists them
ROLES: tuple[str, ...] = (
    "police_prosecution",
    "courts",
    "government",
    "prison_probation",
    "lived_experience",
    "victims",
    "charities",
    "research",
    "other",
)
ROLE_LABELS: dict[str, str] = {
    "police_prosecution": "police and prosecution",
    "courts": "courts",
    "government": "government and politicians",
    "prison_probation": "prison and probation services",
    "lived_experience": "lived experience",
    "victims": "victims and families",
    "charities": "charities and campaigners",
    "research": "researchers and inspectorates",
    "other": "other",
}
# official voices: the ones coverage usually carries; the rest are what amplifying looks for
OFFICIAL_ROLES = frozenset({"police_prosecution", "courts", "government", "prison_probation"})


@dataclass(frozen=True)
class Voice:
    """One quotation and who said it.  ``kind`` is "direct" (in quotation marks)
    or "reported" ("X said that ...", "according to X")."""

    kind: str
    quote_start: int
    quote_end: int
    speaker_start: int | None  # None: no speaker found
    speaker_end: int | None
    speaker: str
    role: str
    cue: str  # what decided the role: "organisation: Howard League", "title: Det Insp", ...
    how: str  # how the speaker was found: "said X", "X said", "according to X", "earlier sentence", ...
    quote: str


@dataclass(frozen=True)
class Contribution:
    """One feature's part in a classifier's decision: value times weight."""

    feature: str
    value: float
    weight: float

    @property
    def effect(self) -> float:
        return self.value * self.weight


@dataclass(frozen=True)
class Decision:
    """A binary decision of a shipped linear model, with the features that drove it."""

    label: str  # "thematic"/"episodic", or "yes"/"no"
    probability: float  # of the positive class
    drivers: tuple[Contribution, ...]  # largest effects first


@dataclass(frozen=True)
class Mention:
    """A span naming a response that works, or a piece of evidence."""

    start: int
    end: int
    text: str
    kind: str  # e.g. "restorative justice", "inspectorate report"


@dataclass(frozen=True)
class Language:
    """Flags per 1,000 words of the body by severity; headline flags counted apart."""

    words: int
    per_1000: tuple[tuple[str, float], ...]  # (severity, rate), high -> low
    own_voice_per_1000: float  # flags outside quotations: the writer's own words
    headline_flags: int
    headline_entries: tuple[str, ...]


@dataclass(frozen=True)
class ScorePart:
    """Points of the constructive score, with the reason in words."""

    part: str
    points: int
    out_of: int
    reason: str


@dataclass(frozen=True)
class Profile:
    words: int
    voices: tuple[Voice, ...]
    frame: Decision
    solutions: Decision
    solution_spans: tuple[Mention, ...]
    evidence: Decision
    evidence_spans: tuple[Mention, ...]
    language: Language
    score: int
    score_parts: tuple[ScorePart, ...]

    @property
    def thematic(self) -> bool:
        return self.frame.label == "thematic"

    @property
    def roles(self) -> dict[str, int]:
        """Quotations per role."""
        out: dict[str, int] = {}
        for v in self.voices:
            out[v.role] = out.get(v.role, 0) + 1
        return out

    @property
    def lived_experience(self) -> bool:
        return any(v.role == "lived_experience" for v in self.voices)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["thematic"] = self.thematic
        data["lived_experience"] = self.lived_experience
        data["roles"] = self.roles
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        def decision(d: dict[str, Any]) -> Decision:
            return Decision(
                label=d["label"],
                probability=float(d["probability"]),
                drivers=tuple(Contribution(**c) for c in d["drivers"]),
            )

        lang = data["language"]
        return cls(
            words=int(data["words"]),
            voices=tuple(Voice(**v) for v in data["voices"]),
            frame=decision(data["frame"]),
            solutions=decision(data["solutions"]),
            solution_spans=tuple(Mention(**m) for m in data["solution_spans"]),
            evidence=decision(data["evidence"]),
            evidence_spans=tuple(Mention(**m) for m in data["evidence_spans"]),
            language=Language(
                words=int(lang["words"]),
                per_1000=tuple((s, float(r)) for s, r in lang["per_1000"]),
                own_voice_per_1000=float(lang["own_voice_per_1000"]),
                headline_flags=int(lang["headline_flags"]),
                headline_entries=tuple(lang["headline_entries"]),
            ),
            score=int(data["score"]),
            score_parts=tuple(ScorePart(**p) for p in data["score_parts"]),
        )
