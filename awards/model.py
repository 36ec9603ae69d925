"""The awards' plain data: what the services return (frozen dataclasses), and
how a stored row becomes one (JSON columns decoded)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from awards import rules
from awards.profile import Profile
from awards.rules import Reason, Result
from storage.db import Row


@dataclass(frozen=True)
class Cycle:
    id: int
    year: int
    name: str
    window_start: str
    window_end: str
    categories: tuple[str, ...]
    criteria: tuple[tuple[str, str], ...]  # (key, label)
    scale: tuple[int, int]
    max_items: int
    max_citation_words: int
    shortlist_target: int
    created_at: str
    created_by: str
    highly_commended_max: int = rules.DEFAULT_HIGHLY_COMMENDED_MAX
    archived_at: str | None = None
    archived_by: str = ""

    @property
    def archived(self) -> bool:
        """Archived cycles are read-only and hidden from the defaults."""
        return self.archived_at is not None

    @property
    def criterion_keys(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.criteria)

    def rules(self) -> rules.CycleRules:
        return rules.CycleRules(
            self.categories,
            self.window_start,
            self.window_end,
            self.max_items,
            self.max_citation_words,
        )

    def to_json(self) -> dict:
        d = dict(self.__dict__)
        d["categories"] = list(self.categories)
        d["criteria"] = [{"key": k, "label": v} for k, v in self.criteria]
        d["scale"] = list(self.scale)
        return d


@dataclass(frozen=True)
class Nomination:
    id: int
    cycle_id: int
    category: str
    article_id: int | None
    title: str
    outlet: str
    journalists: tuple[str, ...]
    url: str
    published_on: str | None
    nominator: str
    citation: str
    eligibility: str
    reasons: tuple[Reason, ...]
    override_reason: str
    stage: str
    stage_reason: str
    decision: str
    decision_note: str
    profile: Profile | None
    profile_note: str
    created_at: str
    created_by: str

    @property
    def citation_words(self) -> int:
        return rules.count_words(self.citation)

    @property
    def nominee(self) -> str:
        return ", ".join(self.journalists) or self.outlet

    @property
    def judged(self) -> bool:
        """Scored, ranked and decided: see :func:`awards.rules.judged`."""
        return rules.judged(self.stage, self.eligibility)

    @property
    def reasons_text(self) -> str:
        return "; ".join(r.message for r in self.reasons)

    def to_json(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k not in ("profile", "reasons")}
        d["journalists"] = list(self.journalists)
        d["reasons"] = [r.to_json() for r in self.reasons]
        d["citation_words"] = self.citation_words
        d["profile"] = self.profile.to_json() if self.profile else None
        return d


@dataclass(frozen=True)
class Judge:
    id: int
    cycle_id: int
    name: str
    removed_at: str | None = None  # taken off the panel: their scores stop counting
    removed_by: str = ""
    removed_reason: str = ""

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


@dataclass(frozen=True)
class Recusal:
    nomination_id: int
    title: str
    judge: str
    reason: str
    at: str
    by: str


@dataclass(frozen=True)
class ScoreSheet:
    nomination_id: int
    judge: str
    scores: dict[str, int]
    comment: str
    complete: bool
    recused: bool
    updated_at: str
    removed: bool = False  # the judge was taken off the panel: kept, not counted


@dataclass(frozen=True)
class ResultRow:
    """A shortlisted entry's result and its place in its category.

    ``rank`` is competition ranking on the raw mean (1, =2, =2, 4), None until
    a sheet counts; ``removed`` names judges taken off the panel whose sheets
    on this entry are kept but not counted."""

    nomination: Nomination
    result: Result
    rank: int | None = None
    tied: bool = False
    removed: tuple[str, ...] = ()

    @property
    def rank_label(self) -> str:
        if self.rank is None:
            return ""
        return f"={self.rank}" if self.tied else str(self.rank)

    def to_json(self) -> dict:
        r = self.result
        return {
            "rank": self.rank,
            "tied": self.tied,
            "nomination_id": self.nomination.id,
            "category": self.nomination.category,
            "title": self.nomination.title,
            "nominee": self.nomination.nominee,
            "stage": self.nomination.stage,
            "decision": self.nomination.decision,
            "n_judges": r.n_judges,
            "mean": r.mean,
            "low": r.low,
            "high": r.high,
            "spread": r.spread,
            "sd": r.sd,
            "disagreement": r.disagreement,
            "normalised": r.normalised,
            "n_normalised": r.n_normalised,
            "recused": list(r.recused),
            "incomplete": list(r.incomplete),
            "removed_judges": list(self.removed),
            "criterion_means": r.criterion_means,
        }


@dataclass(frozen=True)
class AuditEntry:
    id: int
    cycle_id: int | None
    at: str
    who: str
    action: str
    entity: str
    entity_id: int | None
    details: dict

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class CategoryProgress:
    category: str
    longlist: int
    shortlist: int
    declined: int
    target: int


@dataclass(frozen=True)
class ArticleInfo:
    """What the nominate dialog shows about a monitor article."""

    id: int
    title: str
    outlet: str
    author: str
    url: str
    published_on: str | None
    words: int
    journalists: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Reassessed:
    """A nomination whose eligibility changed when the cycle's rules did."""

    nomination_id: int
    title: str
    before: str
    after: str
    reasons: tuple[Reason, ...]
    # Made ineligible while shortlisted (no override): moved back to the
    # longlist, and any decision it held cleared (that decision's label).
    unshortlisted: bool = False
    decision_cleared: str = ""


@dataclass(frozen=True)
class JudgeProgress:
    """Where one judge stands on the shortlisted entries (by nomination id)."""

    judge: str
    removed: bool
    scored: tuple[int, ...]  # every criterion scored
    partly: tuple[tuple[int, int], ...]  # (nomination, criteria scored so far)
    missing: tuple[int, ...]  # nothing scored yet
    recused: tuple[int, ...]

    def to_json(self) -> dict:
        return {
            "judge": self.judge,
            "removed": self.removed,
            "scored": list(self.scored),
            "partly": [{"nomination_id": n, "scored": k} for n, k in self.partly],
            "missing": list(self.missing),
            "recused": list(self.recused),
        }


@dataclass(frozen=True)
class JudgingProgress:
    """Who has scored what among the shortlisted entries, and what is missing."""

    entries: tuple[Nomination, ...]  # the shortlisted entries, by category then id
    criteria: int
    judges: tuple[JudgeProgress, ...]  # the panel in the order added; removed ones last

    def complete_sheets(self, nomination_id: int) -> int:
        """Counted complete sheets on an entry (removed judges left out)."""
        return sum(1 for j in self.judges if not j.removed and nomination_id in j.scored)

    def expected_sheets(self, nomination_id: int) -> int:
        """Judges on the panel who have not recused from the entry."""
        return sum(1 for j in self.judges if not j.removed and nomination_id not in j.recused)


@dataclass(frozen=True)
class DeletedCycle:
    """What a deleted cycle held (the audit entry says the same)."""

    id: int
    name: str
    nominations: int
    judges: int


def cycle_from_row(row: Row) -> Cycle:
    return Cycle(
        id=row.id,
        year=row.year,
        name=row.name,
        window_start=row.window_start,
        window_end=row.window_end,
        categories=tuple(json.loads(row.categories)),
        criteria=tuple((k, v) for k, v in json.loads(row.criteria)),
        scale=(row.scale_min, row.scale_max),
        max_items=row.max_items,
        max_citation_words=row.max_citation_words,
        shortlist_target=row.shortlist_target,
        created_at=row.created_at,
        created_by=row.created_by,
        highly_commended_max=row.highly_commended_max,
        archived_at=row.archived_at,
        archived_by=row.archived_by,
    )


def judge_from_row(row: Row) -> Judge:
    return Judge(row.id, row.cycle_id, row.name, row.removed_at, row.removed_by, row.removed_reason)


def nomination_from_row(row: Row) -> Nomination:
    prof, note = None, ""
    if row.profile:
        data = json.loads(row.profile)
        if "unavailable" in data:
            note = data["unavailable"]
        else:
            prof = Profile.from_json(data)
    return Nomination(
        id=row.id,
        cycle_id=row.cycle_id,
        category=row.category,
        article_id=row.article_id,
        title=row.title,
        outlet=row.outlet,
        journalists=tuple(json.loads(row.journalists)),
        url=row.url,
        published_on=row.published_on,
        nominator=row.nominator,
        citation=row.citation,
        eligibility=row.eligibility,
        reasons=tuple(Reason(**r) for r in json.loads(row.reasons)),
        override_reason=row.override_reason,
        stage=row.stage,
        stage_reason=row.stage_reason,
        decision=row.decision,
        decision_note=row.decision_note,
        profile=prof,
        profile_note=note,
        created_at=row.created_at,
        created_by=row.created_by,
    )
