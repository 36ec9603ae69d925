"""What the review services return: plain, frozen dataclasses (the UI never
sees SQL rows or spaCy objects), the values they accept, and their error."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import FramewatchError

STATUSES = ("new", "in_review", "reviewed")
DECISIONS = ("pending", "accepted", "dismissed")
SEVERITIES = ("high", "medium", "low")
PAGE_SIZE = 200
# "coverage to amplify": a constructive score at least this (out of 100), or a
# lived-experience voice (issue 13)
AMPLIFY_SCORE = 50


class ReviewError(FramewatchError):
    """A review action cannot be done (unknown article or flag, bad value)."""


class DecisionConflict(ReviewError):
    """Someone else decided on the flag after it was shown to this reviewer:
    nothing was written.  ``current`` is the flag as it now stands (a
    :class:`ReviewFlag`), ``yours`` the decision that was not saved."""

    def __init__(self, current: ReviewFlag, yours: str) -> None:
        self.current = current
        self.yours = yours
        who = current.decided_by or "someone"
        when = _clock(current.decided_at)
        theirs = _SAID.get(current.decision, current.decision)
        super().__init__(
            f"flag {current.id} “{current.text}”: decided by {who}{when}: {theirs}; "
            f"yours: {_SAID.get(yours, yours)} (not saved: decide again to replace theirs)"
        )


# how a decision is said to a person
_SAID = {"accepted": "accept", "dismissed": "dismiss", "pending": "undecided"}


def _clock(iso: str | None) -> str:
    """' at 10:42' in local time (with the date when not today), or '' without a time."""
    from datetime import datetime

    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return f" at {iso}"
    today = datetime.now().astimezone().date()
    return f" at {when:%H:%M}" if when.date() == today else f" on {when:%d/%m/%Y} at {when:%H:%M}"


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class QueueFilter:
    """What the reviewer narrowed the queue to; empty fields mean "any"."""

    outlet: str = ""
    category: str = ""
    severity: str = ""
    status: str = ""
    date_from: str = ""  # ISO date, inclusive
    date_to: str = ""  # ISO date, inclusive
    search: str = ""  # headline or text contains (case-insensitive)
    sort: str = "date"
    descending: bool = True
    fold_copies: bool = True  # one row per story, syndicated copies counted
    hide_open_by_others: bool = False  # leave out articles another reviewer has open
    noise_threshold: float = (
        0.95  # [learning] fold_threshold: pending flags above are "probably noise"
    )
    amplify: bool = (
        False  # only coverage to amplify (score >= AMPLIFY_SCORE or a lived-experience voice)
    )


@dataclass(frozen=True)
class FlagCounts:
    """An article's flags as every list, sort, overview and report counts them:
    writer's-voice flags by severity, flags in quotations apart, dismissed ones
    left out (the definition is ``storage.queue``'s, in SQL)."""

    high: int = 0
    medium: int = 0
    low: int = 0
    quoted: int = 0
    pending: int = 0  # not yet decided, any voice

    @classmethod
    def of(cls, row: object | None) -> FlagCounts:
        """From a ``storage.queue.flag_counts`` row (None: an article without flags)."""
        if row is None:
            return cls()
        return cls(
            **{k: int(getattr(row, k) or 0) for k in ("high", "medium", "low", "quoted", "pending")}
        )

    @property
    def total(self) -> int:
        return self.high + self.medium + self.low + self.quoted

    def to_json(self) -> dict[str, int]:
        return {"high": self.high, "medium": self.medium, "low": self.low, "quoted": self.quoted}


@dataclass(frozen=True)
class QueueRow:
    article_id: int
    story_id: int | None
    published: str  # YYYY-MM-DD or ""
    outlet: str
    title: str
    status: str
    high: int  # writer's-voice flags by severity
    medium: int
    low: int
    quoted: int  # flags inside quotations (someone else's words)
    pending: int
    copies: int  # other articles folded into the same story
    open_by: str = ""  # another reviewer who has it open now ("" when no one)
    noise: int = 0  # pending flags the learned model folds as "probably noise" (counted apart)
    # its constructive profile (issue 13): None when not profiled yet
    score: int | None = None
    thematic: bool = False
    lived_experience: bool = False
    solutions: bool = False

    @property
    def total(self) -> int:
        return self.high + self.medium + self.low + self.quoted


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    total: int  # rows matching the filter, all pages
    offset: int
    limit: int


@dataclass(frozen=True)
class ReviewFlag:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    entry: str
    category: str
    severity: str
    quoted: bool
    suggestions: tuple[str, ...]
    rewrite: str | None
    why: str
    sources: tuple[tuple[str, str], ...]
    decision: str
    reason: str
    note: str
    decided_by: str
    decided_at: str | None
    field: str = "text"  # where start/end point: the headline ('title') or the body ('text')
    # since the last re-analysis: current | changed (not as decided) | vanished (no longer found)
    lexicon_state: str = "current"
    previous: tuple[tuple[str, object], ...] = ()  # changed: what it was when decided
    version: int = 0  # what a decision on it is checked against (optimistic concurrency)
    # the legal status the engine read for the person, and its cue (framing.status)
    status: str = ""
    status_cue: str = ""

    @property
    def lexicon_note(self) -> str:
        """What a reviewer must know about a flag a lexicon change touched ('' if none)."""
        if self.lexicon_state == "vanished":
            return "no longer flagged by the lexicon (kept for its decision; not counted)"
        if self.lexicon_state == "changed":
            was = ", ".join(f"{k} was {v}" for k, v in self.previous)
            return "changed since it was decided" + (f" ({was})" if was else "")
        return ""


@dataclass(frozen=True)
class Copy:
    article_id: int
    outlet: str
    title: str
    url: str


@dataclass(frozen=True)
class ArticleView:
    id: int
    title: str
    outlet: str
    url: str
    author: str
    published_at: str | None
    status: str
    note: str
    text: str
    model: str | None
    story_id: int | None
    flags: tuple[ReviewFlag, ...]  # headline flags first, then the body's, each in reading order
    copies: tuple[Copy, ...] = ()
    # what the monitor recorded about it (shown by 'framewatch articles show')
    fetched_at: str = ""
    published_claimed: str | None = None  # the feed's date, when it was impossible
    relevance: float = 0.0
    relevant: bool = False
    text_source: str = ""
    extract_note: str | None = None
    analysed_at: str | None = None
    open_by: str = ""  # another reviewer who has it open now, and until when
    open_until: str | None = None
    profile: dict | None = None  # the stored constructive profile's JSON (issue 13), or None

    @property
    def title_flags(self) -> tuple[ReviewFlag, ...]:
        return tuple(f for f in self.flags if f.field == "title")

    @property
    def text_flags(self) -> tuple[ReviewFlag, ...]:
        return tuple(f for f in self.flags if f.field != "title")


@dataclass(frozen=True)
class LexiconStat:
    entry: str
    category: str
    severity: str
    forms: tuple[str, ...]
    sense: str
    rationale: str
    advice: str
    suggestions: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]
    fired: int
    accepted: int
    dismissed: int
    pending: int


@dataclass(frozen=True)
class Series:
    label: str
    counts: tuple[int, ...]  # one per week, oldest first (writer's-voice flags)
    quoted: int = 0  # flags in quotations over the whole span

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ProfileShare:
    """One outlet's month of profiled coverage (issue 13), beside its flag rate."""

    outlet: str
    month: str  # YYYY-MM
    articles: int
    thematic: float  # shares, 0..1
    lived_experience: float
    solutions: float
    mean_score: float
    flags_per_1000: float  # flags in the writer's own voice per 1,000 words


@dataclass(frozen=True)
class Overview:
    """Flags counted as every list counts them: ``flags`` and the series are the
    writer's own (dismissed left out), ``quoted`` the ones in quotations."""

    weeks: tuple[str, ...]  # ISO date of each week's Monday, oldest first
    by_outlet: tuple[Series, ...]
    by_category: tuple[Series, ...]
    articles: int
    flags: int
    quoted: int = 0
    # per-reviewer progress from the decision log (a team on one database)
    reviewers: tuple[ReviewerProgress, ...] = ()
    profiles: tuple[ProfileShare, ...] = ()


@dataclass(frozen=True)
class Options:
    """Values the queue filters can take, read from the data."""

    outlets: tuple[str, ...]
    categories: tuple[str, ...]
    statuses: tuple[str, ...] = STATUSES
    severities: tuple[str, ...] = SEVERITIES


@dataclass(frozen=True)
class ListedArticle:
    """One line of ``framewatch articles``."""

    id: int
    outlet: str
    title: str
    url: str
    story_id: int | None
    relevance: float
    relevant: bool
    status: str
    published_at: str | None
    text_source: str
    counts: FlagCounts

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "story_id": self.story_id,
            "relevance": self.relevance,
            "relevant": self.relevant,
            "status": self.status,
            "published_at": self.published_at,
            "text_source": self.text_source,
            "flags": self.counts.to_json(),
            "pending": self.counts.pending,
        }


@dataclass(frozen=True)
class ReviewerProgress:
    """One reviewer's work, from the decision log."""

    reviewer: str
    decisions: int  # every decision they made (changes of mind included)
    accepted: int
    dismissed: int
    standing: int  # flags whose current decision is theirs
